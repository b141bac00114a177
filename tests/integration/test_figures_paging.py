"""/figures pages never split a group of figures (issue 19), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from handlers import commands
from handlers.commands import show_figures
from handlers.results import FiguresQuery
from store.uow import SqlUnitOfWork
from tests.integration.builders import figure, store_article

# Stored oldest first; the store answers newest article first, so the boats' two reports are the
# first and the third figure: a page of two would end between them.
FIGURES = [
    ("90 workers", 90, "workers"),
    ("3 cranes", 3, "cranes"),
    ("41 boats", 41, "fishing boats"),
    ("7 tonnes", 7, "grain"),
    ("40 boats", 40, "boats"),
]


def _pages(uow: SqlUnitOfWork, limit: int) -> list[list[list[str]]]:
    pages, offset = [], 0
    while True:
        result = show_figures(FiguresQuery(terms=["harbour"], limit=limit, offset=offset), uow=uow)
        pages.append([[r.text for r in g.reports] for g in result.groups])
        if not result.page.has_more:
            return pages
        offset = result.page.offset + result.page.limit


def test_a_group_of_figures_is_never_split_across_pages(uow: SqlUnitOfWork) -> None:
    for n, (text, value, about) in enumerate(FIGURES):
        sentence = f"The harbour counted {text} on Monday."
        store_article(uow, f"harbour {n}", figures=[figure(text, value, about=about, sentence=sentence)])
    pages = _pages(uow, limit=2)
    assert pages == [[["40 boats", "41 boats"], ["7 tonnes"]], [["3 cranes"], ["90 workers"]]]
    # Every figure shown once, whatever the page size.
    for limit in (1, 2, 3, 4, 10):
        shown = [t for page in _pages(uow, limit) for group in page for t in group]
        assert sorted(shown) == sorted(t for t, _, _ in FIGURES), limit
        assert all(page for page in _pages(uow, limit)), limit  # no empty page behind a More button


def test_a_group_spread_further_than_the_read_ahead_is_shown_in_parts_never_twice(
    uow: SqlUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n, (text, value, about) in enumerate(FIGURES):
        sentence = f"The harbour counted {text} on Monday."
        store_article(uow, f"harbour {n}", figures=[figure(text, value, about=about, sentence=sentence)])
    monkeypatch.setattr(commands, "_horizon", lambda limit: 1)  # the boats are two places apart
    for limit in (1, 2, 3):
        pages = _pages(uow, limit)
        shown = [t for page in pages for group in page for t in group]
        assert sorted(shown) == sorted(t for t, _, _ in FIGURES), limit
        assert ["40 boats"] in pages[0] and ["40 boats", "41 boats"] not in pages[0]
