"""Block Kit checks for tests: slack_sdk's own models parse and validate every block, and our
limits checker finds nothing."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.slack.limits import view_violations, violations
from bot.slack.message import SlackMessage


def assert_valid(message: SlackMessage) -> None:
    payload = message.payload()
    assert violations(payload) == []
    for raw in payload["blocks"]:
        block = Block.parse(raw)
        assert block is not None, raw
        block.validate_json()  # raises SlackObjectFormationError on a malformed block


def assert_valid_view(view: View) -> dict[str, Any]:
    """A Home tab or modal: slack_sdk validates the view and each block; our limits hold. Its dict."""
    view.validate_json()  # raises SlackObjectFormationError (e.g. more than 100 blocks, a long title)
    payload = view.to_dict()
    assert view_violations(payload) == []
    for raw in payload["blocks"]:
        block = Block.parse(raw)
        assert block is not None, raw
        block.validate_json()
    return payload
