"""Choose which of multilingual-e5-small's 250k vocabulary pieces to keep for Chinese + English.

The word-embedding matrix is 250,037 x 384: about 96 MB even at int8, so the full model cannot be
bundled as one file of at most 50 MB. Most pieces belong to scripts and languages the app does not
target. We keep, in the original id order:
  1. the special tokens and every piece made only of non-letter ASCII, the SentencePiece space
     marker, CJK ideographs, CJK / full-width punctuation and common symbol blocks (so the
     segmentation of Chinese text is exactly unchanged);
  2. every piece that the full Unigram tokenizer uses on the 100k most frequent English words and
     the 30k most frequent Chinese words of `wordfreq` (lower-case, Capitalised and UPPER forms),
     both as separate words ("▁word") and glued to a preceding Chinese character or hyphen, as in
     "用Python写" (Chinese puts no space there, so word-internal pieces are needed);
  3. then the highest-scoring (most frequent in the original multilingual training data)
     remaining Latin-letter pieces, until `budget` pieces are kept.
A text only changes segmentation if the full tokenizer would have used a dropped piece on it;
build.py counts how often that happens on the evaluation set and compares retrieval quality.
"""
from __future__ import annotations

import unicodedata

from tokenizers import Tokenizer

SYMBOL_BLOCKS = [
    (0x2000, 0x206F),  # general punctuation (“ ” — … ‰)
    (0x20A0, 0x20CF),  # currency symbols
    (0x2100, 0x218F),  # letterlike symbols, number forms (℃ Ⅻ)
    (0x2190, 0x22FF),  # arrows, mathematical operators
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x2500, 0x25FF),  # box drawing, geometric shapes (■ ●)
    (0x3000, 0x303F),  # CJK symbols and punctuation (。、《》)
    (0x3200, 0x33FF),  # enclosed CJK, CJK compatibility (㎡)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]
HAN_BLOCKS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF)]


def _in(cp: int, blocks) -> bool:
    return any(a <= cp <= b for a, b in blocks)


def is_base_char(ch: str) -> bool:
    cp = ord(ch)
    if cp < 0x80:
        return not ch.isalpha()
    if ch == "\u2581":
        return True
    if 0xA0 <= cp <= 0xFF:
        return not ch.isalpha()
    return _in(cp, HAN_BLOCKS) or _in(cp, SYMBOL_BLOCKS)


def is_latin_char(ch: str) -> bool:
    cp = ord(ch)
    return cp < 0x80 or ch == "\u2581" or (0xA0 <= cp <= 0xFF)


def choose(pieces: list[str], scores, full_tok: Tokenizer, budget: int,
           specials: set[int], never: set[int] = frozenset()) -> tuple[list[int], dict]:
    """Ids to keep (sorted, so specials at the front keep their ids); `never` = unusable pieces."""
    import wordfreq

    n = len(pieces)
    keep = set(specials)
    cand = [i for i in range(n) if i not in keep and i not in never]
    base = {i for i in cand if all(is_base_char(c) for c in pieces[i])}
    keep |= base
    words = wordfreq.top_n_list("en", 100_000)
    forms = set()
    for w in words:
        for f in (w, w.capitalize(), w.upper()):
            forms.update({f, "的" + f, "-" + f})
    forms.update(wordfreq.top_n_list("zh", 30_000))
    used = set()
    for enc in full_tok.encode_batch(sorted(forms), add_special_tokens=False):
        used.update(enc.ids)
    used -= set(never) | {full_tok.token_to_id("<unk>")}
    keep |= used
    stats = {"base": len(base), "from_wordlists": len(used - base)}
    if len(keep) > budget:
        raise SystemExit(f"word lists alone need {len(keep)} pieces > budget {budget}")
    rest = [i for i in cand if i not in keep and all(is_latin_char(c) for c in pieces[i])]
    rest.sort(key=lambda i: -float(scores[i]))
    fill = rest[: budget - len(keep)]
    keep |= set(fill)
    stats["by_score"] = len(fill)
    stats["kept"] = len(keep)
    return sorted(keep), stats
