"""The one place where the Slack app reaches the handlers.

Listeners talk to `Questions` and `AdminDesk`; this module builds both from the composition root's
container, so swapping a handler (or a fake in a test) is a change here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from bot.slack.watch_command import AlertDesk, ChannelLookup
from handlers import admin, opml, stories
from handlers.articles_admin import ArticlesReply, articles_reply
from handlers.ask import Answer, run_command
from handlers.digest_admin import DigestView, manage_digest, parse_digest
from handlers.domain import Source, Story
from handlers.help import help_text
from handlers.polling import set_poll_interval
from handlers.ports import Clock, UnitOfWork


class SlackContainer(Protocol):
    """What the Slack app needs from bot.bootstrap's Container: units of work and a clock."""

    @property
    def clock(self) -> Clock: ...

    def uow(self) -> UnitOfWork: ...


class Questions(Protocol):
    def ask(self, question: str, text: str, *, offset: int = 0) -> Answer:
        """The answer to `/question text` from `offset` on; QueryError when the text cannot be read."""
        ...

    def help(self, topic: str | None = None) -> str: ...


class HandlerQuestions:
    """Questions answered by handlers.ask over a fresh unit of work each time."""

    def __init__(self, *, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    def ask(self, question: str, text: str, *, offset: int = 0) -> Answer:
        # The handlers open (and close) the unit of work themselves.
        return run_command(question, text, uow=self._uow_factory(), today=self._clock.today(), offset=offset)

    def help(self, topic: str | None = None) -> str:
        return help_text(topic)


class AdminDesk:
    """The admin use cases with their ports bound: who may act, and what they may do to sources."""

    def __init__(
        self,
        *,
        uow_factory: Callable[[], UnitOfWork],
        clock: Clock,
        probe: admin.SourceProbe,
        directory: admin.WorkspaceDirectory,
        admin_ids: frozenset[str],
        opml_reader: OpmlReader | None = None,
        channels: ChannelLookup | None = None,
    ) -> None:
        self._channels = channels  # for alerts: `watch ... in #name`
        self._opml_reader = opml_reader
        self._uow_factory = uow_factory
        self._clock = clock
        self._probe = probe
        self._directory = directory
        self._admin_ids = admin_ids

    def may_administer(self, user_id: str) -> bool:
        return admin.is_admin(user_id, admin_ids=self._admin_ids, directory=self._directory)

    @property
    def alerts(self) -> AlertDesk:
        """The alert use cases (bot.slack.watch_command), with who may administer."""
        return AlertDesk(
            uow_factory=self._uow_factory,
            clock=self._clock,
            may_administer=self.may_administer,
            channels=self._channels,
        )

    def add(self, actor: str, url: str, name: str | None) -> admin.SourceAdded:
        return admin.add_source(
            admin.AddSource(url=url, name=name, actor=actor),
            uow_factory=self._uow_factory,
            probe=self._probe,
            clock=self._clock,
        )

    def list(self, actor: str) -> admin.SourceList:
        return admin.list_sources(
            admin.ListSources(actor=actor), uow_factory=self._uow_factory, clock=self._clock
        )

    def change(self, actor: str, verb: str, source_id: int) -> admin.SourceChanged:
        """`verb` is remove, pause or resume."""
        use_case = {
            "remove": admin.remove_source,
            "pause": admin.pause_source,
            "resume": admin.resume_source,
        }[verb]
        return use_case(
            admin.SourceAction(source_id=source_id, actor=actor),
            uow_factory=self._uow_factory,
            clock=self._clock,
        )

    def articles(self, actor: str, verb: str, args: Sequence[str]) -> ArticlesReply:
        """`articles list [OFFSET]`, `show ID`, `remove ID`, `redate ID DATE` (AdminError when wrong)."""
        return articles_reply(actor, verb, list(args), uow_factory=self._uow_factory, clock=self._clock)

    def show_story(self, story_id: int) -> Story:
        """A story with its reports and the reasons they were merged (StoryError if unknown)."""
        return stories.show_story(story_id, uow=self._uow_factory())

    def split_story(self, actor: str, story_id: int, event_id: int) -> stories.StorySplit:
        """Take an event out of a story into its own; audited (StoryError when it cannot)."""
        return stories.split_story(
            stories.SplitStory(story_id=story_id, event_id=event_id, actor=actor),
            uow=self._uow_factory(),
            clock=self._clock,
        )

    def digest(self, actor: str, channel: str, team: str | None, words: Sequence[str]) -> DigestView:
        """`/briefbot digest ...` in `channel`: set, off or show (AdminError when it cannot be read)."""
        cmd = parse_digest([*words], channel=channel, actor=actor, team=team)
        return manage_digest(cmd, uow_factory=self._uow_factory, clock=self._clock)

    def import_opml(self, actor: str, spec: str | None, channel: str | None) -> opml.SourcesImported:
        """Follow the feeds of an OPML file (a Slack file share or a URL)."""
        if self._opml_reader is None:
            raise admin.AdminError("Importing OPML is not set up here; use briefbot sources import FILE.")
        feeds = opml.parse_opml(self._opml_reader.read(spec, user=actor, channel=channel))
        return opml.import_sources(
            opml.ImportSources(feeds=feeds, actor=actor), uow_factory=self._uow_factory, clock=self._clock
        )

    def set_interval(self, actor: str, source_id: int, minutes: int) -> Source:
        """Poll a source every `minutes`."""
        return set_poll_interval(
            source_id, minutes, actor=actor, uow_factory=self._uow_factory, clock=self._clock
        )


class OpmlReader(Protocol):
    def read(self, spec: str | None, *, user: str, channel: str | None) -> bytes: ...
