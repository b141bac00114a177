"""stories.outlets and stories.words: what a timeline ranks its candidates by, kept with the story.

A broad /timeline ranks up to 500 candidate stories by relevance (the topic's words among the
story's summary, actors and places), date and corroboration (distinct outlets). Counting outlets
through every candidate's reports and folding and stemming every candidate's summary took half of
its time at a million facts. The story repository now keeps both on the story's row: `outlets`
recounted whenever members come or go, `words` written with the summary, actors and places.

The backfill counts outlets with the statement the repository uses and computes the words with
the function it uses (handlers.headline_words), so stored and loaded stories rank alike; a later
change to those words' rules needs a migration that recomputes them. Both columns keep a server
default (SQLite cannot add a NOT NULL column without one); the application always writes them.
On PostgreSQL the backfill leaves a dead version of every row: store.migrate vacuums `stories`
once this revision is applied (VACUUM cannot run inside the migration's transaction).

Revision ID: 0007_story_headlines
Revises: 0006_story_keys
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from handlers.headline_words import stored_words
from store.orm import StoryRow
from store.repositories.story_statements import outlet_count

revision: str = "0007_story_headlines"
down_revision: str | None = "0006_story_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


def upgrade() -> None:
    op.add_column("stories", sa.Column("outlets", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("stories", sa.Column("words", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    # One pass over the stories, in batches by id: each row is rewritten once (on PostgreSQL
    # every update writes a new row version, so two passes would leave twice the dead rows).
    stories = sa.table(
        "stories", sa.column("id", sa.Integer), sa.column("outlets", sa.Integer), sa.column("words", sa.Text)
    )
    write = (
        sa.update(stories)
        .where(stories.c.id == sa.bindparam("story_id"))
        .values(outlets=sa.bindparam("n"), words=sa.bindparam("w"))
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(StoryRow.id, StoryRow.summary, StoryRow.actors, StoryRow.places, outlet_count())
            .where(StoryRow.id > last)
            .order_by(StoryRow.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            break
        bind.execute(
            write,
            [
                {"story_id": i, "n": n, "w": stored_words(summary, actors or [], places or [])}
                for i, summary, actors, places, n in rows
            ],
        )
        last = rows[-1][0]


def downgrade() -> None:
    # Not batch mode: on SQLite that rebuilds `stories`, and dropping it would cascade to its members.
    op.drop_column("stories", "words")
    op.drop_column("stories", "outlets")
