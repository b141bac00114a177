"""Exports: the FULL result of a question as rows, one per quote, event report or figure.

The questions answer a page at a time; an export reads every page (quotes), every story the timeline
would rank (events, each report a row) or every figure at once (figures: a group must not be split
across pages), through the same searches as handlers.commands, so an export holds exactly what
paging through the answer with "More" would show. Formatting (CSV, JSONL) is bot/exports.py's job.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from handlers.commands import rank_stories, show_figures, show_quotes
from handlers.domain import ArticleRef, FactSearch, StoryMember
from handlers.ports import UnitOfWork
from handlers.query import parse_query
from handlers.results import (
    FactQuery,
    FigureGroup,
    FigureReport,
    FiguresQuery,
    FiguresResult,
    QueryError,
    QuoteEntry,
    WhoSaidQuery,
)
from handlers.tenancy import DEFAULT_WORKSPACE

ExportKind = Literal["quotes", "events", "figures"]
FileWanted = Literal["chart", "csv"]
Cell = str | int | float | None

# Which export a question's answer is: `/whosaid ... csv` exports quotes.
KIND_OF_QUESTION: dict[str, ExportKind] = {"whosaid": "quotes", "timeline": "events", "figures": "figures"}
QUESTION_OF_KIND: dict[ExportKind, str] = {kind: question for question, kind in KIND_OF_QUESTION.items()}

# Past this many rows an export stops and says so: a file bigger than this is a database dump,
# which `briefbot db` tools do better than a chat upload.
MAX_EXPORT_ROWS = 20_000
# Quotes are read this many at a time (each page a query of its own).
EXPORT_PAGE = 500
# How many stories' reports are loaded in one go.
STORY_BATCH = 100

_SOURCE_COLUMNS = ("outlet", "title", "url", "published", "article_id")
COLUMNS: dict[ExportKind, tuple[str, ...]] = {
    "quotes": ("speaker", "speaker_role", "kind", "text", "cue", "said_on", *_SOURCE_COLUMNS),
    "events": (
        "story_id",
        "story_date",
        "story_summary",
        "date",
        "summary",
        "actors",
        "places",
        "event_id",
        *_SOURCE_COLUMNS,
    ),
    "figures": (
        "group",
        "group_about",
        "text",
        "value",
        "value_max",
        "unit",
        "bound",
        "about",
        "change",
        "sentence",
        *_SOURCE_COLUMNS,
    ),
}


class ExportTable(BaseModel):
    """The rows of one export, their columns in order, and whether MAX_EXPORT_ROWS cut it short."""

    model_config = ConfigDict(frozen=True)

    kind: ExportKind
    query: FactQuery
    columns: tuple[str, ...]
    rows: list[dict[str, Cell]] = Field(default_factory=list)
    truncated: bool = False

    def describe(self) -> str:
        """ "12 quotes about strike since 2031-03-01" (and "first N" when cut short)."""
        what = f"{len(self.rows):,} {self.kind if len(self.rows) != 1 else self.kind[:-1]}"
        cut = f" (the first {MAX_EXPORT_ROWS:,}: there are more)" if self.truncated else ""
        return f"{what} for {self.query.describe()}{cut}"


def split_file_request(text: str) -> tuple[str, FileWanted | None]:
    """The query without a trailing `chart` or `csv`, and which file that word asked for.

    Only the last word counts, so a topic may still contain the word ("/figures chart sales csv").
    """
    words = (text or "").split()
    if words and words[-1].lower() in ("chart", "csv"):
        wanted: FileWanted = "chart" if words[-1].lower() == "chart" else "csv"
        return " ".join(words[:-1]), wanted
    return " ".join(words), None


def parse_export_query(text: str, *, today: date, ignore_limit: bool = False) -> FactQuery:
    """The query words of an export, read by the questions' grammar (QueryError when unreadable).

    `limit` is refused: an export is the whole result, and a silent cut would be a wrong file. A
    chart (`ignore_limit`) draws the whole result too, but the Chart button carries the answer's
    query as typed, limit and all: there the limit is only passed over.
    """
    query = parse_query(text, today=today)
    if not ignore_limit and any(w.lower() == "limit" for w in text.split()):
        raise QueryError("an export holds the whole result: drop 'limit N'.")
    return query


def export_facts(
    kind: ExportKind,
    query: FactQuery,
    *,
    uow: UnitOfWork,
    page_size: int = EXPORT_PAGE,
    workspace: str = DEFAULT_WORKSPACE,
) -> ExportTable:
    """Every quote, event report or figure the question `query` finds in the workspace's articles,
    one row each, with its source."""
    uow.of(workspace)  # every transaction below reads as the workspace
    if kind == "quotes":
        rows, truncated = _quote_rows(query, uow, page_size)
    elif kind == "events":
        rows, truncated = _event_rows(query, uow)
    else:
        figures = all_figures(query, uow=uow, workspace=workspace)
        truncated = figures.page.total > MAX_EXPORT_ROWS
        rows = [_figure_row(i, g, r) for i, g in enumerate(figures.groups, start=1) for r in g.reports]
    return ExportTable(kind=kind, query=query, columns=COLUMNS[kind], rows=rows, truncated=truncated)


def all_figures(query: FactQuery, *, uow: UnitOfWork, workspace: str = DEFAULT_WORKSPACE) -> FiguresResult:
    """Every figure group of the question (not a page of them; MAX_EXPORT_ROWS figures at most,
    `page.total` says how many there are).

    One call over the whole window, so that each group holds all its reports (what a chart needs).
    """
    whole = FiguresQuery(**query.model_dump() | {"offset": 0, "limit": MAX_EXPORT_ROWS})
    return show_figures(whole, uow=uow.of(workspace))


def _quote_rows(query: FactQuery, uow: UnitOfWork, page_size: int) -> tuple[list[dict[str, Cell]], bool]:
    rows: list[dict[str, Cell]] = []
    offset = 0
    while len(rows) < MAX_EXPORT_ROWS:
        size = min(page_size, MAX_EXPORT_ROWS - len(rows))
        page = WhoSaidQuery(**query.model_dump() | {"offset": offset, "limit": size})
        result = show_quotes(page, uow=uow)
        rows += [_quote_row(q) for q in result.quotes]
        if not result.quotes or not result.page.has_more:
            return rows, False
        offset += len(result.quotes)
    return rows, True


def _event_rows(query: FactQuery, uow: UnitOfWork) -> tuple[list[dict[str, Cell]], bool]:
    # The stories the timeline ranks (handlers.commands.show_timeline), every report of each.
    search = FactSearch(terms=list(query.terms), since=query.since, until=query.until)
    rows: list[dict[str, Cell]] = []
    with uow:
        ranked = rank_stories(uow.stories.search(search), query.terms)
        for start in range(0, len(ranked), STORY_BATCH):
            for story in uow.stories.load([s.id for s in ranked[start : start + STORY_BATCH]]):
                for member in story.members:
                    if len(rows) == MAX_EXPORT_ROWS:
                        return rows, True
                    rows.append(_event_row(story.id, story.date, story.summary, member))
    return rows, False


def _source(ref: ArticleRef) -> dict[str, Cell]:
    return {
        "outlet": ref.outlet,
        "title": ref.title,
        "url": ref.url,
        "published": ref.published.isoformat() if ref.published else None,
        "article_id": ref.id,
    }


def _quote_row(q: QuoteEntry) -> dict[str, Cell]:
    return {
        "speaker": q.speaker,
        "speaker_role": q.speaker_role,
        "kind": q.kind,
        "text": q.text,
        "cue": q.cue,
        "said_on": q.said_on.isoformat() if q.said_on else None,
        **_source(q.source),
    }


def _event_row(story_id: int, story_date: str, story_summary: str, m: StoryMember) -> dict[str, Cell]:
    return {
        "story_id": story_id,
        "story_date": story_date,
        "story_summary": story_summary,
        "date": m.date,
        "summary": m.summary,
        "actors": "; ".join(m.actors),
        "places": "; ".join(m.places),
        "event_id": m.event_id,
        **_source(m.article),
    }


def _figure_row(number: int, group: FigureGroup, r: FigureReport) -> dict[str, Cell]:
    return {
        "group": number,
        "group_about": group.about,
        "text": r.text,
        "value": r.value,
        "value_max": r.value_max,
        "unit": r.unit,
        # An exact figure has no bound: "=" alone would read as a formula in a spreadsheet.
        "bound": None if r.bound == "=" else r.bound,
        "about": r.about,
        "change": r.change,
        "sentence": r.sentence,
        **_source(r.source),
    }
