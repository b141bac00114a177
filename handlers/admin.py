"""Admin use cases: who may administer, and following, listing, pausing and dropping sources.

No Slack here: whether a user is a workspace admin comes through the `WorkspaceDirectory` port, and
what a URL holds through the `SourceProbe` port (bot/sources_probe.py fetches it). Every action an
admin takes is written to the audit log (who, what, when) in the same transaction as the change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal, Protocol
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from handlers.domain import Source, SourceKind
from handlers.errors import UserError
from handlers.ports import Clock, UnitOfWork
from handlers.tenancy import DEFAULT_WORKSPACE

log = logging.getLogger(__name__)

MAX_URL_LENGTH = 2000


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class AdminError(UserError):
    """Something the admin asked that cannot be done; the message says why, for the user."""


class ProbeError(AdminError):
    """The URL could not be fetched or read; the message says what went wrong."""


class ProbeResult(_Model):
    """What one fetch of a URL showed: a feed (title, item count) or a page (title)."""

    url: str
    kind: SourceKind
    title: str | None = None
    item_count: int | None = None


class SourceProbe(Protocol):
    def probe(self, url: str) -> ProbeResult:
        """Fetch `url` once; raise ProbeError when it cannot be fetched or read."""
        ...


class WorkspaceDirectory(Protocol):
    def is_workspace_admin(self, user_id: str) -> bool:
        """True for the chat workspace's admins and owners (False when it cannot tell)."""
        ...


class AddSource(_Model):
    url: str
    name: str | None = None
    actor: str
    workspace: str = DEFAULT_WORKSPACE  # whose follow (handlers.tenancy)


class SourceAction(_Model):
    source_id: int
    actor: str
    workspace: str = DEFAULT_WORKSPACE  # only a source this workspace follows


class ListSources(_Model):
    actor: str
    workspace: str = DEFAULT_WORKSPACE  # the sources this workspace follows


class SourceAdded(_Model):
    source: Source
    probe: ProbeResult


class SourceChanged(_Model):
    action: Literal["removed", "paused", "resumed"]
    source: Source


class SourceList(_Model):
    sources: list[Source] = Field(default_factory=list)


def is_admin(user_id: str, *, admin_ids: frozenset[str], directory: WorkspaceDirectory) -> bool:
    """Configured admins (BRIEFBOT_ADMINS) first, so they need no API call; then the workspace's admins."""
    return user_id in admin_ids or directory.is_workspace_admin(user_id)


MAX_ATTEMPT_TEXT = 300  # of what a refused user typed, kept in the audit log


def record_refusal(
    actor: str,
    attempted: str,
    *,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    workspace: str = DEFAULT_WORKSPACE,
) -> None:
    """Audit an admin command refused to `actor`: action "<first word>.refused", the text capped.

    The refusal stands even when the log cannot be written (logged here): the user is told no either way.
    """
    words = attempted.split()
    command = words[0].lower()[:40] if words else "admin"
    try:
        with uow_factory().of(workspace) as uow:
            uow.audit.record(actor, f"{command}.refused", attempted.strip()[:MAX_ATTEMPT_TEXT], clock.now())
            uow.commit()
    except Exception:
        log.exception("could not audit a refused admin command (user=%s, command=%s)", actor, command)


def validate_url(url: str) -> str:
    """The URL stripped, when it is an absolute http(s) URL; AdminError otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise AdminError(f'"{url[:200]}" is not an http(s) URL, e.g. https://example.com/feed.xml')
    if len(url) > MAX_URL_LENGTH or any(ch.isspace() for ch in url):
        raise AdminError("That URL is too long or contains spaces.")
    return url


def add_source(
    cmd: AddSource, *, uow_factory: Callable[[], UnitOfWork], probe: SourceProbe, clock: Clock
) -> SourceAdded:
    """Follow a feed or page: validate the URL, fetch it once to show what it holds, store it, audit it."""
    url = validate_url(cmd.url)
    with uow_factory().of(cmd.workspace) as uow:
        existing = uow.sources.get_by_url(url)
    if existing:
        raise AdminError(f"Already following that URL as source #{existing.id}.")
    # The fetch happens outside any transaction: it may take seconds.
    found = probe.probe(url)
    with uow_factory().of(cmd.workspace) as uow:
        source = uow.sources.add(url, name=cmd.name or found.title, kind=found.kind, created_by=cmd.actor)
        detail = f"#{source.id} {url} ({found.kind}"
        detail += f", {found.item_count} items)" if found.item_count is not None else ")"
        uow.audit.record(cmd.actor, "sources.add", detail, clock.now())
        uow.commit()
    return SourceAdded(source=source, probe=found)


def list_sources(cmd: ListSources, *, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> SourceList:
    """Every followed source, active or paused; the look is audited like any admin action."""
    with uow_factory().of(cmd.workspace) as uow:
        sources = uow.sources.list()
        uow.audit.record(cmd.actor, "sources.list", f"{len(sources)} sources", clock.now())
        uow.commit()
    return SourceList(sources=sources)


def remove_source(cmd: SourceAction, *, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> SourceChanged:
    """Stop following a source for good (its articles stay)."""
    with uow_factory().of(cmd.workspace) as uow:
        source = _existing(uow, cmd.source_id)
        uow.sources.remove(cmd.source_id)
        uow.audit.record(cmd.actor, "sources.remove", f"#{source.id} {source.url}", clock.now())
        uow.commit()
    return SourceChanged(action="removed", source=source)


def pause_source(cmd: SourceAction, *, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> SourceChanged:
    """Stop polling a source until it is resumed."""
    return _set_active(cmd, False, uow_factory=uow_factory, clock=clock)


def resume_source(cmd: SourceAction, *, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> SourceChanged:
    """Poll a paused source again."""
    return _set_active(cmd, True, uow_factory=uow_factory, clock=clock)


def _set_active(
    cmd: SourceAction, active: bool, *, uow_factory: Callable[[], UnitOfWork], clock: Clock
) -> SourceChanged:
    action: Literal["paused", "resumed"] = "resumed" if active else "paused"
    with uow_factory().of(cmd.workspace) as uow:
        _existing(uow, cmd.source_id)
        source = uow.sources.set_active(cmd.source_id, active)
        if source is None:
            raise AdminError(f"No source #{cmd.source_id} (sources list shows them).")
        uow.audit.record(cmd.actor, f"sources.{action[:-1]}", f"#{source.id} {source.url}", clock.now())
        uow.commit()
    return SourceChanged(action=action, source=source)


def _existing(uow: UnitOfWork, source_id: int) -> Source:
    source = uow.sources.get(source_id)
    if source is None:
        raise AdminError(f"No source #{source_id} (sources list shows them).")
    return source
