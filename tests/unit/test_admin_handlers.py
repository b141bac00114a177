"""Admin use cases over the in-memory unit of work: who may act, what each action changes, the audit."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.admin import (
    AddSource,
    AdminError,
    ListSources,
    ProbeError,
    ProbeResult,
    SourceAction,
    add_source,
    is_admin,
    list_sources,
    pause_source,
    remove_source,
    resume_source,
    validate_url,
)
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock(date(2025, 9, 10))


class StubProbe:
    def __init__(self, result: ProbeResult | None = None, error: str | None = None) -> None:
        self.result, self.error, self.urls = result, error, []  # type: list[str]

    def probe(self, url: str) -> ProbeResult:
        self.urls.append(url)
        if self.error:
            raise ProbeError(self.error)
        return self.result or ProbeResult(url=url, kind="feed", title="Harbour Gazette", item_count=7)


class StubDirectory:
    def __init__(self, admins: set[str]) -> None:
        self.admins, self.asked = admins, []  # type: list[str]

    def is_workspace_admin(self, user_id: str) -> bool:
        self.asked.append(user_id)
        return user_id in self.admins


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


def test_configured_admin_is_allowed_without_asking_the_workspace() -> None:
    directory = StubDirectory(set())
    assert is_admin("U1", admin_ids=frozenset({"U1"}), directory=directory)
    assert directory.asked == []


def test_workspace_admin_is_allowed_and_member_refused() -> None:
    directory = StubDirectory({"UADMIN"})
    assert is_admin("UADMIN", admin_ids=frozenset(), directory=directory)
    assert not is_admin("UMEMBER", admin_ids=frozenset({"U1"}), directory=directory)


def test_add_source_stores_the_probed_feed_and_audits_who_did_it(uow: FakeUnitOfWork) -> None:
    probe = StubProbe()
    added = add_source(
        AddSource(url=" https://gazette.example/rss ", actor="UADMIN"),
        uow_factory=lambda: uow,
        probe=probe,
        clock=CLOCK,
    )
    assert probe.urls == ["https://gazette.example/rss"]
    assert added.source.name == "Harbour Gazette" and added.source.kind == "feed"
    assert added.source.created_by == "UADMIN"
    [row] = uow.audit.rows
    assert (row.actor, row.action, row.at) == ("UADMIN", "sources.add", CLOCK.now())
    assert "https://gazette.example/rss" in row.detail and "7 items" in row.detail


def test_add_source_keeps_the_admins_name_over_the_probed_title(uow: FakeUnitOfWork) -> None:
    added = add_source(
        AddSource(url="https://a.example/", name="Our pick", actor="U"),
        uow_factory=lambda: uow,
        probe=StubProbe(),
        clock=CLOCK,
    )
    assert added.source.name == "Our pick"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://files.example/feed",
        "javascript:alert(1)",
        "gazette.example/rss",
        "https://",
        "file:///etc/passwd",
        "https://a.example/x y",
    ],
)
def test_add_source_rejects_anything_but_http_urls_without_fetching(uow: FakeUnitOfWork, url: str) -> None:
    probe = StubProbe()
    with pytest.raises(AdminError):
        add_source(AddSource(url=url, actor="U"), uow_factory=lambda: uow, probe=probe, clock=CLOCK)
    assert probe.urls == [] and uow.sources.rows == [] and uow.audit.rows == []


def test_add_source_refuses_a_url_already_followed(uow: FakeUnitOfWork) -> None:
    add_source(
        AddSource(url="https://a.example/feed", actor="U"),
        uow_factory=lambda: uow,
        probe=StubProbe(),
        clock=CLOCK,
    )
    with pytest.raises(AdminError, match="#1"):
        add_source(
            AddSource(url="https://a.example/feed", actor="U"),
            uow_factory=lambda: uow,
            probe=StubProbe(),
            clock=CLOCK,
        )
    assert len(uow.sources.rows) == 1


def test_a_failed_probe_stores_and_audits_nothing(uow: FakeUnitOfWork) -> None:
    with pytest.raises(ProbeError, match="HTTP 404"):
        add_source(
            AddSource(url="https://a.example/gone", actor="U"),
            uow_factory=lambda: uow,
            probe=StubProbe(error="https://a.example/gone answered HTTP 404."),
            clock=CLOCK,
        )
    assert uow.sources.rows == [] and uow.audit.rows == []


def test_pause_resume_and_remove_change_the_source_and_are_audited(uow: FakeUnitOfWork) -> None:
    source = add_source(
        AddSource(url="https://a.example/feed", actor="U1"),
        uow_factory=lambda: uow,
        probe=StubProbe(),
        clock=CLOCK,
    ).source
    cmd = SourceAction(source_id=source.id, actor="U2")
    assert pause_source(cmd, uow_factory=lambda: uow, clock=CLOCK).source.active is False
    assert resume_source(cmd, uow_factory=lambda: uow, clock=CLOCK).source.active is True
    assert remove_source(cmd, uow_factory=lambda: uow, clock=CLOCK).action == "removed"
    assert list_sources(ListSources(actor="U2"), uow_factory=lambda: uow, clock=CLOCK).sources == []
    assert [(r.actor, r.action) for r in uow.audit.rows] == [
        ("U1", "sources.add"),
        ("U2", "sources.pause"),
        ("U2", "sources.resume"),
        ("U2", "sources.remove"),
        ("U2", "sources.list"),
    ]


@pytest.mark.parametrize("use_case", [pause_source, resume_source, remove_source])
def test_unknown_source_id_is_a_clear_error(uow: FakeUnitOfWork, use_case) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AdminError, match="No source #42"):
        use_case(SourceAction(source_id=42, actor="U"), uow_factory=lambda: uow, clock=CLOCK)
    assert uow.audit.rows == []


def test_validate_url_strips_and_keeps_valid_urls() -> None:
    assert validate_url("  https://a.example/feed?x=1 ") == "https://a.example/feed?x=1"


def test_admin_handlers_import_no_slack_or_http_library() -> None:
    from pathlib import Path

    import handlers.admin as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    for banned in ("slack_bolt", "slack_sdk", "httpx", "sqlalchemy", "apscheduler"):
        assert f"import {banned}" not in source and f"from {banned}" not in source
