"""What a POST to /slack/events must pass before Bolt sees it: size, signature, freshness, shape.

Checked in the order of what they cost, so a stranger's request costs us next to nothing:
1. the declared Content-Length (413 before a byte of the body is read; no length: 411);
2. the v0 signature Slack puts on every request (HMAC-SHA256 of "v0:{timestamp}:{body}" with
   the signing secret, timestamp within five minutes): 401 for anything unsigned or wrong;
3. a signature seen before inside those five minutes is a replay: 401;
4. a signed body Bolt could not parse (not UTF-8, broken JSON, a `payload` that is no object): 400.

Replays are remembered in this process only (`SeenSignatures`): `briefbot serve` is one waitress
process with threads, so that is every request. Behind a load balancer with several web processes
a replay sent to another process would pass this check (the signature and the five-minute window
still hold); a shared store (the database, a unique key on the signature) would be needed there.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl

log = logging.getLogger(__name__)

WINDOW_SECONDS = 5 * 60  # Slack's own rule: a request older (or newer) than this is refused
# Slack sends a few kB; a block_actions payload repeats the message it came from (50 blocks of up
# to 3,000 characters, form-encoded), which stays well under this.
MAX_BODY_BYTES = 512 * 1024
MAX_REMEMBERED = 100_000  # signed requests in five minutes: far beyond what one workspace sends


@dataclass(frozen=True)
class Refusal:
    """An HTTP answer that ends the request before Bolt: status line and a short plain-text reason."""

    status: str
    reason: str


TOO_LARGE = Refusal("413 Payload Too Large", "request body too large")
NO_LENGTH = Refusal("411 Length Required", "Content-Length required")
UNSIGNED = Refusal("401 Unauthorized", "invalid or missing Slack signature")
REPLAYED = Refusal("401 Unauthorized", "request already received")
MALFORMED = Refusal("400 Bad Request", "malformed request body")


def declared_length(content_length: str | None, *, cap: int = MAX_BODY_BYTES) -> int | Refusal:
    """The body length to read, or why not: nothing is read before this says how much."""
    if not content_length:
        return NO_LENGTH
    try:
        length = int(content_length)
    except ValueError:
        return Refusal("400 Bad Request", "bad Content-Length")
    if length < 0:
        return Refusal("400 Bad Request", "bad Content-Length")
    return TOO_LARGE if length > cap else length


def signature_valid(
    secret: str, body: bytes, timestamp: str | None, signature: str | None, now: float
) -> bool:
    """Slack's v0 scheme, as slack_sdk.signature.SignatureVerifier computes it, over the raw bytes (so
    a body that is not UTF-8 is still refused before anything tries to decode it)."""
    if not timestamp or not signature or not timestamp.isdigit() or not secret:
        return False
    if abs(now - int(timestamp)) > WINDOW_SECONDS:
        return False
    mac = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return hmac.compare_digest(f"v0={mac.hexdigest()}", signature)


class SeenSignatures:
    """Signatures of accepted requests, each forgotten once its timestamp leaves the window.

    Bounded: past `limit` live entries the oldest is dropped (only signed requests get in, so
    reaching it takes Slack itself sending more than `limit` requests in five minutes).
    """

    def __init__(self, *, window: float = WINDOW_SECONDS, limit: int = MAX_REMEMBERED) -> None:
        self._window = window
        self._limit = limit
        self._expires: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, signature: str, timestamp: int, now: float) -> bool:
        """Remember `signature`; False when it was already seen (a replay)."""
        with self._lock:
            self._forget_expired(now)
            if signature in self._expires:
                return False
            # Kept until its timestamp can no longer pass the freshness check anywhere.
            self._expires[signature] = max(timestamp, now) + self._window
            while len(self._expires) > self._limit:
                self._expires.popitem(last=False)
            return True

    def __len__(self) -> int:
        return len(self._expires)

    def _forget_expired(self, now: float) -> None:
        # Insertion order is nearly expiry order; stop at the first live entry (a few late ones
        # are dropped on a later call, or by the bound).
        while self._expires:
            signature, expires = next(iter(self._expires.items()))
            if expires > now:
                break
            del self._expires[signature]


def parse_problem(body: bytes, content_type: str | None) -> str | None:
    """Why Bolt could not parse this body (its rules: slack_bolt.request.internals.parse_body), or None."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    if not text:
        return "empty body"
    try:
        if content_type == "application/json" or text.startswith("{"):
            parsed = json.loads(text)
        elif "payload" in text:
            payload = dict(parse_qsl(text, keep_blank_values=True)).get("payload")
            parsed = json.loads(payload) if payload is not None else {}
        else:
            parsed = dict(parse_qsl(text, keep_blank_values=True))
    except ValueError as exc:  # json.JSONDecodeError included
        return f"{type(exc).__name__} at {getattr(exc, 'pos', '?')}"
    return None if isinstance(parsed, dict) else f"a JSON {type(parsed).__name__}, not an object"


class RequestGuard:
    """The checks above, for one signing secret; `check` says whether a read body may go on to Bolt."""

    def __init__(self, signing_secret: str, *, clock: Callable[[], float] = time.time) -> None:
        self._secret = signing_secret
        self._clock = clock
        self.seen = SeenSignatures()

    def precheck(self, headers: Mapping[str, str]) -> Refusal | None:
        """Before the body is read: no signature, or a timestamp out of the window, is refused unread."""
        timestamp = headers.get("x-slack-request-timestamp") or ""
        fresh = timestamp.isdigit() and abs(self._clock() - int(timestamp)) <= WINDOW_SECONDS
        if headers.get("x-slack-signature") and fresh:
            return None
        log.warning("refused a request without a signature or with a stale timestamp (body not read)")
        return UNSIGNED

    def check(self, body: bytes, headers: Mapping[str, str], content_type: str | None) -> Refusal | None:
        """None when the request may go on, else the Refusal to answer (`headers` keys lower case)."""
        timestamp = headers.get("x-slack-request-timestamp")
        signature = headers.get("x-slack-signature")
        now = self._clock()
        if not signature_valid(self._secret, body, timestamp, signature, now):
            # As Bolt logged it (one line a request, like the access log): never the body.
            log.warning("refused a request with an invalid or missing signature (body not logged)")
            return UNSIGNED
        assert timestamp is not None and signature is not None  # signature_valid checked both
        if not self.seen.first_time(signature, int(timestamp), now):
            log.warning("refused a replayed Slack request (timestamp %s)", timestamp)
            return REPLAYED
        problem = parse_problem(body, content_type)
        if problem is not None:
            # Signed, so Slack (or someone holding the secret) sent it: worth one line, not the body.
            log.warning("refused a signed request Bolt could not parse: %s (%d bytes)", problem, len(body))
            return MALFORMED
        return None
