"""/timeline, /whosaid and /figures: the same handlers as the console, answered in Block Kit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.slack.backend import Questions
from bot.slack.render_admin import render_error
from bot.slack.replies import answer_message, send, split_public

logger = logging.getLogger(__name__)
QUESTIONS = ("timeline", "whosaid", "figures")


def register(app: App, questions: Questions) -> None:
    for question in QUESTIONS:
        app.command(f"/{question}")(_listener(question, questions))


def _listener(question: str, questions: Questions) -> Callable[..., None]:
    def answer(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()  # first, always: Slack gives up after 3 seconds
        where: dict[str, Any] = {
            "command": f"/{question}",
            "user": command.get("user_id"),
            "channel": command.get("channel_id"),
        }
        text, public = split_public(command.get("text", ""))
        try:
            message = answer_message(questions, question, text, public=public)
        except Exception:
            logger.exception("answering failed: %s", where)
            message = render_error("Sorry, something went wrong on our side; it has been logged.")
            public = False
        send(respond, message, public=public, **where)

    answer.__name__ = f"answer_{question}"
    return answer
