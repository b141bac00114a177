"""From a line of words to a sent reply: ask the front door, render by result type, send through
respond() without ever crashing."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from slack_bolt import Respond

from bot.slack.backend import Door
from bot.slack.message import SlackMessage
from bot.slack.render_admin import render_error
from bot.slack.render_result import render_result
from handlers.errors import UserError
from handlers.paging import split_public
from handlers.registry import Call

__all__ = ["Answered", "answer_message", "send", "split_public"]
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Answered:
    """A rendered reply and where it goes: the channel (`public`) or the asker alone."""

    message: SlackMessage
    public: bool = False


def answer_message(door: Door, words: Sequence[str], call: Call, *, public: bool | None = None) -> Answered:
    """The rendered reply to `words`; a readable error for anything the user can fix.

    `public` overrides where the answer shows (a More button remembers it), else the words decide.
    """
    try:
        reply = door.answer(words, call)
    except UserError as exc:
        return Answered(render_error(_error_text(door, words, exc)))
    shown = reply.public if public is None else public
    return Answered(render_result(reply.result, public=shown), shown)


def _error_text(door: Door, words: Sequence[str], exc: UserError) -> str:
    # A question's error points at its help; an admin command's message already says what to write.
    root = words[0].lower() if words else ""
    if any(c.name == root for c in door.registry.questions("slack")):
        return f"{exc} (/{root} help shows what it understands)"
    return str(exc)


def send(respond: Respond, message: SlackMessage, *, public: bool = False, **where: Any) -> bool:
    """Post through the response_url; log failures with `where` (command, user, channel) and carry on."""
    payload = message.payload()
    try:
        response = respond(
            text=payload["text"],
            blocks=payload["blocks"],
            response_type="in_channel" if public else "ephemeral",
            replace_original=False,
        )
    except Exception:
        # A dead response_url must not take the listener (or the worker thread) down with it.
        logger.exception("respond() failed: %s", _describe(where))
        return False
    if response.status_code != 200:
        logger.error("respond() got HTTP %s (%s): %s", response.status_code, response.body, _describe(where))
        return False
    return True


def _describe(where: dict[str, Any]) -> str:
    return " ".join(f"{key}={value}" for key, value in where.items())
