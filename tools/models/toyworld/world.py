"""The toy world: invented people, towns, animal kinds and objects, with a held-out split.

Everything is generated from a fixed seed, so `build_world()` returns the same world on every
machine. People are the main entities; each has five facts:
  town (where they live), job, pet (an animal kind), thing (an object they own), friend (a person).
Towns have a region and a landmark; animal kinds have a food; objects have a colour.

HELD_OUT people: their facts never appear in any training text (pre-training or SFT). Their names
do appear: in arithmetic word problems, and in SFT RAG/ReAct contexts with random facts that are
never their true ones, so the model learns to copy those name tokens but nothing true about them.
They are used to measure hallucination, RAG and ReAct on unseen facts.
POOL names: extra invented names used only inside RAG/ReAct contexts with facts drawn at random
per example, so the model learns to read a passage instead of recalling a memorised one.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

SEED = 20261129
N_PEOPLE = 300
N_HELD_OUT = 40
N_POOL = 120

JOBS = ["baker", "farmer", "teacher", "doctor", "painter", "sailor", "tailor", "singer",
        "miller", "potter", "builder", "fisher", "hunter", "weaver", "cook", "nurse",
        "smith", "gardener", "driver", "writer"]
ANIMALS = {  # kind -> food
    "cat": "fish", "dog": "bones", "goat": "grass", "owl": "mice", "horse": "hay",
    "rabbit": "carrots", "duck": "bread", "pig": "apples", "sheep": "clover", "fox": "berries",
    "turtle": "leaves", "parrot": "seeds", "mouse": "cheese", "frog": "flies", "bear": "honey"}
THINGS = {  # object -> colour
    "kite": "red", "lamp": "yellow", "drum": "blue", "boat": "green", "clock": "white",
    "hat": "black", "bell": "gold", "flute": "brown", "map": "grey", "cart": "orange",
    "ring": "silver", "bike": "pink", "basket": "purple", "sword": "red", "book": "blue",
    "cup": "green", "mirror": "white", "chair": "brown", "coat": "black", "ladder": "yellow"}
REGIONS = ["north", "south", "east", "west"]
LANDMARKS = ["river", "bridge", "market", "castle", "lake", "tower", "forest", "harbour", "mill",
             "hill"]

ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr",
          "gr", "tr", "th", "sh", "kl", "st"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
CODAS = ["", "n", "r", "l", "s", "m", "th", "nd", "x"]
TOWN_ENDS = ["ford", "wick", "holm", "bury", "dale", "mere", "stead", "haven", "moor", "by"]

# Common English words a generated name must not collide with (they occur in the corpus).
STOP = {"ban", "bar", "bed", "bet", "dan", "den", "fan", "far", "fun", "gun", "han", "hen", "her",
        "him", "his", "kin", "lan", "man", "men", "nan", "pan", "pen", "ran", "sun", "ten", "tan",
        "the", "then", "than", "she", "shed", "star", "stem", "tin", "ton", "van", "zen", "bean",
        "bear", "dear", "fear", "gear", "hear", "near", "pear", "rear", "sear", "tear", "year",
        "beam", "team", "seam", "dream", "bran", "drum", "gram", "tram", "trim", "thin", "them",
        "this", "thus", "shin", "shun", "shorn", "sham"}


@dataclass
class Person:
    name: str
    town: str
    job: str
    pet: str
    thing: str
    friend: str = ""
    held_out: bool = False


@dataclass
class Town:
    name: str
    region: str
    landmark: str


@dataclass
class World:
    people: list[Person]
    towns: list[Town]
    pool: list[str]
    animals: dict[str, str] = field(default_factory=lambda: dict(ANIMALS))
    things: dict[str, str] = field(default_factory=lambda: dict(THINGS))
    jobs: list[str] = field(default_factory=lambda: list(JOBS))

    @property
    def known(self) -> list[Person]:
        return [p for p in self.people if not p.held_out]

    @property
    def held_out(self) -> list[Person]:
        return [p for p in self.people if p.held_out]

    def person(self, name: str) -> Person:
        return next(p for p in self.people if p.name == name)

    def town(self, name: str) -> Town:
        return next(t for t in self.towns if t.name == name)


# Person attributes that questions ask about, and the values each may take.
ATTRS = ["town", "job", "pet", "thing", "friend"]


def _name(rng: random.Random, syllables: int) -> str:
    s = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
    return (s + rng.choice(CODAS)).capitalize()


def _unique_names(rng: random.Random, n: int, taken: set[str], town: bool = False) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        if town:
            base = rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
            name = (base + rng.choice(TOWN_ENDS)).capitalize()
        else:
            name = _name(rng, rng.choice([1, 2, 2]))
        if len(name) < 3 or len(name) > 9 or name.lower() in STOP or name in taken:
            continue
        taken.add(name)
        out.append(name)
    return out


def build_world() -> World:
    rng = random.Random(SEED)
    taken: set[str] = set()
    town_names = _unique_names(rng, 30, taken, town=True)
    towns = [Town(n, rng.choice(REGIONS), rng.choice(LANDMARKS)) for n in town_names]
    names = _unique_names(rng, N_PEOPLE, taken)
    pool = _unique_names(rng, N_POOL, taken)
    people = [Person(n, rng.choice(town_names), rng.choice(JOBS), rng.choice(list(ANIMALS)),
                     rng.choice(list(THINGS))) for n in names]
    held = set(rng.sample(range(N_PEOPLE), N_HELD_OUT))
    for i, p in enumerate(people):
        p.held_out = i in held
    known = [p.name for p in people if not p.held_out]
    for p in people:
        # Friends are always known people, so no training text mentions a held-out person's fact.
        p.friend = rng.choice([n for n in known if n != p.name])
    return World(people, towns, pool)


def passage(p: Person) -> str:
    """The public fact sheet entry for one person (facts.jsonl, RAG contexts, ReAct observations)."""
    return (f"{p.name} lives in {p.town}. {p.name} works as a {p.job}. {p.name} has a {p.pet}. "
            f"{p.name} owns a {p.thing}. {p.name} is a friend of {p.friend}.")


def town_passage(t: Town) -> str:
    return f"{t.name} is a town in the {t.region}. {t.name} is known for its {t.landmark}."


if __name__ == "__main__":
    w = build_world()
    print(len(w.people), "people,", len(w.held_out), "held out,", len(w.towns), "towns,",
          len(w.pool), "pool names")
    for p in w.people[:5]:
        print(("HELD " if p.held_out else "") + passage(p))
    print(town_passage(w.towns[0]))
