"""The workspace directory port (handlers.admin.WorkspaceDirectory) over Slack's users.info."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

logger = logging.getLogger(__name__)


class SlackDirectory:
    """Workspace admins and owners, as `users.info` reports them (needs the users:read scope)."""

    def __init__(self, client: WebClient) -> None:
        self._client = client

    def is_workspace_admin(self, user_id: str) -> bool:
        try:
            user = self._client.users_info(user=user_id).get("user") or {}
        except (SlackApiError, SlackClientError, OSError) as exc:
            # Fail closed: without an answer from Slack nobody becomes an admin.
            logger.warning("users.info failed for %s: %s", user_id, exc)
            return False
        return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
