#!/usr/bin/env python3
"""Train the teaching translator on the synthetic grammar; save checkpoint + vocab; report exact match.

Usage: python train.py OUT_DIR [--epochs 1] [--bench]
Writes OUT_DIR/translator.pt (state dict + hyper-parameters + vocab) and OUT_DIR/train-log.json.
"""
from __future__ import annotations

import argparse
import json
import math
import pathlib
import random
import time

import torch
import torch.nn.functional as F

import data
from model import Translator

HP = dict(d_model=128, heads=4, ff=512, enc_layers=2, dec_layers=2, max_len=64)
BATCH = 128
LR = 1e-3
WARMUP = 400
SEED = 1234


def pad(seqs, value=data.PAD):
    n = max(len(s) for s in seqs)
    return torch.tensor([s + [value] * (n - len(s)) for s in seqs], dtype=torch.long)


def length_bucketed_batches(train, rng, chunk=50):
    """Shuffle, then sort chunks of 50 batches by length so little padding is computed."""
    idx = list(range(len(train)))
    rng.shuffle(idx)
    batches = []
    for i in range(0, len(idx), BATCH * chunk):
        part = sorted(idx[i:i + BATCH * chunk], key=lambda j: (len(train[j][1]), len(train[j][0])))
        batches += [part[k:k + BATCH] for k in range(0, len(part), BATCH)]
    rng.shuffle(batches)
    return batches


def make_batch(codec, items, rng):
    src, dec_in, labels = [], [], []
    for en, fr in items:
        q = fr[-1] == "?"
        words = list(en)
        # a few lower-case starts ("she is ...") so typed input without capitals still works
        if not q and words[0] not in ("I",) and words[0] not in data.grammar.NAMES_F + data.grammar.NAMES_M \
                and rng.random() < 0.1:
            words[0] = words[0].lower()
        src.append(codec.src(data.english_text(words, q, rng.random() < 0.5)))
        a, b = codec.tgt(fr)
        dec_in.append(a)
        labels.append(b)
    s = pad(src)
    return s, (s != data.PAD).long(), pad(dec_in), pad(labels, -100)


@torch.no_grad()
def exact_match(model, codec, pairs, batch=256):
    model.eval()
    ok, wrong = 0, []
    for i in range(0, len(pairs), batch):
        chunk = pairs[i:i + batch]
        src = pad([codec.src(data.english_text(en, fr[-1] == "?", True)) for en, fr in chunk])
        out = model.greedy(src, (src != data.PAD).long(), data.BOS, data.EOS, max_new=30)
        for (en, fr), ids in zip(chunk, out.tolist()):
            hyp = codec.decode(ids)
            if hyp == " ".join(fr):
                ok += 1
            elif len(wrong) < 20:
                wrong.append({"en": " ".join(en), "want": " ".join(fr), "got": hyp})
    model.train()
    return ok / len(pairs), wrong


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--bench", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    args.out.mkdir(parents=True, exist_ok=True)

    train, test = data.load_pairs()
    vocab = data.build_vocab(train + test)
    train, valid = train[:-300], train[-300:]   # validation (early stop), never trained on either
    codec = data.Codec(vocab)
    model = Translator(len(vocab), **HP)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"vocab {len(vocab)}  params {n_params}  train {len(train)}  test {len(test)}", flush=True)

    steps = int(math.ceil(len(train) / BATCH) * args.epochs)
    if args.bench:
        steps = 30
    opt = torch.optim.AdamW(model.parameters(), lr=LR, betas=(0.9, 0.98), weight_decay=0.0)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / WARMUP, 1.0) * max(0.05, 0.5 * (1 + math.cos(math.pi * min(s / steps, 1.0)))))
    batches: list[list[int]] = []
    t0 = time.time()
    log = []
    ckpt = {"hp": HP, "vocab": vocab}
    for step in range(steps):
        if not batches:
            batches = length_bucketed_batches(train, rng)
        items = [train[j] for j in batches.pop()]
        src, keep, dec_in, labels = make_batch(codec, items, rng)
        logits = model(src, keep, dec_in)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=-100)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if step % 100 == 0 or step == steps - 1:
            el = time.time() - t0
            print(f"step {step}/{steps} loss {loss.item():.4f} {el:.0f}s", flush=True)
            log.append({"step": step, "loss": round(loss.item(), 5), "seconds": round(el, 1)})
        if step % 300 == 299 and not args.bench:
            acc, _ = exact_match(model, codec, valid)
            print(f"  validation exact match (300) {acc:.4f}", flush=True)
            torch.save({**ckpt, "state": model.state_dict(), "step": step}, args.out / "translator.pt")
            if acc >= 0.999 and step >= 1200:
                print("  early stop", flush=True)
                break
    train_s = time.time() - t0
    if args.bench:
        print(f"{steps / train_s:.2f} steps/s")
        return
    t1 = time.time()
    acc, wrong = exact_match(model, codec, test)
    print(f"held-out exact match {acc:.4f} ({time.time() - t1:.0f}s)", flush=True)
    torch.save({**ckpt, "state": model.state_dict(), "step": step}, args.out / "translator.pt")
    (args.out / "train-log.json").write_text(json.dumps({
        "params": n_params, "vocab": len(vocab), "train_pairs": len(train), "valid_pairs": len(valid), "test_pairs": len(test),
        "steps": step + 1, "batch": BATCH, "epochs_requested": args.epochs,
        "epochs_done": round((step + 1) * BATCH / len(train), 3), "train_seconds": round(train_s, 1),
        "test_exact_match": acc, "errors": wrong, "log": log, "hp": HP,
    }, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
