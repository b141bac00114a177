"""`/briefbot sources ...`: following feeds and pages, declared once (see handlers/registry.py).

Admins only. list, add URL [name], remove|pause|resume ID, every ID MINUTES, import [OPML].
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from handlers import admin, opml
from handlers.domain import Source
from handlers.errors import Misread
from handlers.polling import set_poll_interval
from handlers.registry import SLACK_ONLY, Call, Command, Context, Group, Parse, Run, no_arguments
from handlers.tenancy import DEFAULT_WORKSPACE, workspace_of

# Slack may hand URLs over as <https://x|x> or <https://x> (when the command escapes links).
_SLACK_LINK = re.compile(r"^<([^|>]+)(?:\|[^>]*)?>$")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class PollInterval(_Model):
    """A source now polled every `source.interval_minutes`."""

    source: Source


class SetInterval(_Model):
    source_id: int
    minutes: int
    actor: str
    workspace: str = DEFAULT_WORKSPACE


class ImportOpml(_Model):
    spec: str | None
    actor: str
    channel: str | None
    workspace: str = DEFAULT_WORKSPACE


def unwrap(token: str) -> str:
    """A URL as typed, without the <...|...> Slack may wrap it in."""
    match = _SLACK_LINK.match(token)
    return match.group(1) if match else token


def _source_id(verb: str, token: str) -> int:
    source_id = token.lstrip("#")
    if not source_id.isdigit():
        raise admin.AdminError(f"Source ids are numbers, as in /briefbot sources {verb} 3.")
    return int(source_id)


def _list(args: list[str], call: Call) -> admin.ListSources:
    no_arguments(args, call)
    return admin.ListSources(actor=call.actor, workspace=workspace_of(call))


def _add(args: list[str], call: Call) -> admin.AddSource:
    if not args:
        raise Misread()
    return admin.AddSource(
        url=unwrap(args[0]), name=" ".join(args[1:]) or None, actor=call.actor, workspace=workspace_of(call)
    )


def _import(args: list[str], call: Call) -> ImportOpml:
    if len(args) > 1:
        raise Misread()
    return ImportOpml(
        spec=unwrap(args[0]) if args else None,
        actor=call.actor,
        channel=call.channel,
        workspace=workspace_of(call),
    )


def _every(args: list[str], call: Call) -> SetInterval:
    if len(args) != 2:
        raise Misread()
    source_id, minutes = args[0].lstrip("#"), args[1]
    if not (source_id.isdigit() and minutes.isdigit()):
        raise admin.AdminError("Write it as /briefbot sources every ID MINUTES, e.g. sources every 3 60.")
    return SetInterval(
        source_id=int(source_id), minutes=int(minutes), actor=call.actor, workspace=workspace_of(call)
    )


def _action(verb: str) -> Parse:
    def parse(args: list[str], call: Call) -> admin.SourceAction:
        if len(args) != 1:
            raise Misread()
        return admin.SourceAction(
            source_id=_source_id(verb, args[0]), actor=call.actor, workspace=workspace_of(call)
        )

    return parse


def _run_list(cmd: admin.ListSources, ctx: Context) -> admin.SourceList:
    return admin.list_sources(cmd, uow_factory=ctx.ports.uow_factory, clock=ctx.ports.clock)


def _run_add(cmd: admin.AddSource, ctx: Context) -> admin.SourceAdded:
    ports = ctx.ports
    return admin.add_source(cmd, uow_factory=ports.uow_factory, probe=ports.source_probe(), clock=ports.clock)


def _run_import(cmd: ImportOpml, ctx: Context) -> opml.SourcesImported:
    reader = ctx.ports.opml_reader
    if reader is None:
        raise admin.AdminError("Importing OPML is not set up here; use briefbot sources import FILE.")
    feeds = opml.parse_opml(reader.read(cmd.spec, user=cmd.actor, channel=cmd.channel))
    return opml.import_sources(
        opml.ImportSources(feeds=feeds, actor=cmd.actor, workspace=cmd.workspace),
        uow_factory=ctx.ports.uow_factory,
        clock=ctx.ports.clock,
    )


def _run_every(cmd: SetInterval, ctx: Context) -> PollInterval:
    source = set_poll_interval(
        cmd.source_id,
        cmd.minutes,
        actor=cmd.actor,
        uow_factory=ctx.ports.uow_factory,
        clock=ctx.ports.clock,
        workspace=cmd.workspace,
    )
    return PollInterval(source=source)


_CHANGES = {"remove": admin.remove_source, "pause": admin.pause_source, "resume": admin.resume_source}


def _run_change(verb: str) -> Run:
    def run(cmd: admin.SourceAction, ctx: Context) -> admin.SourceChanged:
        return _CHANGES[verb](cmd, uow_factory=ctx.ports.uow_factory, clock=ctx.ports.clock)

    return run


def _sources(verb: str, usage: str, summary: str, parse: Parse, run: Run, result: type) -> Command:
    return Command(
        path=("briefbot", "sources", verb),
        usage=(usage,),
        summary=summary,
        parse=parse,
        run=run,
        result=(result,),
        admin="managing sources",
        surfaces=SLACK_ONLY,
    )


_SOURCES = "/briefbot sources"
SOURCES_COMMANDS: tuple[Command | Group, ...] = (
    Group(("briefbot", "sources"), admin="managing sources", default="list"),
    _sources(
        "list",
        f"{_SOURCES} list",
        "the sources followed and their health",
        _list,
        _run_list,
        admin.SourceList,
    ),
    _sources(
        "add",
        f"{_SOURCES} add URL [name]",
        "a feed or a page, http or https",
        _add,
        _run_add,
        admin.SourceAdded,
    ),
    _sources(
        "remove",
        f"{_SOURCES} remove ID",
        "stop following it",
        _action("remove"),
        _run_change("remove"),
        admin.SourceChanged,
    ),
    _sources(
        "pause",
        f"{_SOURCES} pause ID",
        "stop polling it for now",
        _action("pause"),
        _run_change("pause"),
        admin.SourceChanged,
    ),
    _sources(
        "resume",
        f"{_SOURCES} resume ID",
        "poll it again",
        _action("resume"),
        _run_change("resume"),
        admin.SourceChanged,
    ),
    _sources(
        "every",
        f"{_SOURCES} every ID MINUTES",
        "how often to poll it; default 15",
        _every,
        _run_every,
        PollInterval,
    ),
    _sources(
        "import",
        f"{_SOURCES} import [OPML URL or Slack file]",
        "no argument: the OPML file you last shared here",
        _import,
        _run_import,
        opml.SourcesImported,
    ),
)
