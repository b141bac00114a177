"""Place names: countries, US states and large cities (see lexicon_gazetteer), plus short forms."""

from __future__ import annotations

from functools import cache

from extract.names import gazetteer as lexicon_gazetteer

# Short and informal forms news text uses; lower case.
_EXTRA_PLACES = """
u.s.|us|usa|u.s.a.|america|united states|uk|u.k.|britain|great britain|england|scotland|wales|northern
ireland|europe|asia|africa|latin america|middle east|gaza|gaza strip|west
bank|crimea|donbas|donbass|kyiv|kiev|moscow|washington|d.c.|brussels|beijing|tehran|taiwan|hong
kong|kosovo|palestine|south korea|north korea|czech republic|ivory
coast|vatican|balkans|baltics|caucasus|siberia|zaporizhzhia|kharkiv|odesa|odessa|lviv|dnipro|mariupol|bakhmut|kherson|donetsk|luhansk|zakarpattia|new
england|midwest|manhattan|brooklyn|queens|bronx|long island|ground zero|iowa|new
hampshire|ohio|florida|syria|russia|ukraine|china|iran|israel|lebanon|yemen|
"""


def _split(block: str) -> set[str]:
    return {p.strip() for p in " ".join(block.split("\n")).split("|") if p.strip()}


@cache
def places() -> frozenset[str]:
    """Lower-case place names."""
    names = _split(_EXTRA_PLACES)
    for block in (lexicon_gazetteer.COUNTRIES, lexicon_gazetteer.US_STATES, lexicon_gazetteer.CITIES):
        names |= _split(block)
    names |= {n[4:] for n in names if n.startswith("the ")}  # "The Netherlands" is also "Netherlands"
    return frozenset(names)


def is_place(name: str) -> bool:
    """True for a country, US state, large city or region, in any case."""
    return name.lower() in places()


@cache
def _regions() -> frozenset[str]:
    names = _split(_EXTRA_PLACES) | _split(lexicon_gazetteer.COUNTRIES) | _split(lexicon_gazetteer.US_STATES)
    return frozenset(names)


def is_region(name: str) -> bool:
    """A country, US state or region (these speak for their governments: "Russia said")."""
    return name.lower() in _regions()
