"""The extraction contract: what `extract()` returns for one article.

Field names and meanings follow ../shared/eval/README.md so that `briefbot extract --jsonl`
can dump these models as they are. Offsets are Python string indices, end exclusive.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuoteKind = Literal["direct", "partial", "indirect"]
Bound = Literal["=", "~", ">", ">=", "<", "<="]
Change = Literal["up", "down"]
DateKind = Literal["date", "time", "duration", "set"]
EntityKind = Literal["person", "organization", "place"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Quote(_Frozen):
    """Something someone said: the content span and who said it."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"
    speaker_kind: EntityKind | None = None
    speaker_role: str | None = None
    rule: str | None = None


class Figure(_Frozen):
    """A number the article reports, with what it counts or measures."""

    text: str
    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    bound: Bound = "="
    change: Change | None = None
    about: str | None = None
    rule: str | None = None


class TimeExpression(_Frozen):
    """A temporal expression, normalised TIMEX3-style against the publication date."""

    text: str
    start: int
    end: int
    value: str | None = None
    kind: DateKind = "date"
    rule: str | None = None


class Event(_Frozen):
    """A dated happening: one sentence that reports it, dated at the precision the text supports."""

    date: str
    start: int
    end: int
    summary: str
    actors: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    scheduled: bool = False
    rule: str | None = None


class Entity(_Frozen):
    """A person, organisation or place named in the article, under its fullest name."""

    name: str
    kind: EntityKind
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)


class Extraction(_Frozen):
    """Everything extracted from one article."""

    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    dates: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
