"""A workspace uninstalls: its digests and alerts stop, another workspace's stay, and its rows are
purged only when asked; the worker's clients follow the installations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from bot.slack.installations import DatabaseInstallationStore
from bot.slack.workspace_clients import WorkspaceClients
from handlers.ports import WorkspaceUnitOfWork
from handlers.tenancy import ALL_WORKSPACES
from handlers.workspaces import forget_workspace
from store.database import make_session_factory
from store.repositories.installations import SqlInstallations
from store.uow import SqlUnitOfWork

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAILY: dict[str, Any] = {
    "cadence": "daily",
    "weekday": None,
    "time": "08:00",
    "timezone": "UTC",
    "topic": None,
    "post_empty": False,
    "created_by": "U1",
}


def _owned(uow: SqlUnitOfWork) -> None:
    with uow:
        for channel, team in (("CA", "TA"), ("CB", "TB"), ("COLD", None)):
            uow.digests.subscribe(channel, team=team, **DAILY)
            uow.watches.add(kind="topic", subject="strike", channel=channel, owner="U1", team=team, at=NOW)
        uow.commit()


def test_uninstall_stops_only_that_workspace_s_digests_and_alerts_and_keeps_its_data(
    uow: SqlUnitOfWork,
) -> None:
    _owned(uow)
    done = forget_workspace("TA", uow=cast(WorkspaceUnitOfWork, uow), now=NOW, reason="app_uninstalled")
    assert len(done.digests) == 1 and len(done.watches) == 1 and done.purged is None
    with uow.of(ALL_WORKSPACES):  # every workspace's rows, as the worker reads them
        assert sorted(s.channel for s in uow.digests.subscriptions()) == ["CB", "COLD"]
        assert sorted(str(w.channel) for w in uow.watches.find()) == ["CB", "COLD"]
        [entry] = uow.audit.recent()
    assert entry.action == "workspace.uninstalled" and "TA" in entry.detail and "data kept" in entry.detail


def test_purge_on_uninstall_deletes_what_the_workspace_owns(uow: SqlUnitOfWork) -> None:
    _owned(uow)
    done = forget_workspace(
        "TA", uow=cast(WorkspaceUnitOfWork, uow), now=NOW, reason="app_uninstalled", purge=True
    )
    assert done.purged is not None
    assert set(done.purged) == {"thread questions", "audit rows", "follows", "article access"}
    with uow.of(ALL_WORKSPACES):
        assert sorted(s.channel for s in uow.digests.subscriptions()) == ["CB", "COLD"]
        assert "purged" in uow.audit.recent()[0].detail


def _installations(engine: Engine) -> tuple[sessionmaker[Session], SqlInstallations]:
    sessions = make_session_factory(engine)
    return sessions, SqlInstallations(sessions, "111.222")


def _bot(store: DatabaseInstallationStore, **kw: Any) -> None:
    from slack_sdk.oauth.installation_store import Bot

    store.save_bot(Bot(bot_id="B1", bot_user_id="UB", installed_at=NOW.timestamp(), **kw))


def test_the_worker_finds_each_workspace_s_token_and_none_for_a_workspace_without_one(engine: Engine) -> None:
    _, records = _installations(engine)
    store = DatabaseInstallationStore(records)
    _bot(store, team_id="TA", bot_token="xoxb-a")
    _bot(store, enterprise_id="EGRID", team_id="TINGRID", bot_token="xoxb-grid-team")
    _bot(store, enterprise_id="EORG", team_id=None, is_enterprise_install=True, bot_token="xoxb-org")
    settings = Settings(_env_file=None, SLACK_CLIENT_ID="111.222", SLACK_CLIENT_SECRET="s")
    made: list[str] = []

    def client(token: str) -> Any:
        made.append(token)
        return token

    clients = WorkspaceClients(settings, client, installations=records)
    assert clients.client_for("TA") == "xoxb-a"
    assert clients.client_for("TINGRID") == "xoxb-grid-team"  # a Grid workspace installed on its own
    assert clients.client_for("EORG") == "xoxb-org"  # an org-wide install answers as its enterprise
    assert clients.client_for("TGONE") is None and clients.client_for(None) is None
    assert sorted(made) == ["xoxb-a", "xoxb-grid-team", "xoxb-org"]  # read once a run


def test_one_bot_token_posts_for_every_workspace_key() -> None:
    settings = Settings(_env_file=None, SLACK_BOT_TOKEN="xoxb-one")
    clients = WorkspaceClients(settings, lambda token: token)  # type: ignore[arg-type,return-value]
    assert clients.client_for("default") == clients.client_for(None) == "xoxb-one"
    assert WorkspaceClients(Settings(_env_file=None), lambda t: t).client_for("default") is None  # type: ignore[arg-type,return-value]


def test_an_uninstalled_workspace_has_no_client_left(engine: Engine) -> None:
    _, records = _installations(engine)
    store = DatabaseInstallationStore(records)
    _bot(store, team_id="TA", bot_token="xoxb-a")
    store.delete_all(enterprise_id=None, team_id="TA")
    settings = Settings(_env_file=None, SLACK_CLIENT_ID="111.222")
    assert WorkspaceClients(settings, lambda t: t, installations=records).client_for("TA") is None  # type: ignore[arg-type,return-value]
