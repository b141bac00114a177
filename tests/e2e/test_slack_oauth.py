"""Many workspaces install the app with OAuth: Add to Slack, the redirect, per-workspace tokens, uninstall.

`briefbot serve`'s WSGI app with SLACK_CLIENT_ID set, against the fake Slack on localhost, whose
oauth.v2.access answers per code and whose auth.test answers per token.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from bot.bootstrap import Container, build, build_slack_app
from bot.settings import Settings
from bot.slack.server import create_server, make_wsgi_app
from handlers.tenancy import ALL_WORKSPACES
from store.repositories.installations import SqlInstallations
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.slack_seed import seed
from tests.e2e.waitress_thread import ServerThread

SECRET = "oauth-signing-secret"
TEAMS = {"TALPHA": "xoxb-alpha", "TBRAVO": "xoxb-bravo"}


@dataclass
class Stack:
    url: str
    fake: FakeSlack
    container: Container


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    fake = FakeSlack().start()
    for n, (team, token) in enumerate(TEAMS.items()):
        fake.state.oauth_codes[f"code-{team}"] = {
            "app_id": "A0001",
            "access_token": token,
            "token_type": "bot",
            "scope": "commands,chat:write",
            "bot_user_id": f"UBOT{n}",
            "team": {"id": team, "name": team.title()},
            "enterprise": None,
            "is_enterprise_install": False,
            "authed_user": {"id": f"UINSTALLER{n}"},
        }
        fake.state.tokens[token] = {"team_id": team, "user_id": f"UBOT{n}", "bot_id": f"BBOT{n}"}
    db = Path(tmp_path_factory.mktemp("oauth")) / "oauth.db"
    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{db}",
        SLACK_CLIENT_ID="111.222",
        SLACK_CLIENT_SECRET="client-secret",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
    )
    container = build(settings)
    container.upgrade_database()
    seed(container.uow)
    with container.uow().of(ALL_WORKSPACES) as uow:  # both workspaces read the seeded articles
        ids = [a.id for a in uow.articles.recent(limit=1000)]
        uow.articles.grant(ids, list(TEAMS))
        uow.commit()
    app = build_slack_app(container, settings)
    server = create_server(make_wsgi_app(app), host="127.0.0.1", port=0, threads=4)
    running = ServerThread(server).start()
    try:
        yield Stack(url=f"http://127.0.0.1:{server.effective_port}", fake=fake, container=container)
    finally:
        running.stop()
        container.close()
        fake.stop()


def _signed(body: str, content_type: str) -> dict[str, str]:
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": content_type,
    }


def start_install(stack: Stack) -> tuple[str, dict[str, str]]:
    """The Add to Slack page: the state in its link, and the cookie a browser sends back with it
    (Secure, so a client on plain http would not: the test hands it over as a browser on https does)."""
    page = httpx.get(f"{stack.url}/slack/install", timeout=10)
    assert page.status_code == 200, page.text
    state = re.search(r"state=([\w-]+)", page.text)
    assert state is not None, page.text
    cookie = page.headers["set-cookie"].split(";", 1)[0]
    return state.group(1), {"Cookie": cookie}


def redirect(stack: Stack, code: str, state: str, headers: dict[str, str]) -> httpx.Response:
    params = {"code": code, "state": state}
    return httpx.get(f"{stack.url}/slack/oauth_redirect", params=params, headers=headers, timeout=10)


def install(stack: Stack, team: str) -> httpx.Response:
    """A browser's path: the Add to Slack page, then Slack's redirect back with a code for `team`."""
    state, cookie = start_install(stack)
    return redirect(stack, f"code-{team}", state, cookie)


def timeline(stack: Stack, team: str) -> tuple[httpx.Response, str]:
    name = uuid.uuid4().hex
    body = urlencode(
        {
            "team_id": team,
            "channel_id": "C0001",
            "user_id": "UMEMBER",
            "command": "/timeline",
            "text": "",
            "api_app_id": "A0001",
            "is_enterprise_install": "false",
            "response_url": stack.fake.response_url(name),
            "trigger_id": "1.2.3",
        }
    )
    response = httpx.post(
        f"{stack.url}/slack/events", content=body, headers=_signed(body, "application/x-www-form-urlencoded")
    )
    return response, name


def event(stack: Stack, team: str, payload: dict[str, Any]) -> httpx.Response:
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": team,
            "api_app_id": "A0001",
            "event": payload,
            "event_id": f"Ev{uuid.uuid4().hex[:10]}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team, "user_id": "UBOT0", "is_bot": True}],
        }
    )
    return httpx.post(f"{stack.url}/slack/events", content=body, headers=_signed(body, "application/json"))


def test_add_to_slack_installs_each_workspace_with_its_own_token(stack: Stack) -> None:
    for team in TEAMS:
        done = install(stack, team)
        assert done.status_code == 200, done.text
    calls = stack.fake.api_calls("oauth.v2.access")
    assert sorted(c.body.get("code") for c in calls) == sorted(f"code-{t}" for t in TEAMS)
    records = SqlInstallations(stack.container.sessions(), "111.222")
    for team, token in TEAMS.items():
        bot = records.find_bot(None, team, org_wide=False)
        assert (
            bot is not None
            and bot["bot_token"] == token
            and bot["bot_id"] == f"BBOT{list(TEAMS).index(team)}"
        )
        response, name = timeline(stack, team)
        assert response.status_code == 200
        answer = stack.fake.wait_for_response(name)[0]
        assert "Timeline" in answer["text"]


def test_a_state_is_used_once_and_a_forged_one_is_refused(stack: Stack) -> None:
    state, cookie = start_install(stack)
    first = redirect(stack, "code-TALPHA", state, cookie)
    again = redirect(stack, "code-TALPHA", state, cookie)
    forged = redirect(stack, "code-TALPHA", "made-up", {"Cookie": "slack-app-oauth-state=made-up"})
    assert first.status_code == 200
    assert again.status_code >= 400 and forged.status_code >= 400


def test_a_workspace_that_never_installed_gets_no_answer(stack: Stack) -> None:
    _, name = timeline(stack, "TNOTINSTALLED")
    assert_asked_to_reinstall(stack, name)


def assert_asked_to_reinstall(stack: Stack, name: str) -> None:
    """Bolt's note that the app must be installed, and nothing of anyone's stored news."""
    answers = stack.fake.wait_for_response(name)
    time.sleep(0.3)
    assert len(stack.fake.responses(name)) == 1
    assert "reinstall" in answers[0]["text"] and "Timeline" not in answers[0]["text"]


def test_uninstall_deletes_the_tokens_and_stops_the_workspace_digests(stack: Stack) -> None:
    for team in TEAMS:  # installed (again: a reinstall is harmless), whatever ran before
        assert install(stack, team).status_code == 200
    with stack.container.uow().of(ALL_WORKSPACES) as uow:
        daily: dict[str, Any] = {
            "cadence": "daily",
            "weekday": None,
            "time": "08:00",
            "timezone": "UTC",
            "topic": None,
            "post_empty": False,
        }
        kept = uow.digests.subscribe("CBRAVO", team="TBRAVO", created_by="UINSTALLER1", **daily)
        gone = uow.digests.subscribe("CALPHA", team="TALPHA", created_by="UINSTALLER0", **daily)
        uow.commit()
    assert event(stack, "TALPHA", {"type": "app_uninstalled"}).status_code == 200
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with stack.container.uow().of(ALL_WORKSPACES) as uow:
            left = {s.id for s in uow.digests.subscriptions()}
        if gone.id not in left:
            break
        time.sleep(0.05)
    assert gone.id not in left and kept.id in left
    _, name = timeline(stack, "TALPHA")
    assert_asked_to_reinstall(stack, name)  # its tokens are gone: nothing is answered
    _, name = timeline(stack, "TBRAVO")
    assert "Timeline" in stack.fake.wait_for_response(name)[0]["text"]
