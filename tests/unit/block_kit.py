"""Block Kit checks for tests: slack_sdk's own models parse and validate every block, and our
limits checker finds nothing."""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from bot.slack.limits import violations
from bot.slack.message import SlackMessage


def assert_valid(message: SlackMessage) -> None:
    payload = message.payload()
    assert violations(payload) == []
    for raw in payload["blocks"]:
        block = Block.parse(raw)
        assert block is not None, raw
        block.validate_json()  # raises SlackObjectFormationError on a malformed block
