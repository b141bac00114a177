"""A plain-English message to one of the three questions, deterministically (no outside service).

    "what did Zelensky say about sanctions this week?"  ->  /whosaid Zelensky sanctions since 2026-11-30
    "timeline of the port strike since Monday"          ->  /timeline port strike since 2026-11-30
    "how many drones?"                                  ->  /figures drones

Which question: the words that cue it (extract/lexicons/intent_cues.tsv, weighed; a near spelling
of one, "timline", counts as it). When: date phrases ("since last Friday", "in the past two weeks",
"yesterday") read by the dates module against `today`. Who (for quotes): the words before the verb
of saying ("what did X say") or after "from"/"by" ("quotes from X"). The topic is what is left,
less the filler words (intent_fillers.txt), since every topic word must match. No cue, no guess:
the message is "unsure" and the caller offers the slash forms. Pure: people are not looked up here.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from extract.lexicons import table, word_set
from handlers.intent_words import Token, read_limit, read_windows, tokenize

Command = Literal["whosaid", "timeline", "figures"]
Action = Literal["ask", "more", "help", "unsure"]
COMMANDS: tuple[Command, ...] = ("whosaid", "timeline", "figures")

_NO_PERSON = frozenset({"who", "whos", "whom", "anyone", "anybody", "someone", "somebody", "everyone"})
_PERSON_AFTER = frozenset({"from", "by"})
_TOPIC_OPENERS = frozenset({"about", "on", "regarding", "concerning", "over", "re", "around", "of"})
_MORE = frozenset({"more", "next", "continue", "further", "older"})
_MORE_EXTRA = frozenset({"page", "results", "go", "keep", "going", "ones", "pls", "thanks"})
# Help, and a greeting: both get the examples rather than a guess at a question.
_HELP = frozenset({"help", "usage", "commands", "howto", "hi", "hello", "hey", "thanks", "thank"})
_FOLLOW_OPENERS = frozenset({"only", "just", "now", "and", "but", "then", "instead"})


class Intent(BaseModel):
    """What a message asks: a question (`ask`), the next page, help, or nothing we are sure of.

    `follow_up` marks a message that only refines an earlier question ("only since Friday",
    "just the figures", "limit 5", "what about Okafor"): the caller applies it to the thread's last one.
    """

    model_config = ConfigDict(frozen=True)

    action: Action
    command: Command | None = None
    person: str | None = None
    topic: list[str] = Field(default_factory=list)
    since: date | None = None
    until: date | None = None
    limit: int | None = None
    follow_up: bool = False
    candidates: list[Command] = Field(default_factory=list)  # when unsure: the questions it may be

    @property
    def terms(self) -> list[str]:
        """The query's words: the person's first (show_quotes reads them as a name), then the topic."""
        return [*(self.person.split() if self.person else []), *self.topic]

    def query_text(self) -> str:
        """The slash commands' grammar: `[topic words] [since DATE] [until DATE] [limit N]`."""
        parts = list(self.terms)
        if self.since:
            parts.append(f"since {self.since.isoformat()}")
        if self.until:
            parts.append(f"until {self.until.isoformat()}")
        if self.limit:
            parts.append(f"limit {self.limit}")
        return " ".join(parts)


@functools.cache
def _cues() -> dict[tuple[str, ...], tuple[Command, int]]:
    return {tuple(cue.split()): (command, int(weight)) for cue, command, weight in table("intent_cues")}  # type: ignore[misc]


def _fillers() -> frozenset[str]:
    return word_set("intent_fillers")


def parse_intent(text: str, *, today: date) -> Intent:
    """Read a message to the bot (its <@mention> may still be in it) as one of the three questions."""
    tokens = tokenize(text)
    if not tokens:
        return Intent(action="help")
    keys = [t.key for t in tokens]
    explicit = _slash_command(tokens)
    if explicit is None and any(k in _MORE for k in keys) and set(keys) <= _MORE | _MORE_EXTRA | _fillers():
        return Intent(action="more")
    window = read_windows(tokens, today)
    limit = read_limit(tokens)
    scores, first_cue = _read_cues(tokens)
    if explicit is not None:
        scores = {explicit: 99}
    content = [t for t in tokens if not t.used and t.key not in _fillers()]
    if explicit is None and any(t.key in _HELP for t in content) and not scores:
        return Intent(action="help")
    since, until = window
    best = max(scores.values(), default=0)
    winners = [c for c in COMMANDS if scores.get(c) == best] if best else []
    follow_opened = bool(keys) and (
        keys[0] in _FOLLOW_OPENERS or keys[:2] in (["what", "about"], ["how", "about"])
    )
    if not winners:
        if not content:
            if since or until or limit:  # "only since Friday", "limit 5"
                return Intent(action="ask", since=since, until=until, limit=limit, follow_up=True)
            return Intent(action="help")  # "what can you do?"
        topic = [t.text for t in content]
        if follow_opened and topic:
            return Intent(action="ask", topic=topic, since=since, until=until, limit=limit, follow_up=True)
        return Intent(
            action="unsure", topic=topic, since=since, until=until, limit=limit, candidates=list(COMMANDS)
        )
    if len(winners) > 1:
        topic = [t.text for t in content]
        return Intent(action="unsure", topic=topic, since=since, until=until, limit=limit, candidates=winners)
    command = winners[0]
    person = _read_person(tokens, first_cue.get(command)) if command == "whosaid" else None
    topic = [t.text for t in tokens if not t.used and t.key not in _fillers()]
    return Intent(
        action="ask",
        command=command,
        person=person,
        topic=topic,
        since=since,
        until=until,
        limit=limit,
        # "just the figures", "quotes?": another question about the thread's topic.
        follow_up=not person and not topic and (follow_opened or len(tokens) <= 3),
    )


def _slash_command(tokens: list[Token]) -> Command | None:
    """ "/timeline port strike": the command typed as in Slack, first word only."""
    first = tokens[0].key
    for command in COMMANDS:
        if first == f"/{command}":
            tokens[0].used = True
            return command
    return None


# ---- which question ----------------------------------------------------------------------------------


def _read_cues(tokens: list[Token]) -> tuple[dict[Command, int], dict[Command, int]]:
    """Each command's weight from the cue words (marked used), and where its first cue stands."""
    scores: dict[Command, int] = {}
    first: dict[Command, int] = {}
    cues = _cues()
    longest = max(len(c) for c in cues)
    i = 0
    while i < len(tokens):
        hit = None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            run = tuple(_cue_key(t) for t in tokens[i : i + n])
            if all(not t.used for t in tokens[i : i + n]) and run in cues:
                hit = n, cues[run]
                break
        if hit is None:
            i += 1
            continue
        n, (command, weight) = hit
        scores[command] = scores.get(command, 0) + weight
        first.setdefault(command, i)
        for t in tokens[i : i + n]:
            t.used = True
        i += n
    return scores, first


def _cue_key(token: Token) -> str:
    """The cue a word is, or a near spelling of ("timline", "qoutes", "figuers"); else the word."""
    key = token.key
    singles = _single_cues()
    if key in singles or len(key) < 6 or key in word_set("intent_not_typos") or key in _fillers():
        return key
    most = 2 if len(key) >= 9 else 1
    near = [c for c in singles if abs(len(c) - len(key)) <= most and _distance(key, c) <= most]
    # "happend" is near both "happen" and "happened": a typo if all it may be cue one question.
    return near[0] if near and len({_cues()[(c,)][0] for c in near}) == 1 else key


@functools.cache
def _single_cues() -> tuple[str, ...]:
    return tuple(sorted(c[0] for c in _cues() if len(c) == 1))


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, change, swap two neighbours) from `a` to `b`."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


# ---- who ---------------------------------------------------------------------------------------------


def _read_person(tokens: list[Token], cue_at: int | None) -> str | None:
    """Who is quoted: the words before the verb of saying ("what did X say"), else after "from"/"by"
    ("quotes from X on wages") up to the topic; nobody for "who said ..."."""
    if cue_at is None:
        return None
    before = [t for t in tokens[:cue_at] if not t.used]
    if not any(t.key in _NO_PERSON for t in before):
        named = [t for t in before if t.key not in _fillers()]
        if named:
            for t in named:
                t.used = True
            return " ".join(t.text for t in named)
    for i in range(cue_at, len(tokens)):
        if tokens[i].key in _PERSON_AFTER and not tokens[i].used:
            named = []
            for t in tokens[i + 1 :]:
                if t.used or t.key in _TOPIC_OPENERS:
                    break
                if t.key not in _fillers():
                    named.append(t)
            if named:
                tokens[i].used = True
                for t in named:
                    t.used = True
                return " ".join(t.text for t in named)
    return None


# ---- saying it back ------------------------------------------------------------------------------------


def understood(intent: Intent, *, today: date, person_name: str | None = None) -> str:
    """What was understood, as a sentence: "Quotes by Volodymyr Zelensky about sanctions since Mon 30 Nov"."""
    topic = " ".join(intent.topic)
    who = person_name or intent.person
    if intent.command == "whosaid":
        head = "Quotes" + (f" by {who}" if who else "") + (f" about {topic}" if topic else "")
        head = head if who or topic else "All quotes"
    elif intent.command == "timeline":
        head = f"Timeline of {topic}" if topic else "Timeline of everything"
    else:
        head = f"Figures on {topic}" if topic else "All figures"
    return (
        head
        + window_words(intent.since, intent.until, today)
        + (f" (up to {intent.limit})" if intent.limit else "")
    )


def window_words(since: date | None, until: date | None, today: date) -> str:
    """ " since Mon 30 Nov", " on Wed 2 Dec", " from Mon 23 Nov to Sun 29 Nov", or ""."""
    if since and until:
        if since == until:
            return f" on {_day(since, today)}"
        return f" from {_day(since, today)} to {_day(until, today)}"
    if since:
        return f" since {_day(since, today)}"
    if until:
        return f" until {_day(until, today)}"
    return ""


def _day(day: date, today: date) -> str:
    shown = f"{day:%a} {day.day} {day:%b}"
    return shown if day.year == today.year else f"{shown} {day.year}"


def slash_forms(intent: Intent) -> str:
    """The slash commands that would ask what an unsure message seems to ask: "Try /whosaid X or ..."."""
    query = intent.query_text()
    words = f" {query}" if query else ""
    forms = [f"/{c}{words}" for c in intent.candidates or COMMANDS]
    return "Try " + (", ".join(forms[:-1]) + " or " + forms[-1] if len(forms) > 1 else forms[0])


def slash_line(text: str, *, today: date) -> str | None:
    """The slash command a plain question stands for ("what did Okafor say?" -> "/whosaid Okafor"),
    or None when it is no clear question (a follow-up, help, or unsure)."""
    intent = parse_intent(text, today=today)
    if intent.action != "ask" or intent.command is None or intent.follow_up:
        return None
    return f"/{intent.command} {intent.query_text()}".rstrip()
