"""A message to the bot in plain English (a mention, a DM, a reply in the thread) to the question it asks.

The thread's last question is kept in the store (`uow.threads`), so a reply can refine it: "only
since Friday" replaces the window, "more" shows the next page, "just the figures" asks another
question on the same topic, "limit 5" shows fewer. Nothing here knows Slack: a thread is a
(channel, thread) pair of strings.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from handlers.domain import AskedQuestion
from handlers.intent import Intent, parse_intent, slash_forms, understood
from handlers.ports import UnitOfWork
from handlers.quoted_person import split_person
from handlers.tenancy import DEFAULT_WORKSPACE

EXAMPLES = (
    "Ask me in plain words, for example:\n"
    "• what did Okafor say about wages this week?\n"
    "• timeline of the port strike since Monday\n"
    "• how many containers last month?\n"
    "Then reply in the thread to refine it: only since Friday · more · just the figures · limit 5"
)


class Reply(BaseModel):
    """What to answer a message with: a question to run (`command`, `query`, `offset`) and the
    sentence saying what was understood, or a text (help, an unsure message, nothing to refine)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["answer", "help", "unsure", "last_page", "nothing_asked"]
    text: str  # the understood line above an answer, else the whole reply
    command: Literal["whosaid", "timeline", "figures"] | None = None
    query: str = ""
    offset: int = 0
    asked: AskedQuestion | None = None  # to remember (with its next offset) once answered


def reply_to(
    text: str,
    *,
    channel: str,
    thread: str,
    uow: UnitOfWork,
    today: date,
    workspace: str = DEFAULT_WORKSPACE,
) -> Reply:
    """The reply to `text` sent in this thread, reading (not changing) the thread's last question;
    everything read is the workspace's."""
    intent = parse_intent(text, today=today)
    with uow.of(workspace):
        previous = uow.threads.last(channel, thread)
        if intent.action == "help":
            return Reply(kind="help", text=EXAMPLES)
        if intent.action == "more":
            return _more(previous, uow=uow, today=today)
        if intent.action == "unsure":
            return _unsure(intent)
        if intent.follow_up and previous is not None:
            intent = _refine(_intent_of(previous), intent)
        elif intent.command is None:
            if intent.topic:  # "what about Okafor" with nothing asked before
                return _unsure(intent)
            return Reply(kind="nothing_asked", text=f"There is no question here to refine yet.\n{EXAMPLES}")
        return _answer(intent, channel=channel, thread=thread, uow=uow, today=today)


def _unsure(intent: Intent) -> Reply:
    # No guess: the slash forms the words would make, to pick from.
    return Reply(kind="unsure", text=f"I'm not sure which question that is. {slash_forms(intent)}.")


def remember_question(asked: AskedQuestion, *, uow: UnitOfWork, workspace: str = DEFAULT_WORKSPACE) -> None:
    """Keep `asked` as its thread's last question (with where its next page starts), the workspace's."""
    with uow.of(workspace):
        uow.threads.remember(asked)
        uow.commit()


def _answer(
    intent: Intent, *, channel: str, thread: str, uow: UnitOfWork, today: date, offset: int = 0
) -> Reply:
    if intent.command is None:
        raise ValueError("a question to answer names its command")
    name: str | None = None
    if intent.command == "whosaid":
        # Said back with the stored full name, the topic being what the name leaves.
        people, named, topic = split_person(intent.terms, uow.people.find)
        if people:
            name = " or ".join(p.name for p in people[:2])
            intent = intent.model_copy(update={"person": " ".join(named), "topic": topic})
    asked = AskedQuestion(
        channel=channel,
        thread=thread,
        command=intent.command,
        person=intent.person,
        topic=intent.topic,
        since=intent.since,
        until=intent.until,
        limit=intent.limit,
    )
    said = understood(intent, today=today, person_name=name)
    return Reply(
        kind="answer",
        text=said if not offset else f"More of: {said}",
        command=intent.command,
        query=intent.query_text(),
        offset=offset,
        asked=asked,
    )


def _more(previous: AskedQuestion | None, *, uow: UnitOfWork, today: date) -> Reply:
    if previous is None:
        return Reply(kind="nothing_asked", text=f"There is nothing to show more of here yet.\n{EXAMPLES}")
    intent = _intent_of(previous)
    if previous.next_offset <= 0:
        said = understood(intent, today=today)
        return Reply(kind="last_page", text=f"That was all for: {said}.")
    return _answer(
        intent,
        channel=previous.channel,
        thread=previous.thread,
        uow=uow,
        today=today,
        offset=previous.next_offset,
    )


def _intent_of(asked: AskedQuestion) -> Intent:
    return Intent(
        action="ask",
        command=asked.command,
        person=asked.person,
        topic=asked.topic,
        since=asked.since,
        until=asked.until,
        limit=asked.limit,
    )


def _refine(previous: Intent, follow: Intent) -> Intent:
    """The previous question with what the reply changes: its window (both ends replaced, so "only
    since Friday" drops an old "until"), its limit, its question, or its topic ("what about X")."""
    update: dict[str, object] = {}
    if follow.since or follow.until:
        update |= {"since": follow.since, "until": follow.until}
    if follow.limit:
        update["limit"] = follow.limit
    if follow.command:
        update["command"] = follow.command
        if follow.command != "whosaid" and previous.person:
            # Only quotes have a speaker: for the others the name is one more topic word.
            update |= {"person": None, "topic": [*previous.person.split(), *previous.topic]}
    if follow.topic or follow.person:
        update |= {"person": follow.person, "topic": follow.topic}
    return previous.model_copy(update=update)
