"""/briefbot digest and /briefbot sources import through the real Bolt app, against the fake Slack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.bootstrap import build, build_slack_app
from bot.settings import Settings
from bot.slack.server import create_server, make_wsgi_app
from bot.sources_probe import HttpSourceProbe
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.test_slack_http import SECRET, Stack, all_text, slash
from tests.e2e.waitress_thread import ServerThread

ADMIN = "UDIGESTADMIN"
MEMBER = "UDIGESTMEMBER"
OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>feeds</title></head><body>
<outline text="News"><outline text="Arlen Post" type="rss" xmlUrl="https://arlen-post.example/rss"/>
<outline text="Tosk Daily" type="rss" xmlUrl="https://tosk-daily.example/feed.xml"/></outline>
<outline text="Bad" type="rss" xmlUrl="ftp://old.example/feed"/></body></opml>"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    fake = FakeSlack().start()
    fake.state.users = {MEMBER: {"id": MEMBER, "is_admin": False, "is_owner": False}}
    fake.state.feeds["/files-pri/T1-F0OPML01/feeds.opml"] = ("text/x-opml", OPML)
    fake.state.files["F0OPML01"] = {
        "id": "F0OPML01",
        "user": ADMIN,
        "channels": ["C0001"],
        "created": 5,
        "url_private_download": f"{fake.url}/files-pri/T1-F0OPML01/feeds.opml",
    }
    db = Path(tmp_path_factory.mktemp("digest")) / "e2e.db"
    # The OPML download must reach the fake on localhost, which production refuses.
    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{db}",
        SLACK_BOT_TOKEN="xoxb-e2e",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
        BRIEFBOT_ADMINS=ADMIN,
        BRIEFBOT_ALLOW_PRIVATE_FETCH=True,
    )
    container = build(settings)
    container.upgrade_database()
    app = build_slack_app(container, settings, probe=HttpSourceProbe(allow_private=True))
    server = create_server(make_wsgi_app(app), host="127.0.0.1", port=0, threads=4)
    running = ServerThread(server).start()
    try:
        yield Stack(url=f"http://127.0.0.1:{server.effective_port}", fake=fake, container=container)
    finally:
        running.stop()
        container.close()
        fake.stop()


def ask(stack: Stack, text: str, user: str = ADMIN) -> str:
    _, _, name = slash(stack, "/briefbot", text, user=user)
    [message] = stack.fake.wait_for_response(name)
    return f"{message['text']} {all_text(message)}"


def test_an_admin_sets_shows_and_turns_off_the_channel_digest_and_each_step_is_audited(stack: Stack) -> None:
    said = ask(stack, "digest daily 08:00 Europe/Kyiv harbour strike")
    assert "daily at 08:00 Europe/Kyiv" in said and "harbour strike" in said and "Next:" in said
    said = ask(stack, "digest weekly mon 9:30 UTC --post-empty")
    assert "weekly on mon at 09:30 UTC" in said and "a short note" in said
    with stack.container.uow() as uow:
        subs = uow.digests.subscriptions("C0001")  # type: ignore[attr-defined]
        audit = [a.action for a in uow.audit.recent()]
    assert [(s.cadence, s.weekday, s.time, s.topic) for s in subs] == [("weekly", 0, "09:30", None)]
    assert "weekly on mon" in ask(stack, "digest show")
    assert "turned off" in ask(stack, "digest off")
    with stack.container.uow() as uow:
        assert uow.digests.subscriptions("C0001") == []  # type: ignore[attr-defined]
        audit = [a.action for a in uow.audit.recent()]
    assert audit[:4] == ["digest.off", "digest.show", "digest.set", "digest.set"]


def test_a_member_may_not_set_a_digest_and_a_bad_time_is_explained(stack: Stack) -> None:
    assert "admins only" in ask(stack, "digest daily 08:00", user=MEMBER)
    assert "hours 00-23" in ask(stack, "digest daily 25:00 UTC")
    assert "'Mars/Olympus' is not a time zone" in ask(stack, "digest daily 08:00 Mars/Olympus")
    with stack.container.uow() as uow:
        assert uow.digests.subscriptions("C0001") == []  # type: ignore[attr-defined]


def test_importing_the_opml_file_the_admin_shared_follows_its_feeds(stack: Stack) -> None:
    said = ask(stack, "sources import")
    assert "Imported 2 feeds, skipped 1" in said and "ftp://old.example/feed" in said
    download = next(c for c in stack.fake.calls if c.path.endswith("/feeds.opml"))
    assert download.headers.get("Authorization") == "Bearer xoxb-e2e"
    assert "Imported 0 feeds, skipped 3" in ask(stack, "sources import F0OPML01")
    with stack.container.uow() as uow:
        urls = {s.url for s in uow.sources.list()}
    assert {"https://arlen-post.example/rss", "https://tosk-daily.example/feed.xml"} <= urls


def test_an_admin_sets_how_often_a_source_is_polled(stack: Stack) -> None:
    with stack.container.uow() as uow:
        source = uow.sources.list()[0]
    said = ask(stack, f"sources every {source.id} 120")
    assert f"Source #{source.id}" in said and "every 120 minutes" in said
    assert "every 120 min" in ask(stack, "sources list")
    assert "sources every ID MINUTES" in ask(stack, "sources every x 5")


def test_importing_an_opml_url_follows_its_feeds(stack: Stack) -> None:
    stack.fake.state.feeds["/lists/more.opml"] = (
        "text/x-opml",
        b'<opml version="2.0"><body><outline text="Vale" xmlUrl="https://vale.example/rss"/></body></opml>',
    )
    said = ask(stack, f"sources import <{stack.fake.url}/lists/more.opml>")
    assert "Imported 1 feeds, skipped 0" in said
    download = next(c for c in stack.fake.calls if c.path == "/lists/more.opml")
    assert "Authorization" not in download.headers  # the bot token goes to Slack's file URLs only


def test_a_source_that_keeps_failing_is_listed_as_unhealthy_with_its_last_error(stack: Stack) -> None:
    from datetime import UTC, datetime

    with stack.container.uow() as uow:
        source = uow.sources.list()[-1]
        for _ in range(3):
            uow.sources.record_poll(source.id, at=datetime.now(UTC), error="HTTP 503 after 3 attempts")  # type: ignore[attr-defined]
        uow.commit()
    said = ask(stack, "sources list")
    assert "unhealthy (3 failed polls in a row)" in said and "HTTP 503 after 3 attempts" in said
