"""Reading an OPML file for `/briefbot sources import`: from a Slack file share, or from a URL.

A slash command carries no attachment, so the file is found the way a person would point at it:
by its permalink or id (F0...), or, with no argument, as the latest file the admin shared in the
channel (files.list). Its content comes from url_private with the bot token (files:read scope).
httpx drops the Authorization header if Slack redirects to another host, so the token stays with Slack.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.fetch.http import DEADLINE, FetchError, fetch
from handlers.admin import AdminError

MAX_OPML_BYTES = 2 * 1024 * 1024
_FILE_ID = re.compile(r"(?:^|/)(F[A-Z0-9]{6,})(?:/|$)")


class SlackOpmlReader:
    def __init__(
        self,
        client: WebClient,
        *,
        token: str,
        http_client_factory: Callable[[], httpx.Client],
        deadline: float = DEADLINE,
    ) -> None:
        self._client = client
        self._token = token
        self._http = http_client_factory
        self._deadline = deadline  # seconds for the whole download (BRIEFBOT_FETCH_DEADLINE)

    def read(self, spec: str | None, *, user: str, channel: str | None) -> bytes:
        """The OPML bytes `spec` points at (file id, Slack permalink, URL, or nothing: the latest share)."""
        file_id = _file_id(spec) if spec else self._latest_file(user, channel)
        if file_id is None and spec:
            return self._download(spec, headers={})
        if file_id is None:
            raise AdminError(
                "Share the OPML file in this channel first, or give its URL: "
                "/briefbot sources import https://example.com/feeds.opml"
            )
        try:
            info = self._client.files_info(file=file_id).get("file") or {}
        except (SlackApiError, SlackClientError, OSError) as exc:
            raise AdminError(f"Slack would not show that file ({_why(exc)}).") from None
        url = info.get("url_private_download") or info.get("url_private")
        if not url:
            raise AdminError("That Slack file has no downloadable content.")
        # With OAuth there is no deployment token: the client holds the request's workspace's.
        token = self._token or self._client.token or ""
        return self._download(str(url), headers={"Authorization": f"Bearer {token}"})

    def _latest_file(self, user: str, channel: str | None) -> str | None:
        if not channel:
            return None
        try:
            files = self._client.files_list(channel=channel, user=user, count=1).get("files") or []
        except (SlackApiError, SlackClientError, OSError) as exc:
            raise AdminError(f"Could not list the files shared here ({_why(exc)}).") from None
        return str(files[0]["id"]) if files else None

    def _download(self, url: str, *, headers: dict[str, str]) -> bytes:
        try:
            with self._http() as client:
                client.headers.update(headers)
                return fetch(url, client=client, max_bytes=MAX_OPML_BYTES, deadline=self._deadline).body
        except FetchError as exc:
            raise AdminError(str(exc)) from None


def _file_id(spec: str) -> str | None:
    match = _FILE_ID.search(spec.strip("<>").split("|")[0])
    return match.group(1) if match else None


def _why(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or exc)
    return type(exc).__name__
