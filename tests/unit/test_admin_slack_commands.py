"""/briefbot's dispatch: help, refusal for non-admins, the sources subcommands, errors shown plainly."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.slack.limits import violations
from bot.slack.listeners.questions import run_slash
from bot.slack.message import SlackMessage
from handlers.admin import ProbeResult
from handlers.catalog import default_registry
from handlers.desk import Ports
from handlers.front_door import FrontDoor
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock(date(2025, 9, 10))


class StubProbe:
    def __init__(self) -> None:
        self.urls: list[str] = []

    def probe(self, url: str) -> ProbeResult:
        self.urls.append(url)
        return ProbeResult(url=url, kind="page", title="Ferry *news* <today>")


class StubDirectory:
    def is_workspace_admin(self, user_id: str) -> bool:
        return user_id == "UOWNER"


@pytest.fixture
def setup() -> tuple[FakeUnitOfWork, StubProbe, FrontDoor, None]:
    uow, probe = FakeUnitOfWork(), StubProbe()
    ports = Ports(
        uow_factory=lambda: uow,
        clock=CLOCK,
        probe=probe,
        directory=StubDirectory(),
        admin_ids=frozenset({"UCONF"}),
    )
    return uow, probe, FrontDoor(default_registry(), ports, "slack"), None


def run_briefbot(
    line: str, user: str, _: None, door: FrontDoor, *, channel: str | None = None
) -> SlackMessage:
    """What `/briefbot line` from `user` answers, as the Slack listener renders it."""
    return run_slash(door, "briefbot", line, user, channel).message


def text_of(message) -> str:  # type: ignore[no-untyped-def]
    payload = message.payload()
    assert violations(payload) == []
    return json.dumps(payload, ensure_ascii=False)


@pytest.mark.parametrize(
    "line",
    [
        "sources add https://ferry.example/",
        "sources list",
        "sources remove 1",
        "sources pause 1",
        "sources resume 1",
    ],
)
def test_members_are_refused_every_sources_command_and_nothing_changes(setup, line: str) -> None:  # type: ignore[no-untyped-def]
    uow, probe, desk, questions = setup
    message = run_briefbot(line, "UMEMBER", questions, desk)
    assert "admins only" in message.text
    assert probe.urls == [] and uow.sources.rows == []
    assert [(a.actor, a.action, a.detail) for a in uow.audit.rows] == [("UMEMBER", "sources.refused", line)]


@pytest.mark.parametrize(
    ("line", "action"),
    [
        ("digest daily 08:00 UTC strike", "digest.refused"),
        ("stories split 1 2", "stories.refused"),
        ("articles remove 3", "articles.refused"),
        ("sources add https://x.example/ " + "long name " * 100, "sources.refused"),
    ],
)
def test_every_refused_admin_command_is_audited_with_what_was_tried(setup, line: str, action: str) -> None:  # type: ignore[no-untyped-def]
    uow, _, desk, questions = setup
    assert "admins only" in run_briefbot(line, "UMEMBER", questions, desk, channel="C1").text
    [entry] = uow.audit.rows
    assert (entry.actor, entry.action) == ("UMEMBER", action)
    assert entry.detail == line.strip()[:300] and len(entry.detail) <= 300


def test_admins_are_not_audited_as_refused_and_a_broken_audit_log_still_refuses(setup) -> None:  # type: ignore[no-untyped-def]
    uow, _, desk, questions = setup
    run_briefbot("sources list", "UCONF", questions, desk)
    assert [a.action for a in uow.audit.rows] == ["sources.list"]

    def broken() -> FakeUnitOfWork:
        raise OSError("database down")

    ports = Ports(uow_factory=broken, clock=CLOCK, probe=StubProbe(), directory=StubDirectory())
    refusing = FrontDoor(default_registry(), ports, "slack")
    assert "admins only" in run_briefbot("sources list", "UMEMBER", questions, refusing).text


def test_workspace_owner_adds_a_slack_wrapped_url_with_a_name(setup) -> None:  # type: ignore[no-untyped-def]
    uow, probe, desk, questions = setup
    message = run_briefbot(
        "sources add <https://ferry.example/news|ferry.example/news> Ferry desk", "UOWNER", questions, desk
    )
    assert probe.urls == ["https://ferry.example/news"]
    assert uow.sources.rows[0].name == "Ferry desk"
    body = text_of(message)
    assert "a web page titled Ferry ∗news∗ &lt;today&gt;" in body


def test_source_ids_must_be_numbers(setup) -> None:  # type: ignore[no-untyped-def]
    _, _, desk, questions = setup
    assert "Source ids are numbers" in text_of(run_briefbot("sources pause first", "UCONF", questions, desk))


def test_admin_errors_are_shown_escaped(setup) -> None:  # type: ignore[no-untyped-def]
    _, _, desk, questions = setup
    body = text_of(run_briefbot("sources add ftp://x.example/*bold*", "UCONF", questions, desk))
    assert "not an http(s) URL" in body and "*bold*" not in body


@pytest.mark.parametrize("line", ["", "help", "frobnicate", "sources frobnicate 3"])
def test_help_for_empty_help_and_anything_unknown(setup, line: str) -> None:  # type: ignore[no-untyped-def]
    _, _, desk, questions = setup
    body = text_of(run_briefbot(line, "UCONF", questions, desk))
    assert "/timeline" in body and "/briefbot sources add URL" in body


def _two_reports_in_one_story(uow: FakeUnitOfWork) -> None:
    from handlers.domain import NewArticle, NewEvent
    from handlers.stories import merge_into_stories

    reports = ["A fire destroyed a warehouse in Brenn", "A blaze gutted a Brenn warehouse"]
    for n, summary in enumerate(reports):
        article = uow.articles.add(
            NewArticle(text=summary, content_hash=str(n), outlet=f"Outlet {n}", published=date(2025, 9, 8))
        )
        events = [
            NewEvent(
                date="2025-09-07",
                summary=summary,
                sentence=summary,
                start=0,
                end=len(summary),
                places=["Brenn"],
            )
        ]
        merge_into_stories(
            uow.articles.ref(article.id), events, uow.events.add_many(article.id, events), uow=uow
        )


def test_admin_sees_why_reports_were_merged_and_splits_one_out(setup) -> None:  # type: ignore[no-untyped-def]
    uow, _, desk, questions = setup
    _two_reports_in_one_story(uow)
    shown = text_of(run_briefbot("stories show 1", "UCONF", questions, desk))
    assert "event 2" in shown and "kind: fire" in shown and "names: brenn" in shown
    message = run_briefbot("stories split #1 2", "UCONF", questions, desk)
    assert "Split: story 2 now holds event 2" in text_of(message)
    assert [(a.actor, a.action) for a in uow.audit.rows] == [("UCONF", "stories.split")]


def test_members_may_not_split_stories_and_bad_ids_are_explained(setup) -> None:  # type: ignore[no-untyped-def]
    uow, _, desk, questions = setup
    _two_reports_in_one_story(uow)
    assert "admins only" in run_briefbot("stories split 1 2", "UMEMBER", questions, desk).text
    assert "are numbers" in text_of(run_briefbot("stories split one 2", "UCONF", questions, desk))
    assert "There is no story 9" in text_of(run_briefbot("stories show 9", "UCONF", questions, desk))
    assert "I don't understand" in text_of(run_briefbot("stories split 1", "UCONF", questions, desk))
    assert [a.action for a in uow.audit.rows] == ["stories.refused"]  # the member's split, refused
    assert len(uow.stories.get(1).members) == 2  # type: ignore[union-attr]
