"""Build toy-base and toy-chat from scratch, in order (about 2 h 25 min on one CPU core).

  ../.venv/bin/python build.py [--pretrain-minutes 45] [--sft-minutes 30] [--context-minutes 22]
                               [--copy-minutes 45]

1. train.py tokenizer   BPE tokenizer (whole words and names as single tokens, digits one by one)
2. train.py pretrain    toy-base on the narrative corpus (checkpoints in $TOYWORLD_WORK)
3. train.py sft         toy-chat from toy-base on dialogues + 25 % pre-training replay, then
                        further SFT phases weighted towards reading passages (--sft-mix context),
                        then a copying phase (--mix copy: half the replay rows are copy_doc, e.g. a
                        random word list written twice, which grows an induction head; --sft-mix jobs)
4. export.py            resources/models/toy-{base,chat}/, resources/corpora/toyworld/,
                        tests/fixtures/toyworld/ (truth checks vs onnxruntime, must pass)
5. evaluate.py          the evaluation table, also written to RESULTS.md
6. ../manifest.py       resources/models/manifest.json
"""
import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def step(*args: str) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run([sys.executable, *args], cwd=HERE, check=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pretrain-minutes", default="45")
    ap.add_argument("--sft-minutes", default="30")
    ap.add_argument("--context-minutes", default="22",
                    help="comma-separated minutes of each further SFT phase (RAG/ReAct-weighted)")
    ap.add_argument("--copy-minutes", default="45", help="minutes of the final copying phase (0: none)")
    a = ap.parse_args()
    step("train.py", "tokenizer")
    step("train.py", "pretrain", "--minutes", a.pretrain_minutes, "--batch", "16",
         "--peak", "2e-3", "--floor", "3e-4")
    step("train.py", "sft", "--minutes", a.sft_minutes, "--batch", "32", "--replay", "0.25",
         "--mix", "facts", "--peak", "1e-3", "--floor", "2e-4")
    for i, minutes in enumerate(m for m in a.context_minutes.split(",") if m):
        step("train.py", "sft", "--resume", "--minutes", minutes, "--batch", "32", "--replay", "0.15",
             "--mix", "facts", "--sft-mix", "context", "--peak", "8e-4" if i == 0 else "6e-4", "--floor", "1e-4")
    if float(a.copy_minutes) > 0:
        step("train.py", "sft", "--resume", "--minutes", a.copy_minutes, "--batch", "32", "--replay", "0.45",
             "--mix", "copy", "--sft-mix", "jobs", "--peak", "1e-3", "--floor", "1e-4")
    step("export.py")
    step("evaluate.py")
    step(str(HERE.parent / "manifest.py"))


if __name__ == "__main__":
    main()
