"""The command registry: every command declared once, and every front end reading the declaration.

A `Command` says its words (`path`: ("timeline",) is `/timeline`, ("briefbot", "sources", "add") is
`/briefbot sources add`), its grammar (`parse`: the words after the path -> a typed command), the use
case it calls (`run`), its help (usage, one line, examples), whether it needs an admin, where it is
offered (Slack, the console) and the kind of result it returns. Slack registers one slash command per
root word, the shell and `briefbot ask` answer the console's commands, help is generated from here,
and renderers are chosen by the result's type (bot/slack/render_result.py, bot/console/render.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from handlers.errors import Misread

if TYPE_CHECKING:
    from handlers.desk import Ports

Surface = Literal["slack", "console"]
EVERYWHERE: frozenset[Surface] = frozenset({"slack", "console"})
SLACK_ONLY: frozenset[Surface] = frozenset({"slack"})


@dataclass(frozen=True)
class Call:
    """Who asks, from where, for which page: what every front end knows of a request (not Slack's)."""

    today: date
    actor: str = ""
    channel: str | None = None
    team: str | None = None
    offset: int = 0


@dataclass(frozen=True)
class Context:
    """What a use case gets beside its typed command: the bound ports, the call and the registry."""

    ports: Ports
    call: Call
    registry: Registry


Parse = Callable[[list[str], Call], Any]  # words after the path -> typed command; raises UserError
Run = Callable[[Any, Context], object]  # typed command -> result model


@dataclass(frozen=True)
class Command:
    """One command, declared once."""

    path: tuple[str, ...]
    usage: tuple[str, ...]  # one line each way of writing it, e.g. "/timeline [topic] [since DATE]"
    summary: str  # one line: what it answers or does
    parse: Parse
    run: Run
    result: tuple[type, ...]  # the result kinds `run` returns, each with a renderer per front end
    examples: tuple[str, ...] = ()
    grammar: str = ""  # a line shared by commands of one grammar, said once under their help
    admin: str | None = None  # what a refusal names ("managing sources"); None: open to everyone
    surfaces: frozenset[Surface] = EVERYWHERE
    shareable: bool = False  # the word `public` answers in the channel rather than to the asker
    pages: bool = False  # answers come a page at a time ("More", the shell's `more`)
    hidden: bool = False  # not listed in the help (the help command itself)

    @property
    def name(self) -> str:
        return " ".join(self.path)

    @property
    def slash(self) -> str:
        """How it is typed: "/timeline", "/briefbot sources add"."""
        return "/" + self.name

    def help_block(self) -> str:
        """Usage, what it does, and examples: the help of a whole slash command (a question)."""
        lines = [*self.usage, self.summary]
        if self.examples:
            lines.append("Examples: " + " · ".join(self.examples))
        return "\n".join(lines)

    def help_line(self) -> str:
        """One line a usage, the summary in brackets after the last: a subcommand in a list of them."""
        lines = list(self.usage)
        if self.summary:
            lines[-1] += f"  ({self.summary})"
        return "\n".join(lines)


@dataclass(frozen=True)
class Group:
    """Subcommands sharing words ("briefbot sources"): who may use them, and what words alone mean."""

    path: tuple[str, ...]
    admin: str | None = None
    default: str | None = None  # the subcommand the group's words alone run ("sources" -> "list")
    misread: str = 'I don\'t understand "{words}".'  # the note above the help for words it cannot read
    with_help: bool = False  # the group's own help follows the note


@dataclass(frozen=True)
class Match:
    """What a line of words found: a command and its arguments, a group it misread, or nothing."""

    command: Command | None
    args: list[str]
    group: Group | None = None


@dataclass
class Registry:
    """The commands one bot answers; `default_registry()` holds briefbot's."""

    commands: dict[tuple[str, ...], Command] = field(default_factory=dict)
    groups: dict[tuple[str, ...], Group] = field(default_factory=dict)
    admin_heading: str = "Admin commands (for BRIEFBOT_ADMINS and workspace admins):"

    def add(self, *commands: Command | Group) -> Registry:
        """Declare commands (and groups); a path declared twice is a mistake, said at start-up."""
        for item in commands:
            table: dict[tuple[str, ...], Any] = self.groups if isinstance(item, Group) else self.commands
            if item.path in table:
                raise ValueError(f"{' '.join(item.path)} is declared twice")
            table[item.path] = item
        return self

    def copy(self) -> Registry:
        return Registry(dict(self.commands), dict(self.groups), self.admin_heading)

    def find(self, words: Sequence[str]) -> Match:
        """The command whose path is the longest start of `words` (any case), with the words after it."""
        lowered = tuple(w.lower() for w in words)
        for n in range(len(lowered), 0, -1):
            command = self.commands.get(lowered[:n])
            if command is not None:
                return Match(command, list(words[n:]))
        for n in range(len(lowered), 0, -1):
            group = self.groups.get(lowered[:n])
            if group is not None:
                rest = list(words[n:])
                default = self.commands.get((*group.path, group.default)) if group.default else None
                return Match(default if not rest else None, rest, group)
        return Match(None, list(words[1:]))

    def group_of(self, command: Command) -> Group | None:
        for n in range(len(command.path) - 1, 0, -1):
            if command.path[:n] in self.groups:
                return self.groups[command.path[:n]]
        return None

    def offered(self, surface: Surface) -> list[Command]:
        return [c for c in self.commands.values() if surface in c.surfaces]

    def roots(self, surface: Surface) -> list[str]:
        """The first words of the commands offered on `surface`: Slack's slash commands."""
        return list(dict.fromkeys(c.path[0] for c in self.offered(surface)))

    def questions(self, surface: Surface = "console") -> list[Command]:
        """Commands that are a whole slash command (/timeline), as opposed to subcommands."""
        return [c for c in self.offered(surface) if len(c.path) == 1 and not c.hidden]

    def help_text(self, name: str | None = None, *, surface: Surface = "console") -> str:
        """Help for one whole command ("timeline", a leading "/" is fine), or for all of them."""
        wanted = (name or "").strip().lstrip("/").lower()
        chosen = [c for c in self.questions(surface) if c.name == wanted] or self.questions(surface)
        blocks = "\n\n".join(c.help_block() for c in chosen)
        grammars = list(dict.fromkeys(c.grammar for c in chosen if c.grammar))
        joiner = "\n" if len(chosen) == 1 else "\n\n"
        return blocks + (joiner + "\n".join(grammars) if grammars else "")

    def subcommand_help(self, prefix: tuple[str, ...] = (), *, surface: Surface = "slack") -> str:
        """One line a subcommand under `prefix` (all of them by default), in declaration order."""
        return "\n".join(
            c.help_line()
            for c in self.offered(surface)
            if len(c.path) > 1 and c.path[: len(prefix)] == prefix and not c.hidden
        )

    def full_help(self, topic: str | None = None, *, surface: Surface = "slack") -> str:
        """The questions' help (or one question's) and then every subcommand: what `/briefbot help` shows."""
        admin = self.subcommand_help(surface=surface)
        body = self.help_text(topic, surface=surface)
        return f"{body}\n\n{self.admin_heading}\n{admin}" if admin else body

    def slash_names(self, surface: Surface = "console") -> str:
        """ "/timeline, /whosaid or /figures": the questions, as a sentence names them."""
        names = [c.slash for c in self.questions(surface)]
        return " or ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def no_arguments(args: list[str], call: Call) -> None:
    """The grammar of a command that takes no words."""
    if args:
        raise Misread()


def words_of(items: Iterable[str]) -> str:
    """Words as a note quotes them: joined, and cut at 100 characters (a pasted essay stays out)."""
    return " ".join(items)[:100]
