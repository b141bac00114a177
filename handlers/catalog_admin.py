"""`/briefbot ...`: help and the admin subcommands, declared once (see handlers/registry.py).

Admins only (BRIEFBOT_ADMINS and workspace admins): following sources, digests, stories, articles.
Each grammar turns the words after the command into the typed command its use case takes.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from handlers import admin, stories
from handlers.articles_admin import ArticleDetail, ArticleListing, ArticleRemoved, articles_reply
from handlers.catalog_sources import SOURCES_COMMANDS
from handlers.digest_admin import DigestCommand, DigestView, manage_digest, parse_digest
from handlers.domain import Story
from handlers.errors import Misread
from handlers.registry import SLACK_ONLY, Call, Command, Context, Group, Parse
from handlers.results import HelpResult, IngestResult
from handlers.tenancy import workspace_of


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class ArticlesCommand(_Model):
    verb: str
    args: list[str]
    actor: str


# --- grammars: words after the command -> typed command ---------------------------------------


def _help_topic(args: list[str], call: Call) -> str | None:
    return args[0] if args else None


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


def _run_digest(cmd: DigestCommand, ctx: Context) -> DigestView:
    return manage_digest(cmd, uow_factory=ctx.ports.uow_factory, clock=ctx.ports.clock)


def _run_show_story(ids: list[int], ctx: Context) -> Story:
    return stories.show_story(ids[0], uow=ctx.ports.uow_factory(), workspace=workspace_of(ctx.call))


def _run_split(ids: list[int], ctx: Context) -> stories.StorySplit:
    cmd = stories.SplitStory(
        story_id=ids[0], event_id=ids[1], actor=ctx.call.actor, workspace=workspace_of(ctx.call)
    )
    return stories.split_story(cmd, uow=ctx.ports.uow_factory(), clock=ctx.ports.clock)


def _run_articles(cmd: ArticlesCommand, ctx: Context) -> object:
    ports = ctx.ports
    return articles_reply(
        cmd.actor,
        cmd.verb,
        cmd.args,
        uow_factory=ports.uow_factory,
        clock=ports.clock,
        workspace=workspace_of(ctx.call),
    )


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
    *SOURCES_COMMANDS,
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
