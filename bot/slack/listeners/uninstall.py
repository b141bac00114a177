"""app_uninstalled and tokens_revoked: forget the workspace's tokens, stop its digests and alerts,
and purge its data when BRIEFBOT_PURGE_ON_UNINSTALL is on.

Bolt's own token revocation handlers delete the installation and bot rows; on app_uninstalled
this also does what briefbot itself does for the workspace (handlers.workspaces).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.settings import Settings
from bot.slack.workspace import workspace_in
from handlers.ports import Clock, WorkspaceUnitOfWork
from handlers.workspaces import forget_workspace

logger = logging.getLogger(__name__)


def register(
    app: App, uow: Callable[[], WorkspaceUnitOfWork], clock: Clock, *, settings: Settings, oauth: bool
) -> None:
    """With OAuth, Bolt's handlers delete the tokens; with one bot token there are none to delete."""
    if oauth:
        app.event("tokens_revoked")(app.default_tokens_revoked_event_listener())
        delete_tokens = app.default_app_uninstalled_event_listener()
    else:

        @app.event("tokens_revoked")
        def revoked(ack: Ack, event: dict[str, Any]) -> None:
            ack()
            logger.warning("Slack revoked tokens of this app: %s", sorted(event.get("tokens") or {}))

    @app.event("app_uninstalled")
    def uninstalled(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        ack()
        if oauth:
            delete_tokens(context)
        team = workspace_in(context)
        done = forget_workspace(
            team,
            uow=uow(),
            now=clock.now(),
            reason="app_uninstalled",
            purge=settings.purge_on_uninstall,
        )
        logger.info(
            "workspace %s uninstalled the app: tokens deleted, %d digest(s) and %d alert(s) stopped, %s",
            team,
            len(done.digests),
            len(done.watches),
            "data kept" if done.purged is None else f"purged {done.purged}",
        )
