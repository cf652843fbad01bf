"""Sentence pairs, train/test split and the word-level tokenizer (HF `tokenizers` format).

One shared vocabulary for English and French (as in Marian): one tokenizer.json encodes the
English input and decodes the French output. Ids: 0 <pad>, 1 <s> (decoder start), 2 </s>,
3 <unk>, then every word of the grammar, most frequent first. A word that is spelled the same in
both languages (a, restaurant, bus, Paris, names, ".", "?") is one token with one embedding.
Pre-tokenizer: split on whitespace, then split off . ? ! , as tokens of their own; the
post-processor appends </s> to the source, as Marian does.
"""
from __future__ import annotations

import collections
import json
import pathlib
import random

import grammar

SPECIALS = ["<pad>", "<s>", "</s>", "<unk>"]
PAD, BOS, EOS, UNK = 0, 1, 2, 3
N_PAIRS = 400_000
N_TEST = 2_000
SEED = 1234
ANCHOR = ("She", "is", "in", "a", "restaurant")   # kept in the training split


def load_pairs():
    """(train, test): lists of (english words, french tokens); test cores never appear in train."""
    pairs = grammar.generate(N_PAIRS, seed=SEED)
    rng = random.Random(SEED + 1)
    rng.shuffle(pairs)
    test = [p for p in pairs[:N_TEST + 1] if p[0] != ANCHOR][:N_TEST]
    test_keys = {p[0] for p in test}
    train = [p for p in pairs if p[0] not in test_keys]
    return train, test


def english_text(en, question: bool, period: bool) -> str:
    return " ".join(en) + ("?" if question else ("." if period else ""))


def build_vocab(pairs) -> list[str]:
    counts = collections.Counter()
    for en, fr in pairs:
        counts.update(en)
        counts.update(fr)
    counts.update([".", "?"])
    words = sorted(counts, key=lambda w: (-counts[w], w))
    return SPECIALS + [w for w in words if w not in SPECIALS]


def tokenizer_json(vocab: list[str]) -> dict:
    """A `tokenizers` WordLevel tokenizer, written as JSON (loads in Python and transformers.js)."""
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True} for i, t in enumerate(SPECIALS)
        ],
        "normalizer": None,
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "WhitespaceSplit"},
            {"type": "Split", "pattern": {"Regex": "[.?!,]"}, "behavior": "Isolated", "invert": False},
        ]},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "special_tokens": {"</s>": {"id": "</s>", "ids": [EOS], "tokens": ["</s>"]}},
        },
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": {t: i for i, t in enumerate(vocab)}, "unk_token": "<unk>"},
    }


def tokenizer_config() -> dict:
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": 64,
        "pad_token": "<pad>", "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>",
        "clean_up_tokenization_spaces": False,
        "padding_side": "right",
    }


class Codec:
    """Python-side encoding, identical to tokenizer.json for the texts the grammar produces."""

    def __init__(self, vocab: list[str]):
        self.vocab = vocab
        self.ids = {t: i for i, t in enumerate(vocab)}

    def src(self, text: str) -> list[int]:
        words = []
        for w in text.split():
            cur = ""
            for ch in w:
                if ch in ".?!,":
                    if cur:
                        words.append(cur)
                    words.append(ch)
                    cur = ""
                else:
                    cur += ch
            if cur:
                words.append(cur)
        return [self.ids.get(w, UNK) for w in words] + [EOS]

    def tgt(self, fr) -> list[int]:
        """Decoder input [<s>, w1..wn] and labels [w1..wn, </s>]."""
        ids = [self.ids[w] for w in fr]
        return [BOS] + ids, ids + [EOS]

    def decode(self, ids) -> str:
        out = []
        for i in ids:
            if i == EOS:
                break
            if i in (PAD, BOS):
                continue
            out.append(self.vocab[i])
        return " ".join(out)


def save_tokenizer(folder: pathlib.Path, vocab: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tokenizer.json").write_text(json.dumps(tokenizer_json(vocab), ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / "tokenizer_config.json").write_text(json.dumps(tokenizer_config(), indent=2) + "\n", encoding="utf-8")
