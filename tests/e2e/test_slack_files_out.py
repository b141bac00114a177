"""Files out, end to end: `/figures X chart`, the Chart button and `/timeline X csv` through the server
`briefbot serve` runs (in a thread; the last test runs the process itself), uploaded with
files.getUploadURLExternal + the upload URL + files.completeUploadExternal to the fake Slack, whose
recorded bytes are checked."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from matplotlib.image import imread

from bot.bootstrap import build, build_slack_app
from bot.settings import Settings
from bot.slack.server import create_server, make_wsgi_app
from handlers.domain import ArticleRef, NewArticle, NewEvent, NewFigure
from handlers.ports import UnitOfWork
from handlers.stories import merge_into_stories
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.slack_seed import EVENT_COUNT, seed
from tests.e2e.test_slack_http import SECRET, Stack, assert_valid_message, sign, slash
from tests.e2e.test_slack_serve_process import _env, _free_port, signed_post
from tests.e2e.waitress_thread import ServerThread

MEMBER = "UMEMBER"
# (outlet, published, value, value_max, bound, words): how three outlets counted the ships waiting.
SHIPS = [
    ("Harbour Post", date(2025, 3, 4), 52, None, "=", "52 ships"),
    ("Coast Wire", date(2025, 3, 6), 60, None, "~", "about 60 ships"),
    ("Coast Wire", date(2025, 3, 8), 90, None, ">", "more than 90 ships"),
    ("Harbour Post", date(2025, 3, 8), 70, 80, "=", "70 to 80 ships"),
]


def seed_ships(uow_factory: Callable[[], UnitOfWork]) -> None:
    """Four reports of the ships waiting off Kelby during one strike: one figure group."""
    with uow_factory() as uow:
        for outlet, day, value, high, bound, words in SHIPS:
            text = f"{words} waited off Kelby as the dockers' strike went on, {outlet} reported."
            article = uow.articles.add(
                NewArticle(
                    url=f"https://{outlet.replace(' ', '').lower()}.example/{day}",
                    title=f"Queue at Kelby, {day}",
                    outlet=outlet,
                    published=day,
                    text=text,
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                )
            )
            figure = NewFigure(
                text=words,
                value=value,
                value_max=high,
                unit="ship",
                bound=bound,  # type: ignore[arg-type]
                about="ships waiting",
                sentence=text,
                start=0,
                end=len(words),
            )
            uow.figures.add_many(article.id, [figure])
            # The happening the figure's sentence tells of: the same strike in every report.
            strike = NewEvent(
                date="2025-02-20", summary="Dockers struck at Kelby", sentence=text, start=0, end=len(text)
            )
            ref = ArticleRef(
                id=article.id, url=article.url, title=article.title, outlet=outlet, published=day
            )
            merge_into_stories(ref, [strike], uow.events.add_many(article.id, [strike]), uow=uow)
        uow.commit()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    fake = FakeSlack().start()
    db = Path(tmp_path_factory.mktemp("files")) / "files.db"
    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{db}",
        SLACK_BOT_TOKEN="xoxb-files",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
    )
    container = build(settings)
    container.upgrade_database()
    seed(container.uow)
    seed_ships(container.uow)
    app = build_slack_app(container, settings)
    server = create_server(make_wsgi_app(app), host="127.0.0.1", port=0, threads=4)
    running = ServerThread(server).start()
    try:
        yield Stack(url=f"http://127.0.0.1:{server.effective_port}", fake=fake, container=container)
    finally:
        running.stop()
        container.close()
        fake.stop()


def _new_upload(stack: Stack, before: int) -> dict[str, object]:
    uploads = stack.fake.wait_for_upload(before + 1)
    return uploads[before]


def _shared(stack: Stack) -> int:
    return sum(1 for u in stack.fake.state.uploads.values() if u.get("completed"))


def test_figures_chart_uploads_a_png_to_the_askers_dm_and_says_so(stack: Stack) -> None:
    before = _shared(stack)
    response, latency, name = slash(stack, "/figures", "ships chart")
    assert response.status_code == 200 and latency < 3.0
    upload = _new_upload(stack, before)
    png = upload["content"]
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) == upload["length"] > 5_000
    image = imread(io.BytesIO(png), format="png")
    assert image.shape[0] > 300 and image.shape[1] > 600
    # A private question: the chart goes to the asker's DM, and the asker is told where it is.
    assert upload["channel"] == f"D{MEMBER}"
    assert stack.fake.api_calls("conversations.open")[-1].body["users"] == MEMBER
    # The alt text says the numbers: each outlet's value and day.
    alt = str(upload["alt_txt"])
    assert alt == (
        "Ships waiting: Harbour Post 52 on 4 Mar, Coast Wire about 60 on 6 Mar, "
        "Coast Wire over 90 on 8 Mar, Harbour Post 70–80 on 8 Mar."
    )
    assert upload["title"] == "Figures: ships"
    [note] = stack.fake.wait_for_response(name)
    assert_valid_message(note)
    assert note["response_type"] == "ephemeral" and "direct messages" in note["text"]


def test_timeline_csv_in_public_shares_every_event_report_in_the_channel(stack: Stack) -> None:
    before = _shared(stack)
    response, _, name = slash(stack, "/timeline", "Velmora public csv")
    assert response.status_code == 200
    upload = _new_upload(stack, before)
    assert upload["channel"] == "C0001" and upload["filename"] == "briefbot-events-velmora.csv"
    text = bytes(upload["content"]).decode("utf-8-sig")  # type: ignore[arg-type]
    rows = list(csv.DictReader(io.StringIO(text)))
    # The whole result, not the 20 the first page shows: one row per stored report.
    assert len(rows) == EVENT_COUNT
    assert {r["outlet"] for r in rows} == {"Coastal Times"}
    assert rows[0]["story_date"] == "2025-03-25" and rows[0]["url"].startswith(
        "https://news.example/velmora/"
    )
    assert "25 events" in str(upload["comment"])
    assert stack.fake.responses(name) == []  # the file in the channel says it all: no extra note


def test_chart_button_under_a_figures_answer_charts_the_same_question(stack: Stack) -> None:
    _, _, name = slash(stack, "/figures", "containers")
    [answer] = stack.fake.wait_for_response(name)
    assert_valid_message(answer)
    buttons = [e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]]
    [chart] = [b for b in buttons if b["action_id"] == "briefbot_chart"]
    before = _shared(stack)
    reply = uuid.uuid4().hex
    payload = {
        "type": "block_actions",
        "user": {"id": MEMBER, "username": "umember", "team_id": "T0001"},
        "api_app_id": "A0001",
        "token": "verification-token-unused",
        "trigger_id": "1.2.3",
        "container": {
            "type": "message",
            "message_ts": "1.000100",
            "channel_id": "C0001",
            "is_ephemeral": True,
        },
        "team": {"id": "T0001", "domain": "fake"},
        "channel": {"id": "C0001", "name": "newsroom"},
        "response_url": stack.fake.response_url(reply),
        "actions": [{**chart, "block_id": "briefbot_files", "action_ts": "1.2"}],
    }
    body = urlencode({"payload": json.dumps(payload)})
    assert (
        httpx.post(f"{stack.url}/slack/events", content=body, headers=sign(body), timeout=10).status_code
        == 200
    )
    upload = _new_upload(stack, before)
    assert bytes(upload["content"]).startswith(b"\x89PNG")  # type: ignore[arg-type]
    assert upload["title"] == "Figures: containers"
    [note] = stack.fake.wait_for_response(reply)
    assert "direct messages" in note["text"]


def test_a_channel_that_refuses_files_gets_them_in_the_dm_with_a_note_why(stack: Stack) -> None:
    stack.fake.state.refused_channels.add("C0001")
    try:
        before = _shared(stack)
        _, _, name = slash(stack, "/whosaid", "Okafor public csv")
        upload = _new_upload(stack, before)
        assert upload["channel"] == f"D{MEMBER}"
        rows = list(csv.DictReader(io.StringIO(bytes(upload["content"]).decode("utf-8-sig"))))  # type: ignore[arg-type]
        assert len(rows) == 5 and {r["speaker"] for r in rows} == {"Amara Okafor"}
        [note] = stack.fake.wait_for_response(name)
        assert "invite briefbot" in note["text"]
    finally:
        stack.fake.state.refused_channels.discard("C0001")


def test_chart_of_a_question_without_figures_or_for_quotes_explains_itself(stack: Stack) -> None:
    before = len(stack.fake.state.uploads)
    _, _, name = slash(stack, "/whosaid", "Okafor chart")
    [note] = stack.fake.wait_for_response(name)
    assert_valid_message(note)
    assert "/figures Okafor chart" in note["text"]
    _, _, name = slash(stack, "/figures", "zeppelins chart")
    [note] = stack.fake.wait_for_response(name)
    assert "No figures with a publication date to chart for zeppelins" in note["text"]
    assert len(stack.fake.state.uploads) == before


def test_an_upload_slack_fails_is_logged_and_the_asker_told(
    stack: Stack, caplog: pytest.LogCaptureFixture
) -> None:
    stack.fake.state.server_errors["files.completeUploadExternal"] = 1
    with caplog.at_level(logging.ERROR, logger="bot.slack.uploads"):
        _, _, name = slash(stack, "/figures", "ships chart")
        [note] = stack.fake.wait_for_response(name)
    assert_valid_message(note)
    assert "Slack did not take the chart" in note["text"]
    assert any(
        "uploading briefbot-chart-ships.png to DUMEMBER failed" in r.getMessage() for r in caplog.records
    )


def test_briefbot_serve_process_posts_a_chart_to_the_fake_slack(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'serve.db'}"
    seeded = build(Settings(_env_file=None, DATABASE_URL=db))
    seeded.upgrade_database()
    seed_ships(seeded.uow)
    seeded.close()
    fake = FakeSlack().start()
    port = _free_port()
    env = _env(
        tmp_path,
        PORT=str(port),
        SLACK_BOT_TOKEN="xoxb-proc",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60  # a busy machine starts Python slowly
        while not _healthy(base):
            assert process.poll() is None and time.monotonic() < deadline, "server did not come up"
            time.sleep(0.1)
        form = {
            "team_id": "T0001",
            "channel_id": "C0001",
            "user_id": MEMBER,
            "command": "/figures",
            "text": "ships public chart",
            "response_url": fake.response_url("proc"),
        }
        assert signed_post(base, urlencode(form), SECRET).status_code == 200
        [upload] = fake.wait_for_upload(timeout=30)
        assert upload["channel"] == "C0001" and bytes(upload["content"]).startswith(b"\x89PNG")  # type: ignore[arg-type]
        assert str(upload["alt_txt"]).startswith("Ships waiting: Harbour Post 52 on 4 Mar")
    finally:
        process.terminate()
        process.wait(timeout=10)
        fake.stop()


def _healthy(base: str) -> bool:
    try:
        return httpx.get(f"{base}/healthz", timeout=1).status_code == 200
    except httpx.TransportError:
        return False
