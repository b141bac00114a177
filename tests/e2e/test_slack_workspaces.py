"""Two workspaces installed with OAuth on one deployment: every request is answered as its own
workspace with its own bot token, the worker posts each one's digests and alerts with that token,
and one workspace's admin cannot touch the other's watch.

`briefbot serve`'s WSGI app (SLACK_CLIENT_ID set) against the fake Slack on localhost, whose
oauth.v2.access answers per code; the worker runs as `briefbot worker --once` with no
SLACK_BOT_TOKEN at all. (Which sources and articles each workspace sees is the store's rule,
tested with it.)
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
import sqlalchemy as sa

from bot.bootstrap import Container, build, build_slack_app
from bot.settings import Settings
from bot.slack.server import create_server, make_wsgi_app
from handlers.admin import AddSource, ProbeResult, add_source
from handlers.ingest import ingest_article
from handlers.results import IngestArticle
from handlers.tenancy import ALL_WORKSPACES
from tests.e2e.fake_slack import Call, FakeSlack
from tests.e2e.slack_seed import seed
from tests.e2e.test_slack_oauth import Stack as OAuthStack
from tests.e2e.test_slack_oauth import _signed
from tests.e2e.test_slack_oauth import install as oauth_install
from tests.e2e.waitress_thread import ServerThread

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "333.444"


@dataclass(frozen=True)
class Team:
    id: str
    token: str
    channel: str
    admin: str  # a workspace admin, as users.info says
    bot: str


A = Team("TALPHA", "xoxb-alpha", "CALPHA", "UADMINA", "UBOTA")
B = Team("TBRAVO", "xoxb-bravo", "CBRAVO", "UADMINB", "UBOTB")
ORG = Team("EGRID", "xoxb-grid", "CGRID", "UADMINGRID", "UBOTGRID")  # its key is the enterprise id
GRID_TEAM = "TGRIDONE"  # one workspace of the org


@dataclass
class Stack:
    url: str
    fake: FakeSlack
    container: Container
    settings: Settings


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    fake = FakeSlack().start()
    for n, team in enumerate((A, B)):
        fake.state.oauth_codes[f"code-{team.id}"] = {
            "app_id": "A0001",
            "access_token": team.token,
            "token_type": "bot",
            "scope": "commands,chat:write,users:read",
            "bot_user_id": team.bot,
            "team": {"id": team.id, "name": team.id.title()},
            "enterprise": None,
            "is_enterprise_install": False,
            "authed_user": {"id": team.admin},
        }
        fake.state.tokens[team.token] = {"team_id": team.id, "user_id": team.bot, "bot_id": f"B{n}"}
        fake.state.users[team.admin] = {"id": team.admin, "is_admin": True, "is_owner": False}
    # An org-wide install on Enterprise Grid: one bot for every workspace of the org, no team id.
    fake.state.oauth_codes[f"code-{ORG.id}"] = {
        "app_id": "A0001",
        "access_token": ORG.token,
        "token_type": "bot",
        "scope": "commands,chat:write,users:read",
        "bot_user_id": ORG.bot,
        "team": None,
        "enterprise": {"id": ORG.id, "name": "Grid"},
        "is_enterprise_install": True,
        "authed_user": {"id": ORG.admin},
    }
    fake.state.tokens[ORG.token] = {"enterprise_id": ORG.id, "user_id": ORG.bot, "bot_id": "BORG"}
    fake.state.users[ORG.admin] = {"id": ORG.admin, "is_admin": True, "is_owner": False}
    db = Path(tmp_path_factory.mktemp("workspaces")) / "workspaces.db"
    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{db}",
        SLACK_CLIENT_ID=CLIENT_ID,
        SLACK_CLIENT_SECRET="client-secret",
        SLACK_SIGNING_SECRET="oauth-signing-secret",  # what tests.e2e.test_slack_oauth signs with
        SLACK_API_URL=fake.api_url,
    )
    container = build(settings)
    container.upgrade_database()
    seed(container.uow)
    with container.uow().of(ALL_WORKSPACES) as uow:  # every workspace reads the seeded articles
        uow.articles.grant([a.id for a in uow.articles.recent(limit=1000)], [A.id, B.id, ORG.id])
        uow.commit()
    app = build_slack_app(container, settings)
    server = create_server(make_wsgi_app(app), host="127.0.0.1", port=0, threads=4)
    running = ServerThread(server).start()
    url = f"http://127.0.0.1:{server.effective_port}"
    try:
        for team in (A, B, ORG):
            done = oauth_install(OAuthStack(url=url, fake=fake, container=container), team.id)
            assert done.status_code == 200, done.text
        yield Stack(url=url, fake=fake, container=container, settings=settings)
    finally:
        running.stop()
        container.close()
        fake.stop()


def bearer(call: Call) -> str:
    return (call.headers.get("Authorization") or "").removeprefix("Bearer ")


def briefbot(stack: Stack, team: Team, text: str, channel: str | None = None) -> str:
    """`/briefbot TEXT` typed by the team's admin in its channel (or CHANNEL, e.g. one shared with
    another workspace over Slack Connect); the reply's text and blocks."""
    return ask(stack, team, "/briefbot", text, channel)


def send_file(stack: Stack, team: Team, command: str, text: str) -> None:
    """A question asking for a file: only acked at once, the file comes later."""
    body = urlencode(
        {
            "team_id": team.id,
            "channel_id": team.channel,
            "user_id": team.admin,
            "command": command,
            "text": text,
            "api_app_id": "A0001",
            "is_enterprise_install": "false",
            "response_url": stack.fake.response_url(uuid.uuid4().hex),
            "trigger_id": "1.2.3",
        }
    )
    response = httpx.post(
        f"{stack.url}/slack/events", content=body, headers=_signed(body, "application/x-www-form-urlencoded")
    )
    assert response.status_code == 200


def event(stack: Stack, team: Team, payload: dict[str, Any]) -> None:
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": team.id,
            "api_app_id": "A0001",
            "event": payload,
            "event_id": f"Ev{uuid.uuid4().hex[:10]}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team.id, "user_id": team.bot, "is_bot": True}],
        }
    )
    response = httpx.post(
        f"{stack.url}/slack/events", content=body, headers=_signed(body, "application/json")
    )
    assert response.status_code == 200


def wait_for_calls(stack: Stack, method: str, count: int, timeout: float = 5.0) -> list[Call]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        calls = stack.fake.api_calls(method)
        if len(calls) >= count:
            return calls
        time.sleep(0.05)
    raise AssertionError(f"{count} {method} call(s) expected, got {len(stack.fake.api_calls(method))}")


def run_worker_once(stack: Stack, tmp_path: Path) -> str:
    """`briefbot worker --once` with OAuth settings and no SLACK_BOT_TOKEN; its log."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BRIEFBOT_", "DATABASE_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        DATABASE_URL=stack.settings.database_url,
        SLACK_CLIENT_ID=CLIENT_ID,
        SLACK_CLIENT_SECRET="client-secret",
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


def posts_to(stack: Stack, channel: str) -> list[Call]:
    return [c for c in stack.fake.api_calls("chat.postMessage") if c.body.get("channel") == channel]


def just_passed() -> str:
    """A daily digest time whose slot is due now (a minute ago, UTC)."""
    return (datetime.now(UTC) - timedelta(minutes=1)).strftime("%H:%M")


def test_each_workspace_s_requests_carry_its_own_key_and_token(stack: Stack) -> None:
    for team in (A, B):
        said = briefbot(stack, team, f"digest daily {just_passed()} --post-empty")
        assert team.channel in said or "digest" in said.lower(), said
    with stack.container.uow().of(ALL_WORKSPACES) as uow:
        teams = {s.channel: s.team for s in uow.digests.subscriptions()}
    assert teams == {A.channel: A.id, B.channel: B.id}
    # The admin check asked Slack about each admin with that admin's own workspace token.
    asked = {c.body.get("user"): bearer(c) for c in stack.fake.api_calls("users.info")}
    assert asked[A.admin] == A.token and asked[B.admin] == B.token

    before = len(stack.fake.api_calls("views.publish"))
    for team in (A, B):
        event(stack, team, {"type": "app_home_opened", "user": team.admin, "channel": "D1", "tab": "home"})
    published = wait_for_calls(stack, "views.publish", before + 2)[before:]
    by_token = {bearer(c): json.dumps(c.body.get("view")) for c in published}
    assert set(by_token) == {A.token, B.token}
    # Each Home tab lists its own workspace's digest, never the other's.
    assert A.channel in by_token[A.token] and B.channel not in by_token[A.token]
    assert B.channel in by_token[B.token] and A.channel not in by_token[B.token]

    # A CSV of a question is uploaded with the asking workspace's token.
    before = len(stack.fake.api_calls("files.completeUploadExternal"))
    for team in (A, B):
        send_file(stack, team, "/timeline", "Velmora public csv")
    shared = wait_for_calls(stack, "files.completeUploadExternal", before + 2)[before:]
    assert {(c.body.get("channel_id"), bearer(c)) for c in shared} == {
        (A.channel, A.token),
        (B.channel, B.token),
    }

    before = len(stack.fake.api_calls("chat.postMessage"))
    for team in (A, B):
        mention = {
            "type": "app_mention",
            "user": team.admin,
            "text": f"<@{team.bot}> what did Okafor say?",
            "channel": team.channel,
            "ts": f"{time.time():.6f}",
        }
        event(stack, team, mention)
    answers = wait_for_calls(stack, "chat.postMessage", before + 2)[before:]
    assert {(c.body.get("channel"), bearer(c)) for c in answers} == {
        (A.channel, A.token),
        (B.channel, B.token),
    }


def test_an_admin_of_one_workspace_cannot_remove_the_other_s_watch(stack: Stack) -> None:
    said = briefbot(stack, B, "watch topic harbour cranes in here")
    found = re.search(r"watch (\d+)", said)
    assert found is not None, said
    theirs = found.group(1)
    refused = briefbot(stack, A, f"watch remove {theirs}")
    assert f"No watch {theirs}" in refused
    with stack.container.uow().of(ALL_WORKSPACES) as uow:
        [kept] = [w for w in uow.watches.find() if str(w.id) == theirs]  # type: ignore[attr-defined]
    assert kept.team == B.id
    assert "harbour cranes" not in briefbot(stack, A, "watch list")


def test_an_admin_of_one_workspace_cannot_stop_the_other_s_digest_in_a_shared_channel(stack: Stack) -> None:
    with stack.container.uow().of(ALL_WORKSPACES) as uow:
        subs = {s.channel for s in uow.digests.subscriptions()}
    if B.channel not in subs:
        briefbot(stack, B, "digest daily 07:00")
    # B's channel shared with A (Slack Connect: one channel id in both): A sees no digest there.
    said = briefbot(stack, A, "digest off", channel=B.channel)
    assert "no digest" in said
    with stack.container.uow().of(ALL_WORKSPACES) as uow:
        assert [s.team for s in uow.digests.subscriptions(B.channel)] == [B.id]


def test_the_worker_posts_each_workspace_s_digest_with_its_token_and_nothing_after_uninstall(
    stack: Stack, tmp_path: Path
) -> None:
    # Due now in both workspaces, whichever tests ran before: a slot a minute ago, in subscriptions
    # made a day ago (a slot before a subscription was made is never posted).
    for team in (A, B):
        briefbot(stack, team, f"digest daily {just_passed()} --post-empty")
    engine = sa.create_engine(stack.settings.database_url)
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE digest_subscriptions SET created_at = :then"),
            {"then": datetime.now(UTC) - timedelta(days=1)},
        )
    engine.dispose()
    log = run_worker_once(stack, tmp_path)
    for team in (A, B):
        posted = posts_to(stack, team.channel)
        assert posted and {bearer(c) for c in posted} == {team.token}, log

    # A alert watch in each workspace, then A uninstalls.
    for team in (A, B):
        assert "Now watching" in briefbot(stack, team, "watch topic dredging in here")
    event(stack, A, {"type": "app_uninstalled"})
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with stack.container.uow().of(ALL_WORKSPACES) as uow:
            left = {s.team for s in uow.digests.subscriptions()}
        if A.id not in left:
            break
        time.sleep(0.05)
    assert A.id not in left and B.id in left
    with stack.container.uow().of(ALL_WORKSPACES) as uow:
        assert {w.team for w in uow.watches.find()} == {B.id}  # type: ignore[attr-defined]
        # A digest and an alert of A's that outlived the uninstall (made meanwhile, say) must not post.
        uow.digests.subscribe(
            "CALPHA2",
            team=A.id,
            cadence="daily",
            weekday=None,
            time=just_passed(),
            timezone="UTC",
            topic=None,
            post_empty=True,
            created_by=A.admin,
        )
        uow.watches.add(  # type: ignore[attr-defined]
            kind="topic",
            subject="dredging",
            channel="CALPHA2",
            owner=A.admin,
            team=A.id,
            at=datetime.now(UTC),
        )
        uow.commit()
    text = "Dredging of the Velmora harbour channel began on Monday, the port authority said."
    cmd = IngestArticle(
        text=text,
        url="https://velmora.example/dredging",
        title="Dredging",
        outlet="Velmora Post",
        workspace=B.id,  # B's own article: its watch is alerted, A's (uninstalled) is not
    )
    assert ingest_article(cmd, uow=stack.container.uow(), clock=stack.container.clock).status == "stored"

    before_b = len(posts_to(stack, B.channel))
    log = run_worker_once(stack, tmp_path)
    assert posts_to(stack, "CALPHA2") == [], log
    assert {bearer(c) for c in posts_to(stack, ORG.channel)} <= {ORG.token}  # the org's, if due
    assert "has no installation" in log
    alerts = posts_to(stack, B.channel)[before_b:]
    assert alerts and {bearer(c) for c in alerts} == {B.token}, log
    assert all(bearer(c) != A.token for c in stack.fake.api_calls("chat.postMessage")[-len(alerts) :])


def test_an_org_wide_install_answers_every_workspace_of_the_org_as_one(stack: Stack) -> None:
    name = uuid.uuid4().hex
    body = urlencode(
        {
            "team_id": GRID_TEAM,
            "enterprise_id": ORG.id,
            "is_enterprise_install": "true",
            "channel_id": ORG.channel,
            "user_id": ORG.admin,
            "command": "/briefbot",
            "text": "digest daily 06:00",
            "api_app_id": "A0001",
            "response_url": stack.fake.response_url(name),
            "trigger_id": "1.2.3",
        }
    )
    response = httpx.post(
        f"{stack.url}/slack/events", content=body, headers=_signed(body, "application/x-www-form-urlencoded")
    )
    assert response.status_code == 200
    stack.fake.wait_for_response(name)
    with stack.container.uow().of(ALL_WORKSPACES) as uow:
        assert [s.team for s in uow.digests.subscriptions(ORG.channel)] == [ORG.id]
    asked = [bearer(c) for c in stack.fake.api_calls("users.info") if c.body.get("user") == ORG.admin]
    assert asked and set(asked) == {ORG.token}


class _Probe:
    def probe(self, url: str) -> ProbeResult:
        return ProbeResult(url=url, kind="feed", title="A feed", item_count=3)


def ask(stack: Stack, team: Team, command: str, text: str, channel: str | None = None) -> str:
    """`/COMMAND TEXT` typed by the team's admin (in its channel unless CHANNEL); the answer's text
    and blocks."""
    name = uuid.uuid4().hex
    body = urlencode(
        {
            "team_id": team.id,
            "channel_id": channel or team.channel,
            "user_id": team.admin,
            "command": command,
            "text": text,
            "api_app_id": "A0001",
            "is_enterprise_install": "false",
            "response_url": stack.fake.response_url(name),
            "trigger_id": "1.2.3",
        }
    )
    response = httpx.post(
        f"{stack.url}/slack/events", content=body, headers=_signed(body, "application/x-www-form-urlencoded")
    )
    assert response.status_code == 200
    [message] = stack.fake.wait_for_response(name)
    return f"{message['text']} {json.dumps(message.get('blocks') or [])}"


def test_each_workspace_sees_only_its_own_sources_articles_and_answers(stack: Stack) -> None:
    """Issue 21's promise through the served app: A's questions, Home tab and admin commands never
    show or change anything of B's, and the other way round."""
    for team in (A, B):  # installed (again: an earlier test uninstalls A)
        done = oauth_install(OAuthStack(url=stack.url, fake=stack.fake, container=stack.container), team.id)
        assert done.status_code == 200, done.text
    own = {
        A: (
            "Ferry crews on the Quarrow crossing stopped work on Tuesday. “We are not moving until the "
            "roster changes,” said Hanne Vog, a deckhand. The stoppage stranded 312 passengers."
        ),
        B: (
            "Engineers at the Mirrenby dam began repairs on Wednesday. “The spillway will hold,” said "
            "Oskar Tallis, the site manager. The crew counts 47 engineers."
        ),
    }
    sources: dict[Team, int] = {}
    for team, text in own.items():
        slug = "quarrow" if team is A else "mirrenby"
        cmd = IngestArticle(
            text=text,
            url=f"https://{slug}.example/1",
            title=slug.title(),
            outlet=f"{slug} Post",
            workspace=team.id,
        )
        assert ingest_article(cmd, uow=stack.container.uow(), clock=stack.container.clock).status == "stored"
        added = add_source(
            AddSource(url=f"https://{slug}.example/feed.xml", actor=team.admin, workspace=team.id),
            uow_factory=stack.container.uow,
            probe=_Probe(),
            clock=stack.container.clock,
        )
        sources[team] = added.source.id

    asked = {  # (question, words): what only the article of that workspace answers
        A: (
            ("/timeline", "Quarrow", "Quarrow crossing"),
            ("/whosaid", "Vog", "roster changes"),
            ("/figures", "passengers", "312"),
        ),
        B: (
            ("/timeline", "Mirrenby", "Mirrenby dam"),
            ("/whosaid", "Tallis", "spillway will hold"),
            ("/figures", "engineers", "47"),
        ),
    }
    for me, other in ((A, B), (B, A)):
        for command, words, shown in asked[me]:
            assert shown in ask(stack, me, command, words), (me.id, command)
        for command, words, shown in asked[other]:
            answer = ask(stack, me, command, words)
            assert shown not in answer, (me.id, command, words)  # nothing of the other's articles
            assert "Did you mean" not in answer  # nor a name only the other's articles hold
        listed = briefbot(stack, me, "sources list")
        assert f"#{sources[me]}" in listed and f"#{sources[other]}" not in listed
        refused = briefbot(stack, me, f"sources pause {sources[other]}")
        assert "No source" in refused or "no source" in refused
        before = len(stack.fake.api_calls("views.publish"))
        event(stack, me, {"type": "app_home_opened", "user": me.admin, "tab": "home"})
        view = json.dumps(wait_for_calls(stack, "views.publish", before + 1)[-1].body)
        assert all(shown not in view for _, _, shown in asked[other])
        assert f"#{sources[other]}" not in view
    with stack.container.uow().of(ALL_WORKSPACES) as uow:
        assert all(s.active for s in uow.sources.list())  # no pause reached the other's source
