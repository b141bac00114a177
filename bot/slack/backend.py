"""What the Slack app needs from the handlers: one front door (handlers.front_door.FrontDoor).

The composition root (bot/bootstrap.py) builds it with the registry and the ports bound (the probe,
the workspace directory over Slack, the OPML reader over Slack files); tests hand in fakes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from handlers.front_door import Reply
from handlers.registry import Call, Registry


class Door(Protocol):
    """The registry's commands, answered: `handlers.front_door.FrontDoor` on the "slack" surface."""

    @property
    def registry(self) -> Registry: ...

    def call(
        self, *, actor: str = "", channel: str | None = None, team: str | None = None, offset: int = 0
    ) -> Call: ...

    def is_admin(self, actor: str) -> bool:
        """Whether `actor` may run admin commands: for deciding what to show (nothing is audited)."""
        ...

    def answer(self, words: Sequence[str], call: Call) -> Reply:
        """The reply to one line of words; UserError when the user can fix what they asked."""
        ...
