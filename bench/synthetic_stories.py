"""A synthetic news world for measuring story merging: invented happenings, reported by several outlets.

    python bench/synthetic_stories.py [--seed 7] [--happenings 40]   # prints the articles as JSON Lines

Everything is fictional (countries, towns, people, outlets). Each happening has a kind, a day,
actors and a place; each outlet that covers it words it its own way: different verbs and nouns
for the same kind of happening, relative dates ("on Sunday", "yesterday", "Sunday's ...") or
absolute ones ("on March 7"), full names with titles or bare surnames, and its own figures.
Articles also carry unrelated happenings on the same days and in the same places, so a merge rule
that leans only on the date and the place loses precision. Deterministic for a given seed.

Every sentence that reports a happening is recorded with its character span and the happening's id:
that is the truth `bench/merge.py` scores the stored stories against.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

COUNTRIES = [
    ("Karvania", "Karvanian", "Drelstad"),
    ("Merovia", "Merovian", "Tassel"),
    ("Ostrelia", "Ostrelian", "Vinmark"),
    ("Baltoria", "Baltorian", "Quessa"),
    ("Lunesia", "Lunesian", "Port Amsel"),
    ("Tavoria", "Tavorian", "Hollin"),
]
TOWNS = [
    "Brenn",
    "Castelmar",
    "Dovik",
    "Eskar",
    "Fallow Bay",
    "Grisdale",
    "Harrowgate",
    "Ilvane",
    "Jorsk",
    "Kelloway",
    "Lindqvist",
    "Marrow Point",
    "Norrin",
    "Oskeby",
    "Pellam",
    "Ravensholm",
]
FIRST = [
    "Anja",
    "Tomas",
    "Ilse",
    "Marek",
    "Sofia",
    "Pavel",
    "Greta",
    "Oren",
    "Lucia",
    "Dmitar",
    "Helga",
    "Rafael",
    "Nadia",
    "Viktor",
    "Elise",
    "Bruno",
]
# Surnames are built from syllables so a world has as many distinct people as it needs.
ONSETS = [
    "Kor",
    "As",
    "Bro",
    "Quil",
    "Mar",
    "Ter",
    "Okon",
    "Hal",
    "Vas",
    "Lind",
    "Pet",
    "Du",
    "Sza",
    "Naka",
    "Fen",
    "Ros",
    "Bel",
    "Gor",
    "Ivan",
    "Tal",
]
CODAS = [
    "vell",
    "tane",
    "dsky",
    "lan",
    "sh",
    "vonen",
    "jo",
    "loran",
    "quez",
    "gren",
    "rakis",
    "val",
    "bo",
    "mura",
    "wick",
    "tova",
    "enko",
    "stad",
    "ovic",
    "berg",
]
TITLES = [
    "President",
    "Prime Minister",
    "Defence Minister",
    "Foreign Minister",
    "Governor",
    "Mayor",
    "Interior Minister",
    "Finance Minister",
]
OUTLETS = [
    "Northern Ledger",
    "Coastal Wire",
    "Daily Meridian",
    "The Quessa Times",
    "Harbour Post",
    "Evening Courier",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# Per kind: ways to say it (subject first), with {who} {where} {when} {n} slots, and ways to refer back.
KINDS: dict[str, tuple[list[str], list[str]]] = {
    "attack": (
        [
            "{army} forces launched a massive assault on {where} {when}, firing {n} missiles.",
            "{where} came under heavy bombardment {when} as {army} troops fired {n} rockets.",
            "{army} aircraft struck targets in {where} {when}, using {n} drones.",
            "An overnight {army} strike hit {where} {when} with {n} missiles, officials said.",
            "{army} artillery shelled {where} {when}, firing at least {n} shells into the town.",
        ],
        [
            "{day_adj} attack damaged dozens of homes in {where}.",
            "Residents of {where} spent the night in shelters during {day_adj_lower} strikes.",
        ],
    ),
    "summit": (
        [
            "{who} met {other} in {where} {when} for talks on the border dispute.",
            "{who} and {other} held a summit in {where} {when}.",
            "Talks between {who} and {other} took place in {where} {when}.",
        ],
        ["{day_adj} meeting in {where} ended without a joint statement."],
    ),
    "approval": (
        [
            "The parliament of {country} approved a {n} million crown aid package {when}.",
            "Lawmakers in {country} passed a {n} million crown assistance bill {when}.",
            "{country}'s legislature voted {when} to authorize {n} million crowns in aid.",
        ],
        ["{day_adj} vote was backed by {who}."],
    ),
    "protest": (
        [
            "Thousands of demonstrators rallied in {where} {when} against new fuel taxes.",
            "Protesters marched through {where} {when} to denounce the fuel tax rise.",
            "{n} people joined a protest in {where} {when} over fuel prices.",
        ],
        ["Police said {day_adj_lower} demonstration in {where} was peaceful."],
    ),
    "quake": (
        [
            "An earthquake of magnitude {mag} struck near {where} {when}.",
            "A {mag}-magnitude quake shook {where} {when}, toppling old buildings.",
            "A strong tremor hit the region around {where} {when}, measuring {mag}.",
        ],
        ["Rescuers searched the rubble in {where} after {day_adj_lower} quake."],
    ),
    "arrest": (
        [
            "Police in {where} arrested {n} suspects {when} in a smuggling inquiry.",
            "{n} people were detained in {where} {when} over cigarette smuggling.",
            "Officers took {n} suspected smugglers into custody in {where} {when}.",
        ],
        ["{day_adj} arrests followed a two-year investigation."],
    ),
    "resignation": (
        [
            "{who} resigned {when} after a row over the budget.",
            "{who} stepped down {when}, citing the budget dispute.",
            "{who} quit {when} following a budget quarrel.",
        ],
        ["{day_adj} resignation stunned colleagues."],
    ),
    "flood": (
        [
            "Floods swept through {where} {when} after days of heavy rain.",
            "Heavy rain flooded large parts of {where} {when}.",
            "Rivers burst their banks around {where} {when}, inundating farmland.",
        ],
        ["{day_adj} flooding forced {n} families from their homes in {where}."],
    ),
    "fire": (
        [
            "A fire destroyed a warehouse in {where} {when}.",
            "A blaze ripped through a warehouse in {where} {when}.",
            "Flames engulfed a storage depot in {where} {when}.",
        ],
        ["Firefighters fought {day_adj_lower} blaze for six hours."],
    ),
    "storm": (
        [
            "A powerful storm battered {where} {when}, knocking out power to {n} thousand homes.",
            "Hurricane-force winds lashed {where} {when}, cutting electricity to {n} thousand households.",
            "A cyclone tore through {where} {when}, leaving {n} thousand homes without power.",
        ],
        ["Crews worked to restore power in {where} after {day_adj_lower} storm."],
    ),
    "election": (
        [
            "{who} won the mayoral election in {where} {when} with {n} percent of the vote.",
            "Voters in {where} elected {who} as mayor {when}, giving them {n} percent.",
            "{who} claimed victory in {where}'s mayoral ballot {when}, taking {n} percent.",
        ],
        ["{day_adj} result in {where} was certified by the electoral board."],
    ),
    "deal": (
        [
            "{who} and {other} signed a trade agreement in {where} {when}.",
            "A trade pact between {who} and {other} was sealed in {where} {when}.",
            "{who} reached a trade deal with {other} during a ceremony in {where} {when}.",
        ],
        ["{day_adj} accord cuts tariffs on {n} product lines."],
    ),
    "walkout": (
        [
            "Dockworkers in {where} walked off the job {when}, halting {n} ships.",
            "A walkout by port workers in {where} {when} left {n} vessels idle.",
            "Harbour staff in {where} began a stoppage {when}, stranding {n} cargo ships.",
        ],
        ["{day_adj} stoppage in {where} was called by the dockers' union."],
    ),
    "crash": (
        [
            "A passenger train derailed near {where} {when}, injuring {n} people.",
            "{n} people were hurt when a train came off the tracks near {where} {when}.",
            "A train crash near {where} {when} left {n} passengers injured.",
        ],
        ["Investigators reached the site of {day_adj_lower} derailment."],
    ),
}


@dataclass
class Happening:
    id: int
    kind: str
    day: date
    country: tuple[str, str, str]
    where: str
    who: tuple[str, str, str, str]  # title, first name, surname, country
    other: tuple[str, str, str, str]
    n: int


@dataclass
class Article:
    outlet: str
    published: date
    text: str = ""
    truth: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, happening id)

    def add(self, sentence: str, happening: int | None) -> None:
        if self.text:
            self.text += " "
        start = len(self.text)
        self.text += sentence
        if happening is not None:
            self.truth.append((start, len(self.text), happening))

    def as_json(self) -> dict[str, object]:
        return {
            "outlet": self.outlet,
            "published": self.published.isoformat(),
            "text": self.text,
            "truth": self.truth,
        }


def _person(rng: random.Random, taken: set[str]) -> tuple[str, str, str, str]:
    # One person per surname: two happenings share an actor only by being about the same person.
    while True:
        last = rng.choice(ONSETS) + rng.choice(CODAS)
        if last not in taken or len(taken) >= len(ONSETS) * len(CODAS):
            taken.add(last)
            return rng.choice(TITLES), rng.choice(FIRST), last, rng.choice(COUNTRIES)[0]


def _name_form(rng: random.Random, person: tuple[str, str, str, str]) -> str:
    title, first, last, country = person
    return rng.choice(
        [
            f"{title} {first} {last}",
            f"{first} {last}",
            f"{country}'s {title.lower()} {last}",
            f"{title} {last}",
            f"{first} {last}",
        ]
    )


def _when(rng: random.Random, day: date, published: date) -> tuple[str, str]:
    """How an outlet dates the happening, and the adjective for referring back ('Sunday's', 'the')."""
    weekday = WEEKDAYS[day.weekday()]
    gap = (published - day).days
    choices = [
        (f"on {MONTHS[day.month - 1]} {day.day}", f"the {MONTHS[day.month - 1]} {day.day}"),
        (f"on {weekday}", weekday + "'s"),
        (f"on {weekday}", "the"),
    ]
    if gap == 1:
        choices.append(("yesterday", "yesterday's"))
    if gap == 0:
        choices.append(("earlier today", "this morning's"))
    return rng.choice(choices)


def _figure(rng: random.Random, n: int) -> str:
    # Outlets round and bound the same number differently.
    return rng.choice(
        [
            str(n),
            f"more than {max(1, n - rng.randint(0, 3))}",
            f"about {n + rng.randint(-2, 2)}",
            f"at least {max(1, n - rng.randint(1, 4))}",
            str(n),
        ]
    )


def make_happenings(rng: random.Random, count: int, start: date) -> list[Happening]:
    """`count` happenings over two weeks; several share days and places on purpose."""
    out: list[Happening] = []
    taken: set[str] = set()
    for i in range(count):
        while True:
            country = rng.choice(COUNTRIES)
            # Half the time reuse a day and a place already used, with another kind of happening.
            if out and rng.random() < 0.5:
                twin = rng.choice(out)
                day, where, country = twin.day, twin.where, twin.country
            else:
                day = start + timedelta(days=rng.randint(0, 13))
                where = rng.choice([country[2], *rng.sample(TOWNS, 2)])
            # One happening of a kind per day and place: four quakes in one town one day are one quake.
            free = [k for k in KINDS if all(o.kind != k or o.day != day or o.where != where for o in out)]
            if free:
                kind = rng.choice(free)
                break
        out.append(
            Happening(
                id=i + 1,
                kind=kind,
                day=day,
                country=country,
                where=where,
                who=_person(rng, taken),
                other=_person(rng, taken),
                n=rng.randint(3, 60),
            )
        )
    return out


def report(rng: random.Random, h: Happening, article: Article, *, follow_up: bool) -> None:
    """One outlet's sentences about `h` in `article`."""
    leads, backs = KINDS[h.kind]
    when, adj = _when(rng, h.day, article.published)
    country, demonym, _ = h.country
    slots = {
        "who": _name_form(rng, h.who),
        "other": _name_form(rng, h.other),
        "where": h.where,
        "when": when,
        "n": _figure(rng, h.n),
        "country": country,
        "army": demonym,
        "mag": f"{4 + h.n % 30 / 10:.1f}",
        "day_adj": adj[0].upper() + adj[1:],
        "day_adj_lower": adj,
    }
    sentence = rng.choice(leads).format(**slots)
    article.add(sentence[0].upper() + sentence[1:], h.id)
    if follow_up:
        back = rng.choice(backs).format(**slots)
        article.add(back[0].upper() + back[1:], h.id)


def make_corpus(seed: int = 7, happenings: int = 40) -> list[Article]:
    """Articles from several outlets: each happening covered by 1-4 of them, published 0-2 days later."""
    rng = random.Random(seed)
    world = make_happenings(rng, happenings, date(2031, 3, 2))
    articles: list[Article] = []
    for h in world:
        outlets = rng.sample(OUTLETS, rng.randint(1, 4))
        for outlet in outlets:
            article = Article(outlet=outlet, published=h.day + timedelta(days=rng.randint(0, 2)))
            report(rng, h, article, follow_up=rng.random() < 0.5)
            # Other news of the same days in the same article, as a round-up would carry.
            same_days = [
                o
                for o in world
                if o.id != h.id and abs((o.day - h.day).days) <= 1 and o.day <= article.published
            ]
            for other in rng.sample(same_days, min(len(same_days), rng.randint(0, 2))):
                report(rng, other, article, follow_up=False)
            articles.append(article)
    rng.shuffle(articles)
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--happenings", type=int, default=40)
    args = parser.parse_args()
    for article in make_corpus(args.seed, args.happenings):
        print(json.dumps(article.as_json()))


if __name__ == "__main__":
    main()
