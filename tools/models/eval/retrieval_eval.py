"""Recall@5 and MRR on tools/models/eval/retrieval.json for any embedding function.

An embedder is `fn(texts: list[str], role: "query" | "passage") -> np.ndarray [n, dim]` of
L2-normalised vectors; ranking is by cosine (dot product). Metrics are averaged over queries:
  recall@5 = |relevant ∩ top-5| / |relevant|;  MRR = 1 / rank of the first relevant passage.
They are reported overall and per query kind (e.g. "zh->en": Chinese query, English passage).
"""
from __future__ import annotations

import json
import pathlib
from collections import defaultdict

import numpy as np

SET = pathlib.Path(__file__).resolve().parent / "retrieval.json"


def load(path: pathlib.Path = SET) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def evaluate(embed, data: dict | None = None, k: int = 5) -> dict:
    data = data or load()
    P, Q = data["passages"], data["queries"]
    pv = embed([p["text"] for p in P], "passage")
    qv = embed([q["text"] for q in Q], "query")
    pid = [p["id"] for p in P]
    sims = qv @ pv.T
    rows = defaultdict(list)
    for q, s in zip(Q, sims):
        order = [pid[i] for i in np.argsort(-s)]
        rel = set(q["relevant"])
        rec = len(rel & set(order[:k])) / len(rel)
        first = min(order.index(r) for r in rel) + 1
        for key in ("all", q["kind"]):
            rows[key].append((rec, 1.0 / first))
    return {key: {"n": len(v), f"recall@{k}": float(np.mean([r for r, _ in v])),
                  "mrr": float(np.mean([m for _, m in v]))} for key, v in rows.items()}


KINDS = ["all", "en->en", "zh->zh", "en->zh", "zh->en", "en->en+zh", "zh->en+zh"]


def markdown(results: dict[str, dict], k: int = 5) -> str:
    """One row per candidate: overall and per-kind recall@k / MRR."""
    any_res = next(iter(results.values()))
    kinds = [kk for kk in KINDS if kk in any_res]
    head = "| model | " + " | ".join(f"{kk} (n={any_res[kk]['n']}) R@{k} / MRR" for kk in kinds) + " |"
    sep = "|---|" + "---|" * len(kinds)
    lines = [head, sep]
    for name, res in results.items():
        cells = [f"{res[kk][f'recall@{k}']:.3f} / {res[kk]['mrr']:.3f}" for kk in kinds]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
