"""/briefbot: help, alerts (watch, unwatch), and the admin subcommands (sources add|list|remove|pause|
resume|import, digest, stories show|split, articles list|show|remove|redate)."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.slack.backend import AdminDesk, Questions
from bot.slack.message import SlackMessage
from bot.slack.render_admin import (
    ADMIN_HELP,
    render_articles,
    render_error,
    render_help,
    render_refusal,
    render_source_added,
    render_source_changed,
    render_source_interval,
    render_source_list,
    render_sources_imported,
)
from bot.slack.render_digest import render_digest_view
from bot.slack.render_stories import STORIES_HELP, render_split, render_story
from bot.slack.replies import send
from bot.slack.watch_command import run_watch
from handlers.admin import AdminError
from handlers.stories import StoryError

logger = logging.getLogger(__name__)
# Slack may hand URLs over as <https://x|x> or <https://x> (when the command escapes links).
_SLACK_LINK = re.compile(r"^<([^|>]+)(?:\|[^>]*)?>$")
_CHANGES = ("remove", "pause", "resume")


def register(app: App, questions: Questions, desk: AdminDesk) -> None:
    @app.command("/briefbot")
    def briefbot(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()
        user = str(command.get("user_id", ""))
        where: dict[str, Any] = {"command": "/briefbot", "user": user, "channel": command.get("channel_id")}
        try:
            message = run_briefbot(
                command.get("text", ""),
                user,
                questions,
                desk,
                channel=command.get("channel_id"),
                team=command.get("team_id"),
            )
        except Exception:
            logger.exception("/briefbot failed: %s text=%r", where, command.get("text"))
            message = render_error("Sorry, something went wrong on our side; it has been logged.")
        send(respond, message, **where)


def run_briefbot(
    text: str,
    user: str,
    questions: Questions,
    desk: AdminDesk,
    *,
    channel: str | None = None,
    team: str | None = None,
) -> SlackMessage:
    """Dispatch one /briefbot line; anything not understood gets the help."""
    words = text.split()
    if not words or words[0].lower() in ("help", "?"):
        return _help(questions, topic=words[1] if len(words) > 1 else None)
    if words[0].lower() == "digest":
        return _digest(words[1:], user, desk, channel=channel, team=team)
    if words[0].lower() == "stories":
        return _stories(words[1:], user, desk, questions)
    if words[0].lower() == "articles":
        return _articles(words[1:], user, desk)
    if words[0].lower() in ("watch", "unwatch"):  # alerts: open to everyone, a channel's for admins
        return run_watch(words, user, desk.alerts, channel=channel, team=team)
    if words[0].lower() != "sources":
        return _help(questions, note=f'I don\'t know "{" ".join(words)[:100]}". Here is what I can do:')
    if not desk.may_administer(user):
        logger.warning("refused admin command from %s: %r", user, text[:200])
        return render_refusal("managing sources")
    try:
        return _sources(words[1:], user, desk, questions, channel=channel)
    except AdminError as exc:
        return render_error(str(exc))


def _sources(
    args: list[str], user: str, desk: AdminDesk, questions: Questions, *, channel: str | None = None
) -> SlackMessage:
    verb = args[0].lower() if args else "list"
    if verb == "list" and len(args) <= 1:
        return render_source_list(desk.list(user))
    if verb == "add" and len(args) >= 2:
        url = _unwrap(args[1])
        name = " ".join(args[2:]) or None
        return render_source_added(desk.add(user, url, name))
    if verb == "import" and len(args) <= 2:
        spec = _unwrap(args[1]) if len(args) == 2 else None
        return render_sources_imported(desk.import_opml(user, spec, channel))
    if verb == "every" and len(args) == 3:
        source_id, minutes = args[1].lstrip("#"), args[2]
        if not (source_id.isdigit() and minutes.isdigit()):
            return render_error("Write it as /briefbot sources every ID MINUTES, e.g. sources every 3 60.")
        return render_source_interval(desk.set_interval(user, int(source_id), int(minutes)))
    if verb in _CHANGES and len(args) == 2:
        source_id = args[1].lstrip("#")
        if not source_id.isdigit():
            return render_error(f"Source ids are numbers, as in /briefbot sources {verb} 3.")
        return render_source_changed(desk.change(user, verb, int(source_id)))
    return _help(questions, note=f'I don\'t understand "sources {" ".join(args)[:100]}".')


def _digest(
    args: list[str], user: str, desk: AdminDesk, *, channel: str | None, team: str | None
) -> SlackMessage:
    if not desk.may_administer(user):
        logger.warning("refused digest command from %s: %r", user, " ".join(args)[:200])
        return render_refusal("managing digests")
    if not channel:
        return render_error("Digests belong to a channel: run this in the channel that should get it.")
    try:
        return render_digest_view(desk.digest(user, channel, team, args))
    except AdminError as exc:
        return render_error(str(exc))


def _stories(args: list[str], user: str, desk: AdminDesk, questions: Questions) -> SlackMessage:
    """`stories show ID` and `stories split STORY EVENT`, admins only: merges are editorial calls."""
    if not desk.may_administer(user):
        logger.warning("refused admin command from %s: stories %r", user, " ".join(args)[:200])
        return render_refusal("changing stories")
    verb = args[0].lower() if args else ""
    ids = [a.lstrip("#") for a in args[1:]]
    if not all(i.isdigit() for i in ids):
        return render_error("Story and event ids are numbers, as in /briefbot stories split 12 40.")
    try:
        if verb == "show" and len(ids) == 1:
            return render_story(desk.show_story(int(ids[0])))
        if verb == "split" and len(ids) == 2:
            return render_split(desk.split_story(user, int(ids[0]), int(ids[1])))
    except StoryError as exc:
        return render_error(str(exc))
    return _help(questions, note=f'I don\'t understand "stories {" ".join(args)[:100]}".\n{STORIES_HELP}')


def _articles(args: list[str], user: str, desk: AdminDesk) -> SlackMessage:
    """`articles list|show|remove|redate`, admins only: removing and re-dating change what all see."""
    if not desk.may_administer(user):
        logger.warning("refused admin command from %s: articles %r", user, " ".join(args)[:200])
        return render_refusal("managing articles")
    try:
        return render_articles(desk.articles(user, args[0].lower() if args else "list", args[1:]))
    except AdminError as exc:
        return render_error(str(exc))


def _unwrap(token: str) -> str:
    match = _SLACK_LINK.match(token)
    return match.group(1) if match else token


def _help(questions: Questions, *, topic: str | None = None, note: str | None = None) -> SlackMessage:
    return render_help(f"{questions.help(topic)}\n\n{ADMIN_HELP}\n{STORIES_HELP}", note=note)
