#!/usr/bin/env python3
"""Build the teaching translator end to end (fixed seeds).

  1. train            train.py -> work/translator.pt (+ work/train-log.json)
  2. export           resources/models/teaching-translator/{config,generation_config,tokenizer*}.json,
                      onnx/encoder_model.onnx, onnx/decoder_model_merged.onnx (transformers.js Marian layout)
                      teaching/graph.onnx + teaching/outputs.json (every intermediate as a named output)
  3. truth            tests/fixtures/teaching/translator-truth.json (PyTorch intermediates, 3 sentences)
                      work/node-check.json (20 held-out sentences with PyTorch's translation)
  4. card, manifest   model-card.json, tools/models/manifest.py
  5. node check       /tmp/check-translate.mjs-style check through transformers.js (if node is there)
  6. RESULTS.md       numbers from this run

Usage (from the repo root):
  tools/models/.venv/bin/python tools/models/translator/build.py [--skip-train] [--epochs 0.75]
"""
from __future__ import annotations

import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import time

import onnx  # noqa: F401  (import before torch: Debian's torch + pip onnx clash the other way round)
import torch

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))
import data  # noqa: E402
import export  # noqa: E402

WORK = HERE / "work"
MODEL_DIR = ROOT / "resources" / "models" / "teaching-translator"
TRUTH = ROOT / "tests" / "fixtures" / "teaching" / "translator-truth.json"
PY = sys.executable


def run_node_check(model_dir: pathlib.Path, cases_path: pathlib.Path) -> dict:
    script = HERE / "check_translate.mjs"
    if not shutil.which("node") or not (ROOT / "node_modules" / "@huggingface" / "transformers").exists():
        return {"skipped": "node or node_modules missing"}
    t = time.time()
    p = subprocess.run(["node", str(script), str(model_dir.parent), str(cases_path)], cwd=ROOT,
                       capture_output=True, text=True, timeout=600)
    print(p.stdout[-3000:], p.stderr[-2000:])
    last = [ln for ln in p.stdout.splitlines() if ln.startswith("{")]
    res = json.loads(last[-1]) if last else {"error": p.stderr[-500:]}
    res["seconds"] = round(time.time() - t, 1)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-train", action="store_true", help="reuse work/translator.pt")
    ap.add_argument("--epochs", default="0.75")
    ap.add_argument("--work", type=pathlib.Path, default=WORK, help="checkpoint and logs (git-ignored)")
    ap.add_argument("--model-dir", type=pathlib.Path, default=MODEL_DIR)
    ap.add_argument("--truth", type=pathlib.Path, default=TRUTH)
    ap.add_argument("--no-manifest", action="store_true")
    args = ap.parse_args()
    build(args)


def build(args) -> None:
    WORK, MODEL_DIR, TRUTH = args.work, args.model_dir, args.truth
    torch.set_num_threads(1)
    WORK.mkdir(exist_ok=True)
    timings = {}

    t = time.time()
    if not args.skip_train:
        subprocess.run([PY, str(HERE / "train.py"), str(WORK), "--epochs", args.epochs], check=True)
    timings["train_s"] = round(time.time() - t, 1)

    t = time.time()
    model, vocab, hp = export.load(WORK / "translator.pt")
    if MODEL_DIR.exists():
        for sub in ("onnx", "teaching"):
            shutil.rmtree(MODEL_DIR / sub, ignore_errors=True)
    export.export_all(model, vocab, hp, MODEL_DIR)
    timings["export_s"] = round(time.time() - t, 1)

    t = time.time()
    codec = data.Codec(vocab)
    train, test = data.load_pairs()
    fr_anchor = dict(train)[data.ANCHOR]
    question = next(p for p in test if p[1][-1] == "?" and len(p[1]) >= 6)
    statement = next(p for p in test if p[1][-1] == "." and len(p[1]) >= 8 and "pas" in p[1])
    sentences = [("She is in a restaurant", fr_anchor),
                 (data.english_text(question[0], True, False), question[1]),
                 (data.english_text(statement[0], False, True), statement[1])]
    export.write_truth(model, codec, sentences, TRUTH)
    cases = []
    with torch.no_grad():
        for en, fr in test[:20]:
            text = data.english_text(en, fr[-1] == "?", True)
            src = torch.tensor([codec.src(text)])
            out = model.greedy(src, torch.ones_like(src), data.BOS, data.EOS, max_new=40)[0].tolist()
            cases.append({"en": text, "want": " ".join(fr), "torch": codec.decode(out)})
    (WORK / "node-check.json").write_text(json.dumps(cases, indent=1, ensure_ascii=False), encoding="utf-8")
    timings["truth_s"] = round(time.time() - t, 1)

    log = json.loads((WORK / "train-log.json").read_text())
    card = {
        "id": "teaching-translator",
        "task": "translation",
        "licence": "MIT",
        "source": "trained here on a synthetic English-to-French grammar written for this project "
                  "(tools/models/translator/grammar.py)",
        "version": "1.0.0",
        "script": "tools/models/translator/build.py",
        "languages": ["en", "fr"],
        "notes": (f"Encoder-decoder Transformer, {log['params']:,} parameters: d_model {hp['d_model']}, "
                  f"{hp['enc_layers']}+{hp['dec_layers']} layers, {hp['heads']} heads, post-layer-norm, sinusoidal "
                  f"positions, word-level shared vocabulary of {len(vocab)} tokens. Held-out exact match "
                  f"{log['test_exact_match'] * 100:.2f} % on {log['test_pairs']} sentences. onnx/ is the "
                  "transformers.js Marian layout (KV cache); teaching/graph.onnx returns every intermediate "
                  "tensor, described in teaching/outputs.json."),
    }
    (MODEL_DIR / "model-card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if not args.no_manifest:
        subprocess.run([PY, str(ROOT / "tools" / "models" / "manifest.py")], check=True)

    node = run_node_check(MODEL_DIR, WORK / "node-check.json")
    timings["node_check_s"] = node.get("seconds")
    results = {"timings": timings, "node": node, "train": {k: v for k, v in log.items() if k != "log"},
               "truth_sentences": [s for s, _ in sentences]}
    (WORK / "build-results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(results, indent=1, ensure_ascii=False)[:3000])


if __name__ == "__main__":
    main()
