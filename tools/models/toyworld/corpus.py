"""Text generators for the toy world: pre-training narrative, SFT dialogues, preference pairs.

All formats the chat model is trained on are defined here, once, and reused by evaluate.py and
the presets file, so prompts at evaluation time are exactly the training formats.

Chat turn:   "User: <question>\nAssistant: <answer><|endoftext|>"
RAG:         "User: Context: <passages>\nQuestion: <question>\nAssistant: <answer><|endoftext|>"
ReAct:       "User: <question> Use the lookup tool.\nAssistant: Thought: I need to look up <name>.\n"
             "Action: lookup[ <name> ]\nObservation: <passage>\nAnswer: <answer><|endoftext|>"
             (the Observation text is written by the tool, never trained on)
CoT:         "User: What is a + b? Think step by step.\nAssistant: <steps> The answer is n."
PAL:         "User: <word problem> Write a program.\nAssistant: a = ..\nb = ..\nprint(b)"
An SFT example is a list of (text, trained) segments: loss is taken only where trained is True.
"""
from __future__ import annotations

import random

from world import ATTRS, Person, World, passage, town_passage

EOS = "<|endoftext|>"


def art(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


# ---------------------------------------------------------------- facts as narrative sentences
FACT_TEMPLATES = {
    "town": ["{n} lives in {v}.", "{n} has a home in {v}.", "The home of {n} is in {v}.",
             "{n} has lived in {v} for many years.", "{n} lives in the town of {v}."],
    "job": ["{n} works as {a}.", "{n} is {a}.", "By trade, {n} is {a}.",
            "Every day {n} goes to work as {a}.", "{n} has always worked as {a}."],
    "pet": ["{n} has {a}.", "{n} keeps {a} as a pet.", "The pet of {n} is {a}.",
            "{n} takes good care of {a}.", "{n} has {a} at home."],
    "thing": ["{n} owns {a}.", "{n} always carries {a}.", "{n} keeps {a} at home.",
              "The most loved thing of {n} is {a}.", "{n} owns {a} and is proud of it."],
    "friend": ["{n} is a friend of {v}.", "{n} and {v} are good friends.",
               "{n} often visits {v}, an old friend.", "The best friend of {n} is {v}."],
}
# The chat model's answer sentence for each attribute (same wording as the fact sheet).
ANSWER = {"town": "{n} lives in {v}.", "job": "{n} works as {a}.", "pet": "{n} has {a}.",
          "thing": "{n} owns {a}.", "friend": "{n} is a friend of {v}."}
QUESTIONS = {
    "town": ["Where does {n} live?", "In which town does {n} live?", "What town is {n} from?"],
    "job": ["What does {n} do for a living?", "What is the job of {n}?", "What work does {n} do?"],
    "pet": ["What pet does {n} have?", "Which animal does {n} keep?", "What animal does {n} have?"],
    "thing": ["What does {n} own?", "Which object belongs to {n}?", "What thing does {n} own?"],
    "friend": ["Who is a friend of {n}?", "Who is {n} friends with?", "Who does {n} often visit?"],
}


def fill(t: str, p: Person, attr: str) -> str:
    v = getattr(p, attr)
    return t.format(n=p.name, v=v, a=art(v))


def answer(p: Person, attr: str) -> str:
    return fill(ANSWER[attr], p, attr)


def answer_prefix(p: Person, attr: str) -> str:
    """The answer sentence up to (not including) the value: the next token is the fact."""
    full = answer(p, attr)
    v = getattr(p, attr)
    return full[: full.rindex(v)].rstrip()


# ---------------------------------------------------------------- pre-training documents
def bio(rng: random.Random, p: Person) -> str:
    attrs = rng.sample(ATTRS, rng.randint(3, 5))
    return " ".join(fill(rng.choice(FACT_TEMPLATES[a]), p, a) for a in attrs)


def story(rng: random.Random, w: World, p: Person) -> str:
    f = w.person(p.friend)
    t = w.town(p.town)
    options = [
        f"One morning {p.name} left {p.town} to visit {f.name}. {f.name} lives in {f.town}, so the "
        f"walk was long. {p.name} brought {art(p.thing)} and {f.name} was glad.",
        f"In {p.town}, near the {t.landmark}, {p.name} works as {art(p.job)}. After work {p.name} "
        f"feeds the {p.pet} and thinks of {f.name}, a friend who works as {art(f.job)}.",
        f"{p.name} and the {p.pet} walked to the {t.landmark} of {p.town}. The {p.pet} was hungry, "
        f"so {p.name} gave it {w.animals[p.pet]}.",
        f"People in {p.town} know {p.name} well. {p.name} is {art(p.job)} and owns {art(p.thing)}. "
        f"On long evenings {p.name} writes to {f.name}.",
    ]
    return rng.choice(options)


def town_doc(rng: random.Random, w: World) -> str:
    t = rng.choice(w.towns)
    folk = [p.name for p in w.known if p.town == t.name]
    s = town_passage(t)
    if folk:
        some = rng.sample(folk, min(len(folk), rng.randint(1, 3)))
        s += " " + (" and ".join(some)) + (" live there." if len(some) > 1 else " lives there.")
    return s


def animal_doc(rng: random.Random, w: World) -> str:
    k = rng.sample(list(w.animals), 3)
    return " ".join(f"{art(a).capitalize()} eats {w.animals[a]}." for a in k)


def add_steps(a: int, b: int) -> str:
    """Written column addition, least significant digit first, carry always written."""
    da, db = str(a)[::-1], str(b)[::-1]
    n = max(len(da), len(db))
    carry, out, steps = 0, [], []
    for i in range(n):
        x = int(da[i]) if i < len(da) else 0
        y = int(db[i]) if i < len(db) else 0
        s = x + y + carry
        steps.append(f"{x} + {y} + {carry} = {s}, write {s % 10} carry {s // 10}.")
        out.append(s % 10)
        carry = s // 10
    if carry:
        steps.append(f"write {carry}.")
    return " ".join(steps) + f" The answer is {a + b}."


def rand_add(rng: random.Random) -> tuple[int, int]:
    hi = rng.choice([99, 999, 999, 999])
    return rng.randint(1, hi), rng.randint(1, hi)


def arith_doc(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return " ".join(f"{a} + {b} = {a + b}." for a, b in (rand_add(rng) for _ in range(4)))
    a, b = rand_add(rng)
    return f"To add {a} and {b}: " + add_steps(a, b)


# ---------------------------------------------------------------- word problems (PAL)
ITEMS = ["apples", "eggs", "stones", "coins", "pears", "shells", "nuts", "cakes"]


def word_problem(rng: random.Random, name: str) -> tuple[str, str, int]:
    """Returns (problem text, program, answer); every problem needs two operations."""
    it = rng.choice(ITEMS)
    kind = rng.randrange(4)
    if kind == 0:
        a, b, c = rng.randint(2, 9), rng.randint(2, 9), rng.randint(1, 9)
        text = (f"{name} has {a} boxes with {b} {it} in each box. {name} gives away {c} {it}. "
                f"How many {it} does {name} have now?")
        prog, ans = f"a = {a} * {b}\nb = a - {c}\nprint(b)", a * b - c
    elif kind == 1:
        a, b, c = rng.randint(2, 9), rng.randint(2, 9), rng.randint(2, 30)
        text = (f"{name} buys {a} bags with {b} {it} in each bag and already had {c} {it}. "
                f"How many {it} does {name} have now?")
        prog, ans = f"a = {a} * {b}\nb = a + {c}\nprint(b)", a * b + c
    elif kind == 2:
        a, b = rng.randint(10, 60), rng.randint(2, 40)
        c = rng.randint(1, a + b - 1)
        text = (f"{name} has {a} {it} and finds {b} more. Then {name} eats {c} {it}. "
                f"How many {it} are left?")
        prog, ans = f"a = {a} + {b}\nb = a - {c}\nprint(b)", a + b - c
    else:
        a, b, c = rng.randint(10, 60), rng.randint(2, 40), rng.randint(2, 40)
        text = (f"{name} has {a} {it}. A friend gives {name} {b} {it} and another friend gives "
                f"{c} {it}. How many {it} does {name} have?")
        prog, ans = f"a = {a} + {b}\nb = a + {c}\nprint(b)", a + b + c
    return text, prog, ans


def story_problem_doc(rng: random.Random, w: World) -> str:
    """Word problems told as narrative, with the answer; names include held-out people."""
    name = rng.choice(w.people).name
    text, prog, ans = word_problem(rng, name)
    if rng.random() < 0.3:
        return f"# {text}\n{prog}\n# prints {ans}"
    return text.rsplit(". ", 1)[0] + f". In the end the answer is {ans}."


# Document mix (cumulative thresholds): bio, story, passage, town, animal, arithmetic, problem.
MIX = {"broad": (0.50, 0.62, 0.70, 0.76, 0.79, 0.92),
       # second phase: more fact-bearing text so each fact is seen more often per token
       "facts": (0.62, 0.72, 0.84, 0.88, 0.90, 0.97)}
MIX["copy"] = MIX["facts"]  # plus COPY_SHARE of copy_doc


def copy_doc(rng: random.Random, w: World) -> str:
    """A fact-sheet passage about someone with random facts, then some of those facts told again
    (shuffled, or in other words); or a random word list written twice. Memory cannot predict the
    retelling (the facts are drawn at random, never a held-out person's true ones), so the only way
    to predict it is to read the passage: this trains the in-context copying that RAG and ReAct
    rest on, on every token of the retelling."""
    if rng.random() < 0.6:
        p = random_person(rng, w, rng.choice(w.pool))
    else:
        h = rng.choice(w.held_out)
        p = random_person(rng, w, h.name, avoid=h)
    u = rng.random()
    if u < 0.35:  # a random word list, twice: only copying (an induction head) predicts the second
        words = ([t.name for t in w.towns] + w.jobs + list(w.animals) + list(w.things) + w.pool
                 + [q.name for q in w.people] + ["a", "the", "of", "in", "as", "and", "is", "has"])
        seq = " ".join(rng.choice(words) for _ in range(rng.randint(6, 14)))
        return f"{seq}. {seq}."
    if u < 0.7:  # the sheet's own sentences again, shuffled: copying by matching words
        sents = [s + "." for s in passage(p).rstrip(".").split(". ")]
        rng.shuffle(sents)
        return passage(p) + " " + " ".join(sents)
    attrs = rng.sample(ATTRS, rng.randint(2, 4))
    if "job" not in attrs and rng.random() < 0.5:
        attrs[0] = "job"
    return passage(p) + " " + " ".join(fill(rng.choice(FACT_TEMPLATES[a]), p, a) for a in attrs)


# Share of pre-training documents that are copy_doc, per mix.
COPY_SHARE = {"copy": 0.5}


def pretrain_doc(rng: random.Random, w: World, mix: str = "broad") -> str:
    if rng.random() < COPY_SHARE.get(mix, 0.0):
        return copy_doc(rng, w)
    r = rng.random()
    known = w.known
    b, s, pa, t, an, ar = MIX[mix]
    if r < b:
        return bio(rng, rng.choice(known))
    if r < s:
        return story(rng, w, rng.choice(known))
    if r < pa:
        return passage(rng.choice(known))
    if r < t:
        return town_doc(rng, w)
    if r < an:
        return animal_doc(rng, w)
    if r < ar:
        return arith_doc(rng)
    return story_problem_doc(rng, w)


# ---------------------------------------------------------------- chat (SFT) formats
def chat(user: str) -> str:
    return f"User: {user}\nAssistant:"


def qa_prompt(q: str) -> str:
    return chat(q)


def rag_prompt(passages: list[str], q: str) -> str:
    return chat(f"Context: {' '.join(passages)}\nQuestion: {q}")


def react_prompt(q: str) -> str:
    return chat(f"{q} Use the lookup tool.")


def react_first(name: str) -> str:
    return f" Thought: I need to look up {name}.\nAction: lookup[ {name} ]\nObservation:"


def cot_prompt(a: int, b: int, steps: bool) -> str:
    return chat(f"What is {a} + {b}?" + (" Think step by step." if steps else ""))


def pal_prompt(problem: str, program: bool) -> str:
    return chat(problem + (" Write a program." if program else ""))


def random_person(rng: random.Random, w: World, name: str, avoid: Person | None = None) -> Person:
    """A person with facts drawn at random: only a context can tell the model these facts.
    avoid: a real person whose true facts must not be drawn (a held-out name in SFT contexts)."""
    others = [p.name for p in w.people if p.name != name] + w.pool

    def pick(values: list[str], attr: str) -> str:
        ok = [v for v in values if avoid is None or v != getattr(avoid, attr)]
        return rng.choice(ok)

    return Person(name, pick([t.name for t in w.towns], "town"), pick(w.jobs, "job"),
                  pick(list(w.animals), "pet"), pick(list(w.things), "thing"), pick(others, "friend"))


def context_person(rng: random.Random, w: World) -> Person:
    """Who a RAG passage or ReAct observation in SFT is about: a pool name (45 %) or a held-out
    name (25 %), both with random facts (never a held-out person's true ones), or a known person
    with true facts (30 %). Held-out names are here so the model learns to copy those name tokens
    from a context; their facts still never appear in any training text."""
    u = rng.random()
    if u < 0.45:
        return random_person(rng, w, rng.choice(w.pool))
    if u < 0.70:
        h = rng.choice(w.held_out)
        return random_person(rng, w, h.name, avoid=h)
    return rng.choice(w.known)


# SFT mix (cumulative thresholds): closed-book QA, RAG, ReAct, arithmetic; the rest word problems.
# "context": a later phase weighted towards reading passages (RAG, ReAct).
SFT_MIX = {"default": (0.22, 0.50, 0.72, 0.84), "context": (0.10, 0.48, 0.80, 0.88)}
SFT_MIX["jobs"] = SFT_MIX["context"]  # plus CONTEXT_JOB_SHARE of job questions
# Share of RAG/ReAct questions asked about the job, per mix (the rest: any attribute, uniform).
# "jobs": after the context phases the model copied towns, pets, objects and friends from a
# passage but still answered jobs from its prior (2 of 40 held-out job questions right).
CONTEXT_JOB_SHARE = {"jobs": 0.4}


def sft_example(rng: random.Random, w: World, qa_people: list[Person],
                mix: str = "default") -> list[tuple[str, bool]]:
    r = rng.random()
    qa, rag, react, arith = SFT_MIX[mix]
    if r < qa:  # closed-book question about a person, a town or an animal kind
        u = rng.random()
        if u < 0.8:
            p, a = rng.choice(qa_people), rng.choice(ATTRS)
            return [(qa_prompt(fill(rng.choice(QUESTIONS[a]), p, a)), False),
                    (" " + answer(p, a) + EOS, True)]
        if u < 0.93:
            t = rng.choice(w.towns)
            if rng.random() < 0.5:
                return [(qa_prompt(f"Which region is {t.name} in?"), False),
                        (f" {t.name} is in the {t.region}.{EOS}", True)]
            return [(qa_prompt(f"What is {t.name} known for?"), False),
                    (f" {t.name} is known for its {t.landmark}.{EOS}", True)]
        k = rng.choice(list(w.animals))
        return [(qa_prompt(f"What does {art(k)} eat?"), False),
                (f" {art(k).capitalize()} eats {w.animals[k]}.{EOS}", True)]
    if r < react:  # RAG, then ReAct
        p = context_person(rng, w)
        a = "job" if rng.random() < CONTEXT_JOB_SHARE.get(mix, 0.0) else rng.choice(ATTRS)
        q = fill(rng.choice(QUESTIONS[a]), p, a)
        if r < rag:
            ps = [passage(p)]
            if rng.random() < 0.5:
                d = context_person(rng, w)
                if d.name != p.name:
                    ps.insert(rng.randrange(2), passage(d))
            return [(rag_prompt(ps, q), False), (" " + answer(p, a) + EOS, True)]
        return [(react_prompt(q), False), (react_first(p.name), True),
                (" " + passage(p) + "\n", False), ("Answer: " + answer(p, a) + EOS, True)]
    if r < arith:  # arithmetic: written steps (2/3) or direct (1/3)
        x, y = rand_add(rng)
        if rng.random() < 0.67:
            return [(cot_prompt(x, y, True), False), (" " + add_steps(x, y) + EOS, True)]
        return [(cot_prompt(x, y, False), False), (f" The answer is {x + y}.{EOS}", True)]
    # word problems: program (2/3) or direct (1/3)
    text, prog, ans = word_problem(rng, rng.choice(w.people).name)
    if rng.random() < 0.67:
        return [(pal_prompt(text, True), False), (" " + prog + EOS, True)]
    return [(pal_prompt(text, False), False), (f" The answer is {ans}.{EOS}", True)]


def qa_split(w: World) -> tuple[list[Person], list[Person]]:
    """Known people whose facts are asked in SFT, and those asked only at evaluation
    (their facts were seen in pre-training only)."""
    known = w.known
    rng = random.Random(7)
    idx = set(rng.sample(range(len(known)), len(known) // 2))
    return [p for i, p in enumerate(known) if i in idx], [p for i, p in enumerate(known) if i not in idx]


def preference_pairs(rng: random.Random, w: World, n: int) -> list[dict]:
    """(prompt, chosen, rejected) pairs for a future reward model: rejected = a wrong fact."""
    out = []
    for _ in range(n):
        p, a = rng.choice(w.known), rng.choice(ATTRS)
        wrong = random_person(rng, w, p.name)
        if getattr(wrong, a) == getattr(p, a):
            continue
        out.append({"prompt": qa_prompt(fill(rng.choice(QUESTIONS[a]), p, a)),
                    "chosen": " " + answer(p, a), "rejected": " " + answer(wrong, a)})
    return out


if __name__ == "__main__":
    from world import build_world
    w = build_world()
    rng = random.Random(1)
    for _ in range(8):
        print(repr(pretrain_doc(rng, w)))
    qa, _ = qa_split(w)
    for _ in range(10):
        print("".join(t for t, _ in sft_example(rng, w, qa)))
        print("----")
