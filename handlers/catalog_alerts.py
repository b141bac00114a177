"""`/briefbot watch ...` and `/briefbot unwatch ID`: alerts, declared once (see handlers/registry.py).

    watch [person|topic] WORDS [in #channel | in here]   a channel's watch (admins), else yours by DM
    watch list · watch remove ID · unwatch ID

Open to everyone: a personal watch is the user's own; a channel's watch, and removing someone
else's, need an admin (the use cases in handlers/alerts.py decide and audit).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, cast

from pydantic import BaseModel, ConfigDict

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
from handlers.desk import ChannelLookup
from handlers.domain import Watch, WatchKind
from handlers.ports import AlertUnitOfWork
from handlers.registry import SLACK_ONLY, Call, Command, Context
from handlers.tenancy import workspace_of

# <#C0123|news> or <#C0123> (an escaped channel), a bare id, or #news.
_ESCAPED = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$")
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{6,}$")
_HERE = {"here", "this-channel"}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class WatchRequest(_Model):
    """One watch command as typed: what to do, and for `add` the words and where alerts go."""

    verb: Literal["add", "list", "remove"]
    subject: str = ""
    kind: WatchKind | None = None
    where: str | None = None  # "#news", "<#C…>", "here"; None: a personal watch
    watch_id: int | None = None


class WatchList(_Model):
    """This channel's watches and the user's own."""

    watches: list[Watch]


class WatchRemoved(_Model):
    watch: Watch


# --- grammars ---------------------------------------------------------------------------------


def _watch(args: list[str], call: Call) -> WatchRequest:
    first = args[0].lower() if args else "list"
    if first in ("remove", "off", "stop"):
        return _unwatch(args[1:], call)
    if first == "list" and len(args) <= 1:
        return WatchRequest(verb="list")
    kind: WatchKind | None = None
    if first in ("person", "topic") and len(args) > 1:
        kind, args = cast(WatchKind, first), args[1:]
    subject, where = _split_where(args)
    if not subject:
        raise WatchError(f"What should I watch? Try: {USAGE}")
    return WatchRequest(verb="add", subject=" ".join(subject), kind=kind, where=where)


def _unwatch(args: list[str], call: Call) -> WatchRequest:
    if len(args) != 1 or not args[0].lstrip("#").isdigit():
        raise WatchError("Watch ids are numbers, as in /briefbot unwatch 3 (watch list shows them).")
    return WatchRequest(verb="remove", watch_id=int(args[0].lstrip("#")))


def _split_where(args: list[str]) -> tuple[list[str], str | None]:
    """The words to watch, and what follows a final `in` when it names a channel ("in Kyiv" does not)."""
    if len(args) >= 2 and args[-2].lower() == "in":
        last = args[-1]
        if last.startswith(("#", "<#")) or last.lower() in _HERE:
            return args[:-2], last
    if len(args) >= 3 and [a.lower() for a in args[-3:]] == ["in", "this", "channel"]:
        return args[:-3], "here"
    return args, None


# --- use cases, with the ports bound ----------------------------------------------------------


def _run(request: WatchRequest, ctx: Context) -> WatchAdded | WatchList | WatchRemoved:
    ports, call = ctx.ports, ctx.call
    # The store's units of work hold the watches too (store.uow proves it to mypy).
    uow_factory = cast(Callable[[], AlertUnitOfWork], ports.uow_factory)
    if request.verb == "list":
        return WatchList(
            watches=list_watches(
                uow_factory=uow_factory, team=workspace_of(call), channel=call.channel, user=call.actor
            )
        )
    if request.verb == "remove":
        assert request.watch_id is not None
        cmd = RemoveWatch(
            watch_id=request.watch_id,
            actor=call.actor,
            is_admin=ports.may_administer(call.actor),
            team=workspace_of(call),
        )
        return WatchRemoved(watch=remove_watch(cmd, uow_factory=uow_factory, clock=ports.clock))
    channel = _target(request.where, call, ports.channels) if request.where else None
    # Only a channel's watch needs to know (a users.info call for workspace admins).
    is_admin = channel is not None and ports.may_administer(call.actor)
    add = AddWatch(
        subject=request.subject,
        kind=request.kind,
        channel=channel,
        actor=call.actor,
        team=workspace_of(call),
        is_admin=is_admin,
    )
    return add_watch(add, uow_factory=uow_factory, clock=ports.clock)


def _target(where: str, call: Call, channels: ChannelLookup | None) -> str:
    if where.lower() in _HERE:
        if not call.channel or call.channel.startswith("D"):
            raise WatchError(
                "`in here` is for a channel; in a direct message, leave it out: alerts come to you."
            )
        return call.channel
    escaped = _ESCAPED.match(where)
    if escaped:
        return escaped.group(1)
    name = where.lstrip("#")
    if _CHANNEL_ID.match(name):
        return name
    found = channels.find(name) if channels is not None else None
    if found is None:
        raise WatchError(f"I can't find a public channel #{name}; run the command there with `in here`.")
    return found


ALERT_COMMANDS: tuple[Command, ...] = (
    Command(
        path=("briefbot", "watch"),
        usage=(
            "/briefbot watch [person|topic] WORDS [in #channel]",
            "/briefbot watch list · /briefbot unwatch ID",
        ),
        summary="alerts: a channel's (admins) or, without `in`, your own by DM",
        parse=_watch,
        run=_run,
        result=(WatchAdded, WatchList, WatchRemoved),
        surfaces=SLACK_ONLY,
    ),
    Command(
        path=("briefbot", "unwatch"),
        usage=("/briefbot unwatch ID",),
        summary="stop a watch (yours; any, for admins)",
        parse=_unwatch,
        run=_run,
        result=(WatchRemoved,),
        surfaces=SLACK_ONLY,
        hidden=True,
    ),
)
