"""handlers.alerts.AlertPublisher over chat.postMessage: the alert, then the rest of its batch in its thread.

Posting (with retries on 429 and 5xx) is the digest publisher's. A personal watch posts to its
owner's user id, which chat.postMessage turns into the app's direct message with that user.
Once the alert itself is posted the batch counts as posted: a thread reply that fails is logged,
not retried (posting the batch again would repeat the alert).
"""

from __future__ import annotations

import logging

from bot.slack.digest_publisher import SlackDigestPublisher
from bot.slack.render_alerts import render_alert
from handlers.digests import PublishError
from handlers.domain import AlertBatch, Watch

log = logging.getLogger(__name__)


class SlackAlertPublisher:
    def __init__(self, poster: SlackDigestPublisher) -> None:
        self._poster = poster

    def publish(self, watch: Watch, batch: AlertBatch) -> str:
        """Post the batch to the watch's channel (or its owner's DM); the alert's ts."""
        messages = render_alert(watch, batch)
        ts = self._poster.post(watch.destination, messages[0])
        for reply in messages[1:]:
            try:
                self._poster.post(watch.destination, reply, thread_ts=ts)
            except PublishError as exc:
                log.error(
                    "alert %s details to %s (thread %s) not posted: %s", batch.id, watch.destination, ts, exc
                )
                break
        return ts
