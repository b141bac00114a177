"""Row-level security: article_access is read without a policy check; writing to it stays checked.

Every policy of the content tables (articles, events, quotes, figures) probes article_access for
the row's article. With a policy of its own on article_access, each of those probes ran that policy
too, and PostgreSQL multiplied its guess of the policy's selectivity into every plan that reads
article_access: it expected 186 of a workspace's 13,335 articles and chose plans for that (a
/whosaid for one workspace of 100 at a million facts: 242 ms; 10 ms without). The table holds only
pairs of ids and workspace names, no content: reading it tells nothing a question's answer could
show. Who may be given an article stays checked: a workspace still cannot open one to itself or
another, and the content tables still read nothing without the workspace setting.

Revision ID: 0020_article_access_reads
Revises: 0019_workspaces
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0020_article_access_reads"
down_revision: str | None = "0019_workspaces"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SETTING = "current_setting('briefbot.workspace', true)"
_OWN_ROWS = f"{_SETTING} = '*' OR workspace = {_SETTING}"

# (policy name, command, USING or WITH CHECK, condition)
_POLICIES = (
    ("workspace_read", "SELECT", "USING", "true"),
    ("workspace_store", "INSERT", "WITH CHECK", _OWN_ROWS),
    ("workspace_change", "UPDATE", "USING", _OWN_ROWS),
    ("workspace_delete", "DELETE", "USING", _OWN_ROWS),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP POLICY IF EXISTS workspace_rows ON article_access")
    for name, command, check, condition in _POLICIES:
        op.execute(f"CREATE POLICY {name} ON article_access FOR {command} {check} ({condition})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, _, _, _ in _POLICIES:
        op.execute(f"DROP POLICY IF EXISTS {name} ON article_access")
    op.execute(f"CREATE POLICY workspace_rows ON article_access FOR ALL USING ({_OWN_ROWS})")
