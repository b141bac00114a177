"""@briefbot in a channel and messages in a DM with the bot, in plain English (handlers.conversation).

A mention is answered in its thread (`thread_ts` = the mention's ts, or the thread it was typed
in); a DM is answered in the DM. The answer is the slash commands' own Block Kit, under a line
saying what was understood. Bolt acks the event before the listener runs; the work comes after.
The thread's question is kept in the store so a later reply there (on any worker) can refine it.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block

from bot.slack.backend import Door
from bot.slack.limits import MAX_BLOCKS, MAX_FALLBACK_TEXT
from bot.slack.message import SlackMessage, context, fallback, section
from bot.slack.mrkdwn import escape, one_line, safe_text
from bot.slack.paging import PAGING_BLOCK_ID, MoreRequest
from bot.slack.render_admin import render_error
from bot.slack.replies import answer_message
from bot.slack.workspace import workspace_in
from handlers.conversation import Reply, remember_question, reply_to
from handlers.domain import AskedQuestion
from handlers.ports import Clock, UnitOfWork
from handlers.registry import Call

logger = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on our side; it has been logged."


class Conversations:
    """handlers.conversation with its ports bound: a fresh unit of work for each step."""

    def __init__(self, *, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    def reply(self, text: str, *, channel: str, thread: str, workspace: str) -> Reply:
        """What a message in a thread asks, read with the thread's last question of `workspace`."""
        return reply_to(
            text,
            channel=channel,
            thread=thread,
            uow=self._uow_factory(),
            today=self._clock.today(),
            workspace=workspace,
        )

    def remember(self, asked: AskedQuestion, *, workspace: str) -> None:
        remember_question(asked, uow=self._uow_factory(), workspace=workspace)


def register(app: App, door: Door, *, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> None:
    """Answer `app_mention` events in their thread and `message` events in a DM with the bot."""
    conversations = Conversations(uow_factory=uow_factory, clock=clock)

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        if _ignored(event, context) or str(event.get("channel", "")).startswith("D"):
            return  # a DM (ids start with D) is answered from its message.im event, once
        thread = str(event.get("thread_ts") or event.get("ts") or "")
        _answer(event, context, client, door, conversations, thread=thread, reply_in=thread)

    @app.event("message")
    def on_message(event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        if event.get("channel_type") != "im" or _ignored(event, context):
            return  # channel messages reach us as app_mention when they name the bot
        # A DM is one conversation (keyed ""), whether a reply is typed below or in a thread under
        # an answer; the answer goes where the message was.
        reply_in = str(event.get("thread_ts") or "") or None
        _answer(event, context, client, door, conversations, thread="", reply_in=reply_in)


def _ignored(event: dict[str, Any], context: BoltContext) -> bool:
    """Edits, deletions and other subtypes, bot messages, and our own."""
    if event.get("subtype") or event.get("bot_id") or event.get("bot_profile"):
        return True
    user = event.get("user")
    return not user or user == context.bot_user_id


def _answer(
    event: dict[str, Any],
    context: BoltContext,
    client: WebClient,
    door: Door,
    conversations: Conversations,
    *,
    thread: str,
    reply_in: str | None,
) -> None:
    channel = str(event.get("channel") or "")
    where = {"event": event.get("type"), "user": event.get("user"), "channel": channel, "thread": thread}
    asked: AskedQuestion | None = None
    workspace = ""
    try:
        workspace = workspace_in(context)
        text = strip_mention(str(event.get("text") or ""), context.bot_user_id)
        reply = conversations.reply(text, channel=channel, thread=thread, workspace=workspace)
        call = door.call(actor=str(event.get("user") or ""), channel=channel, team=workspace)
        message = reply_message(reply, door, call)
        if reply.asked is not None:
            asked = reply.asked.model_copy(update={"next_offset": next_offset(message)})
    except Exception:
        logger.exception("answering a message failed: %s", _describe(where))
        message = render_error(SORRY)
    if _post(client, message, channel=channel, thread_ts=reply_in, where=where) and asked is not None:
        try:
            conversations.remember(asked, workspace=workspace)
        except Exception:
            # The answer is out; only a later "more" or "only since ..." in the thread will miss it.
            logger.exception("remembering the thread's question failed: %s", _describe(where))


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """The message without the bot's <@ID> (and its "|name" form)."""
    if not bot_user_id:
        return text.strip()
    return " ".join(re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text).split())


def reply_message(reply: Reply, door: Door, call: Call) -> SlackMessage:
    """The Block Kit reply: an answer under the understood line, or the reply's text alone."""
    if reply.kind != "answer" or reply.command is None:
        return SlackMessage(text=fallback(reply.text), blocks=[section(safe_text(reply.text, 2900))])
    paged = dataclasses.replace(call, offset=reply.offset)
    answer = answer_message(door, [reply.command, *reply.query.split()], paged, public=True)
    return with_understood(answer.message, reply.text)


def with_understood(message: SlackMessage, said: str) -> SlackMessage:
    """`message` with the understood line on top. A full message (50 blocks) gives its header up
    for it, the context line carrying both: no answer is dropped and the More button stays."""
    line = escape(one_line(said))
    blocks: list[Block] = list(message.blocks)
    first = blocks[0].to_dict() if blocks else {}
    if len(blocks) < MAX_BLOCKS:
        blocks.insert(0, context(line))
    elif first.get("type") == "header":
        blocks[0] = context(f"{line} · {escape(first['text']['text'])}")
    text = f"{fallback(said)}. {message.text}"
    return SlackMessage(text=text[:MAX_FALLBACK_TEXT], blocks=blocks)


def next_offset(message: SlackMessage) -> int:
    """Where the next page starts, as the message's More button says (0: there is no more)."""
    for block in message.blocks:
        raw = block.to_dict()
        if raw.get("block_id") == PAGING_BLOCK_ID:
            request = MoreRequest.decode(str(raw["elements"][0].get("value", "")))
            return request.offset if request else 0
    return 0


def _post(
    client: WebClient, message: SlackMessage, *, channel: str, thread_ts: str | None, where: dict[str, Any]
) -> bool:
    """chat.postMessage; a failure is logged with `where` and never raised."""
    payload = message.payload()
    try:
        client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, text=payload["text"], blocks=payload["blocks"]
        )
    except Exception:
        logger.exception("chat.postMessage failed: %s", _describe(where))
        return False
    return True


def _describe(where: dict[str, Any]) -> str:
    return " ".join(f"{key}={value}" for key, value in where.items())
