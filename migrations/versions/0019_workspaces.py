"""Workspaces: who follows which source, who may read which article; audit and threads keyed by workspace.

Sources and articles stay global (one fetch, one stored copy); `source_follows` and
`article_access` say which workspace has them. What existed before belongs to the one workspace a
single-token deployment had, "default": every source followed by it, every article open to it.

Revision ID: 0019_workspaces
Revises: 0018_slack_installations
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_workspaces"
down_revision: str | None = "0018_slack_installations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_WORKSPACE = "default"  # settings.workspace's default: a one-workspace deployment sees no change
_WS = 50

# PostgreSQL row-level security: what a transaction sees follows the workspace the unit of work set
# (store.tenancy: set_config('briefbot.workspace', ws, true)); '*' is an internal job's, and no
# setting at all sees nothing, so a forgotten filter fails closed. FORCE: the owner too (a
# superuser, or a role with BYPASSRLS, is never subject to it: deploy as an ordinary role).
_SETTING = "current_setting('briefbot.workspace', true)"
_ALL = f"{_SETTING} = '*'"


def _granted(article_id: str) -> str:
    """The article `article_id` (a column of the row checked) is open to the transaction's workspace.

    A correlated EXISTS on article_access's key: each row checked costs one index probe. An
    `IN (SELECT … WHERE workspace = …)` had PostgreSQL hash every article of the workspace for each
    table of each query (600 ms a /whosaid for a workspace reading 133k articles at 1M facts; 76 ms
    with this)."""
    return (
        "EXISTS (SELECT 1 FROM article_access AS access"
        f" WHERE access.article_id = {article_id} AND access.workspace = {_SETTING})"
    )


_POLICIES: dict[str, list[tuple[str, str, str]]] = {
    # table: [(policy name, command, condition)]
    "article_access": [("workspace_rows", "ALL", f"{_ALL} OR workspace = {_SETTING}")],
    "source_follows": [("workspace_rows", "ALL", f"{_ALL} OR workspace = {_SETTING}")],
    "articles": [
        ("workspace_read", "SELECT", f"{_ALL} OR {_granted('articles.id')}"),
        ("workspace_change", "UPDATE", f"{_ALL} OR {_granted('articles.id')}"),
        ("workspace_delete", "DELETE", f"{_ALL} OR {_granted('articles.id')}"),
        # Any workspace may store a new article (the store then opens it to that workspace).
        ("workspace_store", "INSERT", f"coalesce({_SETTING}, '') <> ''"),
    ],
    **{
        table: [("workspace_rows", "ALL", f"{_ALL} OR {_granted(table + '.article_id')}")]
        for table in ("events", "quotes", "figures")
    },
}


def upgrade() -> None:
    op.create_table(
        "source_follows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("workspace", sa.String(_WS), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("interval_minutes", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_source_follows_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_follows")),
        sa.UniqueConstraint("source_id", "workspace", name=op.f("uq_source_follows_source_id_workspace")),
    )
    op.create_index("ix_source_follows_workspace", "source_follows", ["workspace", "source_id"])
    op.create_table(
        "article_access",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("workspace", sa.String(_WS), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_access_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "workspace", name=op.f("pk_article_access")),
    )
    op.create_index("ix_article_access_workspace", "article_access", ["workspace", "article_id"])
    op.execute(
        sa.text(
            "INSERT INTO source_follows"
            " (source_id, workspace, active, interval_minutes, created_by, created_at)"
            " SELECT id, :ws, active, interval_minutes, created_by, created_at FROM sources"
        ).bindparams(ws=DEFAULT_WORKSPACE)
    )
    op.execute(
        sa.text("INSERT INTO article_access (article_id, workspace) SELECT id, :ws FROM articles").bindparams(
            ws=DEFAULT_WORKSPACE
        )
    )
    # Digests and watches were the one workspace's, whatever team id Slack sent then.
    for table in ("digest_subscriptions", "watches"):
        op.execute(sa.text(f"UPDATE {table} SET team = :ws").bindparams(ws=DEFAULT_WORKSPACE))
    # Existing rows get the default workspace; new rows must say theirs (no server default kept).
    for table in ("admin_actions", "thread_questions"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("workspace", sa.String(_WS), nullable=False, server_default=DEFAULT_WORKSPACE)
            )
        with op.batch_alter_table(table) as batch:
            batch.alter_column("workspace", server_default=None)
    op.create_index(op.f("ix_admin_actions_workspace"), "admin_actions", ["workspace"])
    if op.get_bind().dialect.name == "postgresql":
        for table, policies in _POLICIES.items():
            for name, command, condition in policies:
                check = "WITH CHECK" if command == "INSERT" else "USING"
                op.execute(f"CREATE POLICY {name} ON {table} FOR {command} {check} ({condition})")
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, policies in _POLICIES.items():
            op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
            for name, _, _ in policies:
                op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
    op.drop_index(op.f("ix_admin_actions_workspace"), table_name="admin_actions")
    for table in ("thread_questions", "admin_actions"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("workspace")
    op.drop_index("ix_article_access_workspace", table_name="article_access")
    op.drop_table("article_access")
    op.drop_index("ix_source_follows_workspace", table_name="source_follows")
    op.drop_table("source_follows")
