"""The last question asked in each Slack thread or DM (handlers.domain.AskedQuestion)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handlers.domain import AskedQuestion
from handlers.tenancy import own_workspace
from store.orm import ThreadQuestionRow
from store.tenancy import session_workspace
from store.types import utcnow


class SqlThreadQuestionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def last(self, channel: str, thread: str) -> AskedQuestion | None:
        """The question last asked in this thread, if any."""
        row = self._session.scalars(
            select(ThreadQuestionRow).where(
                ThreadQuestionRow.channel == channel,
                ThreadQuestionRow.thread == thread,
                ThreadQuestionRow.workspace == session_workspace(self._session, "a thread's question"),
            )
        ).first()
        if row is None:
            return None
        return AskedQuestion.model_validate(
            {
                "channel": row.channel,
                "thread": row.thread,
                "command": row.command,
                "person": row.person,
                "topic": list(row.topic or []),
                "since": row.since,
                "until": row.until,
                "limit": row.page_limit,
                "next_offset": row.next_offset,
            }
        )

    def remember(self, question: AskedQuestion) -> None:
        """Make `question` the thread's last one (two workers answering the same thread at once:
        the unique (channel, thread) keeps one row, the later write wins)."""
        values = {
            "command": question.command,
            "person": question.person,
            "topic": list(question.topic),
            "since": question.since,
            "until": question.until,
            "page_limit": question.limit,
            "next_offset": question.next_offset,
            "asked_at": utcnow(),
            "workspace": own_workspace(session_workspace(self._session, "a thread's question")),
        }
        where = (ThreadQuestionRow.channel == question.channel, ThreadQuestionRow.thread == question.thread)
        changed = self._session.execute(
            update(ThreadQuestionRow)
            .where(*where)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if getattr(changed, "rowcount", 0):
            return
        try:
            with self._session.begin_nested():
                self._session.add(
                    ThreadQuestionRow(channel=question.channel, thread=question.thread, **values)
                )
        except IntegrityError:
            # Another worker inserted the thread's row between our UPDATE and INSERT: update it.
            self._session.execute(
                update(ThreadQuestionRow)
                .where(*where)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
