"""Paging and "public", as every front end understands them.

A `PageRequest` is everything needed to ask the same question again from a later offset: Slack's
"More" button encodes one in its value (bot/slack/paging.py), the console's `more` keeps the last
one. "public" is a word a user adds to a question to have it answered in the channel, not just to
them; front ends without a channel ignore it.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, field_validator

from handlers.domain import Page

_PUBLIC = re.compile(r"(?i)(?<!\S)public(?!\S)")
_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


class PageRequest(BaseModel):
    """The same question again, one page further: its command, its words, the offset, where it shows."""

    model_config = ConfigDict(frozen=True)

    question: str
    text: str
    offset: int = 0
    public: bool = False

    @field_validator("question")
    @classmethod
    def _a_command_name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError(f"not a command name: {value[:40]!r}")
        return value

    def line(self) -> str:
        """The request as a console line: "/whosaid Okafor"."""
        return f"/{self.question} {self.text}".strip()


def next_page(question: str, text: str, page: Page, *, public: bool = False) -> PageRequest | None:
    """The request for the page after `page`, or None when it was the last."""
    if not page.has_more:
        return None
    return PageRequest(question=question, text=text, offset=page.offset + page.limit, public=public)


def split_public(text: str) -> tuple[str, bool]:
    """The query without the word `public`, and whether it was there (answer in channel, not just to you)."""
    stripped, count = _PUBLIC.subn(" ", text or "")
    return " ".join(stripped.split()), count > 0
