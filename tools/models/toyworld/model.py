"""A minimal GPT-2 (same maths and parameter names as Hugging Face GPT-2) with a KV cache and an
instrumented forward pass that returns every intermediate tensor for the walkthrough.

Shapes: B batch, T new tokens, P past tokens, H heads, D head size, C = H*D width, V vocab.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F

MASKED = -1e9  # value written into masked attention scores (softmax gives exactly 0 there)


@dataclass
class Config:
    vocab_size: int
    n_positions: int = 256
    n_embd: int = 128
    n_layer: int = 4
    n_head: int = 4
    eps: float = 1e-5

    def to_dict(self) -> dict:
        return asdict(self)


def gelu_new(x: torch.Tensor) -> torch.Tensor:
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


class Block(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.h, self.d = c.n_head, c.n_embd // c.n_head
        self.ln_1 = nn.LayerNorm(c.n_embd, eps=c.eps)
        self.c_attn = nn.Linear(c.n_embd, 3 * c.n_embd)
        self.attn_proj = nn.Linear(c.n_embd, c.n_embd)
        self.ln_2 = nn.LayerNorm(c.n_embd, eps=c.eps)
        self.c_fc = nn.Linear(c.n_embd, 4 * c.n_embd)
        self.mlp_proj = nn.Linear(4 * c.n_embd, c.n_embd)

    def forward(self, x, allowed, past_k=None, past_v=None, trace=None, prefix=""):
        B, T, C = x.shape
        h = self.ln_1(x)
        q, k, v = self.c_attn(h).split(C, dim=2)
        q = q.view(B, T, self.h, self.d).transpose(1, 2)
        k = k.view(B, T, self.h, self.d).transpose(1, 2)
        v = v.view(B, T, self.h, self.d).transpose(1, 2)
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.d)
        scores = torch.where(allowed, scores, torch.full_like(scores, MASKED))
        weights = torch.softmax(scores, dim=-1)
        ctx = torch.matmul(weights, v).transpose(1, 2).reshape(B, T, C)
        attn_out = self.attn_proj(ctx)
        x = x + attn_out
        mid = x
        m = self.mlp_proj(gelu_new(self.c_fc(self.ln_2(x))))
        x = x + m
        if trace is not None:
            for name, t in (("attn.q", q), ("attn.k", k), ("attn.v", v), ("attn.scores", scores),
                            ("attn.weights", weights), ("attn.out", attn_out),
                            ("resid_mid", mid), ("mlp.out", m), ("resid", x)):
                trace[prefix + name] = t
        return x, k, v


class GPT(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.cfg = c
        self.wte = nn.Embedding(c.vocab_size, c.n_embd)
        self.wpe = nn.Embedding(c.n_positions, c.n_embd)
        self.blocks = nn.ModuleList(Block(c) for _ in range(c.n_layer))
        self.ln_f = nn.LayerNorm(c.n_embd, eps=c.eps)
        self.apply(self._init)
        for b in self.blocks:  # GPT-2's scaled init of residual projections
            for lin in (b.attn_proj, b.mlp_proj):
                nn.init.normal_(lin.weight, std=0.02 / math.sqrt(2 * c.n_layer))

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=0.02)
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)

    def forward(self, input_ids, attention_mask=None, position_ids=None, past=None, trace=None):
        """input_ids [B,T]; attention_mask [B,P+T] (1 = real token); position_ids [B,T];
        past: list of (k, v) each [B,H,P,D]. Returns logits [B,T,V] and presents."""
        B, T = input_ids.shape
        P = past[0][0].shape[2] if past is not None else 0
        if position_ids is None:
            position_ids = (torch.arange(T, device=input_ids.device) + P).unsqueeze(0).expand(B, T)
        tok = self.wte(input_ids)
        pos = self.wpe(position_ids)
        x = tok + pos
        qi = torch.arange(T, device=input_ids.device).unsqueeze(1) + P
        kj = torch.arange(P + T, device=input_ids.device).unsqueeze(0)
        allowed = (kj <= qi).unsqueeze(0).unsqueeze(0)  # [1,1,T,P+T]
        if attention_mask is not None:
            allowed = allowed & attention_mask.bool().unsqueeze(1).unsqueeze(2)
        if trace is not None:
            trace["embed.tok"], trace["embed.pos"], trace["embed.sum"] = tok, pos, x
        presents = []
        for i, b in enumerate(self.blocks):
            pk, pv = past[i] if past is not None else (None, None)
            x, k, v = b(x, allowed, pk, pv, trace, f"blk.{i}.")
            presents.append((k, v))
        x = self.ln_f(x)
        logits = torch.matmul(x, self.wte.weight.t())
        if trace is not None:
            trace["ln_f"], trace["logits"] = x, logits
            trace["probs"] = torch.softmax(logits, dim=-1)
        return logits, presents

    def n_params(self) -> int:
        return sum(p.numel() for p in self.parameters())


@torch.no_grad()
def greedy(model: GPT, prompts: list[list[int]], max_new: int, eos: int,
           stop: list[int] | None = None) -> list[list[int]]:
    """Batched greedy decoding with left padding and a KV cache. Stops a row at eos (kept) or when
    its generated ids end with the `stop` sequence (kept)."""
    B = len(prompts)
    L = max(len(p) for p in prompts)
    ids = torch.zeros(B, L, dtype=torch.long)
    mask = torch.zeros(B, L, dtype=torch.long)
    for i, p in enumerate(prompts):
        ids[i, L - len(p):] = torch.tensor(p)
        mask[i, L - len(p):] = 1
    pos = (mask.cumsum(1) - 1).clamp(min=0)
    out: list[list[int]] = [[] for _ in range(B)]
    done = [False] * B
    logits, past = model(ids, mask, pos)
    for _ in range(max_new):
        nxt = logits[:, -1].argmax(-1)
        for i in range(B):
            if not done[i]:
                out[i].append(int(nxt[i]))
                if out[i][-1] == eos or (stop and out[i][-len(stop):] == stop):
                    done[i] = True
        if all(done):
            break
        mask = torch.cat([mask, torch.ones(B, 1, dtype=torch.long)], 1)
        pos = pos[:, -1:] + 1
        logits, past = model(nxt.unsqueeze(1), mask, pos, past)
    return out
