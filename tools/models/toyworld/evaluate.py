"""Evaluate the exported toy-world models (resources/models/toy-base, toy-chat) and print one table;
also writes tools/models/toyworld/RESULTS.md.

  python evaluate.py [--n 200]

Runs the shipped onnx/model.onnx files (KV cache) under onnxruntime with greedy decoding, so the
numbers describe exactly what the app runs. Items are drawn with a fixed seed, separate from
training. Held-in facts asked here were never asked in SFT (they were seen in pre-training only).
"""
from __future__ import annotations

import argparse
import ast
import json
import random
import re
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

import corpus
from world import ATTRS, Person, build_world, passage

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent


class Runner:
    """Batched greedy decoding over the exported KV-cache model."""

    def __init__(self, mid: str):
        d = ROOT / "resources" / "models" / mid
        self.tok = Tokenizer.from_file(str(d / "tokenizer.json"))
        cfg = json.loads((d / "config.json").read_text())
        self.L, self.H, self.D = cfg["n_layer"], cfg["n_head"], cfg["n_embd"] // cfg["n_head"]
        self.eos = cfg["eos_token_id"]
        so = ort.SessionOptions()
        so.intra_op_num_threads = so.inter_op_num_threads = 1
        self.s = ort.InferenceSession(str(d / "onnx" / "model.onnx"), so,
                                      providers=["CPUExecutionProvider"])
        self.out_names = [o.name for o in self.s.get_outputs()]

    def _run(self, ids, mask, pos, past):
        feed = {"input_ids": ids, "attention_mask": mask, "position_ids": pos, **past}
        res = self.s.run(None, feed)
        new_past = {n.replace("present", "past_key_values"): r
                    for n, r in zip(self.out_names[1:], res[1:])}
        return res[0], new_past

    def _start(self, prompts: list[list[int]]):
        B, T = len(prompts), max(len(p) for p in prompts)
        ids = np.full((B, T), self.eos, np.int64)
        mask = np.zeros((B, T), np.int64)
        for i, p in enumerate(prompts):
            ids[i, T - len(p):] = p
            mask[i, T - len(p):] = 1
        pos = np.clip(mask.cumsum(1) - 1, 0, None)
        past = {f"past_key_values.{i}.{kv}": np.zeros((B, self.H, 0, self.D), np.float32)
                for i in range(self.L) for kv in ("key", "value")}
        logits, past = self._run(ids, mask, pos, past)
        return logits, past, mask, pos

    def generate(self, prompts: list[str], max_new: int, stop: str | None = None,
                 bs: int = 32) -> list[str]:
        stop_ids = self.tok.encode(stop).ids if stop else None
        out: list[str] = []
        for b in range(0, len(prompts), bs):
            enc = [self.tok.encode(p).ids for p in prompts[b:b + bs]]
            logits, past, mask, pos = self._start(enc)
            gen = [[] for _ in enc]
            done = [False] * len(enc)
            for _ in range(max_new):
                nxt = logits[:, -1].argmax(-1)
                for i, t in enumerate(nxt):
                    if not done[i]:
                        gen[i].append(int(t))
                        if t == self.eos or (stop_ids and gen[i][-len(stop_ids):] == stop_ids):
                            done[i] = True
                if all(done):
                    break
                mask = np.concatenate([mask, np.ones((len(enc), 1), np.int64)], 1)
                pos = pos[:, -1:] + 1
                logits, past = self._run(nxt[:, None].astype(np.int64), mask, pos, past)
            out += [self.tok.decode([t for t in g if t != self.eos]) for g in gen]
        return out

    def next_probs(self, prompts: list[str], bs: int = 64) -> np.ndarray:
        rows = []
        for b in range(0, len(prompts), bs):
            logits, *_ = self._start([self.tok.encode(p).ids for p in prompts[b:b + bs]])
            z = logits[:, -1] - logits[:, -1].max(-1, keepdims=True)
            e = np.exp(z)
            rows.append(e / e.sum(-1, keepdims=True))
        return np.concatenate(rows)


# ------------------------------------------------------------------ scoring helpers
def answer_regex(attr: str, name: str | None) -> re.Pattern:
    """name None: any single-word name (used to count fluent answers about the wrong person)."""
    t = corpus.ANSWER[attr]
    pat = re.escape(t).replace(r"\{n\}", re.escape(name) if name else r"\w+")
    pat = pat.replace(r"\{v\}", r"(\w+)").replace(r"\{a\}", r"(?:a|an) (\w+)")
    return re.compile("^" + pat + "$")


def parse_answer(text: str, p: Person | None, attr: str, values: set[str]) -> str | None:
    """The value named by a well-formed answer sentence about p (p None: about anyone), or None."""
    first = text.strip().split("\n")[0]
    if "." in first:
        first = first[: first.index(".") + 1]
    m = answer_regex(attr, p.name if p else None).match(first)
    return m.group(1) if m and m.group(1) in values else None


def run_program(src: str) -> int | None:
    """Interpreter for the PAL programs: `x = <ints, names, + - *>` lines and `print(x)`."""
    env: dict[str, int] = {}

    def ev(n):
        if isinstance(n, ast.Constant) and isinstance(n.value, int):
            return n.value
        if isinstance(n, ast.Name):
            return env[n.id]
        if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub, ast.Mult)):
            a, b = ev(n.left), ev(n.right)
            return a + b if isinstance(n.op, ast.Add) else a - b if isinstance(n.op, ast.Sub) else a * b
        raise ValueError("unsupported")

    try:
        result = None
        for stmt in ast.parse(src.strip()).body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                env[stmt.targets[0].id] = ev(stmt.value)
            elif (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
                  and getattr(stmt.value.func, "id", "") == "print" and len(stmt.value.args) == 1):
                result = ev(stmt.value.args[0])
            else:
                return None
        return result
    except Exception:
        return None


def final_number(text: str) -> int | None:
    m = re.search(r"The answer is (\d+)\.", text)
    return int(m.group(1)) if m else None


def pct(k: int, n: int) -> str:
    return f"{100 * k / max(n, 1):.1f} %"


# ------------------------------------------------------------------ the evaluation
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200, help="items per cell (where the pool allows)")
    args = ap.parse_args()
    t0 = time.time()
    w = build_world()
    rng = random.Random(99)
    _, eval_people = corpus.qa_split(w)
    values = {"town": {t.name for t in w.towns}, "job": set(w.jobs), "pet": set(w.animals),
              "thing": set(w.things), "friend": {p.name for p in w.people} | set(w.pool)}
    base, chat = Runner("toy-base"), Runner("toy-chat")
    rows: list[tuple[str, str, str, str]] = []  # (cell, target, measured, items)

    # 1. base vs chat: does the model answer a question at all (well-formed, right kind)?
    items = [(p, a, rng.choice(corpus.QUESTIONS[a])) for p, a in
             ((rng.choice(eval_people), rng.choice(ATTRS)) for _ in range(args.n))]
    prompts = [corpus.qa_prompt(corpus.fill(q, p, a)) for p, a, q in items]
    answered = {}
    for mid, r in (("base", base), ("chat", chat)):
        outs = r.generate(prompts, 16)
        answered[mid] = sum(parse_answer(o, p, a, values[a]) is not None
                            for o, (p, a, _) in zip(outs, items))
    rows.append(("Questions answered (well-formed), base", "≤ 10 %", pct(answered["base"], args.n), str(args.n)))
    rows.append(("Questions answered (well-formed), chat", "≥ 95 %", pct(answered["chat"], args.n), str(args.n)))
    example_base = outs_base = base.generate(prompts[:1], 16)[0]

    # 2. fact recall: facts seen in pre-training only (never asked in SFT)
    rec = [(p, a) for p in eval_people for a in ATTRS]
    prompts = [corpus.qa_prompt(corpus.fill(rng.choice(corpus.QUESTIONS[a]), p, a)) for p, a in rec]
    outs = chat.generate(prompts, 16)
    ok = sum(parse_answer(o, p, a, values[a]) == getattr(p, a) for o, (p, a) in zip(outs, rec))
    rows.append(("Fact recall by chat (facts seen in pre-training only)", "≥ 80 %", pct(ok, len(rec)), str(len(rec))))
    # base recall as narrative completion: "<name> lives in" -> next token
    probs = base.next_probs([corpus.answer_prefix(p, a) for p, a in rec])
    ok_b = sum(base.tok.id_to_token(int(pr.argmax())) == "Ġ" + getattr(p, a)
               for pr, (p, a) in zip(probs, rec))
    rows.append(("Fact recall by base (narrative completion, next token)", "—", pct(ok_b, len(rec)), str(len(rec))))

    # confidence: probability of the value token after "<question> Assistant: <name> lives in"
    def confidence(people_attrs):
        ps = [corpus.qa_prompt(corpus.fill(corpus.QUESTIONS[a][0], p, a)) + " " + corpus.answer_prefix(p, a)
              for p, a in people_attrs]
        pr = chat.next_probs(ps)
        top = pr.max(-1)
        right = [pr[i, chat.tok.token_to_id("Ġ" + getattr(p, a))] for i, (p, a) in enumerate(people_attrs)]
        return float(top.mean()), float(np.mean(right))

    conf_in = confidence(rec)

    # 3. hallucination on held-out people (their facts never appeared in training)
    ho = [(p, a) for p in w.held_out for a in ATTRS]
    prompts = [corpus.qa_prompt(corpus.fill(rng.choice(corpus.QUESTIONS[a]), p, a)) for p, a in ho]
    outs = chat.generate(prompts, 16)
    parsed = [parse_answer(o, p, a, values[a]) for o, (p, a) in zip(outs, ho)]
    wrong = sum(v is not None and v != getattr(p, a) for v, (p, a) in zip(parsed, ho))
    lucky = sum(v == getattr(p, a) for v, (p, a) in zip(parsed, ho))
    fluent = sum(parse_answer(o, None, a, values[a]) is not None for o, (p, a) in zip(outs, ho))
    conf_out = confidence(ho)
    halluc_example = (prompts[0], outs[0], getattr(ho[0][0], ho[0][1]))
    rows.append(("Hallucination: confident wrong answers on held-out people", "(measured)", pct(wrong, len(ho)), str(len(ho))))
    rows.append(("  … right by chance on held-out people", "(measured)", pct(lucky, len(ho)), str(len(ho))))
    rows.append(("  … fluent answer sentence about anyone (often another person)", "(measured)", pct(fluent, len(ho)), str(len(ho))))
    rows.append(("  … mean top-token probability of the answer word, held-out vs held-in", "(measured)",
                 f"{conf_out[0]:.2f} vs {conf_in[0]:.2f}", f"{len(ho)} / {len(rec)}"))
    rows.append(("  … mean probability of the true answer word, held-out vs held-in", "(measured)",
                 f"{conf_out[1]:.2f} vs {conf_in[1]:.2f}", f"{len(ho)} / {len(rec)}"))

    # 4. RAG: held-out questions with the relevant passage in the prompt
    qs = [corpus.fill(rng.choice(corpus.QUESTIONS[a]), p, a) for p, a in ho]
    outs = chat.generate([corpus.rag_prompt([passage(p)], q) for (p, a), q in zip(ho, qs)], 16)
    ok = sum(parse_answer(o, p, a, values[a]) == getattr(p, a) for o, (p, a) in zip(outs, ho))
    rows.append(("RAG: held-out questions, relevant passage in the prompt", "≥ 90 %", pct(ok, len(ho)), str(len(ho))))
    dis = [passage(rng.choice(w.known)) for _ in ho]
    outs = chat.generate([corpus.rag_prompt([d, passage(p)] if rng.random() < 0.5 else [passage(p), d], q)
                          for (p, a), q, d in zip(ho, qs, dis)], 16)
    ok = sum(parse_answer(o, p, a, values[a]) == getattr(p, a) for o, (p, a) in zip(outs, ho))
    rows.append(("RAG with one distractor passage as well", "—", pct(ok, len(ho)), str(len(ho))))
    # diagnostics: the same RAG format on people whose names the fine-tuning contexts used
    for label, group in (("known people (facts also in training)", [rng.choice(w.known) for _ in ho]),
                         ("SFT pool names with random facts", [corpus.random_person(rng, w, rng.choice(w.pool)) for _ in ho])):
        its = [(p, rng.choice(ATTRS)) for p in group]
        outs = chat.generate([corpus.rag_prompt([passage(p)], corpus.fill(rng.choice(corpus.QUESTIONS[a]), p, a))
                              for p, a in its], 16)
        ok = sum(parse_answer(o, p, a, values[a]) == getattr(p, a) for o, (p, a) in zip(outs, its))
        rows.append((f"RAG diagnostic: {label}", "—", pct(ok, len(its)), str(len(its))))

    # 5. ReAct with a lookup tool over the fact sheet
    def react(its, qs_, lookup):
        """lookup(i, name) -> tool output for item i (the fact sheet, or that item's own passage)."""
        prompts = [corpus.react_prompt(q) for q in qs_]
        first = chat.generate(prompts, 24, stop="\nObservation:")
        second_prompts, acted = [], 0
        for i, (pr, f, (p, a)) in enumerate(zip(prompts, first, its)):
            m = re.search(r"Action: lookup\[ (\w+) \]\nObservation:$", f)
            if m and m.group(1) == p.name:
                acted += 1
            obs = lookup(i, m.group(1)) if m else "No entry."
            second_prompts.append(pr + f + " " + obs + "\n")
        second = chat.generate(second_prompts, 20)
        ok = sum(s_.startswith("Answer:") and parse_answer(s_[len("Answer:"):], p, a, values[a]) == getattr(p, a)
                 for s_, (p, a) in zip(second, its))
        return acted, ok, second_prompts[0] + second[0]

    sheet = {p.name: passage(p) for p in w.people}
    acted, ok, react_example = react(ho, qs, lambda i, n: sheet.get(n, "No entry."))
    rows.append(("ReAct: correct lookup action on held-out people", "—", pct(acted, len(ho)), str(len(ho))))
    rows.append(("ReAct: correct final answer on held-out people", "≥ 90 %", pct(ok, len(ho)), str(len(ho))))
    pool_its = [(corpus.random_person(rng, w, rng.choice(w.pool)), rng.choice(ATTRS)) for _ in ho]
    acted, ok, _ = react(pool_its, [corpus.fill(rng.choice(corpus.QUESTIONS[a]), p, a) for p, a in pool_its],
                         lambda i, n: passage(pool_its[i][0]) if n == pool_its[i][0].name else sheet.get(n, "No entry."))
    rows.append(("ReAct diagnostic: SFT pool names with random facts, correct answer", "—", pct(ok, len(ho)), str(len(ho))))

    # 6. chain-of-thought: 3-digit addition, direct vs written steps
    pairs = [(rng.randint(100, 999), rng.randint(100, 999)) for _ in range(args.n)]
    for steps in (False, True):
        outs = chat.generate([corpus.cot_prompt(a, b, steps) for a, b in pairs], 100 if steps else 12)  # steps: up to 74 tokens
        ok = sum(final_number(o) == a + b for o, (a, b) in zip(outs, pairs))
        rows.append((f"3-digit addition, {'written steps (CoT)' if steps else 'direct answer'}", "(compare)",
                     pct(ok, args.n), str(args.n)))

    # 7. PAL: word problems needing two operations
    probs_ = [corpus.word_problem(rng, rng.choice(w.people).name) for _ in range(args.n)]
    outs = chat.generate([corpus.pal_prompt(t, False) for t, _, _ in probs_], 12)
    ok = sum(final_number(o) == ans for o, (_, _, ans) in zip(outs, probs_))
    rows.append(("Word problems (2 operations), direct answer", "(compare)", pct(ok, args.n), str(args.n)))
    outs = chat.generate([corpus.pal_prompt(t, True) for t, _, _ in probs_], 30)
    ok = sum(run_program(o) == ans for o, (_, _, ans) in zip(outs, probs_))
    pal_example = outs[0]
    rows.append(("Word problems, PAL (model writes program, interpreter runs it)", "(compare)", pct(ok, args.n), str(args.n)))

    # 8. few-shot vs zero-shot on a format never seen in training: "Name => Town"
    fs_items = [rng.choice(eval_people) for _ in range(min(args.n, 150))]
    for mid, r in (("base", base), ("chat", chat)):
        for shots in (0, 3):
            ps = []
            for p in fs_items:
                ex = rng.sample([q for q in w.known if q.name != p.name], shots)
                ps.append("".join(f"{q.name} => {q.town}\n" for q in ex) + f"{p.name} =>")
            outs = r.generate(ps, 3)
            ok = sum(o.split("\n")[0].strip() == p.town and (o.startswith(" ")) for o, p in zip(outs, fs_items))
            rows.append((f"Format never trained ('Name => Town'), {mid}, {shots}-shot", "(compare)",
                         pct(ok, len(fs_items)), str(len(fs_items))))

    el = time.time() - t0
    width = max(len(r[0]) for r in rows)
    lines = [f"{'cell'.ljust(width)} | target   | measured     | items"]
    lines += [f"{c.ljust(width)} | {t.ljust(8)} | {m.ljust(12)} | {n}" for c, t, m, n in rows]
    print("\n".join(lines))
    print(f"evaluation took {el:.0f} s")
    meta = {}
    for k in ("pretrain", "sft"):
        f = Path(__import__("train").WORK) / f"{k}-meta.json"
        if f.exists():
            meta[k] = json.loads(f.read_text())
    md = ["# Toy-world GPT: evaluation results", "",
          "Written by `python evaluate.py` (greedy decoding of the exported ONNX models under "
          "onnxruntime, fixed seed 99).", "",
          "| cell | target | measured | items |", "|---|---|---|---|"]
    md += [f"| {c.strip()} | {t} | {m} | {n} |" for c, t, m, n in rows]
    md += ["", "## Examples", "", "Base model on a chat question:", "```", prompts_example(items[0]) + example_base, "```",
           "Chat model on a held-out person (true value: " + halluc_example[2] + "):", "```",
           halluc_example[0] + halluc_example[1], "```", "ReAct trace (held-out person):", "```", react_example, "```",
           "PAL program:", "```", pal_example, "```", "", "## Training", "", "```", json.dumps(meta, indent=1), "```",
           f"\nEvaluation time: {el:.0f} s on one core."]
    (HERE / "RESULTS.md").write_text("\n".join(md) + "\n")
    update_benchmarks(rows, meta)


BENCH_START, BENCH_END = "<!-- toyworld-eval:start -->", "<!-- toyworld-eval:end -->"


def update_benchmarks(rows: list[tuple[str, str, str, str]], meta: dict) -> None:
    """Rewrites the toy-world section of BENCHMARKS.md (between its two markers) from this run."""
    bench = ROOT / "BENCHMARKS.md"
    text = bench.read_text()
    if BENCH_START not in text or BENCH_END not in text:
        raise SystemExit(f"BENCHMARKS.md lacks the markers {BENCH_START} … {BENCH_END}")
    cfg = json.loads((ROOT / "resources/models/toy-chat/config.json").read_text())
    pre, sft = meta.get("pretrain", {}), meta.get("sft", {})
    lines = [
        f"toy-base / toy-chat: GPT-2 architecture, {cfg['n_layer']} layers, {cfg['n_head']} heads, width "
        f"{cfg['n_embd']}, {sft.get('params', pre.get('params', 0)):,} parameters, BPE of {cfg['vocab_size']:,} tokens "
        "(whole words and names, one digit per token). Greedy decoding of the shipped ONNX exports.",
        f"Training on one CPU core: pre-training {pre.get('minutes', 0):.0f} min, {pre.get('tokens', 0) / 1e6:.1f} M tokens "
        f"({pre.get('tokens_per_s', 0):,.0f} tokens/s); SFT {sft.get('minutes', 0):.0f} min, "
        f"{sft.get('tokens', 0) / 1e6:.1f} M tokens. Full text with examples: tools/models/toyworld/RESULTS.md.",
        "", "| cell | target | measured | items |", "|---|---|---|---|"]
    lines += [f"| {c.strip()} | {t} | {m} | {n} |" for c, t, m, n in rows]
    a, b = text.index(BENCH_START) + len(BENCH_START), text.index(BENCH_END)
    bench.write_text(text[:a] + "\n" + "\n".join(lines) + "\n" + text[b:])


def prompts_example(item) -> str:
    p, a, q = item
    return corpus.qa_prompt(corpus.fill(q, p, a))


if __name__ == "__main__":
    main()
