"""`/briefbot ...`: help and the admin subcommands, declared once (see handlers/registry.py).

Admins only (BRIEFBOT_ADMINS and workspace admins): following sources, digests, stories, articles.
Each grammar turns the words after the command into the typed command its use case takes.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from handlers import admin, opml, stories
from handlers.articles_admin import ArticleDetail, ArticleListing, ArticleRemoved, articles_reply
from handlers.catalog import no_arguments
from handlers.digest_admin import DigestCommand, DigestView, manage_digest, parse_digest
from handlers.domain import Source, Story
from handlers.errors import Misread
from handlers.polling import set_poll_interval
from handlers.registry import SLACK_ONLY, Call, Command, Context, Group, Parse, Run
from handlers.results import HelpResult, IngestResult

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


class ImportOpml(_Model):
    spec: str | None
    actor: str
    channel: str | None


class ArticlesCommand(_Model):
    verb: str
    args: list[str]
    actor: str


def unwrap(token: str) -> str:
    """A URL as typed, without the <...|...> Slack may wrap it in."""
    match = _SLACK_LINK.match(token)
    return match.group(1) if match else token


def _source_id(verb: str, token: str) -> int:
    source_id = token.lstrip("#")
    if not source_id.isdigit():
        raise admin.AdminError(f"Source ids are numbers, as in /briefbot sources {verb} 3.")
    return int(source_id)


# --- grammars: words after the command -> typed command ---------------------------------------


def _help_topic(args: list[str], call: Call) -> str | None:
    return args[0] if args else None


def _list(args: list[str], call: Call) -> admin.ListSources:
    no_arguments(args, call)
    return admin.ListSources(actor=call.actor)


def _add(args: list[str], call: Call) -> admin.AddSource:
    if not args:
        raise Misread()
    return admin.AddSource(url=unwrap(args[0]), name=" ".join(args[1:]) or None, actor=call.actor)


def _import(args: list[str], call: Call) -> ImportOpml:
    if len(args) > 1:
        raise Misread()
    return ImportOpml(spec=unwrap(args[0]) if args else None, actor=call.actor, channel=call.channel)


def _every(args: list[str], call: Call) -> SetInterval:
    if len(args) != 2:
        raise Misread()
    source_id, minutes = args[0].lstrip("#"), args[1]
    if not (source_id.isdigit() and minutes.isdigit()):
        raise admin.AdminError("Write it as /briefbot sources every ID MINUTES, e.g. sources every 3 60.")
    return SetInterval(source_id=int(source_id), minutes=int(minutes), actor=call.actor)


def _action(verb: str) -> Parse:
    def parse(args: list[str], call: Call) -> admin.SourceAction:
        if len(args) != 1:
            raise Misread()
        return admin.SourceAction(source_id=_source_id(verb, args[0]), actor=call.actor)

    return parse


def _digest(args: list[str], call: Call) -> DigestCommand:
    if not call.channel:
        raise admin.AdminError("Digests belong to a channel: run this in the channel that should get it.")
    return parse_digest(args, channel=call.channel, actor=call.actor, team=call.team)


def _story_ids(count: int) -> Parse:
    def parse(args: list[str], call: Call) -> list[int]:
        ids = [a.lstrip("#") for a in args]
        if not all(i.isdigit() for i in ids):
            raise stories.StoryError("Story and event ids are numbers, as in /briefbot stories split 12 40.")
        if len(ids) != count:
            raise Misread()
        return [int(i) for i in ids]

    return parse


def _articles(args: list[str], call: Call) -> ArticlesCommand:
    return ArticlesCommand(verb=args[0].lower() if args else "list", args=args[1:], actor=call.actor)


# --- use cases, with the ports bound -----------------------------------------------------------


def _show_help(topic: str | None, ctx: Context) -> HelpResult:
    return HelpResult(text=ctx.registry.full_help(topic))


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
        opml.ImportSources(feeds=feeds, actor=cmd.actor),
        uow_factory=ctx.ports.uow_factory,
        clock=ctx.ports.clock,
    )


def _run_every(cmd: SetInterval, ctx: Context) -> PollInterval:
    source = set_poll_interval(
        cmd.source_id, cmd.minutes, actor=cmd.actor, uow_factory=ctx.ports.uow_factory, clock=ctx.ports.clock
    )
    return PollInterval(source=source)


_CHANGES = {"remove": admin.remove_source, "pause": admin.pause_source, "resume": admin.resume_source}


def _run_change(verb: str) -> Run:
    def run(cmd: admin.SourceAction, ctx: Context) -> admin.SourceChanged:
        return _CHANGES[verb](cmd, uow_factory=ctx.ports.uow_factory, clock=ctx.ports.clock)

    return run


def _run_digest(cmd: DigestCommand, ctx: Context) -> DigestView:
    return manage_digest(cmd, uow_factory=ctx.ports.uow_factory, clock=ctx.ports.clock)


def _run_show_story(ids: list[int], ctx: Context) -> Story:
    return stories.show_story(ids[0], uow=ctx.ports.uow_factory())


def _run_split(ids: list[int], ctx: Context) -> stories.StorySplit:
    cmd = stories.SplitStory(story_id=ids[0], event_id=ids[1], actor=ctx.call.actor)
    return stories.split_story(cmd, uow=ctx.ports.uow_factory(), clock=ctx.ports.clock)


def _run_articles(cmd: ArticlesCommand, ctx: Context) -> object:
    ports = ctx.ports
    return articles_reply(cmd.actor, cmd.verb, cmd.args, uow_factory=ports.uow_factory, clock=ports.clock)


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
ADMIN_COMMANDS: tuple[Command | Group, ...] = (
    Group(("briefbot",), default="help", misread='I don\'t know "{words}". Here is what I can do:'),
    Command(
        path=("briefbot", "help"),
        usage=("/briefbot help [command]",),
        summary="What briefbot answers, and the admin commands.",
        parse=_help_topic,
        run=_show_help,
        result=(HelpResult,),
        surfaces=SLACK_ONLY,
        hidden=True,
    ),
    Command(
        path=("briefbot", "?"),
        usage=("/briefbot ?",),
        summary="",
        parse=_help_topic,
        run=_show_help,
        result=(HelpResult,),
        surfaces=SLACK_ONLY,
        hidden=True,
    ),
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
    Command(
        path=("briefbot", "digest"),
        usage=(
            "/briefbot digest daily 08:00 Europe/Kyiv [topic] · "
            "/briefbot digest weekly mon 09:00 UTC [topic]",
            "/briefbot digest show · /briefbot digest off",
        ),
        summary="add --post-empty to post a note when nothing is new",
        parse=_digest,
        run=_run_digest,
        result=(DigestView,),
        admin="managing digests",
        surfaces=SLACK_ONLY,
    ),
    Command(
        path=("briefbot", "articles"),
        usage=(
            "/briefbot articles list [OFFSET] · /briefbot articles show ID",
            "/briefbot articles remove ID · /briefbot articles redate ID DATE",
        ),
        summary="an article with its facts",
        parse=_articles,
        run=_run_articles,
        result=(ArticleListing, ArticleDetail, ArticleRemoved, IngestResult),
        admin="managing articles",
        surfaces=SLACK_ONLY,
    ),
    Group(("briefbot", "stories"), admin="changing stories", with_help=True),
    Command(
        path=("briefbot", "stories", "show"),
        usage=("/briefbot stories show STORY_ID",),
        summary="its reports and why each was merged",
        parse=_story_ids(1),
        run=_run_show_story,
        result=(Story,),
        admin="changing stories",
        surfaces=SLACK_ONLY,
    ),
    Command(
        path=("briefbot", "stories", "split"),
        usage=("/briefbot stories split STORY_ID EVENT_ID",),
        summary="take a wrongly merged report out into its own story",
        parse=_story_ids(2),
        run=_run_split,
        result=(stories.StorySplit,),
        admin="changing stories",
        surfaces=SLACK_ONLY,
    ),
)
