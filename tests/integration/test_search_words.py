"""Search finds the story's words however they are written (issue 19), on SQLite and PostgreSQL:
word parts and stems, currency words and symbols, other scripts and accents."""

from __future__ import annotations

from handlers.domain import FactSearch
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, figure, store_article


def _events(uow: SqlUnitOfWork, *terms: str) -> list[str]:
    with uow:
        records, _ = uow.events.search(FactSearch(terms=list(terms)))
    return [r.summary for r in records]


def _figures(uow: SqlUnitOfWork, *terms: str) -> list[str]:
    with uow:
        records, _ = uow.figures.search(FactSearch(terms=list(terms)))
    return [r.text for r in records]


def test_a_word_finds_compounds_and_other_forms_of_it(uow: SqlUnitOfWork) -> None:
    store_article(
        uow,
        "a",
        events=[
            event("A wildfire forced 300 people from Pellaro", when="2026-07-01"),
            event("Crews kept burning debris away from the depot", when="2026-07-02"),
            event("The ceasefire held in the valley", when="2026-07-03"),
        ],
    )
    assert _events(uow, "fire") == ["A wildfire forced 300 people from Pellaro"]
    assert _events(uow, "fires") == ["A wildfire forced 300 people from Pellaro"]
    assert _events(uow, "burned") == ["Crews kept burning debris away from the depot"]


def test_currency_words_find_symbols_and_codes(uow: SqlUnitOfWork) -> None:
    store_article(
        uow,
        "a",
        figures=[
            figure("€92 million", 92e6, unit="EUR", sentence="The Ostrava bypass will cost €92 million."),
            figure("$4 billion", 4e9, unit="USD", sentence="Brenmark sold the unit for $4 billion."),
            figure("40 tonnes", 40, unit="tonnes", sentence="About 40 tonnes of grain were lost."),
        ],
    )
    assert _figures(uow, "euros") == ["€92 million"]
    assert _figures(uow, "€") == ["€92 million"]
    assert _figures(uow, "dollars") == ["$4 billion"]
    assert _figures(uow, "bypass", "euro") == ["€92 million"]


def test_queries_in_other_scripts_and_with_accents_find_their_facts(uow: SqlUnitOfWork) -> None:
    store_article(
        uow,
        "a",
        events=[
            event("Пожежа біля Житомира знищила склад", when="2026-08-01"),
            event("Πυρκαγιά κοντά στην Κόρινθο", when="2026-08-02"),
            event("Storm damage in Malmö harbour", when="2026-08-03"),
            event("Talks in Geneva", when="2026-08-04"),
        ],
    )
    assert _events(uow, "Житомира") == ["Пожежа біля Житомира знищила склад"]
    assert _events(uow, "пожежа") == ["Пожежа біля Житомира знищила склад"]
    assert _events(uow, "ΚΟΡΙΝΘΟ") == ["Πυρκαγιά κοντά στην Κόρινθο"]
    assert _events(uow, "Κορινθο") == ["Πυρκαγιά κοντά στην Κόρινθο"]
    assert _events(uow, "malmo") == ["Storm damage in Malmö harbour"]
    assert _events(uow, "Мінськ") == []
