"""The App Home: the Home tab on app_home_opened, its admin buttons, and the two modals they open.

Every change is a /briefbot command through the front door (the same grammar, use case, admin check
and audit as typed) and is followed by a fresh Home tab. A button is only drawn for admins, but a
click is checked again: a forged action from anyone else is refused, audited and changes nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack.backend import Door
from bot.slack.mrkdwn import clip
from bot.slack.render_home import (
    ADD_SOURCE_MODAL,
    CADENCE_INPUT,
    CHANNEL_INPUT,
    DIGEST_MODAL,
    NAME_INPUT,
    OPEN_ADD_SOURCE,
    OPEN_SET_DIGEST,
    PAUSE_SOURCE,
    RESUME_SOURCE,
    TIME_INPUT,
    TOPIC_INPUT,
    URL_INPUT,
    ZONE_INPUT,
    add_source_modal,
    checking_modal,
    digest_modal,
    render_home,
    source_added_modal,
)
from bot.slack.render_watch_modal import (
    KIND_INPUT,
    OPEN_WATCH,
    SUBJECT_INPUT,
    WATCH_CHANNEL_INPUT,
    WATCH_MODAL,
    watch_modal,
    watch_words,
)
from bot.slack.request_client import ContextExecutor
from bot.slack.workspace import workspace_in
from handlers.admin import SourceAdded
from handlers.errors import UserError
from handlers.home import AlertFeed, digest_words, summarize_home
from handlers.ports import Clock, UnitOfWork
from handlers.results import HelpResult, Refused

logger = logging.getLogger(__name__)

# Slack drops a view_submission not acked within 3 s: a probe still running after this long is
# answered from a "Fetching…" modal that is updated when it ends.
PROBE_WAIT = 2.0
SORRY = "Sorry, something went wrong on our side; it has been logged."
REFUSED = "Only briefbot admins can do this (workspace admins, or users in BRIEFBOT_ADMINS)."
_SLACK_LINK = re.compile(r"^<([^|>]+)(?:\|[^>]*)?>$")


class HomeTab:
    """Builds and publishes one user's Home tab."""

    def __init__(
        self, door: Door, uow_factory: Callable[[], UnitOfWork], clock: Clock, alerts: AlertFeed | None
    ) -> None:
        self.door = door
        self._uow_factory = uow_factory
        self._clock = clock
        self._alerts = alerts

    def publish(self, client: WebClient, user: str, team: str | None) -> None:
        """views.publish the user's Home tab; a failure is logged, never raised into Bolt."""
        try:
            summary = summarize_home(
                uow=self._uow_factory(),
                now=self._clock.now(),
                team=team,
                admin=self.door.is_admin(user),
                alerts=self._alerts(user, team) if self._alerts else (),
            )
            client.views_publish(user_id=user, view=render_home(summary))
        except Exception:
            logger.exception("publishing the Home tab failed (user=%s, team=%s)", user, team)


class NotAllowed(Exception):
    """The front door refused an admin command to this user (and audited it)."""


def run_admin(
    door: Door, words: list[str], user: str, *, channel: str | None = None, team: str | None = None
) -> object:
    """The result of `/briefbot WORDS` from the Home tab: NotAllowed for a non-admin, UserError for
    what the user can fix (the command's own message)."""
    reply = door.answer(["briefbot", *words], door.call(actor=user, channel=channel, team=team))
    if isinstance(reply.result, Refused):
        raise NotAllowed
    if isinstance(reply.result, HelpResult):  # the words were not read: never from our own forms
        raise UserError(reply.result.note or "That could not be read.")
    return reply.result


def register(
    app: App,
    door: Door,
    *,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    alerts: AlertFeed | None = None,
    probes: Executor | None = None,
) -> None:
    """The Home tab's event, actions and view submissions. `alerts` lists a user's watches;
    `probes` runs source probes (a small thread pool by default)."""
    home = HomeTab(door, uow_factory, clock, alerts)
    # The probe's admin check asks Slack with the request's workspace token: run it in its context.
    pool = ContextExecutor(probes or ThreadPoolExecutor(max_workers=4, thread_name_prefix="home-probe"))

    @app.event("app_home_opened")
    def opened(event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        if event.get("tab") == "home":  # the Messages tab is a conversation, nothing to publish
            home.publish(client, str(event.get("user", "")), workspace_in(context))

    def toggle(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        ack()
        user, team = _who(body, context)
        verb = "pause" if action.get("action_id") == PAUSE_SOURCE else "resume"
        value = str(action.get("value", ""))
        try:
            run_admin(door, ["sources", verb, value[:20]], user, team=team)
        except NotAllowed:
            logger.warning("refused a Home tab %s from %s", verb, user)
        except UserError as exc:
            # The source was removed meanwhile, or the value is not ours: the new tab shows the truth.
            logger.info("Home %s of source %r did nothing: %s", verb, value[:20], exc)
        home.publish(client, user, team)

    app.action(PAUSE_SOURCE)(toggle)
    app.action(RESUME_SOURCE)(toggle)

    @app.action(OPEN_ADD_SOURCE)
    def open_add_source(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        ack()
        _open(client, body, context, door, add_source_modal(), "add a source")

    @app.action(OPEN_SET_DIGEST)
    def open_set_digest(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        ack()
        _open(client, body, context, door, digest_modal(), "set a digest")

    @app.action(OPEN_WATCH)
    def open_watch(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()  # open to everyone: a watch of one's own needs no admin
        try:
            client.views_open(trigger_id=str(body.get("trigger_id", "")), view=watch_modal())
        except Exception:
            logger.exception("opening the watch modal failed (user=%s)", (body.get("user") or {}).get("id"))

    @app.view(WATCH_MODAL)
    def set_watch(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        user, team = _who(body, context)
        subject = _text(view, SUBJECT_INPUT)
        channel = _state(view, WATCH_CHANNEL_INPUT).get("selected_conversation")
        words = watch_words(subject, _option(view, KIND_INPUT), str(channel) if channel else None)

        def field_of(message: str) -> str:
            return WATCH_CHANNEL_INPUT[0] if channel and "channel" in message.lower() else SUBJECT_INPUT[0]

        done = _submitted(
            ack,
            lambda: run_admin(door, words, user, team=team),
            field_of=field_of,
            fallback=SUBJECT_INPUT[0],
            failing=("setting a watch", user, words),
        )
        if done:
            ack()
            home.publish(client, user, team)

    @app.view(ADD_SOURCE_MODAL)
    def add_source(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        user, team = _who(body, context)
        url = _unwrap(_text(view, URL_INPUT))
        name = _text(view, NAME_INPUT) or None
        words = ["sources", "add", url, *(name or "").split()]
        running = pool.submit(run_admin, door, words, user, team=team)
        try:
            added = running.result(timeout=PROBE_WAIT)
        except FutureTimeout:
            ack(response_action="update", view=checking_modal(url))
            _finish_late(client, view, running, url)
        except NotAllowed:
            ack(response_action="errors", errors={URL_INPUT[0]: REFUSED})
            return
        except UserError as exc:  # not a URL, already followed, or the probe could not read it
            ack(response_action="errors", errors={URL_INPUT[0]: clip(str(exc), 500)})
            return
        except Exception:
            logger.exception("adding a source from the Home tab failed (user=%s, url=%r)", user, url[:200])
            ack(response_action="errors", errors={URL_INPUT[0]: SORRY})
            return
        else:
            ack(response_action="update", view=source_added_modal(_added(added)))
        home.publish(client, user, team)

    @app.view(DIGEST_MODAL)
    def set_digest(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        user, team = _who(body, context)
        channel = _state(view, CHANNEL_INPUT).get("selected_conversation")
        if not channel:
            ack(
                response_action="errors", errors={CHANNEL_INPUT[0]: "Pick the channel to post the digest in."}
            )
            return
        words = digest_words(
            cadence=_option(view, CADENCE_INPUT) or "daily",
            time=str(_state(view, TIME_INPUT).get("selected_time") or ""),
            timezone=_option(view, ZONE_INPUT) or "UTC",
            topic=_text(view, TOPIC_INPUT) or None,
        )
        done = _submitted(
            ack,
            lambda: run_admin(door, ["digest", *words], user, channel=str(channel), team=team),
            field_of=_digest_field,
            fallback=CHANNEL_INPUT[0],
            failing=("setting a digest", user, words),
        )
        if done:
            ack()
            home.publish(client, user, team)


def _submitted(
    ack: Ack,
    run: Callable[[], object],
    *,
    field_of: Callable[[str], str],
    fallback: str,
    failing: tuple[str, str, list[str]],
) -> bool:
    """Run what a modal asked for; whether it was done. Otherwise the modal stays open with the
    reason under a field: a refusal or our own failure under `fallback`, a user's mistake where
    `field_of` its message says."""
    try:
        run()
    except NotAllowed:
        ack(response_action="errors", errors={fallback: REFUSED})
    except UserError as exc:
        ack(response_action="errors", errors={field_of(str(exc)): clip(str(exc), 500)})
    except Exception:
        what, user, words = failing
        logger.exception("%s from the Home tab failed (user=%s, words=%r)", what, user, words)
        ack(response_action="errors", errors={fallback: SORRY})
    else:
        return True
    return False


def _finish_late(client: WebClient, view: dict[str, Any], running: Any, url: str) -> None:
    """Put the slow probe's outcome in the modal that says it is fetching."""
    try:
        shown = source_added_modal(_added(running.result()))
    except NotAllowed:
        shown = add_source_modal(url=url, problem=REFUSED)
    except UserError as exc:
        shown = add_source_modal(url=url, problem=str(exc))
    except Exception:
        logger.exception("adding a source from the Home tab failed (url=%r)", url[:200])
        shown = add_source_modal(url=url, problem=SORRY)
    try:
        client.views_update(view_id=str(view.get("id", "")), view=shown)
    except Exception:
        logger.exception("updating the add-source modal failed (url=%r)", url[:200])


def _open(
    client: WebClient, body: dict[str, Any], context: BoltContext, door: Door, modal: Any, what: str
) -> None:
    user, _ = _who(body, context)
    if not door.is_admin(user):  # the form would be refused when sent: not even shown
        logger.warning("refused a Home tab %s form to %s", what, user)
        return
    try:
        client.views_open(trigger_id=str(body.get("trigger_id", "")), view=modal)
    except Exception:
        logger.exception("opening the %s modal failed (user=%s)", what, user)


def _added(result: object) -> SourceAdded:
    if not isinstance(result, SourceAdded):
        raise TypeError(f"sources add answered {type(result).__name__}")
    return result


def _who(body: dict[str, Any], context: BoltContext) -> tuple[str, str]:
    """Who clicked or submitted, and the workspace it counts for (bot.slack.workspace)."""
    user = body.get("user") or {}
    return str(user.get("id", "")), workspace_in(context)


def _state(view: dict[str, Any], field: tuple[str, str]) -> dict[str, Any]:
    block, action = field
    found = ((view.get("state") or {}).get("values") or {}).get(block, {}).get(action)
    return found if isinstance(found, dict) else {}


def _text(view: dict[str, Any], field: tuple[str, str]) -> str:
    return str(_state(view, field).get("value") or "").strip()


def _option(view: dict[str, Any], field: tuple[str, str]) -> str | None:
    option = _state(view, field).get("selected_option") or {}
    value = option.get("value")
    return str(value) if value else None


def _digest_field(message: str) -> str:
    """The input a digest error is about (the parser's messages name it)."""
    lowered = message.lower()
    if "time zone" in lowered:
        return ZONE_INPUT[0]
    if "time of day" in lowered:
        return TIME_INPUT[0]
    if "day of the week" in lowered:
        return CADENCE_INPUT[0]
    return CHANNEL_INPUT[0]


def _unwrap(token: str) -> str:
    # Pasted from a message, a link may come as <https://x|x>.
    match = _SLACK_LINK.match(token)
    return match.group(1) if match else token
