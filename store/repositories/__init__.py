"""SQLAlchemy implementations of the ports in handlers/ports.py. They flush, never commit."""

from store.repositories.articles import SqlArticleRepository
from store.repositories.audit import SqlAuditLog
from store.repositories.digests import SqlDigestRepository
from store.repositories.events import SqlEventRepository
from store.repositories.figures import SqlFigureRepository
from store.repositories.people import SqlPeopleRepository
from store.repositories.quotes import SqlQuoteRepository
from store.repositories.sources import SqlSourceRepository
from store.repositories.stories import SqlStoryRepository
from store.repositories.thread_questions import SqlThreadQuestionRepository
from store.repositories.watches import SqlWatchRepository

__all__ = [
    "SqlArticleRepository",
    "SqlAuditLog",
    "SqlDigestRepository",
    "SqlEventRepository",
    "SqlFigureRepository",
    "SqlPeopleRepository",
    "SqlQuoteRepository",
    "SqlSourceRepository",
    "SqlStoryRepository",
    "SqlThreadQuestionRepository",
    "SqlWatchRepository",
]
