#!/usr/bin/env python3
"""A small synthetic English -> French grammar, written for this project.

Every sentence pair is produced by rules, so each English sentence has exactly one French
translation (the model can reach ~100 % exact match). The conventions that remove English
ambiguities are part of the lesson and are listed in tools/models/translator/RESULTS.md:

* "you" -> tu, "you all" -> vous, "they" -> ils; je/tu/nous/vous take masculine agreement.
* feminine plural "elles" appears in questions with feminine plural subjects
  ("Are the girls happy?" -> "Les filles sont-elles heureuses ?").
* questions with be/have use inversion ("Est-elle ...", "A-t-il ...", noun subjects: "Marie
  est-elle ..."), except with je ("Est-ce que je suis ..."); every other verb uses "Est-ce que".
* French tokens are separated by single spaces; "." and "?" are tokens of their own
  ("Elle est dans un restaurant ."). Elided forms (l'école, n'est, qu'elle, J'ai) and
  hyphenated inversions (Est-elle, a-t-il) are one token each.
* English statements end with "." or with nothing (both map to the same French); questions end with "?".

Usage: python3 grammar.py [N]   prints N random pairs (tab separated).
"""
from __future__ import annotations

import random
import sys

from lexicon import (  # noqa: E402  (word lists live in lexicon.py)
    VOWELS,
    starts_with_vowel,
    PRONOUNS,
    NAMES_F,
    NAMES_M,
    PEOPLE,
    PLACES,
    FURNITURE,
    CITIES,
    FOOD,
    DRINK,
    TEXT,
    THING,
    OPENABLE,
    SHOWS,
    LISTEN,
    ADJ_OBJ,
    ADJ_PLACE,
    ADJ_PERSON,
    IDIOMS,
    REG,
    ETRE,
    AVOIR,
    TRANSITIVE,
    INTRANSITIVE,
    ALLER,
    ENGLISH_BE,
)


class NP:
    """A noun phrase: English words, French words, and what agreement needs."""

    def __init__(self, en: list[str], fr_det: str | None, fr_rest: list[str], gender: str, plural: bool,
                 person: int = 2, pronoun: bool = False, det_kind: str = "none"):
        self.en = en
        self.fr_det = fr_det          # determiner kind, resolved when the preposition is known
        self.fr_rest = fr_rest
        self.gender = gender
        self.plural = plural
        self.person = person
        self.pronoun = pronoun
        self.det_kind = det_kind      # 'def', 'indef', 'poss:<en>', 'none'


def a_or_an(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def french_det(kind: str, gender: str, plural: bool, next_word: str, negated: bool = False) -> list[str]:
    """Determiner tokens before next_word. Negation turns un/une/des into de/d' (direct objects only)."""
    v = starts_with_vowel(next_word)
    if kind == "none":
        return []
    if kind == "indef":
        if negated:
            return ["d'" + next_word] if v else ["de", next_word]
        return [("des" if plural else ("un" if gender == "m" else "une")), next_word]
    if kind == "def":
        if plural:
            return ["les", next_word]
        return ["l'" + next_word] if v else [("le" if gender == "m" else "la"), next_word]
    if kind.startswith("poss:"):
        owner = kind[5:]
        table = {"my": ("mon", "ma", "mes"), "his": ("son", "sa", "ses"), "her": ("son", "sa", "ses"),
                 "our": ("notre", "notre", "nos"), "their": ("leur", "leur", "leurs")}[owner]
        if plural:
            return [table[2], next_word]
        if gender == "f" and not v:
            return [table[1], next_word]
        return [table[0], next_word]
    raise ValueError(kind)


def glue(tokens: list[str]) -> list[str]:
    """Merge a determiner that was elided (ending with ') into the next token."""
    out: list[str] = []
    for t in tokens:
        if out and out[-1].endswith("'"):
            out[-1] = out[-1] + t
        else:
            out.append(t)
    return out


def make_np(rng: random.Random, nouns, adjs=None, dets=("def", "indef", "poss"), allow_plural=True,
            adj_prob=0.3) -> NP:
    en_sg, en_pl, fr_sg, fr_pl, g = rng.choice(nouns)
    plural = allow_plural and rng.random() < 0.3
    kind = rng.choice(dets)
    if kind == "poss":
        kind = "poss:" + rng.choice(["my", "his", "her", "our", "their"])
    adj = rng.choice(adjs) if adjs and rng.random() < adj_prob else None
    noun_en = en_pl if plural else en_sg
    noun_fr = fr_pl if plural else fr_sg
    en_words = [noun_en]
    fr_words = [noun_fr]
    if adj:
        a_en, forms, before = adj
        form = forms[(2 if plural else 0) + (1 if g == "f" else 0)]
        en_words = [a_en, noun_en]
        fr_words = [form, noun_fr] if before else [noun_fr, form]
    if kind == "def":
        en_det = ["the"]
    elif kind == "indef":
        en_det = [] if plural else [a_or_an(en_words[0])]
    else:
        en_det = [kind[5:]]
    return NP(en_det + en_words, kind, fr_words, g, plural, det_kind=kind)


def np_fr(np_: NP, prep: str | None = None, negated_object: bool = False) -> list[str]:
    """French tokens for an NP after an optional French preposition (à / de contract)."""
    if np_.det_kind == "none":
        words = list(np_.fr_rest)
        return ([prep] if prep else []) + words
    det = french_det(np_.det_kind, np_.gender, np_.plural, np_.fr_rest[0], negated_object)
    toks = glue(det) + np_.fr_rest[1:]
    if prep in ("à", "de") and np_.det_kind == "def":
        first = toks[0]
        if prep == "à" and first == "le":
            return ["au"] + toks[1:]
        if prep == "à" and first == "les":
            return ["aux"] + toks[1:]
        if prep == "de" and first == "le":
            return ["du"] + toks[1:]
        if prep == "de" and first == "les":
            return ["des"] + toks[1:]
    if prep == "de" and np_.det_kind == "indef" and np_.plural:
        return ["de"] + toks[1:]          # de + des -> de
    if prep == "de":
        return glue(["d'" if starts_with_vowel(toks[0]) else "de"] + toks)
    if prep:
        return [prep] + toks
    return toks


# ---------------------------------------------------------------- subjects
def make_subject(rng: random.Random) -> NP:
    r = rng.random()
    if r < 0.5:
        en, fr, person, g, pl = rng.choice(PRONOUNS)
        return NP(en.split(), None, [fr], g, pl, person=person, pronoun=True)
    if r < 0.68:
        name = rng.choice(NAMES_F + NAMES_M)
        return NP([name], None, [name], "f" if name in NAMES_F else "m", False, det_kind="none")
    if r < 0.78:
        a, b = rng.sample(NAMES_F + NAMES_M, 2)
        g = "f" if a in NAMES_F and b in NAMES_F else "m"
        return NP([a, "and", b], None, [a, "et", b], g, True, person=5, det_kind="none")
    np_ = make_np(rng, PEOPLE, dets=("def", "poss"), adj_prob=0.0)
    np_.person = 5 if np_.plural else 2
    return np_


def subject_fr(s: NP) -> list[str]:
    return list(s.fr_rest) if s.pronoun or s.det_kind == "none" else np_fr(s)


def inversion_pronoun(s: NP) -> str:
    if s.pronoun:
        return s.fr_rest[0]
    if s.plural:
        return "elles" if s.gender == "f" else "ils"
    return "elle" if s.gender == "f" else "il"


def adj_form(forms, s: NP) -> str:
    return forms[(2 if s.plural else 0) + (1 if s.gender == "f" else 0)]


def elide_ne(verb: str) -> list[str]:
    return ["n'" + verb] if starts_with_vowel(verb) else ["ne", verb]


def elide_subject(subj: list[str], verb: str) -> list[str]:
    if subj == ["je"] and starts_with_vowel(verb):
        return ["j'" + verb]
    return subj + [verb]


def capitalise(tokens: list[str]) -> list[str]:
    t = tokens[0]
    return [t[0].upper() + t[1:]] + tokens[1:]


# ---------------------------------------------------------------- predicates
def location_pp(rng: random.Random, allow_city=True) -> tuple[list[str], list[str]]:
    """(english words, french tokens) of a prepositional phrase of place."""
    r = rng.random()
    if allow_city and r < 0.06:
        city = rng.choice(CITIES)
        return ["in", city], ["à", city]
    if r < 0.75:
        prep_en = rng.choice(["in", "at", "near", "in", "at", "near", "behind", "in front of"])
        np_ = make_np(rng, PLACES, ADJ_PLACE, dets=("def", "indef", "def", "poss"), adj_prob=0.2)
    elif r < 0.9:
        prep_en = rng.choice(["on", "under", "near", "in", "behind"])
        np_ = make_np(rng, FURNITURE, ADJ_OBJ, dets=("def", "indef", "poss"), adj_prob=0.2)
    else:
        prep_en = "with"
        if rng.random() < 0.4:
            name = rng.choice(NAMES_F + NAMES_M)
            return ["with", name], ["avec", name]
        np_ = make_np(rng, PEOPLE, dets=("def", "poss", "indef"), adj_prob=0.0)
    prep_fr = {"in": "dans", "at": "à", "on": "sur", "under": "sous", "near": "près", "with": "avec",
               "behind": "derrière", "in front of": "devant"}[prep_en]
    if prep_fr == "près":
        return [prep_en] + np_.en, ["près"] + np_fr(np_, "de")
    return prep_en.split() + np_.en, np_fr(np_, prep_fr)


def english_verb(s: NP, base: str, third: str, neg: bool, question: bool) -> tuple[list[str], list[str]]:
    """(auxiliary part placed before the subject in questions, verb part after the subject)."""
    is3 = (s.person == 2)
    if question:
        aux = "Does" if is3 else "Do"
        return [aux], ([base] if not neg else ["not", base])
    if neg:
        return [], ["does" if is3 else "do", "not"] + base.split()
    return [], (third if is3 else base).split()


def sentence(rng: random.Random) -> tuple[str, str]:
    s = make_subject(rng)
    question = rng.random() < 0.25
    neg = (not question) and rng.random() < 0.3
    kind = rng.random()
    fr_subj = subject_fr(s)
    en_subj = list(s.en)
    if kind < 0.45:
        # be + (place | adjective | idiom)
        sub = rng.random()
        if sub < 0.6:
            rest_en, rest_fr = location_pp(rng)
            verb_fr, be = ETRE[s.person], True
        elif sub < 0.88:
            a_en, forms = rng.choice(ADJ_PERSON)
            rest_en, rest_fr = [a_en], adj_form(forms, s).split()
            verb_fr, be = ETRE[s.person], True
        else:
            a_en, noun = rng.choice(IDIOMS)
            rest_en, rest_fr = [a_en], [noun]
            verb_fr, be = AVOIR[s.person], True
        be_en = ENGLISH_BE[s.person]
        if question:
            en = [be_en.capitalize()] + en_subj + rest_en
            fr = question_inverted(s, verb_fr) + rest_fr
            return finish(en, fr, question=True)
        en = en_subj + [be_en] + (["not"] if neg else []) + rest_en
        fr = statement_fr(fr_subj, verb_fr, neg) + rest_fr
        return finish(en, fr, question=False)
    if kind < 0.85:
        base, third, forms, kinds = rng.choice(TRANSITIVE)
        nouns = rng.choice(kinds)
        np_ = make_np(rng, nouns, ADJ_OBJ if nouns is not PEOPLE else None,
                      dets=("def", "indef", "poss"), adj_prob=0.3)
        obj_fr = np_fr(np_, negated_object=neg)
        extra_en, extra_fr = (location_pp(rng, allow_city=False) if rng.random() < 0.3 else ([], []))
        verb_fr = forms[s.person]
        if base == "have" and question:
            en = (["Does" if s.person == 2 else "Do"] + en_subj + ["have"] + np_.en + extra_en)
            fr = question_inverted(s, verb_fr) + obj_fr + extra_fr
            return finish(en, fr, question=True)
    else:
        if rng.random() < 0.3:
            base, third, forms = ALLER
            np_ = make_np(rng, PLACES, ADJ_PLACE, dets=("def", "poss", "def"), adj_prob=0.2)
            extra_en, extra_fr = ["to"] + np_.en, np_fr(np_, "à")
        else:
            base, third, forms = rng.choice(INTRANSITIVE)
            extra_en, extra_fr = location_pp(rng) if (base == "live" or rng.random() < 0.7) else ([], [])
        np_ = None
        obj_fr = []
        verb_fr = forms[s.person]
    aux, verb_en = english_verb(s, base, third, neg, question)
    obj_en = np_.en if np_ is not None else []
    if question:
        en = aux + en_subj + verb_en + obj_en + extra_en
        fr = est_ce_que(fr_subj) + elide_subject(fr_subj, verb_fr) + obj_fr + extra_fr
        return finish(en, fr, question=True)
    en = en_subj + verb_en + obj_en + extra_en
    fr = statement_fr(fr_subj, verb_fr, neg) + obj_fr + extra_fr
    return finish(en, fr, question=False)


def statement_fr(fr_subj: list[str], verb: str, neg: bool) -> list[str]:
    if not neg:
        return elide_subject(fr_subj, verb)
    if fr_subj == ["je"]:
        return ["je"] + elide_ne(verb) + ["pas"]
    return fr_subj + elide_ne(verb) + ["pas"]


def est_ce_que(fr_subj: list[str]) -> list[str]:
    first = fr_subj[0]
    if starts_with_vowel(first):
        # qu' + vowel-initial subject: qu'il, qu'elle, qu'ils, qu'Emma; finish() merges the marker
        return ["Est-ce", "\u0001qu'"]
    return ["Est-ce", "que"]


def question_inverted(s: NP, verb: str) -> list[str]:
    if s.pronoun and s.fr_rest[0] == "je":
        return ["Est-ce", "que"] + elide_subject(["je"], verb)
    pron = inversion_pronoun(s)
    needs_t = verb[-1] in "ae" and pron in ("il", "elle")     # a-t-il, a-t-elle
    inv = verb + ("-t-" if needs_t else "-") + pron
    if s.pronoun:
        return [inv]
    return subject_fr(s) + [inv]


def finish(en: list[str], fr: list[str], question: bool) -> tuple[list[str], list[str]]:
    # resolve the "Est-ce qu'" marker: merge qu' with the next token
    out: list[str] = []
    for t in fr:
        if out and out[-1] == "\u0001qu'":
            out[-1] = "qu'" + t
        else:
            out.append(t)
    fr = capitalise(out) + ["?" if question else "."]
    en = capitalise(en)
    return en, fr


def render(en: list[str], fr: list[str], question: bool, rng: random.Random | None = None,
           period: bool | None = None) -> tuple[str, str]:
    """English text (final '?' or optional '.') and French text (space-separated tokens)."""
    text = " ".join(en)
    if question:
        text += "?"
    else:
        if period is None:
            period = bool(rng and rng.random() < 0.5)
        if period:
            text += "."
    return text, " ".join(fr)


def sample_pair(rng: random.Random) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """One (english words, french tokens) pair; english has no final punctuation yet."""
    en, fr = sentence(rng)
    return tuple(en), tuple(fr)


def generate(n: int, seed: int = 1234, max_tries_factor: int = 20) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """n distinct pairs (distinct English core sentences), in generation order."""
    rng = random.Random(seed)
    seen: dict[tuple[str, ...], tuple[str, ...]] = {}
    tries = 0
    while len(seen) < n and tries < n * max_tries_factor:
        en, fr = sample_pair(rng)
        tries += 1
        if en in seen:
            assert seen[en] == fr, (en, seen[en], fr)  # the grammar must be a function
            continue
        seen[en] = fr
    return list(seen.items())


def is_question(fr: tuple[str, ...]) -> bool:
    return fr[-1] == "?"


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    r = random.Random(7)
    for en, fr in generate(n, seed=99):
        e, f = render(list(en), list(fr), is_question(fr), r)
        print(f"{e}\t{f}")
