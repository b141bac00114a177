"""Which workspace a Slack request is for (bot.slack.workspace): the deployment's one with a bot
token, the team or the org with OAuth."""

from __future__ import annotations

import pytest
from slack_bolt import BoltContext

from bot.settings import Settings
from bot.slack.workspace import CONTEXT_KEY, UnknownWorkspace, workspace_in, workspace_of

ONE_TOKEN = Settings(_env_file=None, SLACK_BOT_TOKEN="xoxb-1", BRIEFBOT_WORKSPACE="newsroom")
OAUTH = Settings(_env_file=None, SLACK_CLIENT_ID="111.222", SLACK_CLIENT_SECRET="s")

SLASH = {"team_id": "T1", "enterprise_id": "E1", "is_enterprise_install": "false", "command": "/timeline"}
ORG_SLASH = {**SLASH, "is_enterprise_install": "true"}
BUTTON = {"type": "block_actions", "team": {"id": "T2"}, "user": {"id": "U1", "team_id": "T2"}}
EVENT = {
    "type": "event_callback",
    "team_id": "T3",
    "event": {"type": "app_mention"},
    "authorizations": [{"team_id": "T3", "enterprise_id": "E3", "is_enterprise_install": True}],
}


def test_one_bot_token_is_one_workspace_whatever_team_slack_names() -> None:
    for body in (SLASH, ORG_SLASH, BUTTON, EVENT, {}):
        assert workspace_of(body, ONE_TOKEN) == "newsroom"
    assert Settings(_env_file=None).workspace == "default"


def test_with_oauth_a_request_is_its_team_s_or_its_org_s_for_an_org_wide_install() -> None:
    assert workspace_of(SLASH, OAUTH) == "T1"
    assert workspace_of(ORG_SLASH, OAUTH) == "E1"
    assert workspace_of(BUTTON, OAUTH) == "T2"
    assert workspace_of(EVENT, OAUTH) == "E3"  # the event's authorization is the org-wide install


def test_a_bolt_context_gives_the_same_answer() -> None:
    team = BoltContext({"team_id": "T1", "enterprise_id": "E1", "is_enterprise_install": False})
    org = BoltContext({"team_id": "T1", "enterprise_id": "E1", "is_enterprise_install": True})
    assert (workspace_of(team, OAUTH), workspace_of(org, OAUTH)) == ("T1", "E1")


def test_a_request_naming_no_workspace_is_refused_not_guessed() -> None:
    with pytest.raises(UnknownWorkspace):
        workspace_of({"type": "block_actions"}, OAUTH)
    with pytest.raises(UnknownWorkspace):
        workspace_in(BoltContext())
    assert workspace_in(BoltContext({CONTEXT_KEY: "T9"})) == "T9"
