"""Realistic synthetic news articles, deterministic for a seed, for benchmarks.

Fictional outlets, people with roles, organisations, places, figures with units, dates spread over
months, direct and indirect quotes, several running stories a day reported by different outlets.
Each article also carries the facts it was written from (`SyntheticFacts`), so a benchmark can
fill a store with a million facts by direct inserts without extracting thirty thousand articles.
Nothing here is copied from real articles: the sentences are templates over invented vocabulary.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

OUTLETS = (
    "The Harbour Post",
    "Coast Wire",
    "Velmora Ledger",
    "Northsea Business",
    "Radio Kestrel",
    "The Daily Meridian",
    "Granite City Herald",
    "Lowland Courier",
    "Pinecrest Tribune",
    "Atlas Newswire",
    "The Evening Lantern",
    "Riverbend Observer",
    "Cobalt Bay Times",
    "Marrow Valley Gazette",
)
FIRST_NAMES = (
    "Ada",
    "Tomas",
    "Ingrid",
    "Kwame",
    "Lucia",
    "Rafael",
    "Mei",
    "Oskar",
    "Priya",
    "Dmitri",
    "Amara",
    "Jonas",
    "Sofia",
    "Hamid",
    "Elena",
    "Tariq",
    "Nadia",
    "Pieter",
    "Yusuf",
    "Greta",
    "Mateo",
    "Leila",
    "Anders",
    "Chiara",
    "Kofi",
    "Maren",
    "Ravi",
    "Helga",
    "Bruno",
    "Zainab",
)
SURNAMES = (
    "Okafor",
    "Lind",
    "Varga",
    "Mensah",
    "Ferreira",
    "Castell",
    "Huang",
    "Brandt",
    "Raman",
    "Petrov",
    "Adeyemi",
    "Falk",
    "Moreau",
    "Karimi",
    "Novak",
    "Haddad",
    "Osei",
    "Dekker",
    "Aksoy",
    "Holm",
    "Quiroga",
    "Sato",
    "Lindqvist",
    "Bellini",
    "Nwosu",
    "Strand",
    "Iyer",
    "Kowalski",
    "Duarte",
    "Rahimi",
    "Ekberg",
    "Marsh",
    "Tan",
    "Oyelaran",
    "Vance",
    "Szabo",
    "Morales",
    "Aziz",
    "Larsen",
    "Ward",
)
ROLES = (
    "the union's general secretary",
    "chief executive of the port authority",
    "the finance minister",
    "the mayor",
    "a spokesperson for the ministry",
    "the health minister",
    "the city council leader",
    "an economist at Granite Bank",
    "the regional governor",
    "the head of the transport agency",
    "a senior engineer",
    "the opposition leader",
    "the energy regulator's chair",
    "the police chief",
)
PLACES = (
    "Velmora",
    "Port Ardent",
    "Kessington",
    "Lowmarsh",
    "Brightwater",
    "Dunhollow",
    "Carrow Bay",
    "Eastfold",
    "Mirelund",
    "Saltreach",
    "Thornbury",
    "Westhaven",
    "Ostrava Hills",
    "Calder Junction",
)
ORGS = (
    "the United Port Workers' Union",
    "the Velmora Port Authority",
    "the Ministry of Transport",
    "Granite Bank",
    "the Kessington City Council",
    "Northline Rail",
    "the Coastal Energy Board",
    "Brightwater Water Company",
    "the National Health Service Trust",
    "Mirelund Airport",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
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
)


@dataclass(frozen=True)
class Topic:
    """A kind of story: what happens, who is counted, in which units, and what people say about it."""

    name: str
    happenings: tuple[str, ...]  # "{org} ..." past-tense clauses
    counted: tuple[tuple[str, str], ...]  # (noun counted, verb phrase)
    stakes: tuple[str, ...]  # what money is spent on
    claims: tuple[str, ...]  # things a speaker says


TOPICS = (
    Topic(
        "strike",
        (
            "{org} called a strike at {place}",
            "dockworkers walked off the job at {place}",
            "talks with {org} collapsed in {place}",
        ),
        (("workers", "joined the walkout"), ("container ships", "were waiting at anchor")),
        ("back pay", "a new pay deal"),
        (
            "we did not choose this fight",
            "our members have waited three years for a fair contract",
            "the door to talks remains open",
        ),
    ),
    Topic(
        "flood",
        (
            "heavy rain flooded the centre of {place}",
            "{org} evacuated homes near the river in {place}",
            "the river burst its banks at {place}",
        ),
        (("homes", "were left without power"), ("residents", "were moved to shelters")),
        ("flood defences", "emergency repairs"),
        (
            "the water rose faster than anyone expected",
            "the defences held where they had been rebuilt",
            "families need help now, not next month",
        ),
    ),
    Topic(
        "budget",
        (
            "{org} approved the budget for {place}",
            "{org} announced spending cuts in {place}",
            "the council of {place} voted on the budget",
        ),
        (("teachers", "will be hired"), ("bus routes", "will be cut")),
        ("schools", "road repairs", "the new hospital wing"),
        (
            "this budget protects the services people rely on",
            "the numbers simply do not add up",
            "we will have to make hard choices",
        ),
    ),
    Topic(
        "rail",
        (
            "{org} opened the new line to {place}",
            "a train derailed outside {place}",
            "{org} suspended services through {place}",
        ),
        (("passengers", "were stranded"), ("trains", "were cancelled")),
        ("track upgrades", "new carriages"),
        (
            "safety comes before the timetable",
            "passengers deserve a reliable service",
            "the investigation will take several weeks",
        ),
    ),
    Topic(
        "energy",
        (
            "{org} raised electricity prices in {place}",
            "a blackout hit {place}",
            "{org} switched on the offshore wind farm near {place}",
        ),
        (("households", "lost power"), ("turbines", "were installed")),
        ("grid upgrades", "a subsidy scheme"),
        (
            "prices will fall once the new capacity is online",
            "the grid was never built for this",
            "bills are already too high for many families",
        ),
    ),
)
UNITS = (("million", "{n} million"), ("billion", "{n} billion"))


@dataclass
class SyntheticFacts:
    """What the article states, as the store would hold it (for bulk filling without extraction)."""

    # (date, sentence, actors, places)
    events: list[tuple[date, str, list[str], list[str]]] = field(default_factory=list)
    quotes: list[tuple[str, str, str, str]] = field(default_factory=list)  # speaker, role, text, kind
    figures: list[tuple[float, str, str, str]] = field(default_factory=list)  # value, unit, about, sentence


@dataclass
class SyntheticArticle:
    title: str
    outlet: str
    published: date
    url: str
    text: str
    facts: SyntheticFacts
    story: int  # which running story this article reports (several outlets report each one)

    def as_file(self) -> str:
        """The article as a briefbot text file (header lines, blank line, body)."""
        return (
            f"Title: {self.title}\nOutlet: {self.outlet}\nPublished: {self.published.isoformat()}\n"
            f"URL: {self.url}\n\n{self.text}\n"
        )


@dataclass(frozen=True)
class Story:
    id: int
    topic: Topic
    place: str
    org: str
    people: tuple[tuple[str, str], ...]  # (full name, role)
    start: date
    days: int


def people_pool() -> list[str]:
    """Every name the generator can quote: first names x surnames."""
    return [f"{f} {s}" for s in SURNAMES for f in FIRST_NAMES]


class ArticleGenerator:
    """`articles(n)` yields n articles; the same seed always gives the same articles."""

    def __init__(self, seed: int = 1, *, start: date = date(2025, 1, 6), stories_per_day: int = 4) -> None:
        self._rng = random.Random(seed)
        self._start = start
        self._stories_per_day = stories_per_day
        self._stories = 0

    def articles(self, count: int) -> Iterator[SyntheticArticle]:
        """`count` articles, several running stories a day, each story covered by several outlets."""
        stories: list[Story] = []
        day = self._start
        made = 0
        while made < count:
            stories = [s for s in stories if s.start + timedelta(days=s.days) > day]
            while len(stories) < self._stories_per_day * 3:
                stories.append(self._story(day))
            for story in self._rng.sample(stories, min(len(stories), self._stories_per_day)):
                for outlet in self._rng.sample(OUTLETS, self._rng.randint(1, 3)):
                    if made >= count:
                        return
                    yield self._article(made, story, outlet, day)
                    made += 1
            day += timedelta(days=1)

    def _story(self, day: date) -> Story:
        rng = self._rng
        # Distinct surnames: two Karimis in one story would leave "Karimi added" ambiguous.
        surnames = rng.sample(SURNAMES, 3)
        people = tuple((f"{rng.choice(FIRST_NAMES)} {s}", rng.choice(ROLES)) for s in surnames)
        self._stories += 1
        return Story(
            id=self._stories,
            topic=rng.choice(TOPICS),
            place=rng.choice(PLACES),
            org=rng.choice(ORGS),
            people=people,
            start=day,
            days=rng.randint(2, 20),
        )

    def _article(self, serial: int, story: Story, outlet: str, published: date) -> SyntheticArticle:
        rng = self._rng
        facts = SyntheticFacts()
        topic, place = story.topic, story.place
        happened_on = published - timedelta(days=rng.randint(0, 3))
        happening = rng.choice(topic.happenings).format(org=story.org, place=place)
        lead = f"{_cap(happening)} {_when(happened_on, published)}, {rng.choice(_LEAD_TAILS)}."
        facts.events.append((happened_on, lead, [story.org], [place]))
        paragraphs = [lead]

        noun, verb = rng.choice(topic.counted)
        count = rng.choice((120, 350, 1_200, 4_000, 12_500, 38, 75)) + serial % 97
        sentence = f"About {count:,} {noun} {verb}, according to {story.org}."
        facts.figures.append((float(count), noun, noun, sentence))
        paragraphs.append(sentence)

        (name, role), (name2, role2) = story.people[0], story.people[1]
        claim = rng.choice(topic.claims)
        quote = f'"{_cap(claim)}," said {name}, {role}.'
        facts.quotes.append((name, role, _cap(claim) + ".", "direct"))
        paragraphs.append(quote)

        amount = round(rng.uniform(1.2, 95.0), 1)
        scale, shape = rng.choice(UNITS)
        money = f"${shape.format(n=amount)}"
        stake = rng.choice(topic.stakes)
        sentence = f"{_cap(story.org)} said it would spend {money} on {stake} over the next two years."
        facts.figures.append((amount * (1e6 if scale == "million" else 1e9), "USD", stake, sentence))
        paragraphs.append(sentence)

        surname2 = name2.split()[-1]
        other = rng.choice(topic.claims)
        paragraphs.append(
            f"{name2}, {role2}, said that {other}. {surname2} added that "
            f"a decision was expected by {MONTHS[(published.month + 1) % 12]}."
        )
        facts.quotes.append((name2, role2, other, "indirect"))

        earlier = published - timedelta(days=rng.randint(10, 60))
        background = (
            f"{rng.choice(_BACKGROUNDS)} on {MONTHS[earlier.month - 1]} {earlier.day}, when "
            f"{story.org} rejected a proposal from {place} officials."
        )
        facts.events.append((earlier, background, [story.org], [place]))
        paragraphs.append(background)

        share = rng.randint(3, 64)
        sentence = f"Prices in {place} have risen {share}% since last year, official data show."
        facts.figures.append((float(share), "%", "prices", sentence))
        paragraphs.append(sentence)
        if rng.random() < 0.5:
            name3, role3 = story.people[2]
            first, second = rng.sample(topic.claims, 2)
            paragraphs.append(
                f'"{_cap(first)}. {_cap(second)}," {name3}, {role3}, told {outlet} '
                f"on {WEEKDAYS[published.weekday()]}."
            )
            facts.quotes.append((name3, role3, f"{_cap(first)}. {_cap(second)}.", "direct"))
        # Keeps every article's text unique, as real copies of a wire story differ in their edits.
        paragraphs.append(f"Reporting by {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}; file {serial}.")
        slug = f"{topic.name}-{place.lower().replace(' ', '-')}-{serial}"
        host = outlet.lower().replace("the ", "").replace(" ", "")
        return SyntheticArticle(
            title=f"{_cap(happening)}",
            outlet=outlet,
            published=published,
            url=f"https://{host}.example/{published.isoformat()}/{slug}",
            text="\n\n".join(paragraphs),
            facts=facts,
            story=story.id,
        )


_BACKGROUNDS = ("The dispute began", "The trouble started", "Tensions rose", "The row first surfaced")
_LEAD_TAILS = (
    "officials said",
    "bringing much of the city to a standstill",
    "the latest turn in a months-long dispute",
    "leaving thousands of people uncertain about the weeks ahead",
)


def _when(day: date, published: date) -> str:
    if day == published:
        return "on " + WEEKDAYS[day.weekday()]
    if (published - day).days < 7:
        return "on " + WEEKDAYS[day.weekday()]
    return f"on {MONTHS[day.month - 1]} {day.day}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
