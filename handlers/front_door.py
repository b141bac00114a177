"""The front door: a line of words, who asks and from where -> a result model, through the registry.

Every front end calls `dispatch`: the Slack listeners, the console shell, `briefbot ask`. It finds
the command, answers help requests, refuses admin commands to non-admins, reads the words with the
command's grammar and runs its use case. A `UserError` (a query it cannot read, an action that
cannot be done) goes up to the front end, which shows its message; words that name a command but
fit none of its forms get that command's help with a note.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from handlers.admin import record_refusal
from handlers.desk import Ports
from handlers.errors import Misread
from handlers.paging import split_public
from handlers.registry import Call, Command, Context, Group, Match, Registry, Surface, words_of
from handlers.results import HelpResult, QueryError, Refused
from handlers.tenancy import workspace_of

logger = logging.getLogger(__name__)
_HELP_WORDS = {"help", "?", "-h", "--help"}


@dataclass(frozen=True)
class Reply:
    """A result and how to show it: in the channel (`public`) or to the asker alone."""

    result: object
    command: Command | None = None
    public: bool = False
    text: str = ""  # the words after the command, as the result was asked (a More button repeats them)


def is_help_request(text: str) -> bool:
    """`/timeline help`, `/whosaid ?`: the user asks how the command works."""
    return text.strip().lower() in _HELP_WORDS


def dispatch(
    registry: Registry, words: Sequence[str], call: Call, ports: Ports, *, surface: Surface = "console"
) -> Reply:
    """Answer one line of words (`["briefbot", "sources", "add", URL]`); raises UserError for the user."""
    if not words:
        return Reply(HelpResult(text=registry.help_text(surface=surface)))
    match = registry.find(words)
    command = match.command
    if command is None or surface not in command.surfaces:
        return _unmatched(registry, list(words), match, call, ports, surface)
    if command.admin and not ports.may_administer(call.actor):
        return _refuse(command.admin, words, call, ports)
    args, public = match.args, False
    if command.shareable:
        text, public = split_public(" ".join(args))
        args = text.split()
    if len(command.path) == 1 and is_help_request(" ".join(args)):
        return Reply(HelpResult(command=command.name, text=registry.help_text(command.name)), command)
    if call.offset < 0:
        raise QueryError("offset must not be negative.")
    try:
        typed = command.parse(args, call)
    except Misread as exc:
        group = registry.group_of(command)
        rest = list(words[len(group.path) :]) if group else list(words[1:])
        note = exc.note or _misread_note(registry, group, rest)
        return Reply(
            HelpResult(command=words[0], text=registry.full_help(surface=surface), note=note), command
        )
    result = command.run(typed, Context(ports=ports, call=call, registry=registry))
    return Reply(result, command, public, " ".join(args))


def _unmatched(
    registry: Registry, words: list[str], match: Match, call: Call, ports: Ports, surface: Surface
) -> Reply:
    """Words that name a group but none of its commands get the help; words naming nothing, an error."""
    group = match.group
    offered = group is not None and any(
        c.path[: len(group.path)] == group.path for c in registry.offered(surface)
    )
    if group is None or not offered:
        name, names = words[0].lower().lstrip("/"), registry.slash_names(surface)
        raise QueryError(f"unknown command '/{name}'; try {names} (or help).")
    if group.admin and not ports.may_administer(call.actor):
        return _refuse(group.admin, words, call, ports)
    note = _misread_note(registry, group, match.args)
    return Reply(HelpResult(command=words[0], text=registry.full_help(surface=surface), note=note))


def _refuse(what: str, words: Sequence[str], call: Call, ports: Ports) -> Reply:
    """Refused, and written to the audit log ("sources.refused", the words typed after the root)."""
    logger.warning("refused admin command from %s: %r", call.actor, " ".join(words)[:200])
    record_refusal(
        call.actor,
        " ".join(words[1:]),
        uow_factory=ports.uow_factory,
        clock=ports.clock,
        workspace=workspace_of(call),
    )
    return Reply(Refused(what=what))


def _misread_note(registry: Registry, group: Group | None, rest: list[str]) -> str:
    """'I don't understand "sources list extra".' (and the group's help, when it says so)."""
    if group is None:
        return f'I don\'t understand "{words_of(rest)}".'
    shown = " ".join([*group.path[1:], words_of(rest)]).strip()
    note = group.misread.format(words=shown)
    if group.with_help:
        note += "\n" + registry.subcommand_help(group.path)
    return note


@dataclass(frozen=True)
class FrontDoor:
    """A registry with its ports bound, as one front end (`surface`) sees it: what listeners call."""

    registry: Registry
    ports: Ports
    surface: Surface = "console"

    def call(
        self, *, actor: str = "", channel: str | None = None, team: str | None = None, offset: int = 0
    ) -> Call:
        """A call made now (today by the clock the composition root chose)."""
        return Call(today=self.ports.clock.today(), actor=actor, channel=channel, team=team, offset=offset)

    def is_admin(self, actor: str) -> bool:
        """Whether `actor` may run admin commands: for deciding what to show (nothing is audited)."""
        return self.ports.may_administer(actor)

    def answer(self, words: Sequence[str], call: Call) -> Reply:
        """The reply to one line of words; UserError when the user can fix what they asked."""
        return dispatch(self.registry, words, call, self.ports, surface=self.surface)
