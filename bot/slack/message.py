"""A Slack message under construction: blocks from slack_sdk.models, a block budget, a fallback text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.slack.limits import (
    MAX_BLOCKS,
    MAX_CONTEXT_TEXT,
    MAX_FALLBACK_TEXT,
    MAX_HEADER_TEXT,
    MAX_SECTION_TEXT,
)
from bot.slack.mrkdwn import clip, escape, one_line
from bot.slack.paging import MORE_ACTION_ID, MoreRequest


@dataclass(frozen=True)
class SlackMessage:
    """What respond()/chat.postMessage get: a fallback `text` (always) and Block Kit blocks."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": [block.to_dict() for block in self.blocks]}


def fallback(text: str) -> str:
    """The notification/fallback line: escaped, one line, never empty."""
    return clip(escape(one_line(text)), MAX_FALLBACK_TEXT) or "briefbot"


def header(text: str) -> HeaderBlock:
    """A header (plain text, so nothing to escape) cut to Slack's 150 characters."""
    return HeaderBlock(text=PlainTextObject(text=clip(one_line(text) or "briefbot", MAX_HEADER_TEXT)))


def section(mrkdwn: str) -> SectionBlock:
    """A section from already-safe mrkdwn, cut to 3000 characters at a line boundary when possible."""
    if len(mrkdwn) > MAX_SECTION_TEXT:
        lines = mrkdwn.split("\n")
        kept: list[str] = []
        for line in lines:
            if len("\n".join([*kept, line])) > MAX_SECTION_TEXT - 2:
                break
            kept.append(line)
        # A single giant line (cannot happen from our renderers) is still cut safely.
        mrkdwn = "\n".join(kept) + "\n…" if kept else clip(mrkdwn, MAX_SECTION_TEXT)
    return SectionBlock(text=MarkdownTextObject(text=mrkdwn or " "))


def context(mrkdwn: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=clip(mrkdwn, MAX_CONTEXT_TEXT) or " ")])


def more_button(request: MoreRequest) -> ActionsBlock:
    return ActionsBlock(
        block_id="briefbot_paging",
        elements=[ButtonElement(text="More", action_id=MORE_ACTION_ID, value=request.encode())],
    )


class BlockBudget:
    """Collects blocks without ever passing Slack's 50, keeping `reserve` slots for a footer."""

    def __init__(self, reserve: int = 2) -> None:
        self.blocks: list[Block] = []
        self._reserve = reserve

    def fits(self, count: int) -> bool:
        return len(self.blocks) + count <= MAX_BLOCKS - self._reserve

    def add(self, *blocks: Block) -> bool:
        """Add all of `blocks`, or none of them when they would not fit; tell which."""
        if not self.fits(len(blocks)):
            return False
        self.blocks.extend(blocks)
        return True

    def finish(self, *footer: Block) -> list[Block]:
        return [*self.blocks, *footer][:MAX_BLOCKS]
