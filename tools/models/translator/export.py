#!/usr/bin/env python3
"""ONNX exports of the teaching translator.

A. transformers.js Marian layout (encoder_model.onnx + decoder_model_merged.onnx with KV cache)
B. the instrumented teaching graph (every intermediate tensor is a named output) + outputs.json
and the PyTorch truth fixture for B.

Usage: python export.py CHECKPOINT.pt MODEL_DIR [--truth FIXTURE.json]
"""
from __future__ import annotations

import argparse
import json
import math
import pathlib

import onnx
import torch
from onnx import TensorProto, helper

import data
from model import MASK_VALUE, Translator

OPSET = 17
EXPORT_MAX_LEN = 512


# ---------------------------------------------------------------- A: transformers.js layout
class EncoderWrapper(torch.nn.Module):
    def __init__(self, m: Translator):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask):
        return self.m.encode(input_ids, attention_mask)


class DecoderWrapper(torch.nn.Module):
    """Decoder step with self-attention KV cache.

    The cross-attention keys/values are recomputed from encoder_hidden_states at every step (cheap
    at this size), so `past_key_values.{i}.encoder.*` and `use_cache_branch` are accepted but not
    read; `present.{i}.encoder.*` are still returned, as transformers.js expects.
    """

    def __init__(self, m: Translator):
        super().__init__()
        self.m = m

    def forward(self, input_ids, encoder_attention_mask, encoder_hidden_states, *past_flat):
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(len(self.m.dec))]
        logits, presents = self.m.decode(input_ids, encoder_hidden_states, encoder_attention_mask, past)
        out = [logits]
        for (dk, dv), (ek, ev) in presents:
            out += [dk, dv, ek, ev]
        return tuple(out)


def add_unused_inputs(path: pathlib.Path, n_layers: int, heads: int, dh: int) -> None:
    """Declare the inputs transformers.js feeds but this graph does not read (see DecoderWrapper)."""
    m = onnx.load(str(path))
    names = {i.name for i in m.graph.input}
    for i in range(n_layers):
        for kind in ("key", "value"):
            name = f"past_key_values.{i}.encoder.{kind}"
            if name not in names:
                m.graph.input.append(helper.make_tensor_value_info(
                    name, TensorProto.FLOAT, ["batch_size", heads, "encoder_sequence_length_out", dh]))
    if "use_cache_branch" not in names:
        m.graph.input.append(helper.make_tensor_value_info("use_cache_branch", TensorProto.BOOL, [1]))
    onnx.checker.check_model(m)
    onnx.save(m, str(path))


def export_transformersjs(model: Translator, out_dir: pathlib.Path) -> None:
    onnx_dir = out_dir / "onnx"
    onnx_dir.mkdir(parents=True, exist_ok=True)
    model.eval()
    n_dec, heads, dh = len(model.dec), model.heads, model.d // model.heads
    src = torch.tensor([[5, 6, 7, 8, data.EOS]])
    keep = torch.ones_like(src)
    with torch.no_grad():
        torch.onnx.export(
            EncoderWrapper(model), (src, keep), str(onnx_dir / "encoder_model.onnx"),
            input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": {0: "batch_size", 1: "encoder_sequence_length"},
                          "attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
                          "last_hidden_state": {0: "batch_size", 1: "encoder_sequence_length"}},
            opset_version=OPSET, do_constant_folding=True)
        enc = model.encode(src, keep)
        tgt = torch.tensor([[data.BOS, 9]])
        past, in_names, out_names = [], [], ["logits"]
        dyn = {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
               "encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
               "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
               "logits": {0: "batch_size", 1: "decoder_sequence_length"}}
        for i in range(n_dec):
            for kind in ("key", "value"):
                past.append(torch.randn(1, heads, 3, dh))
                name = f"past_key_values.{i}.decoder.{kind}"
                in_names.append(name)
                dyn[name] = {0: "batch_size", 2: "past_decoder_sequence_length"}
            for part in ("decoder", "encoder"):
                for kind in ("key", "value"):
                    name = f"present.{i}.{part}.{kind}"
                    out_names.append(name)
                    dyn[name] = {0: "batch_size", 2: ("past_decoder_sequence_length + 1" if part == "decoder"
                                                      else "encoder_sequence_length_out")}
        path = onnx_dir / "decoder_model_merged.onnx"
        torch.onnx.export(
            DecoderWrapper(model), (tgt, keep, enc, *past), str(path),
            input_names=["input_ids", "encoder_attention_mask", "encoder_hidden_states", *in_names],
            output_names=out_names, dynamic_axes=dyn, opset_version=OPSET, do_constant_folding=True)
    add_unused_inputs(path, n_dec, heads, dh)


def hf_config(model: Translator, vocab_size: int, ff: int, max_len: int) -> dict:
    return {
        "model_type": "marian",
        "architectures": ["MarianMTModel"],
        "is_encoder_decoder": True,
        "d_model": model.d,
        "encoder_layers": len(model.enc),
        "decoder_layers": len(model.dec),
        "encoder_attention_heads": model.heads,
        "decoder_attention_heads": model.heads,
        "encoder_ffn_dim": ff,
        "decoder_ffn_dim": ff,
        "vocab_size": vocab_size,
        "decoder_vocab_size": vocab_size,
        "max_position_embeddings": max_len,
        "max_length": 40,
        "pad_token_id": data.PAD,
        "bos_token_id": data.BOS,
        "eos_token_id": data.EOS,
        "decoder_start_token_id": data.BOS,
        "forced_eos_token_id": data.EOS,
        "activation_function": "relu",
        "scale_embedding": True,
        "normalize_before": False,
        "share_encoder_decoder_embeddings": True,
        "tie_word_embeddings": True,
        "dropout": 0.0,
        "use_cache": True,
        "transformers.js_config": {"dtype": "fp32"},
        "teaching_notes": ("Own PyTorch model exported to the Marian ONNX layout: post-layer-norm, ReLU, "
                           "interleaved sinusoidal positions (sin even / cos odd dims), embeddings x sqrt(d_model), "
                           "one shared embedding for encoder, decoder and output projection. No PyTorch weights "
                           "are shipped; only the ONNX files are meant to be run."),
    }


def generation_config() -> dict:
    return {"bos_token_id": data.BOS, "decoder_start_token_id": data.BOS, "eos_token_id": data.EOS,
            "pad_token_id": data.PAD, "forced_eos_token_id": data.EOS, "max_length": 40, "num_beams": 1,
            "do_sample": False}


# ---------------------------------------------------------------- B: teaching graph
def output_names(n_enc: int, n_dec: int) -> list[str]:
    attn = ["q", "k", "v", "scores", "weights", "context", "out", "norm"]
    names = ["src.embed", "src.pos", "enc.input"]
    for i in range(n_enc):
        names += [f"enc.{i}.self.{a}" for a in attn]
        names += [f"enc.{i}.ffn.hidden", f"enc.{i}.ffn.out", f"enc.{i}.out"]
    names += ["tgt.embed", "tgt.pos", "dec.input"]
    for i in range(n_dec):
        names += [f"dec.{i}.self.{a}" for a in attn]
        names += [f"dec.{i}.cross.{a}" for a in attn]
        names += [f"dec.{i}.ffn.hidden", f"dec.{i}.ffn.out", f"dec.{i}.out"]
    return names + ["logits", "probs"]


def teaching_record(model: Translator, src_ids: torch.Tensor, tgt_ids: torch.Tensor) -> dict:
    """All intermediates for one sentence, batch axis removed."""
    rec: dict = {}
    keep = torch.ones_like(src_ids)
    enc = model.encode(src_ids, keep, rec)
    model.decode(tgt_ids, enc, keep, None, rec)
    return {k: v[0] for k, v in rec.items()}


class TeachingWrapper(torch.nn.Module):
    def __init__(self, m: Translator):
        super().__init__()
        self.m = m
        self.names = output_names(len(m.enc), len(m.dec))

    def forward(self, src_ids, tgt_ids):
        rec = teaching_record(self.m, src_ids, tgt_ids)
        return tuple(rec[n] for n in self.names)


def describe(name: str, d: int, h: int, ff: int, v: int = 0, last_enc: int = 1) -> tuple[list, str, str]:
    """(symbolic shape, description, axes) of one teaching output."""
    dh = d // h
    parts = name.split(".")
    L = "S" if parts[0] in ("src", "enc") else "T"
    if name in ("src.embed", "tgt.embed"):
        side = "source (English)" if L == "S" else "decoder input (French, starts with <s>)"
        return [L, d], f"token embeddings of the {side}, already multiplied by sqrt(d_model) = {math.sqrt(d):.4f}", "position, feature"
    if name in ("src.pos", "tgt.pos"):
        return [L, d], "sinusoidal positional encoding: even features sin(pos/10000^(2i/d)), odd features cos(...)", "position, feature"
    if name in ("enc.input", "dec.input"):
        return [L, d], "embedding + positional encoding: the input of the first layer", "position, feature"
    if name == "logits":
        return ["T", v], "scores for the next token after each decoder position (tied embedding matrix + bias)", "position, vocabulary id"
    if name == "probs":
        return ["T", v], "softmax of logits: probability of each next token", "position, vocabulary id"
    stack, layer, block = parts[0], parts[1], parts[2]
    where = f"{'encoder' if stack == 'enc' else 'decoder'} layer {layer}"
    if block == "ffn":
        if parts[3] == "hidden":
            return [L, ff], f"{where} feed-forward hidden layer after ReLU", "position, hidden unit"
        return [L, d], f"{where} feed-forward output (second linear layer, before the residual)", "position, feature"
    if block == "out":
        return [L, d], f"{where} output: LayerNorm(x + feed-forward(x))" + (" (the encoder output that cross-attention reads)" if stack == "enc" and int(layer) == last_enc else ""), "position, feature"
    kind = {"self": ("masked self-attention" if stack == "dec" else "self-attention"), "cross": "cross-attention"}[block]
    q_len, k_len = L, ("S" if block == "cross" else L)
    what = parts[3]
    src_note = " (from the encoder output)" if block == "cross" else ""
    table = {
        "q": ([h, q_len, dh], f"{where} {kind} queries, split into heads", "head, query position, head feature"),
        "k": ([h, k_len, dh], f"{where} {kind} keys{src_note}, split into heads", "head, key position, head feature"),
        "v": ([h, k_len, dh], f"{where} {kind} values{src_note}, split into heads", "head, key position, head feature"),
        "scores": ([h, q_len, k_len], f"{where} {kind} scores q.k/sqrt(d_head) before softmax"
                   + (f"; future positions set to {MASK_VALUE:g}" if kind == "masked self-attention" else ""),
                   "head, query position, key position"),
        "weights": ([h, q_len, k_len], f"{where} {kind} weights (softmax of scores, rows sum to 1)", "head, query position, key position"),
        "context": ([h, q_len, dh], f"{where} {kind} weighted sum of values per head (before the output projection)", "head, query position, head feature"),
        "out": ([q_len, d], f"{where} {kind} output after concatenating heads and the output projection", "position, feature"),
        "norm": ([q_len, d], f"{where} LayerNorm(x + {kind} output): residual + norm", "position, feature"),
    }
    return table[what]


def export_teaching(model: Translator, out_dir: pathlib.Path, ff: int, vocab: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    w = TeachingWrapper(model).eval()
    src = torch.tensor([[5, 6, 7, data.EOS]])
    tgt = torch.tensor([[data.BOS, 8, 9]])
    dyn = {"src_ids": {1: "S"}, "tgt_ids": {1: "T"}}
    for n in w.names:
        shape, _, _ = describe(n, model.d, model.heads, ff, len(vocab), len(model.enc) - 1)
        dyn[n] = {i: s for i, s in enumerate(shape) if s in ("S", "T")}
    with torch.no_grad():
        torch.onnx.export(w, (src, tgt), str(out_dir / "graph.onnx"), input_names=["src_ids", "tgt_ids"],
                          output_names=w.names, dynamic_axes=dyn, opset_version=OPSET, do_constant_folding=True)
    outputs = []
    for n in w.names:
        shape, desc, axes = describe(n, model.d, model.heads, ff, len(vocab), len(model.enc) - 1)
        outputs.append({"name": n, "shape": shape, "axes": axes, "description": desc})
    meta = {
        "graph": "graph.onnx",
        "inputs": [
            {"name": "src_ids", "shape": [1, "S"], "dtype": "int64",
             "description": "source token ids from tokenizer.json (English words, then </s>)"},
            {"name": "tgt_ids", "shape": [1, "T"], "dtype": "int64",
             "description": "teacher-forced decoder input: <s> (id 1) then the French tokens so far"},
        ],
        "symbols": {"S": "source length incl. </s>", "T": "decoder input length incl. <s>",
                    "V": len(vocab), "d_model": model.d, "heads": model.heads, "d_head": model.d // model.heads,
                    "d_ff": ff, "encoder_layers": len(model.enc), "decoder_layers": len(model.dec)},
        "conventions": {
            "batch": "the batch axis is removed from every output (one sentence at a time)",
            "layer_index": "enc.{i} / dec.{i}: layer i counted from 0 (input side first)",
            "heads": "axis 0 of q/k/v/scores/weights/context is the head (0..heads-1); head h uses features h*d_head..(h+1)*d_head-1 of the projections",
            "layer_norm": "post-layer-norm (original Transformer): LayerNorm(x + sublayer(x))",
            "embedding_scale": f"src.embed and tgt.embed are embedding rows x sqrt(d_model) = {math.sqrt(model.d):.6f}",
            "mask_value": MASK_VALUE,
            "mask": "decoder self-attention scores for future positions (key > query) are set to -1e9 (not -inf, so "
                    "JSON and differences stay finite); their weights are exactly 0. Values <= -1e8 mean 'masked'.",
            "positional_encoding": "PE[pos, 2i] = sin(pos / 10000^(2i/d_model)), PE[pos, 2i+1] = cos(pos / 10000^(2i/d_model))",
            "shared_embedding": "one embedding matrix for source, target and the output projection (logits = h E^T + b)",
            "special_ids": {"<pad>": data.PAD, "<s>": data.BOS, "</s>": data.EOS, "<unk>": data.UNK},
        },
        "outputs": outputs,
    }
    (out_dir / "outputs.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def f32(x: float) -> float:
    """Shortest decimal that round-trips as float32 (keeps the fixture small)."""
    import numpy as np
    return float(str(np.float32(x)))


def write_truth(model: Translator, codec: data.Codec, sentences: list[tuple[str, tuple]], path: pathlib.Path) -> None:
    items = []
    with torch.no_grad():
        for text, fr in sentences:
            src = codec.src(text)
            tgt = codec.tgt(fr)[0]
            rec = teaching_record(model, torch.tensor([src]), torch.tensor([tgt]))
            outs = {n: {"shape": list(rec[n].shape), "data": [f32(v) for v in rec[n].reshape(-1).tolist()]}
                    for n in output_names(len(model.enc), len(model.dec))}
            items.append({"sentence": text, "french": " ".join(fr), "src_ids": src, "tgt_ids": tgt, "outputs": outs})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"model": "teaching-translator", "tolerance": 1e-4, "items": items},
                               ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def load(ckpt: pathlib.Path) -> tuple[Translator, list[str], dict]:
    c = torch.load(str(ckpt))
    # the sinusoidal table is not a weight: export it long enough for transformers.js's default
    # max_new_tokens (256) so an unfinished generation never indexes past its end
    c["hp"] = {**c["hp"], "max_len": max(c["hp"]["max_len"], EXPORT_MAX_LEN)}
    model = Translator(len(c["vocab"]), **c["hp"])
    model.load_state_dict(c["state"])
    return model.eval(), c["vocab"], c["hp"]


def export_all(model: Translator, vocab: list[str], hp: dict, out_dir: pathlib.Path, teaching: bool = True) -> None:
    export_transformersjs(model, out_dir)
    data.save_tokenizer(out_dir, vocab)
    (out_dir / "config.json").write_text(json.dumps(hf_config(model, len(vocab), hp["ff"], hp["max_len"]), indent=2) + "\n")
    (out_dir / "generation_config.json").write_text(json.dumps(generation_config(), indent=2) + "\n")
    if teaching:
        export_teaching(model, out_dir / "teaching", hp["ff"], vocab)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint", type=pathlib.Path)
    ap.add_argument("out", type=pathlib.Path)
    args = ap.parse_args()
    torch.set_num_threads(1)
    model, vocab, hp = load(args.checkpoint)
    export_all(model, vocab, hp, args.out)


if __name__ == "__main__":
    main()
