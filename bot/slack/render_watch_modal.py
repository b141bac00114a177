"""The Home tab's "Watch…" form: a person or a topic, for oneself (by DM) or, for admins, a channel.

Its submission is `/briefbot watch [person|topic] WORDS [in <#C…>]` through the front door
(bot/slack/listeners/home.py), so it accepts and refuses exactly what the command does.
"""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConversationFilter,
    ConversationSelectElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

OPEN_WATCH = "home_watch"
WATCH_MODAL = "home_watch_modal"
SUBJECT_INPUT = ("home_watch_subject", "subject")
KIND_INPUT = ("home_watch_kind", "kind")
WATCH_CHANNEL_INPUT = ("home_watch_channel", "channel")
_KINDS = (
    ("auto", "A person if I know the name, else a topic"),
    ("person", "A person's quotes"),
    ("topic", "A topic"),
)


def watch_button() -> ActionsBlock:
    """Open to everyone: a personal watch needs no admin."""
    return ActionsBlock(
        block_id="home_watch_actions",
        elements=[ButtonElement(text="Watch a person or topic", action_id=OPEN_WATCH, value="open")],
    )


def watch_modal() -> View:
    kinds = [Option(value=value, label=label) for value, label in _KINDS]
    blocks: list[Block] = [
        InputBlock(
            block_id=SUBJECT_INPUT[0],
            label="Watch",
            element=PlainTextInputElement(
                action_id=SUBJECT_INPUT[1], placeholder="e.g. Okafor, or port strike", max_length=200
            ),
            hint="Each new quote by the person, or new event or figure on the topic, is posted once.",
        ),
        InputBlock(
            block_id=KIND_INPUT[0],
            label="What it is",
            element=StaticSelectElement(action_id=KIND_INPUT[1], options=kinds, initial_option=kinds[0]),
        ),
        InputBlock(
            block_id=WATCH_CHANNEL_INPUT[0],
            label="Post in a channel",
            optional=True,
            element=ConversationSelectElement(
                action_id=WATCH_CHANNEL_INPUT[1],
                placeholder="Empty: to you, by direct message",
                filter=ConversationFilter(include=["public", "private"], exclude_bot_users=True),
            ),
            hint="A channel's alerts are for admins to set.",
        ),
    ]
    return View(
        type="modal", callback_id=WATCH_MODAL, title="Watch", submit="Watch", close="Cancel", blocks=blocks
    )


def watch_words(subject: str, kind: str | None, channel: str | None) -> list[str]:
    """The `/briefbot watch` words the form stands for."""
    words = ["watch"]
    if kind in ("person", "topic"):
        words.append(kind)
    words += subject.split()
    if channel:
        words += ["in", f"<#{channel}>"]
    return words
