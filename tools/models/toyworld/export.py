"""Export toy-base / toy-chat to resources/models/<id>/ and write the truth fixtures.

  python export.py            # both models, from <work>/base.pt and <work>/chat.pt

Per model folder: config.json, generation_config.json, tokenizer.json, tokenizer_config.json,
onnx/model.onnx (transformers.js GPT-2 layout with KV cache), teaching/graph.onnx +
teaching/outputs.json (every intermediate tensor), model-card.json.
Fixtures: tests/fixtures/toyworld/<id>-truth.json (all instrumented outputs for 2 prompts and
greedy generations of 30 new tokens for 3 prompts, from PyTorch).
Checks before writing fixtures: onnxruntime vs PyTorch max |diff| for both graphs, and the KV
path (prompt, then one token at a time from past length 0) against a full forward pass.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
import torch.nn as nn

import corpus
from model import GPT, greedy
from train import WORK, load
from world import build_world

ROOT = Path(__file__).resolve().parents[3]
OPSET = 14
torch.set_num_threads(1)


class KVWrapper(nn.Module):
    def __init__(self, m: GPT):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask, position_ids, *past_flat):
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(len(past_flat) // 2)]
        logits, presents = self.m(input_ids, attention_mask, position_ids, past)
        return (logits, *[t for kv in presents for t in kv])


class TeachWrapper(nn.Module):
    def __init__(self, m: GPT, names: list[str]):
        super().__init__()
        self.m, self.names = m, names

    def forward(self, input_ids):
        trace: dict = {}
        self.m(input_ids, trace=trace)
        return tuple(trace[n][0] for n in self.names)  # drop the batch axis (batch is 1)


def teaching_outputs(m: GPT) -> list[dict]:
    c = m.cfg
    out = [
        {"name": "embed.tok", "shape": ["T", "C"], "description": "token embedding row of each input token"},
        {"name": "embed.pos", "shape": ["T", "C"], "description": "learned position embedding of each position"},
        {"name": "embed.sum", "shape": ["T", "C"], "description": "token + position embedding: the residual stream entering block 0"},
    ]
    for i in range(c.n_layer):
        b = f"blk.{i}."
        out += [
            {"name": b + "attn.q", "shape": ["H", "T", "D"], "description": f"block {i}: query vectors per head (after LayerNorm ln_1 and the QKV projection)"},
            {"name": b + "attn.k", "shape": ["H", "T", "D"], "description": f"block {i}: key vectors per head"},
            {"name": b + "attn.v", "shape": ["H", "T", "D"], "description": f"block {i}: value vectors per head"},
            {"name": b + "attn.scores", "shape": ["H", "T", "T"], "description": f"block {i}: q·k/sqrt(D) per head, row = query position, column = key position; future positions masked to -1e9"},
            {"name": b + "attn.weights", "shape": ["H", "T", "T"], "description": f"block {i}: softmax of the scores (each row sums to 1; masked entries are 0)"},
            {"name": b + "attn.out", "shape": ["T", "C"], "description": f"block {i}: heads concatenated and projected: what attention adds to the residual stream"},
            {"name": b + "resid_mid", "shape": ["T", "C"], "description": f"block {i}: residual stream after attention"},
            {"name": b + "mlp.out", "shape": ["T", "C"], "description": f"block {i}: MLP output (LayerNorm ln_2, C->4C, GELU, 4C->C), added to the residual stream"},
            {"name": b + "resid", "shape": ["T", "C"], "description": f"block {i}: residual stream leaving the block"},
        ]
    out += [
        {"name": "ln_f", "shape": ["T", "C"], "description": "final LayerNorm of the residual stream"},
        {"name": "logits", "shape": ["T", "V"], "description": "score of every vocabulary token as the next token (ln_f times the tied token embedding)"},
        {"name": "probs", "shape": ["T", "V"], "description": "softmax of the logits: next-token probabilities"},
    ]
    return out


def export_kv(m: GPT, path: Path) -> None:
    c = m.cfg
    L, H, D = c.n_layer, c.n_head, c.n_embd // c.n_head
    B, T, P = 1, 3, 2
    ids = torch.randint(1, c.vocab_size, (B, T))
    mask = torch.ones(B, P + T, dtype=torch.long)
    pos = torch.arange(P, P + T).unsqueeze(0)
    past = [torch.randn(B, H, P, D) for _ in range(2 * L)]
    in_names = ["input_ids", "attention_mask", "position_ids"]
    out_names = ["logits"]
    dyn = {"input_ids": {0: "batch_size", 1: "sequence_length"},
           "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
           "position_ids": {0: "batch_size", 1: "sequence_length"},
           "logits": {0: "batch_size", 1: "sequence_length"}}
    for i in range(L):
        for kv in ("key", "value"):
            n_in, n_out = f"past_key_values.{i}.{kv}", f"present.{i}.{kv}"
            in_names.append(n_in)
            out_names.append(n_out)
            dyn[n_in] = {0: "batch_size", 2: "past_sequence_length"}
            dyn[n_out] = {0: "batch_size", 2: "total_sequence_length"}
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(KVWrapper(m), (ids, mask, pos, *past), str(path), input_names=in_names,
                      output_names=out_names, dynamic_axes=dyn, opset_version=OPSET,
                      do_constant_folding=True)


def export_teaching(m: GPT, path: Path) -> list[dict]:
    outs = teaching_outputs(m)
    names = [o["name"] for o in outs]
    path.parent.mkdir(parents=True, exist_ok=True)
    dyn = {"input_ids": {1: "T"}}
    for o in outs:
        dyn[o["name"]] = {k: "T" for k, s in enumerate(o["shape"]) if s == "T"}
    torch.onnx.export(TeachWrapper(m, names), (torch.randint(1, m.cfg.vocab_size, (1, 5)),),
                      str(path), input_names=["input_ids"], output_names=names,
                      dynamic_axes=dyn, opset_version=OPSET, do_constant_folding=True)
    return outs


def session(path: Path) -> ort.InferenceSession:
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def check_kv(m: GPT, sess: ort.InferenceSession, ids: list[int]) -> float:
    """Run the ONNX KV model on the prompt (past 0), then token by token; compare every logits row
    with PyTorch's full forward pass. Returns the max |diff|."""
    c = m.cfg
    H, D = c.n_head, c.n_embd // c.n_head
    with torch.no_grad():
        ref = m(torch.tensor([ids]))[0][0].numpy()
    half = len(ids) // 2
    past = {f"past_key_values.{i}.{kv}": np.zeros((1, H, 0, D), np.float32)
            for i in range(c.n_layer) for kv in ("key", "value")}
    worst, done = 0.0, 0
    chunks = [ids[:half]] + [[t] for t in ids[half:]]
    for ch in chunks:
        feed = {"input_ids": np.array([ch], np.int64),
                "attention_mask": np.ones((1, done + len(ch)), np.int64),
                "position_ids": np.arange(done, done + len(ch), dtype=np.int64)[None], **past}
        res = sess.run(None, feed)
        names = [o.name for o in sess.get_outputs()]
        worst = max(worst, float(np.abs(res[0][0] - ref[done:done + len(ch)]).max()))
        for n, r in zip(names[1:], res[1:]):
            past[n.replace("present", "past_key_values")] = r
        done += len(ch)
    return worst


# Bumped when a model's weights change (toy-chat 1.1.0: the copying phase, RAG 81 % -> 100 %).
VERSIONS = {"toy-base": "1.0.0", "toy-chat": "1.1.0"}


def card(mid: str, meta: dict) -> dict:
    what = ("pre-trained on the toy world's narrative corpus" if mid == "toy-base"
            else "toy-base fine-tuned on toy-world dialogues (QA, RAG, ReAct, CoT, PAL)")
    return {"id": mid, "task": "text-generation", "licence": "MIT",
            "source": "trained here (tools/models/toyworld), data generated from an invented world",
            "version": VERSIONS[mid], "script": "tools/models/toyworld/build.py", "languages": ["en"],
            "notes": f"GPT-2 architecture, {meta['params']} parameters, {what}. "
                     f"{meta['step']} steps, {meta['minutes']:.1f} min on one CPU core. "
                     "teaching/graph.onnx returns every intermediate tensor (see outputs.json). "
                     "A tiny model trained for minutes: what it can and cannot do is measured in "
                     "tools/models/toyworld/RESULTS.md."}


TRUTH_PROMPTS = {
    "toy-base": ["Klaloux lives in", "To add 345 and 278:"],
    "toy-chat": ["User: Where does Klaloux live?\nAssistant:", "User: What is 25 + 17?\nAssistant:"],
}


def greedy_prompts(w) -> dict[str, list[str]]:
    k = w.known[3]
    h = w.held_out[0]
    return {
        "toy-base": [f"{k.name} works as", f"One morning {k.name}", "84 + 70 ="],
        "toy-chat": [corpus.qa_prompt(f"What pet does {k.name} have?"),
                     corpus.rag_prompt([__import__("world").passage(h)], f"Where does {h.name} live?"),
                     corpus.cot_prompt(345, 278, True)],
    }


def fmt(a: np.ndarray) -> list:
    return [float(f"{x:.7g}") for x in a.reshape(-1).tolist()]


def export_one(mid: str, ckpt: Path, tok_path: Path) -> None:
    m, meta = load(ckpt)
    m.eval()
    c = m.cfg
    out = ROOT / "resources" / "models" / mid
    if out.exists():
        shutil.rmtree(out)
    (out / "onnx").mkdir(parents=True)
    (out / "teaching").mkdir()
    shutil.copy(tok_path, out / "tokenizer.json")
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(str(tok_path))
    eos = tok.token_to_id(corpus.EOS)
    (out / "config.json").write_text(json.dumps({
        "architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "vocab_size": c.vocab_size,
        "n_positions": c.n_positions, "n_ctx": c.n_positions, "n_embd": c.n_embd,
        "n_layer": c.n_layer, "n_head": c.n_head, "n_inner": 4 * c.n_embd,
        "activation_function": "gelu_new", "layer_norm_epsilon": c.eps,
        "bos_token_id": eos, "eos_token_id": eos, "pad_token_id": eos,
        "tie_word_embeddings": True, "use_cache": True}, indent=2) + "\n")
    (out / "generation_config.json").write_text(json.dumps({
        "bos_token_id": eos, "eos_token_id": eos, "pad_token_id": eos, "do_sample": False,
        "max_new_tokens": 60}, indent=2) + "\n")
    (out / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "GPT2Tokenizer", "model_max_length": c.n_positions,
        "bos_token": corpus.EOS, "eos_token": corpus.EOS, "unk_token": corpus.EOS,
        "pad_token": corpus.EOS, "add_bos_token": False, "add_prefix_space": False,
        "clean_up_tokenization_spaces": False}, indent=2) + "\n")
    export_kv(m, out / "onnx" / "model.onnx")
    outs = export_teaching(m, out / "teaching" / "graph.onnx")
    (out / "teaching" / "outputs.json").write_text(json.dumps({
        "input": {"name": "input_ids", "shape": [1, "T"], "dtype": "int64"},
        "dims": {"T": "number of tokens", "H": c.n_head, "D": c.n_embd // c.n_head,
                 "C": c.n_embd, "V": c.vocab_size, "layers": c.n_layer},
        "masked_score": -1e9, "outputs": outs}, indent=2) + "\n")
    (out / "model-card.json").write_text(json.dumps(card(mid, meta), indent=2) + "\n")

    # ---- truth checks and fixtures
    kv = session(out / "onnx" / "model.onnx")
    teach = session(out / "teaching" / "graph.onnx")
    names = [o["name"] for o in outs]
    fixtures: dict = {"model": mid, "tolerance": 1e-4, "truth": [], "greedy": []}
    worst_t, worst_kv = 0.0, 0.0
    for text in TRUTH_PROMPTS[mid]:
        ids = tok.encode(text).ids
        trace: dict = {}
        with torch.no_grad():
            m(torch.tensor([ids]), trace=trace)
        res = teach.run(None, {"input_ids": np.array([ids], np.int64)})
        entry = {"prompt": text, "input_ids": ids, "outputs": {}}
        for n, r in zip(names, res):
            ref = trace[n][0].numpy()
            assert ref.shape == r.shape, (n, ref.shape, r.shape)
            worst_t = max(worst_t, float(np.abs(ref - r).max()))
            entry["outputs"][n] = {"shape": list(ref.shape), "data": fmt(ref)}
        fixtures["truth"].append(entry)
        worst_kv = max(worst_kv, check_kv(m, kv, ids))
    w = build_world()
    for text in greedy_prompts(w)[mid]:
        ids = tok.encode(text).ids
        new = greedy(m, [ids], 30, eos)[0]
        fixtures["greedy"].append({"prompt": text, "input_ids": ids, "new_ids": new,
                                   "text": tok.decode(new, skip_special_tokens=True)})
    fixtures["max_abs_diff"] = {"teaching_graph": worst_t, "kv_model": worst_kv}
    print(f"{mid}: teaching max|diff| {worst_t:.2e}, KV model max|diff| {worst_kv:.2e}")
    if worst_t > 1e-4 or worst_kv > 1e-4:
        sys.exit(f"{mid}: truth check failed")
    fx = ROOT / "tests" / "fixtures" / "toyworld"
    fx.mkdir(parents=True, exist_ok=True)
    (fx / f"{mid}-truth.json").write_text(json.dumps(fixtures, separators=(",", ":")) + "\n")


def main() -> None:
    which = sys.argv[1:] or ["toy-base", "toy-chat"]
    write_corpora()
    for mid in which:
        ck = WORK / ("base.pt" if mid == "toy-base" else "chat.pt")
        export_one(mid, ck, WORK / "tokenizer.json")


def write_corpora() -> None:
    """resources/corpora/toyworld/: the public fact sheet (lookup tool, retriever) and presets."""
    from world import passage, town_passage
    w = build_world()
    d = ROOT / "resources" / "corpora" / "toyworld"
    d.mkdir(parents=True, exist_ok=True)
    rows = [{"id": p.name, "kind": "person", "held_out": p.held_out, "text": passage(p)} for p in w.people]
    rows += [{"id": t.name, "kind": "town", "held_out": False, "text": town_passage(t)} for t in w.towns]
    rows += [{"id": k, "kind": "animal", "held_out": False,
              "text": f"{corpus.art(k).capitalize()} eats {f}."} for k, f in w.animals.items()]
    with (d / "facts.jsonl").open("w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    k, k2, h = w.known[3], w.known[8], w.held_out[0]
    _, eval_people = corpus.qa_split(w)
    e = eval_people[0]
    prob, prog, ans = corpus.word_problem(__import__("random").Random(5), w.known[10].name)
    shots = w.known[20:23]
    presets = {
        "source": "written for this project; generated by tools/models/toyworld/export.py",
        "chat_format": "User: <message>\nAssistant:<answer><|endoftext|> (the model stops at <|endoftext|>)",
        "presets": [
            {"id": "base-vs-chat", "models": ["toy-base", "toy-chat"],
             "prompt": corpus.qa_prompt(f"Where does {e.name} live?"), "expected": corpus.answer(e, "town"),
             "notes": "Same question to both models: the base model continues text, the chat model answers. "
                      f"{e.name}'s facts were in pre-training only, never asked in fine-tuning."},
            {"id": "hallucination", "models": ["toy-chat"],
             "prompt": corpus.qa_prompt(f"Where does {h.name} live?"), "expected": corpus.answer(h, "town"),
             "notes": f"{h.name} is a held-out person: no training text states any fact about them, "
                      "yet the chat model answers fluently. Compare the answer-word probability with a known person."},
            {"id": "known-fact", "models": ["toy-chat"],
             "prompt": corpus.qa_prompt(f"Where does {k.name} live?"), "expected": corpus.answer(k, "town"),
             "notes": "A person seen in training, for comparison with the hallucination preset."},
            {"id": "rag", "models": ["toy-chat"],
             "prompt": corpus.rag_prompt([passage(h)], f"Where does {h.name} live?"),
             "expected": corpus.answer(h, "town"),
             "template": "User: Context: <passages separated by a space>\nQuestion: <question>\nAssistant:",
             "notes": "The same held-out question with the retrieved passage (resources/corpora/toyworld/facts.jsonl) in the prompt."},
            {"id": "react", "models": ["toy-chat"],
             "prompt": corpus.react_prompt(f"What pet does {h.name} have?"),
             "expected": corpus.answer(h, "pet"),
             "template": "User: <question> Use the lookup tool.\nAssistant: Thought: I need to look up <name>.\n"
                         "Action: lookup[ <name> ]\nObservation: <tool output>\nAnswer: <answer><|endoftext|>",
             "tool": {"stop": "\nObservation:", "action_regex": "Action: lookup\\[ (\\w+) \\]",
                      "append": " <text of the facts.jsonl row whose id is the name>\n",
                      "not_found": "No entry."},
             "notes": f"The model writes an action, lookup[ {h.name} ], then 'Observation:'. The app runs the lookup on "
                      "the toy world's fact sheet (facts.jsonl) and pastes what it returns after 'Observation:'; "
                      "then the model reads it and answers."},
            {"id": "cot", "models": ["toy-chat"],
             "prompt": corpus.cot_prompt(345, 278, True), "direct_prompt": corpus.cot_prompt(345, 278, False),
             "expected": corpus.add_steps(345, 278),
             "expected_kind": "output",  # the model's own text, not a fact of the world
             "max_new_tokens": 100,  # the written steps of a 3-digit sum take up to 74 tokens
             "notes": "Adding ' Think step by step.' makes the model write column addition with carries."},
            {"id": "pal", "models": ["toy-chat"],
             "prompt": corpus.pal_prompt(prob, True), "direct_prompt": corpus.pal_prompt(prob, False),
             "expected": prog, "expected_kind": "output", "answer": ans,
             "interpreter": "lines 'x = <int|name> <+|-|*> <int|name>' and a final 'print(x)'",
             "notes": "Adding ' Write a program.' makes the model write a program; an interpreter computes the answer."},
            {"id": "few-shot", "models": ["toy-base", "toy-chat"],
             "prompt": "".join(f"{q.name} => {q.town}\n" for q in shots) + f"{e.name} =>",
             "zero_shot_prompt": f"{e.name} =>", "expected": f" {e.town}",
             "notes": "'Name => Town' never occurs in training: three examples in the prompt vs none."},
        ],
    }
    (d / "presets.json").write_text(json.dumps(presets, indent=2, ensure_ascii=False) + "\n")
    (d / "README.md").write_text(
        "# Toy world corpus\n\nWritten for this project by tools/models/toyworld (invented names and facts, MIT).\n"
        "- facts.jsonl: one passage per person (held-out people included, flagged), town and animal kind: "
        "the knowledge base for RAG retrieval and the ReAct lookup tool.\n"
        "- presets.json: example prompts in the exact formats toy-base / toy-chat were trained on.\n")


if __name__ == "__main__":
    main()
