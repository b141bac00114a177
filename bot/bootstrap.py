"""The composition root: engine, units of work, clock, extractor, HTTP clients, and the front doors
(the command registry with its ports bound) for Slack and the console, all from Settings.

Nothing is built at import time. The database is upgraded to the latest schema the first time a
unit of work is asked for, so every command that opens the database upgrades it first if needed.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Protocol, cast

import httpx

from bot.fetch.http import make_client
from bot.settings import Settings
from extract import extract
from handlers.admin import SourceProbe
from handlers.article_size import CappedExtractor
from handlers.desk import Ports
from handlers.front_door import FrontDoor
from handlers.ingest import Extractor
from handlers.ports import Clock, UnitOfWork

if TYPE_CHECKING:
    from slack_bolt import App
    from slack_sdk import WebClient
    from sqlalchemy import Engine

    from bot.slack.backend import Door
    from bot.slack.config import Mode


class SystemClock:
    """Today and now, in UTC, so the same query means the same thing on every server."""

    def today(self) -> date:
        return self.now().date()

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class Container:
    """Everything a command needs, built once per process from Settings."""

    settings: Settings
    engine: Engine
    clock: Clock = field(default_factory=SystemClock)
    extractor: Extractor = extract
    http_client_factory: Callable[[], httpx.Client] = make_client
    _upgraded: bool = False
    _session_factory: Any = None

    def upgrade_database(self) -> None:
        """Bring the schema to the latest revision (a no-op when it is already there)."""
        from store.migrate import upgrade

        upgrade(self.engine)
        self._upgraded = True

    def uow(self) -> UnitOfWork:
        """A new unit of work on the (upgraded) database, reading for the deployment's workspace
        (settings.workspace) until a use case opens it for another (`of`)."""
        from store.uow import SqlUnitOfWork

        return SqlUnitOfWork(self.sessions(), workspace=self.settings.workspace)

    def sessions(self) -> Any:
        """The session factory of the (upgraded) database, for stores that keep their own
        transactions (Slack installations, called by Bolt)."""
        from store.database import make_session_factory

        if not self._upgraded:
            self.upgrade_database()
        if self._session_factory is None:
            self._session_factory = make_session_factory(self.engine)
        return self._session_factory

    def ingest_batch_size(self) -> int:
        """Articles per transaction when many are ingested at once, as suits the database."""
        from store.database import ingest_batch_size

        return ingest_batch_size(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def build(settings: Settings | None = None) -> Container:
    """Wire the application from settings (read from the environment when not given)."""
    from store.database import make_engine

    settings = settings or Settings()
    allow_private = settings.allow_private_fetch
    return Container(
        settings=settings,
        engine=make_engine(settings.database_url),
        http_client_factory=lambda: make_client(allow_private=allow_private),
        extractor=CappedExtractor(max_chars=settings.max_article_chars),
    )


class _Units(Protocol):
    """What the front doors need of a container: units of work and a clock (tests pass small fakes)."""

    @property
    def clock(self) -> Clock: ...

    def uow(self) -> UnitOfWork: ...


def console_door(container: _Units) -> FrontDoor:
    """The registry as the shell and `briefbot ask` answer it: no Slack, nobody a workspace admin."""
    from handlers.catalog import default_registry

    return FrontDoor(default_registry(), Ports(uow_factory=container.uow, clock=container.clock), "console")


def slack_ports(
    container: _Units, settings: Settings, client: WebClient, *, probe: SourceProbe | None = None
) -> Ports:
    """The ports the Slack commands use: a guarded probe, Slack's directory and files, BRIEFBOT_ADMINS."""
    from bot.slack.channels import SlackChannels
    from bot.slack.directory import SlackDirectory
    from bot.slack.files import SlackOpmlReader
    from bot.sources_probe import HttpSourceProbe

    return Ports(
        uow_factory=container.uow,
        clock=container.clock,
        probe=probe
        or HttpSourceProbe(allow_private=settings.allow_private_fetch, deadline=settings.fetch_deadline),
        directory=SlackDirectory(client),
        admin_ids=settings.admin_ids,
        opml_reader=SlackOpmlReader(
            client,
            token=settings.slack_bot_token or "",
            http_client_factory=_http_factory(container, settings),
            deadline=settings.fetch_deadline,
        ),
        channels=SlackChannels(client),
    )


def build_slack_app(
    container: _Units,
    settings: Settings,
    *,
    mode: Mode = "http",
    listener_executor: Executor | None = None,
    probe: SourceProbe | None = None,
    door: Door | None = None,
    verify_token: bool = True,
) -> App:
    """The Bolt app over the registry, its ports bound here; SlackSettingsError when settings are missing.

    `probe` replaces the real source probe and `door` the whole front door (tests); `listener_executor`
    runs listeners after ack() (Bolt's thread pool by default).
    """
    from bot.slack.app import create_app, make_web_client, quiet_bolt_logs
    from bot.slack.config import require_settings
    from handlers.catalog import default_registry

    require_settings(settings, mode)
    quiet_bolt_logs()
    oauth = None
    if settings.oauth_enabled and mode == "http":
        from bot.slack.oauth import oauth_settings

        oauth = oauth_settings(settings, _sessions(container))
    # With OAuth each request carries its workspace's token (Bolt's `client`); the app's has none.
    client = make_web_client(settings, token="" if oauth else None)
    if door is None:
        ports = slack_ports(container, settings, client, probe=probe)
        door = FrontDoor(default_registry(), ports, "slack")
    return create_app(
        client,
        settings,
        door,
        uow_factory=container.uow,
        clock=container.clock,
        mode=mode,
        listener_executor=listener_executor,
        verify_token=verify_token,
        oauth=oauth,
    )


def _sessions(container: object) -> Any:
    """The container's session factory (Container has one): Slack installations keep their own."""
    sessions = getattr(container, "sessions", None)
    if not callable(sessions):
        raise TypeError("OAuth installs need a container with sessions() (bot.bootstrap.Container)")
    return sessions()


def _http_factory(container: object, settings: Settings) -> Callable[[], httpx.Client]:
    """The container's HTTP client factory when it has one (Container does), else a guarded default."""
    factory = getattr(container, "http_client_factory", None)
    if callable(factory):
        return cast(Callable[[], httpx.Client], factory)
    return lambda: make_client(allow_private=settings.allow_private_fetch)
