"""briefbot's commands, declared once: the three questions here, the admin commands in catalog_admin.

`default_registry()` is what every front end reads. A new command is one `Command` added here (or
in a module of its own, added below) plus a renderer for its result in each front end.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from handlers.catalog_admin import ADMIN_COMMANDS
from handlers.catalog_alerts import ALERT_COMMANDS
from handlers.commands import show_figures, show_quotes, show_timeline
from handlers.ports import UnitOfWork
from handlers.query import DEFAULT_LIMIT, parse_query
from handlers.registry import Call, Command, Context, Registry
from handlers.results import (
    FactQuery,
    FiguresQuery,
    FiguresResult,
    HelpResult,
    TimelineQuery,
    TimelineResult,
    WhoSaidQuery,
    WhoSaidResult,
)
from handlers.tenancy import workspace_of

GRAMMAR = (
    "Add any of: since DATE, until DATE, limit N (1-50). DATE is 2025-09-01, Sep 1, yesterday, last week, ..."
)
# A timeline is read as a sequence: a page of 10 short events cuts most stories off mid-week.
DEFAULT_LIMITS = {"timeline": 20}


def question(
    name: str,
    query_type: type[FactQuery],
    use_case: Callable[..., object],
    result: type,
    *,
    usage: str,
    summary: str,
    examples: tuple[str, ...],
) -> Command:
    """A question of the `[topic] [since DATE] [until DATE] [limit N]` grammar, paged and shareable."""

    def parse(args: list[str], call: Call) -> FactQuery:
        limit = DEFAULT_LIMITS.get(name, DEFAULT_LIMIT)
        parts = parse_query(" ".join(args), today=call.today, default_limit=limit).model_dump()
        return query_type(**{**parts, "offset": call.offset})

    def run(query: FactQuery, ctx: Context) -> object:
        # The use case opens and closes it; every read in it is the asking workspace's.
        uow: UnitOfWork = ctx.ports.uow_factory().of(workspace_of(ctx.call))
        return use_case(query, uow=uow)

    return Command(
        path=(name,),
        usage=(usage,),
        summary=summary,
        examples=examples,
        parse=parse,
        run=run,
        result=(result,),
        grammar=GRAMMAR,
        shareable=True,
        pages=True,
    )


def _topic(args: list[str], call: Call) -> str | None:
    return args[0] if args else None


def _console_help(topic: str | None, ctx: Context) -> HelpResult:
    return HelpResult(text=ctx.registry.help_text(topic))


QUESTIONS = (
    question(
        "timeline",
        TimelineQuery,
        show_timeline,
        TimelineResult,
        usage="/timeline [topic] [since DATE] [until DATE] [limit N]",
        summary="What happened when: one entry per story, latest first, with every article that reported it.",
        examples=("/timeline strike since last week", "/timeline harbour until 2025-09-05 limit 5"),
    ),
    question(
        "whosaid",
        WhoSaidQuery,
        show_quotes,
        WhoSaidResult,
        usage="/whosaid [person|topic] [since DATE] [until DATE] [limit N]",
        summary="Who said what: a person's quotes (by name, surname or alias), or quotes about a topic.",
        examples=("/whosaid Okafor", "/whosaid wages since Mar 3"),
    ),
    question(
        "figures",
        FiguresQuery,
        show_figures,
        FiguresResult,
        usage="/figures [topic] [since DATE] [until DATE] [limit N]",
        summary="What the numbers are: counts, money and percentages, with who reported them.",
        examples=("/figures containers", "/figures wages since last week"),
    ),
    # `help` in the console (`briefbot ask help`); in Slack it is `/briefbot help`.
    Command(
        path=("help",),
        usage=("help [command]",),
        summary="How to ask.",
        parse=_topic,
        run=_console_help,
        result=(HelpResult,),
        surfaces=frozenset({"console"}),
        hidden=True,
    ),
)


@functools.cache
def default_registry() -> Registry:
    """briefbot's registry, built once (it is data: building it touches nothing outside)."""
    return Registry().add(*QUESTIONS, *ADMIN_COMMANDS, *ALERT_COMMANDS)
