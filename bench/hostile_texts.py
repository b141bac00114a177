"""Texts made to be hard on extraction: long runs of one token, and a long article of news paragraphs.

`hostile(name, size)` repeats a unit ("Monday ", ".", a curly quote...) to `size` characters; each
of these once made extraction quadratic or worse (issue 22). `long_article(size)` joins news-like
paragraphs written for this file, varied by a seeded choice of names, places, figures and dates, so
a 1 MB article reads like a very long real one. Used by bench/worst_cases.py and by tests.
"""

from __future__ import annotations

import random

# name -> the unit repeated (a plain string) ; each is one shape of input that was slow
UNITS: dict[str, str] = {
    "periods": ".",
    "weekdays": "Monday ",
    "curly quotes": "“ ” ",
    "open quotes": "“",
    "straight quotes": '"',
    "quoted words": "“Yes,” ",
    "no punctuation": "the minister told reporters that the council would meet again ",
    "numbers": "12 ",
    "percentages": "12% ",
    "money": "$5 million, ",
    "years": "2025 ",
    "dates": "On March 3, 2025 ",
    "capitalised names": "Alice Brown ",
    "names and said": "Alice Brown said ",
    "according to": "according to Smith ",
    "nested brackets": "([{ ",
    "abbreviations": "Mr. U.S. A. B. ",
    "ellipses": "… ",
    "one-line paragraphs": "A line.\n\n",
    "numbers between wide spaces": "12" + " " * 1000,
}

# Paragraphs in the manner of wire copy, written for this benchmark; {slots} are filled at random.
PARAGRAPHS: tuple[str, ...] = (
    "{city} — The regional council voted {n} to {m} on {weekday} to approve a {money} budget for "
    "road repairs, ending a dispute that had lasted since {month} {year}.",
    "“We have waited long enough for this,” said {name}, who chairs the council's transport "
    "committee. “The roads in {city} are a disgrace, and everybody knows it.”",
    "{name}, a spokeswoman for the finance ministry, said the plan would cost about {pct}% more "
    "than the estimate published in {month}, mostly because of higher prices for asphalt and steel.",
    "According to figures released by the statistics office on {weekday}, unemployment in the "
    "region fell to {pct}% in {month}, the lowest level since {year}.",
    "The opposition leader, {name}, told reporters outside parliament that the government had "
    "“misled the public” about the cost (the second such accusation this year) and called for an "
    "inquiry.",
    "Mr. {surname} said he expected the first contracts to be signed by {month} {day}, and that "
    "work on the {city} ring road would begin before the end of {year}.",
    "About {n},{m:03d} workers at the port walked out on {weekday} over pay, the union said. A "
    "previous strike, in {month} {year}, cost shippers an estimated {money}.",
    "“Nobody here wants a strike,” said {name}, a crane operator who has worked at the port for "
    "{n} years. “But we cannot live on promises.”",
    "The company's shares rose {pct}% to {money2} in early trading in {city}, after it reported "
    "a quarterly profit of {money}, up from {money2} a year earlier.",
    "Analysts at two banks had expected profit of about {money}. {name}, chief executive, said "
    "demand from Asia had been “stronger than we dared hope” in the three months to {month}.",
    "Police said {n} people were injured, {m} of them seriously, when a bus left the road near "
    "{city} late on {weekday}. The cause of the crash was not yet known.",
    "Rescue teams worked through the night, a fire service spokesman said. The road remained "
    "closed on {weekday} morning and was expected to reopen on {month} {day}.",
    "In a statement, the ministry said it had “taken note” of the court's ruling and would "
    "decide within {n} days whether to appeal. The ruling, issued on {month} {day}, {year}, "
    "struck down a rule on rents.",
    "Under the rule, landlords in {city} could raise rents by no more than {pct}% a year. Tenants' "
    "groups said more than {n},{m:03d} households had benefited since it took effect in {year}.",
    "{name} (who resigned as housing minister in {year}) said the ruling was “a gift to "
    "speculators”, while the landlords' association welcomed it as overdue.",
    "The U.S. delegation arrived in {city} on {weekday} for talks expected to last {n} days. "
    "Officials said the agenda included tariffs, fishing rights and a {money} loan.",
    "Temperatures reached {n} degrees in {city} on {weekday}, {m} degrees above the {month} "
    "average, and the weather service warned of storms over the weekend.",
    "The festival, first held in {year}, drew {n},{m:03d} visitors last summer, the organisers "
    "said. Tickets for this year's edition go on sale on {month} {day} and cost {money2}.",
    "Shortly before midnight, {name} wrote on social media that the deal was “not finished yet”. "
    "A day later, the ministry confirmed that talks would resume on {weekday}.",
    "The report, which runs to {n} pages, found that {pct}% of the schools inspected in {year} "
    "needed repairs, and that {m} had closed at least one classroom for safety reasons.",
)
_FIRST = ("Ada", "Tomas", "Ingrid", "Kwame", "Lucia", "Rafael", "Mei", "Oskar", "Priya", "Jonas")
_LAST = ("Lindqvist", "Mensah", "Ortega", "Tanaka", "Novak", "Haddad", "Brennan", "Okafor", "Varga")
_CITIES = ("Thornbury", "Dunhollow", "Velmora", "Kestrel Bay", "Marrowgate", "Pinecrest", "Eastholm")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def hostile(name: str, size: int) -> str:
    """`UNITS[name]` repeated to exactly `size` characters."""
    unit = UNITS[name]
    return (unit * (size // len(unit) + 1))[:size]


def long_article(size: int, *, seed: int = 22) -> str:
    """At least `size` characters of news-like paragraphs, deterministic for `seed`."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        paragraph = rng.choice(PARAGRAPHS).format(
            city=rng.choice(_CITIES),
            name=f"{first} {last}",
            surname=last,
            weekday=rng.choice(_WEEKDAYS),
            month=rng.choice(_MONTHS),
            day=rng.randint(1, 28),
            year=rng.randint(2015, 2026),
            n=rng.randint(2, 90),
            m=rng.randint(1, 999),
            pct=f"{rng.randint(1, 40)}.{rng.randint(0, 9)}",
            money=f"${rng.randint(2, 900)} million",
            money2=f"{rng.randint(2, 90)}.{rng.randint(10, 99)} euros",
        )
        out.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(out)


__all__ = ["PARAGRAPHS", "UNITS", "hostile", "long_article"]
