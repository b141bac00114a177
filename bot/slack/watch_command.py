"""`/briefbot watch ...` and `/briefbot unwatch ID`: words to the alert use cases, results to Block Kit.

watch [person|topic] WORDS [in #channel|in here]   (a channel's watch: admins; else yours, by DM)
watch list · watch remove ID · unwatch ID
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Protocol, cast

from bot.slack.message import SlackMessage
from bot.slack.render_admin import render_error
from bot.slack.render_alerts import render_watch_added, render_watch_list, render_watch_removed
from handlers.alerts import (
    USAGE,
    AddWatch,
    RemoveWatch,
    WatchAdded,
    WatchError,
    add_watch,
    list_watches,
    remove_watch,
)
from handlers.domain import Watch, WatchKind
from handlers.ports import AlertUnitOfWork, Clock, UnitOfWork

logger = logging.getLogger(__name__)
# <#C0123|news> or <#C0123> (an escaped channel), a bare id, or #news.
_ESCAPED = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$")
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{6,}$")
_HERE = {"here", "this-channel"}


class ChannelLookup(Protocol):
    def find(self, name: str) -> str | None:
        """The id of the channel called `name`; None when there is none (WatchError when it cannot tell)."""
        ...


class AlertDesk:
    """The alert use cases with their ports bound, and who may administer."""

    def __init__(
        self,
        *,
        uow_factory: Callable[[], UnitOfWork],
        clock: Clock,
        may_administer: Callable[[str], bool],
        channels: ChannelLookup | None = None,
    ) -> None:
        # The store's units of work hold the watches too (store.uow proves it to mypy).
        self._uow_factory = cast(Callable[[], AlertUnitOfWork], uow_factory)
        self._clock = clock
        self._may_administer = may_administer
        self._channels = channels

    def add(
        self, actor: str, subject: str, kind: WatchKind | None, channel: str | None, team: str | None
    ) -> WatchAdded:
        """Watch `subject` for `channel` (admins) or, without one, for `actor` by DM."""
        # Only a channel's watch needs to know (a users.info call for workspace admins).
        is_admin = channel is not None and self._may_administer(actor)
        if channel is not None and not is_admin:
            logger.warning("refused a channel watch from %s: %r in %s", actor, subject[:200], channel)
        cmd = AddWatch(subject=subject, kind=kind, channel=channel, actor=actor, team=team, is_admin=is_admin)
        return add_watch(cmd, uow_factory=self._uow_factory, clock=self._clock)

    def list(self, user: str, channel: str | None, team: str | None) -> list[Watch]:
        """The channel's watches and the user's own."""
        return list_watches(uow_factory=self._uow_factory, team=team, channel=channel, user=user)

    def remove(self, actor: str, watch_id: int) -> Watch:
        """Stop a watch: one's own, or any for an admin (handlers.alerts.remove_watch says who may)."""
        cmd = RemoveWatch(watch_id=watch_id, actor=actor, is_admin=self._may_administer(actor))
        return remove_watch(cmd, uow_factory=self._uow_factory, clock=self._clock)

    def channel_id(self, name: str) -> str:
        """The id of the channel `#name`; WatchError when there is none."""
        found = self._channels.find(name) if self._channels is not None else None
        if found is None:
            raise WatchError(
                f"I can't find a public channel #{name.lstrip('#')}; run the command there with `in here`."
            )
        return found


def run_watch(
    words: list[str], user: str, alerts: AlertDesk, *, channel: str | None = None, team: str | None = None
) -> SlackMessage:
    """One `/briefbot watch ...` or `/briefbot unwatch ...` line (`words` starts with the verb)."""
    try:
        return _run(words, user, alerts, channel=channel, team=team)
    except WatchError as exc:
        return render_error(str(exc))


def _run(
    words: list[str], user: str, alerts: AlertDesk, *, channel: str | None, team: str | None
) -> SlackMessage:
    verb, args = words[0].lower(), words[1:]
    first = args[0].lower() if args else "list"
    if verb == "unwatch" or first in ("remove", "off", "stop"):
        ids = args if verb == "unwatch" else args[1:]
        if len(ids) != 1 or not ids[0].lstrip("#").isdigit():
            raise WatchError("Watch ids are numbers, as in /briefbot unwatch 3 (watch list shows them).")
        return render_watch_removed(alerts.remove(user, int(ids[0].lstrip("#"))))
    if first == "list" and len(args) <= 1:
        return render_watch_list(alerts.list(user, channel, team))
    kind: WatchKind | None = None
    if first in ("person", "topic") and len(args) > 1:
        kind = cast(WatchKind, first)
        args = args[1:]
    subject, where = _split_where(args)
    target = _target(where, alerts, channel) if where else None
    if not subject:
        raise WatchError(f"What should I watch? Try: {USAGE}")
    return render_watch_added(alerts.add(user, " ".join(subject), kind, target, team))


def _split_where(args: list[str]) -> tuple[list[str], str | None]:
    """The words to watch, and what follows a final `in` when it names a channel ("in Kyiv" does not)."""
    if len(args) >= 2 and args[-2].lower() == "in":
        last = args[-1]
        if last.startswith(("#", "<#")) or last.lower() in _HERE:
            return args[:-2], last
    if len(args) >= 3 and [a.lower() for a in args[-3:]] == ["in", "this", "channel"]:
        return args[:-3], "here"
    return args, None


def _target(where: str, alerts: AlertDesk, channel: str | None) -> str:
    if where.lower() in _HERE:
        if not channel or channel.startswith("D"):
            raise WatchError(
                "`in here` is for a channel; in a direct message, leave it out: alerts come to you."
            )
        return channel
    escaped = _ESCAPED.match(where)
    if escaped:
        return escaped.group(1)
    name = where.lstrip("#")
    if _CHANNEL_ID.match(name):
        return name
    return alerts.channel_id(name)
