"""Word lists for matching reports of one happening: kinds of happening, nationalities, seats of power.

Plain data (general news vocabulary, nothing fitted to particular articles); used by handlers.story_match.
"""

from __future__ import annotations

# Kinds of happening news reports under many names. Every word maps to the class's first word.
HAPPENING_CLASSES: tuple[tuple[str, ...], ...] = (
    (
        "attack",
        "assault",
        "strike",
        "bombardment",
        "barrage",
        "raid",
        "shelling",
        "bombing",
        "offensive",
        "onslaught",
        "shell",
        "bomb",
        "blitz",
        "airstrike",
        "bombard",
        "struck",
        "missile",
        "rocket",
        "drone",
        "artillery",
        "blast",
        "explosion",
    ),
    ("kill", "dead", "death", "die", "died", "toll", "fatality", "casualty", "slain", "perish"),
    ("injure", "wound", "hurt", "injury"),
    ("meet", "meeting", "summit", "talk", "met", "hold", "held", "host", "convene", "session", "sit-down"),
    (
        "approve",
        "approval",
        "authorize",
        "pass",
        "adopt",
        "endorse",
        "clear",
        "greenlight",
        "sign",
        "vote",
        "back",
    ),
    ("announce", "unveil", "reveal", "declare", "launch", "introduce", "present"),
    ("deadline", "ultimatum", "cutoff"),
    ("elect", "election", "vote", "ballot", "poll", "referendum", "win", "victory", "defeat"),
    ("protest", "demonstration", "rally", "march", "demonstrator", "protester", "riot", "unrest"),
    ("arrest", "detain", "detention", "custody", "charge", "indict", "jail", "sentence", "convict"),
    ("resign", "resignation", "quit", "stepped", "dismiss", "oust", "sack"),
    ("earthquake", "quake", "tremor", "temblor"),
    ("flood", "flooding", "inundate", "deluge"),
    ("fire", "blaze", "wildfire", "flame", "burn"),
    ("storm", "hurricane", "typhoon", "cyclone", "tornado"),
    ("crash", "collision", "collide", "derail", "derailment", "accident"),
    ("sanction", "embargo", "tariff", "penalty", "restriction"),
    ("agree", "agreement", "deal", "accord", "pact", "treaty", "ceasefire", "truce"),
    ("raise", "hike", "increase", "rise", "lift", "boost"),
    ("cut", "lower", "reduce", "reduction", "slash", "decrease"),
    ("visit", "trip", "tour", "travel"),
    ("package", "aid", "assistance", "funding", "fund"),
    ("walkout", "stoppage"),  # a labour "strike" reads as an attack: news uses the word far more so
    ("damage", "destroy", "wreck", "ruin", "devastate"),
    ("evacuate", "evacuation", "flee", "displace"),
    ("acquire", "acquisition", "buy", "purchase", "takeover", "merger", "merge"),
    ("release", "publish"),
)
# Words that name a kind only when nothing more telling does: "struck" (a quake, a missile),
# "launched" (an attack, a product), "held" (talks, a vote).
WEAK_KIND_WORDS = frozenset(
    {
        "struck",
        "launch",
        "launched",
        "held",
        "hold",
        "back",
        "backed",
        "pass",
        "passed",
        "clear",
        "cleared",
        "sign",
        "signed",
        "present",
        "presented",
        "missile",
        "rocket",
        "drone",
        "artillery",
        "blast",
        "explosion",
        "cut",
        "cutting",
        "raise",
        "lift",
        "boost",
        "charge",
        "fund",
    }
)

# A word may name more than one kind ("vote": an election, or a bill passed): it counts for each.
CLASS_OF: dict[str, frozenset[str]] = {}
for _words in HAPPENING_CLASSES:
    for _w in _words:
        CLASS_OF[_w] = CLASS_OF.get(_w, frozenset()) | {_words[0]}

# Adjectives of nationality name the country for matching ("a Russian attack" is Russia's).
DEMONYMS = {
    "russian": "russia",
    "ukrainian": "ukraine",
    "american": "us",
    "chinese": "china",
    "french": "france",
    "german": "germany",
    "british": "britain",
    "israeli": "israel",
    "palestinian": "palestine",
    "iranian": "iran",
    "indian": "india",
    "japanese": "japan",
    "turkish": "turkey",
    "polish": "poland",
    "italian": "italy",
    "spanish": "spain",
    "european": "europe",
    "syrian": "syria",
    "iraqi": "iraq",
    "korean": "korea",
    "mexican": "mexico",
    "canadian": "canada",
    "brazilian": "brazil",
    "egyptian": "egypt",
    "saudi": "saudi",
    "lebanese": "lebanon",
    "afghan": "afghanistan",
    "pakistani": "pakistan",
    "nigerian": "nigeria",
    "venezuelan": "venezuela",
    "belarusian": "belarus",
    "u.s.": "us",
    "usa": "us",
    "america": "us",
    "uk": "britain",
}

# Seats of power stand for their country ("the Kremlin said", "Washington warned"); a report naming
# the seat and one naming the country may describe the same act.
SEATS = {
    "kremlin": "russia",
    "moscow": "russia",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "washington": "us",
    "white house": "us",
    "pentagon": "us",
    "beijing": "china",
    "london": "britain",
    "downing street": "britain",
    "paris": "france",
    "elysee": "france",
    "berlin": "germany",
    "tehran": "iran",
    "jerusalem": "israel",
    "ankara": "turkey",
    "tokyo": "japan",
    "delhi": "india",
    "new delhi": "india",
    "brussels": "europe",
    "warsaw": "poland",
    "rome": "italy",
    "madrid": "spain",
    "ottawa": "canada",
    "damascus": "syria",
    "baghdad": "iraq",
    "seoul": "korea",
    "pyongyang": "korea",
    "cairo": "egypt",
    "minsk": "belarus",
    "caracas": "venezuela",
    "islamabad": "pakistan",
    "kabul": "afghanistan",
    "riyadh": "saudi",
    "beirut": "lebanon",
    "mexico city": "mexico",
    "brasilia": "brazil",
}

# Countries, and the seats of power that stand for them: context more than the place of a happening.
COUNTRY_KEYS = frozenset(DEMONYMS.values()) | frozenset(SEATS.values()) | frozenset(SEATS)

# Words that say nothing about which happening it is: function words, reporting verbs, calendar words.
STOPWORDS = frozenset(
    """
a an the and or but if of in on at to for from by with without about into onto over under after before
during since until as than then that this these those there here it its it's is are was were be been being
has have had do does did will would could should may might must can not no nor so such very more most
less least also just only even still yet again already early late last next first second new old
he she they them their his her we our you your i me my us who whom whose which what when where why how
took take takes taking place held
said says say saying told tell tells according reported reports report stated statement added noted
claimed announced—
sunday monday tuesday wednesday thursday friday saturday today yesterday tomorrow week weeks month
months year years day days night morning evening afternoon weekend time times
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
one two three four five six seven eight nine ten dozen dozens hundred hundreds thousand thousands
million millions billion percent per cent mr mrs ms dr
all any some each every other another many much few several both either neither own same
while although though because however whether which amid across against between through toward towards
up down out off around near via upon within
""".split()
)

# Who takes part in many happenings and so identifies none of them ("Police said", "the army").
GENERIC_ACTORS = frozenset(
    """
police army military troops forces government authorities officials rescuers firefighters protesters
demonstrators residents lawmakers parliament ministry court prosecutors investigators officers soldiers
militants rebels workers union voters crews witnesses doctors hospital ministers cabinet
""".split()
)
