"""The "More" button: the same question again from the offset the button carries."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.slack.backend import Questions
from bot.slack.paging import MORE_ACTION_ID, MoreRequest
from bot.slack.render_admin import render_error
from bot.slack.replies import answer_message, send

logger = logging.getLogger(__name__)


def register(app: App, questions: Questions) -> None:
    @app.action(MORE_ACTION_ID)
    def more(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        where: dict[str, Any] = {
            "command": "more",
            "user": (body.get("user") or {}).get("id"),
            "channel": (body.get("channel") or {}).get("id"),
        }
        request = MoreRequest.decode(str(action.get("value", "")))
        if request is None:
            send(respond, render_error("That button has expired; ask the question again."), **where)
            return
        try:
            message = answer_message(
                questions, request.question, request.text, offset=request.offset, public=request.public
            )
        except Exception:
            logger.exception("paging failed: %s", where)
            message = render_error("Sorry, something went wrong on our side; it has been logged.")
        send(respond, message, public=request.public, **where)
