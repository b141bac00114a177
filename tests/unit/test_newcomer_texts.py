"""Help and error texts a newcomer copies from: real underscores, real names."""

from __future__ import annotations

import json

from bot.slack.mrkdwn import escape
from bot.slack.render_admin import ADMIN_HELP, render_help, render_refusal


def test_names_with_underscores_stay_copyable_in_slack() -> None:
    assert escape("BRIEFBOT_ADMINS and snake_case_name") == "BRIEFBOT_ADMINS and snake_case_name"
    # An underscore at a word's edge could still open italics: that one stays inert.
    assert "_" not in escape("_italic_")


def test_refusal_and_help_name_the_variable_with_a_real_underscore() -> None:
    for message in (render_refusal("adding a source"), render_help(ADMIN_HELP)):
        text = json.dumps(message.payload(), ensure_ascii=False)
        assert "BRIEFBOT_ADMINS" in text and "\u02cd" not in text
