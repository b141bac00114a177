"""Alerts end to end: a watch set by signed slash commands to the served app, an article ingested,
and the worker process posting one alert per watch to the fake Slack (and nothing more next time)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.models.blocks import Block

from bot.bootstrap import build, build_slack_app
from bot.settings import Settings
from bot.slack.limits import violations
from bot.slack.server import create_server, make_wsgi_app
from handlers.ingest import ingest_article
from handlers.results import IngestArticle
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.test_slack_http import SECRET, Stack, all_text, slash
from tests.e2e.waitress_thread import ServerThread

ROOT = Path(__file__).resolve().parents[2]
ADMIN = "UALERTADMIN"
MEMBER = "UALERTMEMBER"
BEFORE = (
    "Harbour workers in Tosk began a strike on Monday, 2 March 2026. “We will not unload a single "
    "ship,” said Maria Okafor, the leader of the dockers' union."
)
AFTER = (
    "Talks to end the Tosk harbour strike failed on Thursday, 5 March 2026. “Nobody leaves the quay,” "
    "Maria Okafor told reporters. The union said 1,200 dockers had joined the strike."
)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    fake = FakeSlack().start()
    fake.state.users = {MEMBER: {"id": MEMBER, "is_admin": False, "is_owner": False}}
    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{tmp_path / 'alerts.db'}",
        SLACK_BOT_TOKEN="xoxb-e2e",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
        BRIEFBOT_ADMINS=ADMIN,
    )
    container = build(settings)
    container.upgrade_database()
    server = create_server(
        make_wsgi_app(build_slack_app(container, settings)), host="127.0.0.1", port=0, threads=4
    )
    running = ServerThread(server).start()
    try:
        yield Stack(url=f"http://127.0.0.1:{server.effective_port}", fake=fake, container=container)
    finally:
        running.stop()
        container.close()
        fake.stop()


def briefbot(stack: Stack, text: str, user: str) -> str:
    _, _, name = slash(stack, "/briefbot", text, user=user)
    [message] = stack.fake.wait_for_response(name)
    return f"{message['text']} {all_text(message)}"


def ingest(stack: Stack, text: str, n: int) -> None:
    cmd = IngestArticle(
        text=text, url=f"https://tosk-news.example/{n}", title=f"Tosk report {n}", outlet="Tosk News"
    )
    assert ingest_article(cmd, uow=stack.container.uow(), clock=stack.container.clock).status == "stored"


def run_worker_once(stack: Stack, tmp_path: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BRIEFBOT_", "DATABASE_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        DATABASE_URL=stack.container.settings.database_url,
        SLACK_BOT_TOKEN="xoxb-worker",
        SLACK_API_URL=stack.fake.api_url,
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot", "worker", "--once"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def posts(stack: Stack) -> list[dict[str, Any]]:
    return [c.body for c in stack.fake.api_calls("chat.postMessage")]


def test_a_watch_set_by_slash_command_gets_one_alert_for_a_new_article_and_none_for_an_old_one(
    stack: Stack, tmp_path: Path
) -> None:
    ingest(stack, BEFORE, 1)
    assert "Now watching" in briefbot(stack, "watch topic harbour strike in here", ADMIN)
    said = briefbot(stack, "watch Okafor", MEMBER)
    assert "Now watching" in said and "quotes by" in said and "Maria Okafor" in said
    assert "Only admins" in briefbot(stack, "watch cranes in here", MEMBER)
    listed = briefbot(stack, "watch list", MEMBER)
    assert "harbour strike" in listed and "Okafor" in listed

    run_worker_once(stack, tmp_path)
    assert posts(stack) == []  # the article stored before the watches is not news to them
    ingest(stack, AFTER, 2)
    log = run_worker_once(stack, tmp_path)
    sent = posts(stack)
    assert sorted(p["channel"] for p in sent) == ["C0001", MEMBER], log
    for body in sent:
        assert violations(body) == []
        for raw in body["blocks"]:
            block = Block.parse(raw)
            assert block is not None
            block.validate_json()
        assert "tosk-news.example/2" in str(body["blocks"])  # every item links its source
    channel = next(p for p in sent if p["channel"] == "C0001")
    assert (
        channel["text"].startswith("New on harbour strike:")
        and "Talks to end the Tosk harbour strike" in channel["text"]
    )
    dm = next(p for p in sent if p["channel"] == MEMBER)
    assert dm["text"].startswith("New quotes by Okafor: 1 quote. Maria Okafor: “Nobody leaves the quay")

    run_worker_once(stack, tmp_path)
    assert len(posts(stack)) == 2  # posted once: a later cycle finds nothing new
    said = briefbot(stack, "unwatch 1", MEMBER)
    assert "only admins" in said
    assert "Stopped" in briefbot(stack, "unwatch 2", MEMBER)


def test_with_one_bot_token_a_watch_is_the_deployment_s_workspace_s_whatever_team_slack_sends(
    stack: Stack,
) -> None:
    assert "Now watching" in briefbot(stack, "watch topic harbour strike in here", ADMIN)
    with stack.container.uow() as uow:
        [watch] = uow.watches.find()  # type: ignore[attr-defined]
    # The slash command came from team T0001; one bot token is one workspace, BRIEFBOT_WORKSPACE's.
    assert watch.team == "default"
