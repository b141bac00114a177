"""The "More" button: what it carries (question, query text, next offset) and how that fits Slack's limits."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.slack.limits import MAX_BUTTON_VALUE

Question = Literal["timeline", "whosaid", "figures"]
MORE_ACTION_ID = "briefbot_more"
PAGING_BLOCK_ID = "briefbot_paging"  # the block holding the More button


class MoreRequest(BaseModel):
    """Everything needed to ask the same question again, one page further."""

    model_config = ConfigDict(frozen=True)

    question: Question
    text: str
    offset: int
    public: bool = False

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
