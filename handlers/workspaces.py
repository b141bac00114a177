"""A workspace leaves: what briefbot stops doing for it when the app is uninstalled."""

from __future__ import annotations

from datetime import datetime

from handlers.ports import UnitOfWork

SYSTEM_ACTOR = "slack"


def forget_workspace(team: str, *, uow: UnitOfWork, now: datetime, reason: str) -> int:
    """Stop the digests of workspace `team` (its tokens are gone: nothing could be posted) and audit
    it; how many digests were stopped. `reason` is the Slack event ("app_uninstalled")."""
    with uow.of(team):
        stopped = [s.id for s in uow.digests.subscriptions() if s.team == team]
        for subscription_id in stopped:
            uow.digests.unsubscribe(subscription_id)
        detail = f"team {team}: {reason}; digests stopped: {', '.join(map(str, stopped)) or 'none'}"
        uow.audit.record(SYSTEM_ACTOR, "workspace.uninstalled", detail, now)
        uow.commit()
    return len(stopped)
