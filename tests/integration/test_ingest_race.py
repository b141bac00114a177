"""Two writers storing the same article at once: the loser stores nothing, not a second copy of the facts."""

from __future__ import annotations

import pytest

from handlers.domain import ArticleStoredMeanwhile
from store.repositories.articles import SqlArticleRepository
from store.uow import SqlUnitOfWork
from tests.integration.builders import new_article


def test_an_insert_that_collides_with_a_copy_committed_meanwhile_raises(
    uow: SqlUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    with uow:
        winner = uow.articles.add(new_article("Ferry crews walked out at dawn."))
        uow.commit()
    # The loser checked before the winner committed: its first look-up found nothing.
    real = SqlArticleRepository._by_hash
    calls: list[str] = []

    def not_yet(self: SqlArticleRepository, content_hash: str) -> object:
        calls.append(content_hash)
        return None if len(calls) == 1 else real(self, content_hash)

    monkeypatch.setattr(SqlArticleRepository, "_by_hash", not_yet)
    with uow, pytest.raises(ArticleStoredMeanwhile) as lost:
        uow.articles.add(new_article("Ferry crews walked out at dawn."))
    monkeypatch.undo()
    assert lost.value.article_id == winner.id
    with uow:
        assert uow.articles.count() == 1
