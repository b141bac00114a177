"""people.surname_key: the last word of name_key, indexed, so a lone surname is an index lookup.

"Sybiha" must find "Andrii Sybiha" when a speaker is resolved and for `/whosaid Sybiha`; as
`name_key LIKE '% sybiha'` that read every row of people, for every speaker of every article.

The backfill runs in Python with the function the application uses, so both databases get the
same keys. The column is added with a server default of '' (SQLite cannot add a NOT NULL column
without one); PostgreSQL then drops it. SQLite keeps it: removing it means rebuilding `people`,
and dropping that table would cascade-delete every alias and role through their foreign keys.
The application always writes the column itself.

Revision ID: 0005_people_surname
Revises: 0004_scale_indexes
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_people_surname"
down_revision: str | None = "0004_scale_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


def _surname_key(name_key: str) -> str:
    # A copy of store.search_text.surname_key: a migration must not change when the code does.
    return name_key.rsplit(" ", 1)[-1]


def upgrade() -> None:
    op.add_column("people", sa.Column("surname_key", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    people = sa.table(
        "people",
        sa.column("id", sa.Integer),
        sa.column("name_key", sa.Text),
        sa.column("surname_key", sa.Text),
    )
    set_key = (
        sa.update(people)
        .where(people.c.id == sa.bindparam("person_id"))
        .values(surname_key=sa.bindparam("key"))
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(people.c.id, people.c.name_key)
            .where(people.c.id > last)
            .order_by(people.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            break
        bind.execute(set_key, [{"person_id": pid, "key": _surname_key(key)} for pid, key in rows])
        last = rows[-1].id
    if bind.dialect.name == "postgresql":
        op.alter_column("people", "surname_key", server_default=None)
    op.create_index(op.f("ix_people_surname_key"), "people", ["surname_key"])


def downgrade() -> None:
    op.drop_index(op.f("ix_people_surname_key"), table_name="people")
    op.drop_column("people", "surname_key")
