"""Channel names to ids over Slack's conversations.list, for `/briefbot watch ... in #name`.

Slash commands here are not escaped (manifest: should_escape false), so a channel typed as
"#news" arrives as that text, not as <#C0123|news>. Needs the channels:read scope.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from handlers.alerts import WatchError

logger = logging.getLogger(__name__)
MAX_PAGES = 20  # 20 pages of 1,000: a workspace with more public channels is not looked through


class SlackChannels:
    def __init__(self, client: WebClient) -> None:
        self._client = client

    def find(self, name: str) -> str | None:
        """The id of the public channel called `name` (without "#"); None when there is none."""
        wanted = name.lstrip("#").casefold()
        cursor: str | None = None
        try:
            for _ in range(MAX_PAGES):
                page = self._client.conversations_list(
                    types="public_channel", exclude_archived=True, limit=1000, cursor=cursor
                )
                for channel in page.get("channels") or []:
                    if str(channel.get("name", "")).casefold() == wanted:
                        return str(channel["id"])
                cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
                if not cursor:
                    break
        except (SlackApiError, SlackClientError, OSError) as exc:
            logger.warning("conversations.list failed looking for #%s: %s", wanted, exc)
            raise WatchError(
                f"I could not look up #{wanted}. Run the command in that channel with `in here`."
            ) from None
        return None
