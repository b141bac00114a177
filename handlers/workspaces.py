"""A workspace leaves: what briefbot stops doing for it when the app is uninstalled, and what it
deletes of it when BRIEFBOT_PURGE_ON_UNINSTALL says so."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from handlers.ports import WorkspaceUnitOfWork

SYSTEM_ACTOR = "slack"


class Forgotten(BaseModel):
    """What uninstalling did for a workspace: digests and watches stopped, rows purged (kind -> count)."""

    model_config = ConfigDict(frozen=True)

    digests: list[int]
    watches: list[int]
    purged: dict[str, int] | None = None  # None: the workspace's data was kept


def forget_workspace(
    team: str, *, uow: WorkspaceUnitOfWork, now: datetime, reason: str, purge: bool = False
) -> Forgotten:
    """Stop the digests and alerts of workspace `team` (its tokens are gone: nothing could be
    posted), purge what it owns when `purge`, and audit it. `reason` is the Slack event
    ("app_uninstalled"). Rows of no workspace (made before workspaces were recorded) are left."""
    with uow.of(team):
        digests = [s.id for s in uow.digests.subscriptions() if s.team == team]
        for subscription_id in digests:
            uow.digests.unsubscribe(subscription_id)
        watches = [w.id for w in uow.watches.find(team=team) if w.team == team]
        for watch_id in watches:
            uow.watches.remove(watch_id)
        purged = purge_workspace(team, uow) if purge else None
        detail = (
            f"team {team}: {reason}; digests stopped: {_ids(digests)}; alerts stopped: {_ids(watches)}; "
            + (
                "data kept"
                if purged is None
                else "purged " + ", ".join(f"{k} {n}" for k, n in purged.items())
            )
        )
        uow.audit.record(SYSTEM_ACTOR, "workspace.uninstalled", detail, now)
        uow.commit()
    return Forgotten(digests=digests, watches=watches, purged=purged)


def purge_workspace(team: str, uow: WorkspaceUnitOfWork) -> dict[str, int]:
    """Delete what workspace `team` owns besides its digests and watches, inside the caller's
    transaction (the caller commits); how many rows of each kind went."""
    rows = uow.workspace_rows
    return {
        "thread questions": rows.delete_thread_questions(team),
        "audit rows": rows.delete_audit(team),
        "follows": rows.delete_follows(team),
        "article access": rows.delete_article_access(team),
    }


def _ids(ids: list[int]) -> str:
    return ", ".join(map(str, ids)) or "none"
