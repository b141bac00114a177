"""The Chart button under a figures answer, and the notes about files sent: valid Block Kit within limits."""

from __future__ import annotations

from datetime import date

from slack_sdk.models.blocks import SectionBlock

from bot.slack.message import SlackMessage
from bot.slack.paging import MoreRequest
from bot.slack.render import render_figures
from bot.slack.render_files import CHART_ACTION_ID, render_note, with_chart_button
from handlers.domain import ArticleRef, Page
from handlers.results import FigureGroup, FigureReport, FiguresQuery, FiguresResult
from tests.unit.block_kit import assert_valid


def _figures(total: int, groups: int = 1) -> FiguresResult:
    ref = ArticleRef(
        id=1, url="https://post.example/1", title="Queue", outlet="Harbour Post", published=date(2031, 3, 4)
    )
    report = FigureReport(
        text="52 ships", value=52, unit="ship", about="ships", sentence="52 ships waited.", source=ref
    )
    return FiguresResult(
        query=FiguresQuery(text="ships public", terms=["ships"], limit=10),
        groups=[FigureGroup(about="ships", unit="ship", reports=[report])] * groups,
        page=Page(total=total, offset=0, limit=10),
    )


def _actions(message: SlackMessage) -> list[dict[str, object]]:
    return [e for b in message.payload()["blocks"] if b["type"] == "actions" for e in b["elements"]]


def test_a_figures_answer_with_more_has_the_chart_button_beside_it() -> None:
    message = render_figures(_figures(total=30), public=True)
    assert_valid(message)
    more, chart = _actions(message)
    assert (more["action_id"], chart["action_id"]) == ("briefbot_more", CHART_ACTION_ID)
    request = MoreRequest.decode(str(chart["value"]))
    assert request == MoreRequest(question="figures", text="ships public", offset=0, public=True)


def test_the_last_page_of_figures_still_has_a_chart_button() -> None:
    message = render_figures(_figures(total=1))
    assert_valid(message)
    [chart] = _actions(message)
    assert chart["action_id"] == CHART_ACTION_ID and chart["text"]["text"] == "Chart"  # type: ignore[index]


def test_no_figures_no_chart_button() -> None:
    assert _actions(render_figures(_figures(total=0, groups=0))) == []


def test_a_full_message_gets_no_block_it_has_no_room_for() -> None:
    full = SlackMessage(text="full", blocks=[SectionBlock(text=f"line {i}") for i in range(50)])
    assert with_chart_button(full, "ships", public=False).blocks == full.blocks


def test_notes_escape_what_the_user_typed_and_warn_when_asked() -> None:
    note = render_note("Nothing to export: no quotes for <script> & co.", warning=True)
    assert_valid(note)
    text = note.payload()["blocks"][0]["text"]["text"]
    assert text.startswith(":warning: ") and "&lt;script&gt; &amp; co" in text
    assert note.text.startswith("Nothing to export")
