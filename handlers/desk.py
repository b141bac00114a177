"""The ports every command may need, bound once by the composition root (bot/bootstrap.py).

Slack hands the use cases a probe that fetches, a directory that asks Slack who the workspace admins
are and an OPML reader over Slack files; the console hands them the same units of work and clock, and
no directory (nobody there is a workspace admin). Nothing here knows which front end it serves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from handlers.admin import AdminError, SourceProbe, WorkspaceDirectory, is_admin
from handlers.ports import Clock, UnitOfWork


class ChannelLookup(Protocol):
    def find(self, name: str) -> str | None:
        """The id of the channel called `name`; None when there is none (a UserError when it cannot tell)."""
        ...


class OpmlReader(Protocol):
    def read(self, spec: str | None, *, user: str, channel: str | None) -> bytes:
        """The bytes of an OPML file named by `spec` (a URL, a file link), or the last one `user` shared."""
        ...


@dataclass(frozen=True)
class Ports:
    """Units of work, clock and the outside-facing ports, bound for the use cases."""

    uow_factory: Callable[[], UnitOfWork]
    clock: Clock
    probe: SourceProbe | None = None
    directory: WorkspaceDirectory | None = None
    admin_ids: frozenset[str] = frozenset()
    opml_reader: OpmlReader | None = None
    channels: ChannelLookup | None = None  # channel names to ids (`watch ... in #news`)

    def may_administer(self, actor: str) -> bool:
        """BRIEFBOT_ADMINS, or a workspace admin as the directory reports it."""
        if self.directory is None:
            return bool(actor) and actor in self.admin_ids
        return is_admin(actor, admin_ids=self.admin_ids, directory=self.directory)

    def source_probe(self) -> SourceProbe:
        if self.probe is None:
            raise AdminError("Adding sources is not set up here; use briefbot sources add URL.")
        return self.probe
