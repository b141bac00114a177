"""Every slash command in the registry (/timeline, /whosaid, /figures, /briefbot, and any added later):
one listener each, the same front door as the console, answered in Block Kit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.slack.backend import Door
from bot.slack.render_admin import render_error
from bot.slack.replies import Answered, answer_message, send
from bot.slack.workspace import workspace_in

logger = logging.getLogger(__name__)
OUR_FAULT = "Sorry, something went wrong on our side; it has been logged."


def register(app: App, door: Door) -> None:
    """One Bolt listener per root word of the registry's Slack commands."""
    for root in door.registry.roots("slack"):
        app.command(f"/{root}")(_listener(root, door))


def slash_commands(door: Door) -> list[str]:
    """The slash commands the app answers (what manifest.yml must declare)."""
    return [f"/{root}" for root in door.registry.roots("slack")]


def _listener(root: str, door: Door) -> Callable[..., None]:
    def answer(ack: Ack, command: dict[str, Any], respond: Respond, context: BoltContext) -> None:
        ack()  # first, always: Slack gives up after 3 seconds
        user = str(command.get("user_id", ""))
        where: dict[str, Any] = {"command": f"/{root}", "user": user, "channel": command.get("channel_id")}
        answered = run_slash(
            door, root, command.get("text", ""), user, command.get("channel_id"), workspace_in(context)
        )
        send(respond, answered.message, public=answered.public, **where)

    answer.__name__ = f"answer_{root}"
    return answer


def run_slash(
    door: Door, root: str, text: str, user: str, channel: str | None = None, team: str | None = None
) -> Answered:
    """The reply to `/root text` from `user` in `channel` of workspace `team` (bot.slack.workspace);
    our own failures are logged, not shown."""
    call = door.call(actor=user, channel=channel, team=team)
    try:
        return answer_message(door, [root, *(text or "").split()], call)
    except Exception:
        logger.exception("/%s failed: user=%s channel=%s text=%r", root, user, channel, (text or "")[:200])
        return Answered(render_error(OUR_FAULT))
