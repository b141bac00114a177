"""Adding a command is one registry entry plus one renderer per front end, and nothing else.

The command below (`/followed`, the outlets briefbot follows) is the worked example of
docs/architecture.md. Declared in a copy of the registry, it is answered by the Slack app (a signed
slash command through Bolt), listed and answered by the shell, answered by `ask`, and it shows in
every help, without a line changed anywhere else.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import time
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlencode

import pytest
from pydantic import BaseModel
from slack_bolt.request import BoltRequest

from bot.bootstrap import build_slack_app
from bot.console.render import render, render_text
from bot.console.shell import Shell
from bot.settings import Settings
from bot.slack.listeners.questions import slash_commands
from bot.slack.message import SlackMessage, fallback, section
from bot.slack.mrkdwn import safe_text
from bot.slack.render_result import render_result
from handlers.ask import answer
from handlers.catalog import default_registry
from handlers.desk import Ports
from handlers.front_door import FrontDoor
from handlers.registry import Command, Context, no_arguments
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.test_slack_manifest import ROOT, declared_commands
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock(date(2025, 9, 10))
SECRET = "registry-secret"


# --- the whole new command: its result, its use case, its declaration and its two renderers -------


class Followed(BaseModel):
    """The outlets followed, by name."""

    names: list[str]


def list_followed(_: None, ctx: Context) -> Followed:
    with ctx.ports.uow_factory() as uow:
        return Followed(names=[s.name or s.url for s in uow.sources.list() if s.active])


FOLLOWED = Command(
    path=("followed",),
    usage=("/followed",),
    summary="Which outlets briefbot follows, so you know where its answers come from.",
    examples=("/followed",),
    parse=no_arguments,
    run=list_followed,
    result=(Followed,),
)


def followed_blocks(result: Followed, *, public: bool = False) -> SlackMessage:
    text = f"Following: {', '.join(result.names)}" if result.names else "Following no outlets yet."
    return SlackMessage(text=fallback(text), blocks=[section(safe_text(text, 2900))])


def followed_text(result: Followed) -> str:
    return "\n".join(["Following:", *(f"  {name}" for name in result.names)])


render_result.register(Followed, followed_blocks)
render_text.register(Followed, followed_text)

# --- the proof -------------------------------------------------------------------------------------


class Container:
    clock = CLOCK

    def __init__(self) -> None:
        self._uow = FakeUnitOfWork()
        for name in ("Harbour Gazette", "Velmora Post"):
            self._uow.sources.add(
                f"https://{name.split()[0].lower()}.example/feed", name=name, kind="feed", created_by="U1"
            )

    def uow(self) -> FakeUnitOfWork:
        return self._uow


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture
def registry():  # type: ignore[no-untyped-def]
    return default_registry().copy().add(FOLLOWED)


def _slash(app, command: str, text: str, response_url: str) -> int:  # type: ignore[no-untyped-def]
    body = urlencode(
        {
            "command": command,
            "text": text,
            "user_id": "U1",
            "channel_id": "C1",
            "team_id": "T1",
            "response_url": response_url,
        }
    )
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    headers = {
        "content-type": ["application/x-www-form-urlencoded"],
        "x-slack-request-timestamp": [ts],
        "x-slack-signature": [sig],
    }
    return app.dispatch(BoltRequest(body=body, headers=headers)).status  # type: ignore[no-any-return]


def test_slack_answers_a_command_declared_only_in_the_registry(fake: FakeSlack, registry) -> None:  # type: ignore[no-untyped-def]
    container = Container()
    door = FrontDoor(registry, Ports(uow_factory=container.uow, clock=CLOCK), "slack")
    settings = Settings(
        _env_file=None, SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=fake.api_url
    )
    app = build_slack_app(container, settings, door=door)
    assert "/followed" in slash_commands(door)
    assert _slash(app, "/followed", "", fake.response_url("followed")) == 200
    [message] = fake.wait_for_response("followed", timeout=5)
    assert message["text"] == "Following: Harbour Gazette, Velmora Post"
    assert _slash(app, "/briefbot", "help", fake.response_url("help")) == 200
    [helped] = fake.wait_for_response("help", timeout=5)
    assert "/followed" in str(helped["blocks"]) and "where its answers come from" in str(helped["blocks"])


def test_the_manifest_test_asks_for_the_new_slash_command(registry) -> None:  # type: ignore[no-untyped-def]
    # The manifest test compares manifest.yml with the registry's Slack roots: the new command is
    # exactly what it would ask to declare.
    declared = declared_commands((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    assert {f"/{root}" for root in registry.roots("slack")} - declared == {"/followed"}


def test_the_shell_lists_completes_and_answers_it(registry) -> None:  # type: ignore[no-untyped-def]
    container = Container()

    def ask(line: str, offset: int) -> object:
        return answer(line, uow=container.uow(), today=CLOCK.today(), offset=offset, registry=registry)

    out = io.StringIO()
    shell = Shell(
        ask, stdin=io.StringIO("help\nfollowed\n"), stdout=out, interactive=False, registry=registry
    )
    shell.run()
    assert "/followed\nWhich outlets briefbot follows" in out.getvalue()
    assert "Following:\n  Harbour Gazette\n  Velmora Post" in out.getvalue()
    assert "/followed" in shell.intro()
    assert shell.complete("/fol", 0) == "/followed " and shell.complete("fol", 0) == "followed "


def test_ask_answers_it_and_the_default_registry_is_untouched(registry) -> None:  # type: ignore[no-untyped-def]
    result = answer("/followed", uow=Container().uow(), today=CLOCK.today(), registry=registry)
    assert render(result) == "Following:\n  Harbour Gazette\n  Velmora Post"
    assert "followed" not in default_registry().roots("slack")
