"""The SQLAlchemy store: tables, repositories implementing handlers.ports, the unit of work.

What the composition root uses (nothing is built at import time):

    engine = store.database.make_engine(settings.database_url)
    store.migrate.upgrade(engine)                      # alembic upgrade head; idempotent
    uow = store.uow.SqlUnitOfWork(store.database.make_session_factory(engine))
    with uow:
        ...                                            # uow.articles / events / quotes / figures /
        uow.commit()                                   # people / sources / audit / digests

Search goes through store.search_text (one normalisation for indexing and querying) and the
full-text indexes the migration makes: SQLite FTS5, PostgreSQL tsvector + GIN.
"""
