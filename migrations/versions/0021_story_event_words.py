"""PostgreSQL: each story membership carries its report's words (indexed) and article, for the
story search.

A timeline of two words finds the stories that have each word in one of their reports. Under
row-level security every report a word matches costs PostgreSQL a visit of the report's row and a
policy probe before it yields its story: "Saltreach derailed" at a million facts (9k and 19k
matching reports, 549 stories having both) took 235 ms for a workspace reading everything. With
the report's words on its membership row (story_events, which holds no content and has no policy),
each word's stories come from that row's index alone, are intersected, and only the few stories
left are probed, report by report, for what the workspace may read. With the report's article
there too, a workspace reading a small part of the store has a word's stories narrowed to the
reports it reads by a probe of article_access each, without reading the reports either. SQLite
reads its FTS5 index by report id already, and gets nothing here.

A trigger copies both from the report when a membership is made; a stored report's words and
article never change.

Revision ID: 0021_story_event_words
Revises: 0020_plannable_row_security
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0021_story_event_words"
down_revision: str | None = "0020_plannable_row_security"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING_LIST_KB = 256  # as the facts' own indexes (migration 0010): a batch's rows go in at once


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE story_events ADD COLUMN search_vector tsvector")
    op.execute("ALTER TABLE story_events ADD COLUMN article_id integer")
    op.execute(
        """
        CREATE FUNCTION story_events_words() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- As the writer, under its workspace: a writer links reports of its own articles.
            SELECT search_vector, article_id INTO NEW.search_vector, NEW.article_id
            FROM events WHERE id = NEW.event_id;
            RETURN NEW;
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER story_events_words BEFORE INSERT OR UPDATE OF event_id ON story_events"
        " FOR EACH ROW EXECUTE FUNCTION story_events_words()"
    )
    # Every workspace's reports: the migration is the store's own bookkeeping.
    op.execute("SELECT set_config('briefbot.workspace', '*', true)")
    op.execute(
        "UPDATE story_events SET search_vector = events.search_vector, article_id = events.article_id"
        " FROM events WHERE events.id = story_events.event_id"
    )
    op.execute(
        "CREATE INDEX ix_story_events_search_vector ON story_events USING gin (search_vector)"
        f" WITH (fastupdate = on, gin_pending_list_limit = {PENDING_LIST_KB})"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_story_events_search_vector")
    op.execute("DROP TRIGGER IF EXISTS story_events_words ON story_events")
    op.execute("DROP FUNCTION IF EXISTS story_events_words()")
    op.execute("ALTER TABLE story_events DROP COLUMN IF EXISTS search_vector")
    op.execute("ALTER TABLE story_events DROP COLUMN IF EXISTS article_id")
