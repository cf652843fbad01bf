"""Tokenizer, pre-training (toy-base) and SFT (toy-chat) for the toy-world GPT.

  python train.py tokenizer               # BPE over the corpus, every corpus word one token
  python train.py pretrain --minutes 40   # toy-base, checkpoint <work>/base.pt every 2 min
  python train.py sft --minutes 15        # toy-chat from base.pt, checkpoint <work>/chat.pt

The learning rate follows a cosine over the *time* budget, so a run always finishes its schedule
when its minutes are up (one core shared with others: step counts are not predictable).
Scratch folder: $TOYWORLD_WORK or /tmp/toyworld-work.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import time
from pathlib import Path

# One core: BLAS and tokenizer thread pools would spin on the other core (measured: a second
# OpenBLAS thread at ~65 % CPU for +14 % speed); set before torch and tokenizers load.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_var, os.environ.get("TOYWORLD_THREADS", "1"))
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers

import corpus
from model import GPT, Config
from world import build_world

WORK = Path(os.environ.get("TOYWORLD_WORK", "/tmp/toyworld-work"))
# Words (with their leading space) are single pieces; every digit is its own piece.
SPLIT = r" ?[A-Za-z]+| ?[^A-Za-z0-9\s]|[0-9]|\n| +"
BLOCK = 128
REPLAY_BLOCK = 64  # SFT replay windows: shorter, so more SFT steps fit in the time
MODEL = dict(n_embd=128, n_layer=4, n_head=4, n_positions=256)
torch.set_num_threads(int(os.environ.get("TOYWORLD_THREADS", "1")))


def build_tokenizer() -> Tokenizer:
    w = build_world()
    rng = random.Random(11)
    qa, _ = corpus.qa_split(w)
    texts = [corpus.pretrain_doc(rng, w) for _ in range(30000)]
    texts += ["".join(t for t, _ in corpus.sft_example(rng, w, qa)) for _ in range(20000)]
    # Every name (held-out and pool too) must be a whole token.
    texts += ["".join(" " + p.name for p in w.people + [type("P", (), {"name": n}) for n in w.pool])] * 5
    texts += [" lookup[ Gux ] => ( ) * - + = # , . ? : ' !"] * 5
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(SPLIT), behavior="isolated"),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=8000, min_frequency=1, show_progress=False,
                                  special_tokens=[corpus.EOS],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(texts, trainer)
    return tok


def load_tok() -> Tokenizer:
    return Tokenizer.from_file(str(WORK / "tokenizer.json"))


class PretrainStream:
    """Endless stream of BLOCK-token windows over freshly generated pre-training documents."""

    def __init__(self, tok: Tokenizer, seed: int, mix: str = "broad"):
        self.tok, self.rng, self.w, self.mix = tok, random.Random(seed), build_world(), mix
        self.eos = tok.token_to_id(corpus.EOS)
        self.buf: list[int] = []

    def batch(self, n: int) -> torch.Tensor:
        while len(self.buf) < n * (BLOCK + 1):
            docs = [corpus.pretrain_doc(self.rng, self.w, self.mix) for _ in range(512)]
            for e in self.tok.encode_batch(docs):
                self.buf.extend(e.ids + [self.eos])
        rows = [self.buf[i * (BLOCK + 1):(i + 1) * (BLOCK + 1)] for i in range(n)]
        # windows overlap by one token so each row predicts its own last token
        self.buf = self.buf[n * (BLOCK + 1):]
        return torch.tensor(rows)


def encode_sft(tok: Tokenizer, segs: list[tuple[str, bool]]) -> tuple[list[int], list[int]]:
    ids, train = [], []
    for text, trained in segs:
        parts = text.split(corpus.EOS)
        for k, part in enumerate(parts):
            e = tok.encode(part).ids if part else []
            if k < len(parts) - 1:
                e = e + [tok.token_to_id(corpus.EOS)]
            ids += e
            train += [int(trained)] * len(e)
    return ids, train


def lr_at(frac: float, peak: float, floor: float, warm: float = 0.03) -> float:
    if frac < warm:
        return peak * frac / warm
    f = min(1.0, (frac - warm) / (1 - warm))
    return floor + 0.5 * (peak - floor) * (1 + math.cos(math.pi * f))


def save(model: GPT, path: Path, meta: dict) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save({"cfg": model.cfg.to_dict(), "state": model.state_dict(), "meta": meta}, tmp)
    os.replace(tmp, path)


def load(path: Path) -> tuple[GPT, dict]:
    ck = torch.load(path, map_location="cpu")
    m = GPT(Config(**ck["cfg"]))
    m.load_state_dict(ck["state"])
    return m, ck["meta"]


def run(kind: str, minutes: float, batch: int, peak: float, floor: float,
        resume: bool = False, mix: str = "broad", replay: float = 0.2, sft_mix: str = "default") -> None:
    tok = load_tok()
    torch.manual_seed(0)
    prior: dict = {}
    if kind == "pretrain" and resume:  # a further pre-training phase from base.pt
        model, prior = load(WORK / "base.pt")
        out = WORK / "base.pt"
    elif kind == "pretrain":
        model = GPT(Config(vocab_size=tok.get_vocab_size(), **MODEL))
        out = WORK / "base.pt"
    elif resume:  # a further SFT phase from chat.pt
        model, prior = load(WORK / "chat.pt")
        out = WORK / "chat.pt"
    else:
        model, _ = load(WORK / "base.pt")
        out = WORK / "chat.pt"
    print(f"{kind}: {model.n_params()} parameters, vocab {tok.get_vocab_size()}", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=peak, betas=(0.9, 0.95), weight_decay=0.05)
    stream = PretrainStream(tok, seed=(1 if kind == "pretrain" else 2) + 10 * resume, mix=mix)
    w = build_world()
    qa_people, _ = corpus.qa_split(w)
    rng = random.Random(3)
    pad = tok.token_to_id(corpus.EOS)
    t0, last_save, step, tokens, ema = time.time(), time.time(), 0, 0, None
    budget = minutes * 60
    while True:
        el = time.time() - t0
        if el >= budget:
            break
        lr = lr_at(el / budget, peak, floor)
        for g in opt.param_groups:
            g["lr"] = lr
        if kind == "pretrain":
            rows = stream.batch(batch)
            x, y = rows[:, :-1], rows[:, 1:]
            logits, _ = model(x)
            loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
            tokens += x.numel()
        else:
            n_replay = round(batch * replay)
            exs = [encode_sft(tok, corpus.sft_example(rng, w, qa_people, sft_mix))
                   for _ in range(batch - n_replay)]
            L = max(len(i) for i, _ in exs)
            x = torch.full((len(exs), L), pad)
            msk = torch.zeros(len(exs), L)
            for r, (ids, tr) in enumerate(exs):
                x[r, :len(ids)] = torch.tensor(ids)
                msk[r, :len(ids)] = torch.tensor(tr, dtype=torch.float)
            logits, _ = model(x[:, :-1])
            ce = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), x[:, 1:].reshape(-1),
                                 reduction="none")
            m = msk[:, 1:].reshape(-1)
            loss_sft = (ce * m).sum() / m.sum()
            # replay of pre-training text (full windows): keeps, and keeps adding, the facts
            rows = stream.batch(n_replay)[:, : REPLAY_BLOCK + 1]
            lg, _ = model(rows[:, :-1])
            loss_rep = F.cross_entropy(lg.reshape(-1, lg.shape[-1]), rows[:, 1:].reshape(-1))
            loss = loss_sft + loss_rep
            tokens += int(x.numel() + rows.numel())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        ema = loss.item() if ema is None else 0.98 * ema + 0.02 * loss.item()
        if step % 50 == 0:
            el = time.time() - t0
            print(f"step {step} {el/60:.1f} min loss {ema:.3f} lr {lr:.2e} "
                  f"{tokens/el:.0f} tok/s", flush=True)
        if time.time() - last_save > 120:
            part = {"step": step, "minutes": (time.time() - t0) / 60, "loss": ema, "tokens": tokens,
                    "mix": mix, "replay": replay, "sft_mix": sft_mix}
            if prior:
                part = {**part, "phases": prior.get("phases", [prior]) + [dict(part)]}
            save(model, out, part)
            last_save = time.time()
    el = time.time() - t0
    meta = {"step": step, "minutes": el / 60, "loss": ema, "tokens": tokens,
            "tokens_per_s": tokens / el, "params": model.n_params(), "batch": batch,
            "peak_lr": peak, "final_lr": floor, "mix": mix, "replay": replay, "sft_mix": sft_mix}
    if prior:
        meta["phases"] = prior.get("phases", [prior]) + [dict(meta)]
        for k in ("step", "minutes", "tokens"):
            meta[k] = sum(ph[k] for ph in meta["phases"])
        meta["tokens_per_s"] = meta["tokens"] / (meta["minutes"] * 60)
    save(model, out, meta)
    (WORK / f"{kind}-meta.json").write_text(json.dumps(meta, indent=1))
    print("done", json.dumps(meta), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["tokenizer", "pretrain", "sft"])
    ap.add_argument("--minutes", type=float, default=40)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--resume", action="store_true", help="continue pre-training from base.pt")
    ap.add_argument("--mix", default="broad", choices=list(corpus.MIX))
    ap.add_argument("--replay", type=float, default=0.4, help="SFT: share of rows that are pre-training text")
    ap.add_argument("--sft-mix", default="default", choices=list(corpus.SFT_MIX),
                    help="SFT: share of each dialogue format (corpus.SFT_MIX)")
    ap.add_argument("--peak", type=float, default=2e-3)
    ap.add_argument("--floor", type=float, default=3e-4)
    a = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if a.what == "tokenizer":
        tok = build_tokenizer()
        tok.save(str(WORK / "tokenizer.json"))
        print("vocab", tok.get_vocab_size())
    elif a.what == "pretrain":
        run("pretrain", a.minutes, a.batch, peak=a.peak, floor=a.floor, resume=a.resume, mix=a.mix)
    else:
        run("sft", a.minutes, a.batch, peak=a.peak, floor=a.floor, resume=a.resume, mix=a.mix,
            replay=a.replay, sft_mix=a.sft_mix)


if __name__ == "__main__":
    main()
