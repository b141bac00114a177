"""From a question to a sent reply: run it, render it, send it through respond() without ever crashing."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Respond

from bot.slack.backend import Questions
from bot.slack.message import SlackMessage
from bot.slack.render import render_figures, render_quotes, render_timeline
from bot.slack.render_admin import render_error, render_help
from handlers.ask import HelpResult
from handlers.results import FiguresResult, QueryError, TimelineResult, WhoSaidResult

logger = logging.getLogger(__name__)
_PUBLIC = re.compile(r"(?i)(?<!\S)public(?!\S)")


def split_public(text: str) -> tuple[str, bool]:
    """The query without the word `public`, and whether it was there (answer in channel, not just to you)."""
    stripped, count = _PUBLIC.subn(" ", text or "")
    return " ".join(stripped.split()), count > 0


def answer_message(
    questions: Questions, question: str, text: str, *, offset: int = 0, public: bool = False
) -> SlackMessage:
    """The rendered answer to `/question text`; a readable error for a query we cannot read."""
    try:
        result = questions.ask(question, text, offset=offset)
    except QueryError as exc:
        return render_error(f"{exc} (/{question} help shows what it understands)")
    if isinstance(result, HelpResult):
        return render_help(result.text)
    if isinstance(result, TimelineResult):
        return render_timeline(result, public=public)
    if isinstance(result, WhoSaidResult):
        return render_quotes(result, public=public)
    if isinstance(result, FiguresResult):
        return render_figures(result, public=public)
    raise TypeError(f"no renderer for {type(result).__name__}")


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
