"""Row-level security PostgreSQL can plan: article_access read freely, probes that stay probes,
and the full-text match usable through its index.

1. article_access is read without a policy check; writing to it stays checked.

Every policy of the content tables (articles, events, quotes, figures) probes article_access for
the row's article. With a policy of its own on article_access, each of those probes ran that policy
too, and PostgreSQL multiplied its guess of the policy's selectivity into every plan that reads
article_access: it expected 186 of a workspace's 13,335 articles and chose plans for that (a
/whosaid for one workspace of 100 at a million facts: 242 ms; 10 ms without). The table holds only
pairs of ids and workspace names, no content: reading it tells nothing a question's answer could
show. Who may be given an article stays checked: a workspace still cannot open one to itself or
another, and the content tables still read nothing without the workspace setting.

2. The content tables' policies probe article_access once per row checked, always. PostgreSQL
may otherwise run an EXISTS as a hashed sub-plan: it read every article of the workspace into a
hash (133k for the default workspace at a million facts, 12-55 ms) before the first row even when
a page of ten was all it needed. `OFFSET 0` inside the EXISTS keeps it from being rewritten so.

3. `tsvector @@ tsquery` (ts_match_vq) is not marked leakproof, so under row-level security
PostgreSQL may not use the GIN index for it and matched every row the workspace reads instead (a
narrow /timeline: 990 ms, 243 ms with the index). The function reveals nothing of a row but
whether it matched: this migration marks it LEAKPROOF in this database when it runs as a
superuser (only a superuser may), and says so otherwise: see docs/slack.md.

Revision ID: 0020_plannable_row_security
Revises: 0019_workspaces
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from alembic import op

log = logging.getLogger(__name__)

revision: str = "0020_plannable_row_security"
down_revision: str | None = "0019_workspaces"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SETTING = "current_setting('briefbot.workspace', true)"
_OWN_ROWS = f"{_SETTING} = '*' OR workspace = {_SETTING}"
_MATCH = "ts_match_vq(tsvector, tsquery)"


def _granted(article_id: str, *, probe: bool) -> str:
    offset = " OFFSET 0" if probe else ""  # OFFSET 0: never rewritten into a hashed sub-plan
    return (
        f"{_SETTING} = '*' OR EXISTS (SELECT 1 FROM article_access AS access"
        f" WHERE access.article_id = {article_id} AND access.workspace = {_SETTING}{offset})"
    )


# The content tables' policies (table: [(policy name, row's article id)]), as migration 0019 made them.
_CONTENT = {
    "articles": [
        (name, "articles.id") for name in ("workspace_read", "workspace_change", "workspace_delete")
    ],
    **{table: [("workspace_rows", f"{table}.article_id")] for table in ("events", "quotes", "figures")},
}

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
    _alter_content_policies(probe=True)
    if _is_superuser():
        op.execute(f"ALTER FUNCTION {_MATCH} LEAKPROOF")
    else:
        log.warning(
            "not a superuser: %s is left as it is, so under row-level security full-text"
            " searches cannot use their index (docs/slack.md: PostgreSQL and row-level security)",
            _MATCH,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    if _is_superuser():
        op.execute(f"ALTER FUNCTION {_MATCH} NOT LEAKPROOF")
    _alter_content_policies(probe=False)
    for name, _, _, _ in _POLICIES:
        op.execute(f"DROP POLICY IF EXISTS {name} ON article_access")
    op.execute(f"CREATE POLICY workspace_rows ON article_access FOR ALL USING ({_OWN_ROWS})")


def _alter_content_policies(*, probe: bool) -> None:
    for table, policies in _CONTENT.items():
        for name, article_id in policies:
            op.execute(f"ALTER POLICY {name} ON {table} USING ({_granted(article_id, probe=probe)})")


def _is_superuser() -> bool:
    return bool(
        op.get_bind().exec_driver_sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar()
    )
