"""Block Kit for files sent out: the "Chart" button under a figures answer, and the notes that say
where a chart or an export went (or why there is none)."""

from __future__ import annotations

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement, InteractiveElement

from bot.slack.limits import MAX_BLOCKS
from bot.slack.message import SlackMessage, fallback, section
from bot.slack.mrkdwn import safe_text
from bot.slack.paging import PAGING_BLOCK_ID, MoreRequest

CHART_ACTION_ID = "briefbot_chart"
FILES_BLOCK_ID = "briefbot_files"
# Slack allows 25 elements in an actions block.
_MAX_ACTIONS = 25


def chart_button(text: str, *, public: bool) -> ButtonElement:
    """A button that charts the same figures question (its query text and whether it was public)."""
    value = MoreRequest(question="figures", text=text, offset=0, public=public).encode()
    return ButtonElement(text="Chart", action_id=CHART_ACTION_ID, value=value)


def with_chart_button(message: SlackMessage, text: str, *, public: bool) -> SlackMessage:
    """`message` (a figures answer) with a Chart button: beside "More" when the page has one, else
    in an actions block of its own at the end; left out when the message has no room for a block."""
    button = chart_button(text, public=public)
    blocks: list[Block] = list(message.blocks)
    last = blocks[-1] if blocks else None
    if (
        isinstance(last, ActionsBlock)
        and last.block_id == PAGING_BLOCK_ID
        and len(last.elements) < _MAX_ACTIONS
    ):
        kept = [e for e in last.elements if isinstance(e, InteractiveElement)]
        blocks[-1] = ActionsBlock(block_id=PAGING_BLOCK_ID, elements=[*kept, button])
    elif len(blocks) < MAX_BLOCKS:
        blocks.append(ActionsBlock(block_id=FILES_BLOCK_ID, elements=[button]))
    return SlackMessage(text=message.text, blocks=blocks)


def render_note(text: str, *, warning: bool = False) -> SlackMessage:
    """One line to the user: where the file went, or what to change to get one."""
    body = safe_text(text, 2000)
    return SlackMessage(text=fallback(text), blocks=[section(f":warning: {body}" if warning else body)])
