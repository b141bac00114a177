"""The composition root: builds engine, units of work, clock, extractor and HTTP clients from Settings.

Nothing is built at import time. The database is upgraded to the latest schema the first time a
unit of work is asked for, so every command that opens the database upgrades it first if needed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import httpx

from bot.fetch.http import make_client
from bot.settings import Settings
from extract import extract
from handlers.article_size import CappedExtractor
from handlers.ingest import Extractor
from handlers.ports import Clock, UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy import Engine


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
        """A new unit of work on the (upgraded) database."""
        from store.database import make_session_factory
        from store.uow import SqlUnitOfWork

        if not self._upgraded:
            self.upgrade_database()
        if self._session_factory is None:
            self._session_factory = make_session_factory(self.engine)
        return SqlUnitOfWork(self._session_factory)

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
