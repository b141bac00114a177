"""PostgreSQL row-level security (migration 0019): without the workspace setting nothing is read.

The tests' database belongs to an ordinary role (conftest.APP_ROLE), as a deployment's should: the
policies are FORCEd, so they hold for the tables' owner too. A superuser would bypass them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text

from handlers.ingest import ingest_batch
from handlers.results import IngestArticle
from store.orm_tenancy import ArticleAccessRow
from store.uow import SqlUnitOfWork
from tests.integration.test_workspace_isolation import PUBLISHED, TEXTS, Clock

SECURED = ("articles", "article_access", "source_follows", "events", "quotes", "figures")
# What a forgotten filter must never show: article_access (pairs of ids and workspace names, no
# content) is read freely since migration 0020 and only written under a policy.
READ_SECURED = tuple(t for t in SECURED if t != "article_access")

pytestmark = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


def _counts(engine: Engine, workspace: str | None) -> dict[str, int]:
    with engine.begin() as conn:
        if workspace is not None:
            conn.execute(text("SELECT set_config('briefbot.workspace', :ws, true)"), {"ws": workspace})
        return {t: conn.scalar(text(f"SELECT count(*) FROM {t}")) or 0 for t in READ_SECURED}


def _urls(engine: Engine, workspace: str) -> set[str]:
    with engine.begin() as conn:
        conn.execute(text("SELECT set_config('briefbot.workspace', :ws, true)"), {"ws": workspace})
        return set(conn.scalars(text("SELECT url FROM articles")))


def _store(uow: SqlUnitOfWork) -> None:
    with uow.of("TA"):
        uow.sources.add("https://ta.example/feed.xml", name=None, kind="feed", created_by="U1")
        uow.commit()
    texts = list(TEXTS.items())
    ingested = [
        IngestArticle(text=texts[0][1], url=texts[0][0], published=PUBLISHED, workspace="TA"),
        IngestArticle(text=texts[1][1], url=texts[1][0], published=PUBLISHED, workspace="TB"),
    ]
    assert {r.status for r in ingest_batch(ingested, uow=uow, clock=Clock(datetime.now(UTC)))} == {"stored"}


def test_the_policies_are_on_and_forced_for_the_owner(engine: Engine) -> None:
    with engine.connect() as conn:
        flags = dict(
            conn.execute(
                text(
                    "SELECT relname, relrowsecurity AND relforcerowsecurity FROM pg_class"
                    " WHERE relname = ANY(:t)"
                ),
                {"t": list(SECURED)},
            ).all()
        )
        owner = conn.scalar(text("SELECT tableowner FROM pg_tables WHERE tablename = 'articles'"))
        me, superuser = conn.execute(
            text("SELECT current_user, usesuper FROM pg_user WHERE usename = current_user")
        ).one()
    assert flags == {t: True for t in SECURED}
    assert owner == me and not superuser  # the owner itself, subject to the policies


def test_a_query_without_the_workspace_setting_reads_nothing(engine: Engine, uow: SqlUnitOfWork) -> None:
    _store(uow)
    assert _counts(engine, "*")["articles"] == 2  # there is something to read
    assert _counts(engine, None) == {t: 0 for t in READ_SECURED}
    assert _counts(engine, "") == {t: 0 for t in READ_SECURED}


def test_a_workspace_reads_only_its_own_articles_and_facts(engine: Engine, uow: SqlUnitOfWork) -> None:
    _store(uow)
    a_url, b_url = list(TEXTS)[:2]
    assert _urls(engine, "TA") == {a_url} and _urls(engine, "TB") == {b_url}
    mine, every = _counts(engine, "TA"), _counts(engine, "*")
    assert mine["events"] and mine["quotes"] and mine["figures"]
    assert all(mine[t] < every[t] for t in ("articles", "events", "quotes", "figures"))
    assert mine["source_follows"] == 1 and _counts(engine, "TB")["source_follows"] == 0


def test_a_workspace_cannot_open_an_article_to_itself_or_write_for_another(
    engine: Engine, uow: SqlUnitOfWork
) -> None:
    _store(uow)
    with engine.begin() as conn:
        conn.execute(text("SELECT set_config('briefbot.workspace', 'TA', true)"))
        with pytest.raises(Exception, match="row-level security"):
            conn.execute(ArticleAccessRow.__table__.insert().values(article_id=1, workspace="TB"))


def test_without_the_setting_no_article_can_be_opened_moved_or_closed(
    engine: Engine, uow: SqlUnitOfWork
) -> None:
    _store(uow)
    access = ArticleAccessRow.__table__
    with engine.connect() as conn:
        with pytest.raises(Exception, match="row-level security"), conn.begin():
            conn.execute(access.insert().values(article_id=1, workspace="TB"))
        with conn.begin():
            # Rows it may not change are invisible to UPDATE and DELETE: nothing happens.
            assert conn.execute(access.update().values(workspace="TB")).rowcount == 0
            assert conn.execute(access.delete()).rowcount == 0
    with engine.begin() as conn:
        conn.execute(text("SELECT set_config('briefbot.workspace', 'TA', true)"))
        assert conn.execute(access.delete().where(access.c.workspace == "TB")).rowcount == 0
    assert _counts(engine, "TB")["articles"] == 1  # TB's article is still open to it
