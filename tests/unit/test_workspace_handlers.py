"""Many workspaces in the use cases: each workspace's digests and alerts go to its own publisher,
one with no installation is skipped (never claimed, so never failed), and a watch of another
workspace is no watch at all."""

from __future__ import annotations

from datetime import timedelta

import pytest

from handlers.alerts import RemoveWatch, WatchError, remove_watch, run_alerts
from handlers.digests import run_due
from tests.fakes import FakeAlertUnitOfWork
from tests.unit.test_alert_handlers import T0 as ALERT_T0
from tests.unit.test_alert_handlers import Clock as AlertClock
from tests.unit.test_alert_handlers import Publisher as AlertPublisher
from tests.unit.test_alert_handlers import store, watch
from tests.unit.test_digest_handlers import T0, Clock, DigestUow, Publisher


def _digests(*teams: str | None) -> DigestUow:
    uow = DigestUow()
    for n, team in enumerate(teams, start=1):
        uow.digests.subscribe(
            f"C{n}",
            team=team,
            cadence="daily",
            weekday=None,
            time="08:00",
            timezone="Europe/Kyiv",
            topic=None,
            post_empty=True,
        )
    return uow


def test_each_workspace_s_digest_goes_to_its_own_publisher_and_one_without_is_skipped() -> None:
    uow = _digests("TA", "TB", "TGONE")
    mine = {"TA": Publisher(), "TB": Publisher()}
    now = T0 + timedelta(minutes=1)
    outcomes = run_due(now=now, uow_factory=lambda: uow, clock=Clock(now), publishers=mine.get)
    assert sorted((o.channel, o.status) for o in outcomes) == [("C1", "posted"), ("C2", "posted")]
    assert [c for c, _ in mine["TA"].posted] == ["C1"] and [c for c, _ in mine["TB"].posted] == ["C2"]
    # Not claimed: the slot of the workspace with no installation neither failed nor used up a try.
    assert {r.subscription_id for r in uow.digests.runs()} == {1, 2}


def test_run_due_needs_a_publisher() -> None:
    with pytest.raises(ValueError):
        run_due(now=T0, uow_factory=DigestUow, clock=Clock(T0))


def test_each_workspace_s_alerts_go_to_its_own_publisher_and_one_without_is_skipped() -> None:
    uow, clock = FakeAlertUnitOfWork(), AlertClock(ALERT_T0)
    watch(uow, clock, "strike", channel="CA", team="TA", is_admin=True)
    watch(uow, clock, "strike", channel="CGONE", team="TGONE", is_admin=True)
    article = store(uow, ALERT_T0 + timedelta(seconds=30), events=["Dockers strike at the gate"])
    uow.articles.grant([article], ["TA", "TGONE"])  # both workspaces read it; only TA can be posted to
    clock.moment = ALERT_T0 + timedelta(minutes=1)
    ours = AlertPublisher()
    outcomes = run_alerts(uow_factory=lambda: uow, clock=clock, publishers={"TA": ours}.get)
    assert [(o.destination, o.status) for o in outcomes] == [("CA", "posted")]
    assert [d for d, _ in ours.posted] == ["CA"]


def test_an_admin_of_one_workspace_cannot_remove_another_s_watch() -> None:
    uow, clock = FakeAlertUnitOfWork(), AlertClock(ALERT_T0)
    theirs = watch(uow, clock, "strike", channel="CB", team="TB", is_admin=True)
    with pytest.raises(WatchError, match=f"No watch {theirs.id}"):
        remove_watch(
            RemoveWatch(watch_id=theirs.id, actor="UADMIN", team="TA", is_admin=True),
            uow_factory=lambda: uow,
            clock=clock,
        )
    gone = remove_watch(
        RemoveWatch(watch_id=theirs.id, actor="UADMIN", team="TB", is_admin=True),
        uow_factory=lambda: uow,
        clock=clock,
    )
    assert gone.id == theirs.id
