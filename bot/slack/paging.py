"""The "More" button: a handlers.paging.PageRequest encoded in a button value within Slack's limits."""

from __future__ import annotations

import json

from pydantic import ValidationError

from bot.slack.limits import MAX_BUTTON_VALUE
from handlers.paging import PageRequest

MORE_ACTION_ID = "briefbot_more"
PAGING_BLOCK_ID = "briefbot_paging"  # the block holding the More button


class MoreRequest(PageRequest):
    """A page request as a More button carries it."""

    def encode(self) -> str:
        """A button value of at most 2000 characters; an enormous query text is shortened to fit."""
        text = self.text
        while True:
            value = json.dumps(
                {"c": self.question, "q": text, "o": self.offset, "p": int(self.public)},
                ensure_ascii=False,
                separators=(",", ":"),
            )
            if len(value) <= MAX_BUTTON_VALUE:
                return value
            # Each JSON-escaped char takes at most 6; cut enough to fit in one or two rounds.
            text = text[: max(0, len(text) - (len(value) - MAX_BUTTON_VALUE) - 1)]

    @classmethod
    def decode(cls, value: str) -> MoreRequest | None:
        """The request a button carried, or None for a value we did not make."""
        try:
            raw = json.loads(value)
            return cls(question=raw["c"], text=raw["q"], offset=raw["o"], public=bool(raw.get("p")))
        except (ValueError, KeyError, TypeError, ValidationError):
            return None
