"""The Block Kit of answers to mentions and DMs (bot.slack.listeners.mentions): the understood line
on top, within Slack's limits even when the answer already fills a message."""

from __future__ import annotations

from bot.slack.limits import MAX_BLOCKS
from bot.slack.listeners.mentions import next_offset, reply_message, strip_mention, with_understood
from bot.slack.message import SlackMessage, context, header, more_button, section
from bot.slack.paging import MoreRequest
from handlers.conversation import Reply
from tests.unit.block_kit import assert_valid


def _answer(sections: int, *, more_at: int | None = None) -> SlackMessage:
    blocks = [header("Timeline: harbour"), *(section(f"entry {i}") for i in range(sections))]
    blocks.append(context(f"Showing 1–{sections} of 99"))
    if more_at is not None:
        blocks.append(
            more_button(MoreRequest(question="timeline", text="harbour", offset=more_at, public=True))
        )
    return SlackMessage(text="Timeline for harbour: 99 events", blocks=blocks)


def test_the_understood_line_comes_first_and_in_the_fallback_text() -> None:
    message = with_understood(_answer(3, more_at=3), "Timeline of <harbour> & docks")
    assert_valid(message)
    first = message.blocks[0].to_dict()
    assert first["type"] == "context"
    assert first["elements"][0]["text"] == "Timeline of &lt;harbour&gt; &amp; docks"
    assert message.text.startswith("Timeline of &lt;harbour&gt; &amp; docks. Timeline for harbour")


def test_a_full_answer_gives_its_header_up_and_keeps_every_entry_and_the_more_button() -> None:
    full = _answer(MAX_BLOCKS - 3, more_at=47)
    assert len(full.blocks) == MAX_BLOCKS
    message = with_understood(full, "Timeline of harbour")
    assert_valid(message)
    dicts = [b.to_dict() for b in message.blocks]
    assert len(dicts) == MAX_BLOCKS
    assert dicts[0]["elements"][0]["text"] == "Timeline of harbour · Timeline: harbour"
    assert dicts[-1]["block_id"] == "briefbot_paging" and dicts[-3]["text"]["text"] == "entry 46"


def test_the_next_offset_is_the_one_the_more_button_carries() -> None:
    assert next_offset(_answer(3, more_at=7)) == 7
    assert next_offset(_answer(3)) == 0


def test_only_the_bots_own_mention_is_stripped() -> None:
    assert strip_mention("<@UBOT> what did <@UOKAFOR> say", "UBOT") == "what did <@UOKAFOR> say"
    assert strip_mention("<@UBOT|briefbot>  how many drones ", "UBOT") == "how many drones"
    assert strip_mention(" more ", None) == "more"


def test_a_reply_without_a_question_is_one_valid_section() -> None:
    message = reply_message(
        Reply(kind="unsure", text="I'm not sure. Try /timeline <b>"), door=None, call=None
    )  # type: ignore[arg-type]
    assert_valid(message)
    assert len(message.blocks) == 1 and "&lt;b&gt;" in message.blocks[0].to_dict()["text"]["text"]
