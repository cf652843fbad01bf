"""The teaching encoder-decoder Transformer (PyTorch), written to be read.

Architecture (as in "Attention Is All You Need", post-layer-norm):
  embedding (shared by encoder input, decoder input and output projection) x sqrt(d_model)
  + sinusoidal positional encoding  PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(...)
  encoder layer:  h = LN(x + SelfAttn(x));            out = LN(h + FFN(h))
  decoder layer:  h1 = LN(y + MaskedSelfAttn(y));     h2 = LN(h1 + CrossAttn(h1, enc))
                  out = LN(h2 + FFN(h2))
  FFN(x) = W2 ReLU(W1 x + b1) + b2;  logits = out @ E^T + bias
No dropout (the data set is large and synthetic), so training and inference compute the same thing.

Every forward function takes an optional `rec` dict; when given, it stores every intermediate
tensor under a systematic name (see teaching export and outputs.json).
Masked attention scores are filled with MASK_VALUE (-1e9, not -inf: JSON and |a-b| stay finite).
"""
from __future__ import annotations

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

MASK_VALUE = -1e9


def sinusoidal_table(max_len: int, d_model: int) -> torch.Tensor:
    pos = torch.arange(max_len, dtype=torch.float32)[:, None]
    i2 = torch.arange(0, d_model, 2, dtype=torch.float32)[None, :]
    angle = pos / torch.pow(10000.0, i2 / d_model)
    pe = torch.zeros(max_len, d_model)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle)
    return pe


class Attention(nn.Module):
    def __init__(self, d: int, heads: int):
        super().__init__()
        self.h, self.dh = heads, d // heads
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))

    def split(self, x: torch.Tensor) -> torch.Tensor:          # [B, L, d] -> [B, H, L, dh]
        b, n, _ = x.shape
        return x.view(b, n, self.h, self.dh).transpose(1, 2)

    def project_kv(self, kv_in: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.split(self.k(kv_in)), self.split(self.v(kv_in))

    def attend(self, x: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None,
               rec: dict | None = None, name: str = "") -> torch.Tensor:
        """x: queries' input [B, T, d]; k, v: [B, H, S, dh]; mask: bool, True = blocked, broadcast to [B, H, T, S]."""
        q = self.split(self.q(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.dh)
        if mask is not None:
            scores = scores.masked_fill(mask, MASK_VALUE)
        weights = torch.softmax(scores, dim=-1)
        ctx = weights @ v                                           # [B, H, T, dh]
        b, _, t, _ = ctx.shape
        out = self.o(ctx.transpose(1, 2).reshape(b, t, self.h * self.dh))
        if rec is not None:
            rec[name + ".q"], rec[name + ".k"], rec[name + ".v"] = q, k, v
            rec[name + ".scores"], rec[name + ".weights"] = scores, weights
            rec[name + ".context"], rec[name + ".out"] = ctx, out
        return out


class FeedForward(nn.Module):
    def __init__(self, d: int, ff: int):
        super().__init__()
        self.w1, self.w2 = nn.Linear(d, ff), nn.Linear(ff, d)

    def forward(self, x, rec=None, name=""):
        hidden = F.relu(self.w1(x))
        out = self.w2(hidden)
        if rec is not None:
            rec[name + ".hidden"], rec[name + ".out"] = hidden, out
        return out


class EncoderLayer(nn.Module):
    def __init__(self, d, heads, ff):
        super().__init__()
        self.self_attn, self.ffn = Attention(d, heads), FeedForward(d, ff)
        self.norm1, self.norm2 = nn.LayerNorm(d), nn.LayerNorm(d)

    def forward(self, x, pad_mask, rec=None, name=""):
        k, v = self.self_attn.project_kv(x)
        h = self.norm1(x + self.self_attn.attend(x, k, v, pad_mask, rec, name + ".self"))
        out = self.norm2(h + self.ffn(h, rec, name + ".ffn"))
        if rec is not None:
            rec[name + ".self.norm"], rec[name + ".out"] = h, out
        return out


class DecoderLayer(nn.Module):
    def __init__(self, d, heads, ff):
        super().__init__()
        self.self_attn, self.cross_attn, self.ffn = Attention(d, heads), Attention(d, heads), FeedForward(d, ff)
        self.norm1, self.norm2, self.norm3 = nn.LayerNorm(d), nn.LayerNorm(d), nn.LayerNorm(d)

    def forward(self, y, self_mask, cross_k, cross_v, cross_mask, past=None, rec=None, name=""):
        """past: (k, v) of earlier positions [B, H, P, dh] or None. Returns (out, (k_all, v_all))."""
        k, v = self.self_attn.project_kv(y)
        if past is not None:
            k, v = torch.cat([past[0], k], dim=2), torch.cat([past[1], v], dim=2)
        h1 = self.norm1(y + self.self_attn.attend(y, k, v, self_mask, rec, name + ".self"))
        h2 = self.norm2(h1 + self.cross_attn.attend(h1, cross_k, cross_v, cross_mask, rec, name + ".cross"))
        out = self.norm3(h2 + self.ffn(h2, rec, name + ".ffn"))
        if rec is not None:
            rec[name + ".self.norm"], rec[name + ".cross.norm"], rec[name + ".out"] = h1, h2, out
        return out, (k, v)


class Translator(nn.Module):
    def __init__(self, vocab_size: int, d_model=128, heads=4, ff=512, enc_layers=2, dec_layers=2,
                 max_len=64, pad_id=0):
        super().__init__()
        self.d, self.heads, self.pad_id = d_model, heads, pad_id
        self.embed = nn.Embedding(vocab_size, d_model)
        nn.init.normal_(self.embed.weight, std=d_model ** -0.5)
        self.register_buffer("pe", sinusoidal_table(max_len, d_model), persistent=False)
        self.enc = nn.ModuleList(EncoderLayer(d_model, heads, ff) for _ in range(enc_layers))
        self.dec = nn.ModuleList(DecoderLayer(d_model, heads, ff) for _ in range(dec_layers))
        self.out_bias = nn.Parameter(torch.zeros(vocab_size))

    def embed_with_positions(self, ids, start, rec=None, prefix=""):
        positions = torch.arange(ids.shape[1], dtype=torch.long) + start
        tok = self.embed(ids) * math.sqrt(self.d)
        pos = F.embedding(positions, self.pe)[None]
        x = tok + pos
        if rec is not None:
            rec[prefix + ".embed"], rec[prefix + ".pos"] = tok, pos
        return x

    def encode(self, src, src_keep, rec=None):
        """src: [B, S] ids; src_keep: [B, S] 1 for real tokens. Returns [B, S, d]."""
        blocked = (src_keep == 0)[:, None, None, :]
        x = self.embed_with_positions(src, 0, rec, "src")
        if rec is not None:
            rec["enc.input"] = x
        for i, layer in enumerate(self.enc):
            x = layer(x, blocked, rec, f"enc.{i}")
        return x

    def decode(self, tgt, enc_out, src_keep, past=None, rec=None):
        """tgt: [B, T] ids; past: list per layer of (k, v) or None. Returns (logits [B,T,V], new past)."""
        p = past[0][0].shape[2] if past is not None else 0
        t = tgt.shape[1]
        q_pos = torch.arange(t)[:, None] + p                       # absolute positions of the queries
        k_pos = torch.arange(t + p)[None, :]                        # ... and of every key (past + new)
        self_mask = (k_pos > q_pos)[None, None]
        cross_mask = (src_keep == 0)[:, None, None, :]
        y = self.embed_with_positions(tgt, p, rec, "tgt")
        if rec is not None:
            rec["dec.input"] = y
        presents = []
        for i, layer in enumerate(self.dec):
            ck, cv = layer.cross_attn.project_kv(enc_out)
            y, kv = layer(y, self_mask, ck, cv, cross_mask, None if past is None else past[i], rec, f"dec.{i}")
            presents.append((kv, (ck, cv)))
        logits = y @ self.embed.weight.t() + self.out_bias
        if rec is not None:
            rec["logits"], rec["probs"] = logits, torch.softmax(logits, dim=-1)
        return logits, presents

    def forward(self, src, src_keep, tgt):
        return self.decode(tgt, self.encode(src, src_keep), src_keep)[0]

    @torch.no_grad()
    def greedy(self, src, src_keep, start_id, eos_id, max_new=40):
        enc_out = self.encode(src, src_keep)
        b = src.shape[0]
        ys = torch.full((b, 1), start_id, dtype=torch.long)
        done = torch.zeros(b, dtype=torch.bool)
        past = None
        for _ in range(max_new):
            logits, presents = self.decode(ys[:, -1:], enc_out, src_keep, past)
            past = [kv for kv, _ in presents]
            nxt = logits[:, -1].argmax(-1)
            nxt = torch.where(done, torch.full_like(nxt, eos_id), nxt)
            ys = torch.cat([ys, nxt[:, None]], dim=1)
            done |= nxt == eos_id
            if bool(done.all()):
                break
        return ys[:, 1:]
