"""The "More" button: the same question again from the offset the button carries.

The next page replaces the message the button was on (`replace_original`): the conversation keeps
one answer that pages on, not a pile of copies; the last page says there is no more.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk.models.blocks import Block

from bot.slack.backend import Door
from bot.slack.limits import MAX_BLOCKS, MAX_FALLBACK_TEXT
from bot.slack.message import SlackMessage, context
from bot.slack.paging import MORE_ACTION_ID, PAGING_BLOCK_ID, MoreRequest
from bot.slack.render_admin import render_error
from bot.slack.replies import answer_message
from bot.slack.workspace import workspace_in

logger = logging.getLogger(__name__)

NO_MORE = "No more results: that was the last page."


def register(app: App, door: Door) -> None:
    @app.action(MORE_ACTION_ID)
    def more(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        ack()
        where: dict[str, Any] = {
            "command": "more",
            "user": (body.get("user") or {}).get("id"),
            "channel": (body.get("channel") or {}).get("id"),
        }
        request = MoreRequest.decode(str(action.get("value", "")))
        # Only a command that pages has a More button: a value naming anything else is not ours.
        paged = door.registry.commands.get((request.question,)) if request else None
        if request is None or paged is None or not paged.pages:
            replace(respond, render_error("That button has expired; ask the question again."), where)
            return
        try:
            call = door.call(
                actor=str(where["user"] or ""),
                channel=where["channel"],
                team=workspace_in(context),
                offset=request.offset,
            )
            words = [request.question, *request.text.split()]
            message = answer_message(door, words, call, public=request.public).message
        except Exception:
            logger.exception("paging failed: %s", where)
            message = render_error("Sorry, something went wrong on our side; it has been logged.")
        replace(respond, last_page_says_so(message), where)


def last_page_says_so(message: SlackMessage) -> SlackMessage:
    """A page of answers with no More button ends with a line saying there is no more."""
    dicts = [b.to_dict() for b in message.blocks]
    if any(d.get("block_id") == PAGING_BLOCK_ID for d in dicts) or not any(_is_page_footer(d) for d in dicts):
        return message  # more to come, or not a page of answers (an error, nothing found)
    blocks: list[Block] = [*message.blocks[: MAX_BLOCKS - 1], context(NO_MORE)]
    text = message.text[: MAX_FALLBACK_TEXT - len(NO_MORE) - 1]
    return SlackMessage(text=f"{text} {NO_MORE}", blocks=blocks)


def _is_page_footer(block: dict[str, Any]) -> bool:
    # The renderers end a page of answers with "Showing 11–20 of 27" (bot.slack.render).
    return block.get("type") == "context" and any(
        str(e.get("text", "")).startswith("Showing ") for e in block.get("elements", [])
    )


def replace(respond: Respond, message: SlackMessage, where: dict[str, Any]) -> bool:
    """Send the page in place of the message whose button was clicked; log a failure, never raise."""
    payload = message.payload()
    described = " ".join(f"{key}={value}" for key, value in where.items())
    try:
        response = respond(text=payload["text"], blocks=payload["blocks"], replace_original=True)
    except Exception:
        logger.exception("respond() failed: %s", described)
        return False
    if response.status_code != 200:
        logger.error("respond() got HTTP %s (%s): %s", response.status_code, response.body, described)
        return False
    return True
