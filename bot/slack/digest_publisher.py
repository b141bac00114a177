"""handlers.digests.DigestPublisher over chat.postMessage, with retries that honour Retry-After.

The retries happen here, inside one claim of the slot: a 429 or a 5xx is tried again after the
wait Slack asks for (or a growing backoff); any other refusal (channel_not_found, not_in_channel)
will not get better by waiting and fails at once. The summary is the digest: once it is posted,
a thread reply that fails is logged, and the digest still counts as posted (posting it again
would repeat the summary).

A transport error after the request went out (a read timeout, a connection dropped before the
answer) is PublishUnknown: Slack may have posted it. The summary carries the slot's marker as
message metadata (event_type "briefbot_digest"), which `find_posted` looks for in the channel's
history (conversations.history, scope channels:history or groups:history) so a later run can tell.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.slack.limits import violations
from bot.slack.message import SlackMessage
from bot.slack.render_digest import render_digest
from handlers.digests import Digest, PublishError, PublishUnknown

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
MAX_WAIT_SECONDS = 60.0
MARKER_EVENT = "briefbot_digest"
HISTORY_PAGES = 5  # of 200 messages: a slot's post is among the channel's latest few


class SlackDigestPublisher:
    def __init__(
        self,
        client: WebClient,
        *,
        max_attempts: int = MAX_ATTEMPTS,
        sleep: Callable[[float], None] = time.sleep,
        backoff: float = 1.0,
    ) -> None:
        self._client = client
        self._max_attempts = max_attempts
        self._sleep = sleep
        self._backoff = backoff

    def publish(self, channel: str, digest: Digest, *, marker: str) -> str:
        """Post the summary (tagged with `marker`), then the details as replies in its thread; the
        summary's ts."""
        messages = render_digest(digest)
        metadata = {"event_type": MARKER_EVENT, "event_payload": {"slot": marker}}
        ts = self.post(channel, messages[0], metadata=metadata)
        for reply in messages[1:]:
            try:
                self.post(channel, reply, thread_ts=ts)
            except PublishError as exc:
                log.error("digest details for %s (thread %s) not posted: %s", channel, ts, exc)
                break
        return ts

    def find_posted(self, channel: str, marker: str, *, since: datetime) -> str | None:
        """The ts of the summary tagged `marker` posted after `since`, or None; PublishError when
        the history cannot be read (a missing scope, not in the channel, Slack unreachable)."""
        cursor: str | None = None
        oldest = f"{since.timestamp() - 60:.6f}"  # a minute of clock skew between us and Slack
        for _ in range(HISTORY_PAGES):
            try:
                page = self._client.conversations_history(
                    channel=channel, oldest=oldest, limit=200, include_all_metadata=True, cursor=cursor
                )
            except SlackApiError as exc:
                raise PublishError(f"conversations.history: {exc.response.get('error')}") from None
            except (SlackClientError, OSError) as exc:
                raise PublishError(f"could not reach Slack: {type(exc).__name__}: {exc}") from None
            for message in page.get("messages") or []:
                if _marker_of(message) == marker:
                    return str(message.get("ts") or "")
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                return None
        return None

    def post(
        self,
        channel: str,
        message: SlackMessage,
        *,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> str:
        """chat.postMessage with retries on 429 and 5xx; PublishError when it finally fails,
        PublishUnknown when it may have been posted."""
        problems = violations(message.payload())
        if problems:
            log.error("digest message breaks Block Kit limits: %s", problems)
        payload = message.payload()
        for attempt in range(1, self._max_attempts + 1):
            try:
                response = self._client.chat_postMessage(
                    channel=channel,
                    text=payload["text"],
                    blocks=payload["blocks"],
                    thread_ts=thread_ts,
                    unfurl_links=False,
                    unfurl_media=False,
                    metadata=metadata,
                )
                return str(response.get("ts") or "")
            except SlackApiError as exc:
                status = exc.response.status_code
                error = exc.response.get("error") if isinstance(exc.response.data, dict) else None
                # A 5xx body is no Slack error code (slack_sdk fills in its own parse error).
                reason = f"Slack answered HTTP {status}" + (f" ({error})" if error and status < 500 else "")
                if status != 429 and status < 500:
                    raise PublishError(reason) from None
                if attempt == self._max_attempts:
                    raise PublishError(f"{reason} after {attempt} attempts") from None
                wait = self._wait(exc, attempt)
                log.warning("%s posting to %s; retrying in %.1fs", reason, channel, wait)
                self._sleep(wait)
            except (SlackClientError, OSError) as exc:
                # Never retried here: if the request reached Slack, retrying could post twice.
                if _never_sent(exc):
                    raise PublishError(f"could not reach Slack: {type(exc).__name__}: {exc}") from None
                raise PublishUnknown(f"no answer from Slack: {type(exc).__name__}: {exc}") from None
        raise PublishError("not posted")  # unreachable: the loop returns or raises

    def _wait(self, exc: SlackApiError, attempt: int) -> float:
        headers = exc.response.headers or {}
        raw = headers.get("Retry-After") or headers.get("retry-after")
        if isinstance(raw, list):
            raw = raw[0] if raw else None
        try:
            wait = float(raw) if raw is not None else self._backoff * 2 ** (attempt - 1)
        except ValueError:
            wait = self._backoff * 2 ** (attempt - 1)
        return min(max(wait, 0.0), MAX_WAIT_SECONDS)


def _never_sent(exc: BaseException) -> bool:
    """True when the request cannot have reached Slack (no connection was ever made)."""
    reason = exc.reason if isinstance(exc, URLError) else exc
    return isinstance(reason, ConnectionRefusedError | socket.gaierror)


def _marker_of(message: dict[str, Any]) -> str | None:
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != MARKER_EVENT:
        return None
    slot = (metadata.get("event_payload") or {}).get("slot")
    return slot if isinstance(slot, str) else None
