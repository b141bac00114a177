"""The unit of work: one session, one transaction, every repository."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy.orm import Session, sessionmaker

from store.postgres_waits import WaitingConnection, WaitWork
from store.repositories import (
    SqlArticleRepository,
    SqlAuditLog,
    SqlDigestRepository,
    SqlEventRepository,
    SqlFigureRepository,
    SqlPeopleRepository,
    SqlQuoteRepository,
    SqlSourceRepository,
    SqlStoryRepository,
    SqlThreadQuestionRepository,
    SqlWatchRepository,
)
from store.repositories.pending_events import flush_events
from store.repositories.workspace_rows import SqlWorkspaceRows
from store.statistics import refresh_if_grown
from store.tenancy import open_for


class SqlUnitOfWork:
    """`with uow: ...; uow.commit()`. Leaving the block without commit rolls back.

    A new session per `with`, so one SqlUnitOfWork can serve many transactions in turn
    (not concurrently: give each thread its own).
    """

    articles: SqlArticleRepository
    events: SqlEventRepository
    quotes: SqlQuoteRepository
    figures: SqlFigureRepository
    people: SqlPeopleRepository
    sources: SqlSourceRepository
    audit: SqlAuditLog
    digests: SqlDigestRepository
    stories: SqlStoryRepository
    threads: SqlThreadQuestionRepository
    watches: SqlWatchRepository

    def __init__(self, session_factory: sessionmaker[Session], *, workspace: str | None = None) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None
        self.workspace = workspace

    def of(self, workspace: str | None) -> Self:
        """This unit of work, its next transactions for `workspace` (ALL_WORKSPACES: internal jobs).

        Reads are filtered to what the workspace sees (store.tenancy); on PostgreSQL its
        row-level policies read the same workspace from the transaction's setting.
        """
        if self._session is not None:
            raise RuntimeError("choose the workspace before opening the unit of work")
        self.workspace = workspace
        return self

    def __enter__(self) -> SqlUnitOfWork:
        if self._session is not None:
            raise RuntimeError("this unit of work is already open")
        self._session = self._session_factory()
        self._start_repositories()
        return self

    def _start_repositories(self) -> None:
        # Repositories (and what they buffer or hand out ahead: event and story ids, members read)
        # live for one transaction; after a commit or a rollback the next one starts afresh.
        session = self._open()
        session.info.clear()
        open_for(session, self.workspace)
        self.articles = SqlArticleRepository(session)
        self.events = SqlEventRepository(session)
        self.quotes = SqlQuoteRepository(session)
        self.figures = SqlFigureRepository(session)
        self.people = SqlPeopleRepository(session)
        self.sources = SqlSourceRepository(session)
        self.audit = SqlAuditLog(session)
        self.digests = SqlDigestRepository(session)
        self.stories = SqlStoryRepository(session)
        self.threads = SqlThreadQuestionRepository(session)
        self.watches = SqlWatchRepository(session)
        self.workspace_rows = SqlWorkspaceRows(session)  # issue 21: purge on uninstall

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.rollback()  # whatever was not committed
            session.close()

    @contextmanager
    def while_waiting(self, work: WaitWork | None) -> Iterator[None]:
        """Within the block, `work` is called (a piece at a time) while PostgreSQL has not answered:
        while it writes a commit's rows, say. SQLite, in this process, has no such waits."""
        driver = self._open().connection().connection.driver_connection if work is not None else None
        if not isinstance(driver, WaitingConnection):
            yield
            return
        previous, driver.wait_work = driver.wait_work, work
        try:
            yield
        finally:
            driver.wait_work = previous

    def commit(self) -> None:
        """Make everything done in this block permanent."""
        session = self._open()
        # The repositories that buffer writes, so that a batch sends each kind in one statement;
        # events first, as quotes and figures follow their article and story links their events.
        flush_events(session)
        self.quotes.flush()
        self.figures.flush()
        self.stories.flush()
        # A long-running process grows its store far past what SQLite's statistics describe.
        refresh_if_grown(session.connection())
        session.commit()
        self._start_repositories()

    def rollback(self) -> None:
        """Discard everything since the last commit."""
        self._open().rollback()
        self._start_repositories()

    def _open(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside `with uow:`")
        return self._session


if TYPE_CHECKING:
    # mypy proves here that the store implements the ports the handlers are written against.
    from handlers import ports

    _uow: type[ports.UnitOfWork] = SqlUnitOfWork
    _polling: type[ports.SourcePolling] = SqlSourceRepository
    _digests: type[ports.DigestRepository] = SqlDigestRepository
    _alerts: type[ports.AlertUnitOfWork] = SqlUnitOfWork
