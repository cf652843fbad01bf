"""Word lists and conjugation tables of the synthetic English → French grammar (see grammar.py)."""
from __future__ import annotations

VOWELS = set("aeiouhâàéèêëîïôœùûAEIOUHÉÈÊÂÎÔ")


def starts_with_vowel(word: str) -> bool:
    # every h- word in this grammar is mute (hôpital, hôtel, homme, habiter)
    return word[:1] in VOWELS


# ---------------------------------------------------------------- subjects
# person: 0 je, 1 tu, 2 il/elle, 3 nous, 4 vous, 5 ils/elles
# (english, french, person, gender 'm'/'f', plural, english 3rd-singular?, pronoun for inversion)
PRONOUNS = [
    ("I", "je", 0, "m", False),
    ("you", "tu", 1, "m", False),
    ("he", "il", 2, "m", False),
    ("she", "elle", 2, "f", False),
    ("we", "nous", 3, "m", True),
    ("you all", "vous", 4, "m", True),
    ("they", "ils", 5, "m", True),
]
NAMES_F = ["Marie", "Sophie", "Léa", "Emma", "Julie", "Chloé", "Alice", "Camille"]
NAMES_M = ["Paul", "Thomas", "Hugo", "Louis", "Lucas", "Nicolas", "Victor", "Martin"]

# people nouns: english sg, english pl, french sg, french pl, gender
PEOPLE = [
    ("boy", "boys", "garçon", "garçons", "m"),
    ("girl", "girls", "fille", "filles", "f"),
    ("man", "men", "homme", "hommes", "m"),
    ("woman", "women", "femme", "femmes", "f"),
    ("teacher", "teachers", "professeur", "professeurs", "m"),
    ("doctor", "doctors", "médecin", "médecins", "m"),
    ("brother", "brothers", "frère", "frères", "m"),
    ("sister", "sisters", "sœur", "sœurs", "f"),
    ("friend", "friends", "ami", "amis", "m"),
    ("mother", "mothers", "mère", "mères", "f"),
    ("father", "fathers", "père", "pères", "m"),
    ("child", "children", "enfant", "enfants", "m"),
    ("cat", "cats", "chat", "chats", "m"),
    ("dog", "dogs", "chien", "chiens", "m"),
]

# places: english sg, english pl, french sg, french pl, gender
PLACES = [
    ("restaurant", "restaurants", "restaurant", "restaurants", "m"),
    ("school", "schools", "école", "écoles", "f"),
    ("park", "parks", "parc", "parcs", "m"),
    ("house", "houses", "maison", "maisons", "f"),
    ("library", "libraries", "bibliothèque", "bibliothèques", "f"),
    ("hospital", "hospitals", "hôpital", "hôpitaux", "m"),
    ("station", "stations", "gare", "gares", "f"),
    ("museum", "museums", "musée", "musées", "m"),
    ("garden", "gardens", "jardin", "jardins", "m"),
    ("kitchen", "kitchens", "cuisine", "cuisines", "f"),
    ("office", "offices", "bureau", "bureaux", "m"),
    ("shop", "shops", "magasin", "magasins", "m"),
    ("market", "markets", "marché", "marchés", "m"),
    ("beach", "beaches", "plage", "plages", "f"),
    ("forest", "forests", "forêt", "forêts", "f"),
    ("cinema", "cinemas", "cinéma", "cinémas", "m"),
    ("church", "churches", "église", "églises", "f"),
    ("hotel", "hotels", "hôtel", "hôtels", "m"),
    ("bank", "banks", "banque", "banques", "f"),
    ("airport", "airports", "aéroport", "aéroports", "m"),
    ("room", "rooms", "chambre", "chambres", "f"),
    ("city", "cities", "ville", "villes", "f"),
]
# things that people are on/under/near (and that can be objects)
FURNITURE = [
    ("table", "tables", "table", "tables", "f"),
    ("bed", "beds", "lit", "lits", "m"),
    ("chair", "chairs", "chaise", "chaises", "f"),
    ("tree", "trees", "arbre", "arbres", "m"),
    ("bridge", "bridges", "pont", "ponts", "m"),
    ("car", "cars", "voiture", "voitures", "f"),
    ("bus", "buses", "bus", "bus", "m"),
    ("train", "trains", "train", "trains", "m"),
]
CITIES = ["Paris", "Lyon", "Nice", "Lille", "Rome", "Berlin", "Madrid", "Montréal"]

# object nouns by kind
FOOD = [
    ("apple", "apples", "pomme", "pommes", "f"),
    ("cake", "cakes", "gâteau", "gâteaux", "m"),
    ("orange", "oranges", "orange", "oranges", "f"),
    ("egg", "eggs", "œuf", "œufs", "m"),
    ("sandwich", "sandwiches", "sandwich", "sandwichs", "m"),
    ("pear", "pears", "poire", "poires", "f"),
    ("soup", "soups", "soupe", "soupes", "f"),
    ("pizza", "pizzas", "pizza", "pizzas", "f"),
]
DRINK = [
    ("coffee", "coffees", "café", "cafés", "m"),
    ("tea", "teas", "thé", "thés", "m"),
    ("juice", "juices", "jus", "jus", "m"),
    ("lemonade", "lemonades", "limonade", "limonades", "f"),
]
TEXT = [
    ("book", "books", "livre", "livres", "m"),
    ("letter", "letters", "lettre", "lettres", "f"),
    ("newspaper", "newspapers", "journal", "journaux", "m"),
    ("story", "stories", "histoire", "histoires", "f"),
    ("song", "songs", "chanson", "chansons", "f"),
]
THING = [
    ("key", "keys", "clé", "clés", "f"),
    ("bag", "bags", "sac", "sacs", "m"),
    ("pen", "pens", "stylo", "stylos", "m"),
    ("cup", "cups", "tasse", "tasses", "f"),
    ("box", "boxes", "boîte", "boîtes", "f"),
    ("shirt", "shirts", "chemise", "chemises", "f"),
    ("hat", "hats", "chapeau", "chapeaux", "m"),
    ("ball", "balls", "ballon", "ballons", "m"),
    ("umbrella", "umbrellas", "parapluie", "parapluies", "m"),
    ("bike", "bikes", "vélo", "vélos", "m"),
    ("computer", "computers", "ordinateur", "ordinateurs", "m"),
    ("phone", "phones", "téléphone", "téléphones", "m"),
    ("picture", "pictures", "image", "images", "f"),
    ("flower", "flowers", "fleur", "fleurs", "f"),
]
OPENABLE = [
    ("door", "doors", "porte", "portes", "f"),
    ("window", "windows", "fenêtre", "fenêtres", "f"),
    ("box", "boxes", "boîte", "boîtes", "f"),
    ("book", "books", "livre", "livres", "m"),
    ("bag", "bags", "sac", "sacs", "m"),
]
SHOWS = [
    ("film", "films", "film", "films", "m"),
    ("game", "games", "match", "matchs", "m"),
    ("bird", "birds", "oiseau", "oiseaux", "m"),
]
LISTEN = [
    ("song", "songs", "chanson", "chansons", "f"),
    ("radio", "radios", "radio", "radios", "f"),
    ("teacher", "teachers", "professeur", "professeurs", "m"),
]

# adjectives: english, (m sg, f sg, m pl, f pl), before the noun?
ADJ_OBJ = [
    ("big", ("grand", "grande", "grands", "grandes"), True),
    ("small", ("petit", "petite", "petits", "petites"), True),
    ("good", ("bon", "bonne", "bons", "bonnes"), True),
    ("pretty", ("joli", "jolie", "jolis", "jolies"), True),
    ("red", ("rouge", "rouge", "rouges", "rouges"), False),
    ("black", ("noir", "noire", "noirs", "noires"), False),
    ("white", ("blanc", "blanche", "blancs", "blanches"), False),
    ("green", ("vert", "verte", "verts", "vertes"), False),
    ("blue", ("bleu", "bleue", "bleus", "bleues"), False),
    ("expensive", ("cher", "chère", "chers", "chères"), False),
    ("clean", ("propre", "propre", "propres", "propres"), False),
]
ADJ_PLACE = [
    ("big", ("grand", "grande", "grands", "grandes"), True),
    ("small", ("petit", "petite", "petits", "petites"), True),
    ("new", ("neuf", "neuve", "neufs", "neuves"), False),
    ("quiet", ("calme", "calme", "calmes", "calmes"), False),
]
# predicate adjectives for people (english, forms); "idiom" ones use avoir + noun
ADJ_PERSON = [
    ("happy", ("heureux", "heureuse", "heureux", "heureuses")),
    ("tired", ("fatigué", "fatiguée", "fatigués", "fatiguées")),
    ("sad", ("triste", "triste", "tristes", "tristes")),
    ("tall", ("grand", "grande", "grands", "grandes")),
    ("small", ("petit", "petite", "petits", "petites")),
    ("young", ("jeune", "jeune", "jeunes", "jeunes")),
    ("ready", ("prêt", "prête", "prêts", "prêtes")),
    ("busy", ("occupé", "occupée", "occupés", "occupées")),
    ("sick", ("malade", "malade", "malades", "malades")),
    ("rich", ("riche", "riche", "riches", "riches")),
    ("calm", ("calme", "calme", "calmes", "calmes")),
    ("angry", ("fâché", "fâchée", "fâchés", "fâchées")),
    ("late", ("en retard", "en retard", "en retard", "en retard")),
]
IDIOMS = [("hungry", "faim"), ("thirsty", "soif"), ("cold", "froid"), ("hot", "chaud")]

# verbs: english base, english 3sg, french forms (je, tu, il, nous, vous, ils), object kinds
REG = lambda stem: (stem + "e", stem + "es", stem + "e", stem + "ons", stem + "ez", stem + "ent")  # noqa: E731
ETRE = ("suis", "es", "est", "sommes", "êtes", "sont")
AVOIR = ("ai", "as", "a", "avons", "avez", "ont")
TRANSITIVE = [
    ("eat", "eats", ("mange", "manges", "mange", "mangeons", "mangez", "mangent"), [FOOD]),
    ("drink", "drinks", ("bois", "bois", "boit", "buvons", "buvez", "boivent"), [DRINK]),
    ("read", "reads", ("lis", "lis", "lit", "lisons", "lisez", "lisent"), [TEXT]),
    ("write", "writes", ("écris", "écris", "écrit", "écrivons", "écrivez", "écrivent"), [TEXT]),
    ("watch", "watches", REG("regard"), [SHOWS, PEOPLE]),
    ("buy", "buys", ("achète", "achètes", "achète", "achetons", "achetez", "achètent"), [FOOD, THING, TEXT]),
    ("see", "sees", ("vois", "vois", "voit", "voyons", "voyez", "voient"), [PEOPLE, THING, FURNITURE, SHOWS]),
    ("find", "finds", REG("trouv"), [THING, TEXT]),
    ("look for", "looks for", REG("cherch"), [THING, PEOPLE]),
    ("take", "takes", ("prends", "prends", "prend", "prenons", "prenez", "prennent"), [THING, FOOD, FURNITURE]),
    ("carry", "carries", REG("port"), [THING]),
    ("want", "wants", ("veux", "veux", "veut", "voulons", "voulez", "veulent"), [FOOD, DRINK, THING]),
    ("open", "opens", ("ouvre", "ouvres", "ouvre", "ouvrons", "ouvrez", "ouvrent"), [OPENABLE]),
    ("close", "closes", REG("ferm"), [OPENABLE]),
    ("wash", "washes", REG("lav"), [THING, FURNITURE]),
    ("sell", "sells", ("vends", "vends", "vend", "vendons", "vendez", "vendent"), [FOOD, THING, FURNITURE]),
    ("choose", "chooses", ("choisis", "choisis", "choisit", "choisissons", "choisissez", "choisissent"), [FOOD, THING, TEXT]),
    ("draw", "draws", REG("dessin"), [THING, PEOPLE, FURNITURE]),
    ("wait for", "waits for", ("attends", "attends", "attend", "attendons", "attendez", "attendent"), [PEOPLE, FURNITURE]),
    ("listen to", "listens to", REG("écout"), [LISTEN]),
    ("like", "likes", REG("aim"), [FOOD, DRINK, THING, PEOPLE]),
    ("have", "has", AVOIR, [THING, FURNITURE, FOOD]),
]
INTRANSITIVE = [
    ("work", "works", REG("travaill")),
    ("live", "lives", REG("habit")),
    ("play", "plays", ("joue", "joues", "joue", "jouons", "jouez", "jouent")),
    ("sleep", "sleeps", ("dors", "dors", "dort", "dormons", "dormez", "dorment")),
    ("sing", "sings", REG("chant")),
    ("dance", "dances", REG("dans")),
    ("walk", "walks", REG("march")),
]
ALLER = ("go", "goes", ("vais", "vas", "va", "allons", "allez", "vont"))

ENGLISH_BE = {0: "am", 1: "are", 2: "is", 3: "are", 4: "are", 5: "are"}


# ---------------------------------------------------------------- noun phrases
