"""Figures about one thing in one happening, grouped: their range, who said what, conflicts, revisions.

Two figures are about the same thing when they count the same unit (or subject) for the same
happening: the date of the story whose sentence holds the figure, or else the day the article
was published. Each figure stands for a range of values it allows (`plausible_range`); reports
from different articles whose ranges do not meet disagree, if they were published the same day or
tell of one dated happening: a count told on Tuesday and another on Saturday may both hold (a
queue that grew). A count that grows across days (a death toll, or a figure reported as a change)
is a revision, not a disagreement: the latest is shown first and the earlier ones as its history.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from extract.figures.units import CURRENCY_NAMES
from extract.lexicons import table, word_set
from extract.timex.dates import date_range
from handlers.results import FigureGroup, FigureReport
from handlers.story_match import fold, stem

# An undated figure joins a happening of its thing that ended at most this long before its article.
RECENT_HAPPENING = timedelta(days=7)

# Units that measure (a subject that only repeats one names nothing); count nouns are told apart by
# the vague-subjects lexicon.
_MEASURES = frozenset(
    "percent percentage metre kilometre mile foot inch tonne ton kilogram gram litre "
    "hectare acre degree celsius fahrenheit hour minute second day week month year".split()
)

# What a running count is called: later, larger numbers revise earlier ones.
_RUNNING_COUNTS = frozenset(
    "toll dead death killed kill casualty injured wounded victim case infection displaced evacuated arrested "
    "detained missing fatality hospitalized hospitalised body".split()
)


def step(value: float) -> float:
    """The rounding step a number was probably given to: 800 -> 100, 810 -> 10, 9 -> 1, 2.5 -> 0.1."""
    if value <= 0:
        return 1.0
    if value != int(value):
        return 0.1
    n, unit = int(value), 1.0
    while n >= 10 and n % 10 == 0:
        n //= 10
        unit *= 10
    return unit


def plausible_range(r: FigureReport) -> tuple[float, float]:
    """The values a figure allows, bound words read as they say: "at least nine" and "more than a
    dozen" allow any larger number (13 missiles agrees with both), "up to 50" any smaller one down
    to zero, "around 810" a tenth either way (or half a rounding step), a plain number itself."""
    v, top = r.value, r.value_max if r.value_max is not None else r.value
    if r.bound in (">", ">="):
        return v, math.inf
    if r.bound in ("<", "<="):
        return min(0.0, v), top
    if r.bound == "~":
        tol = max(step(v) / 2, 0.1 * abs(v))
        return v - tol, top + tol
    return v, top


def thing_key(r: FigureReport) -> str | None:
    """What a figure counts, for grouping: the head word of its subject, with its unit.

    "over 600 long-range drones" and "around 610 drones" both count drones; "$825 million"
    for an arms package and "$300 million" in frozen assets share a unit but not a subject. Without
    a subject nothing says two numbers measure the same thing.
    """
    words = fold(r.about).split() if r.about else []
    if not words:
        return None
    return f"{stem(words[-1])}|{fold(r.unit or '')}|{outcome(r) or ''}"


_WORD = re.compile(r"[\w'-]+|[.;:,!?()\d]")


def outcome(r: FigureReport) -> str | None:
    """What happened to what the figure counts, from the nearest outcome word around it in its
    sentence (lexicon figure_outcomes: "killed", "treated" ...): three words before it, five after,
    not past a punctuation mark or another number. "420 firefighters battled the blaze" tells none,
    "2 firefighters were treated for smoke" tells "hurt"."""
    at = r.sentence.find(r.text) if r.text else -1
    if at < 0:
        return None
    outcomes = {row[0]: row[1] for row in table("figure_outcomes") if len(row) == 2}
    before = _WORD.findall(r.sentence[:at])[::-1][:3]
    after = _WORD.findall(r.sentence[at + len(r.text) :])[:5]
    best: tuple[int, str] | None = None
    for side in (before, after):
        for distance, word in enumerate(side):
            if not word[:1].isalpha():
                break
            found = outcomes.get(word.lower())
            if found and (best is None or distance < best[0]):
                best = (distance, found)
                break
    return best[1] if best else None


def group_figures(
    reports: Sequence[FigureReport], when: Callable[[FigureReport], str | None]
) -> list[FigureGroup]:
    """Reports grouped by what they count and the happening they belong to; each group summarised.

    `when(report)` is the date of the happening the report's sentence tells of, None when no stored
    happening holds it. Figures of one thing on different happening dates stay apart ("730 drones in
    July", "800 drones on Sunday"); a figure of no known happening joins the latest happening of that
    thing up to its article's day, or else the undated ones published the same day: "7.2 million
    containers" handled in a year, reported on Monday, is not Wednesday's "1,200 containers" stuck.
    """
    groups: dict[object, list[FigureReport]] = {}
    dated: dict[str, set[str]] = {}
    for r in reports:
        thing, day = thing_key(r), when(r)
        if thing and day:
            dated.setdefault(thing, set()).add(day)
    for i, r in enumerate(reports):
        thing = thing_key(r)
        if not thing:
            groups[i] = [r]  # an unknown subject groups with nothing
            continue
        day = when(r) or _latest_before(dated.get(thing, set()), r)
        key = (thing, day) if day else (thing, None, r.source.published)
        groups.setdefault(key, []).append(r)
    return [summarise(part) for rs in groups.values() for part in split_counts(rs)]


def split_counts(reports: list[FigureReport]) -> list[list[FigureReport]]:
    """Reports of one thing parted where one article gives two numbers that cannot both hold: those
    count two things ("420 firefighters" fought the fire, "2" of them were treated for smoke), so
    each joins the part whose reports from its article it agrees with, or starts one."""
    parts: list[list[FigureReport]] = []
    for r in reports:
        span = plausible_range(r)
        for part in parts:
            if all(o.source.id != r.source.id or _meet(span, plausible_range(o)) for o in part):
                part.append(r)
                break
        else:
            parts.append([r])
    return parts


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return not (a[1] < b[0] or b[1] < a[0])


def _latest_before(days: set[str], r: FigureReport) -> str | None:
    published = r.source.published.isoformat() if r.source.published else "9999"
    earlier = [d for d in days if d <= published and _recent(d, r.source.published)]
    return max(earlier) if earlier else None


def _recent(day: str, published: date | None) -> bool:
    """Whether a happening is still news on the day an article was published: it ended at most a
    week before. A figure no happening holds is about its article's news, not "last year"'s."""
    span = date_range(day)
    return published is None or span is None or span[1] >= published - RECENT_HAPPENING


def summarise(reports: list[FigureReport]) -> FigureGroup:
    """One group: the values reported (lowest to highest, nothing the reports did not say), the
    latest report with its history, and whether sources disagree."""
    ranges = [plausible_range(r) for r in reports]
    by_date = sorted(
        reports, key=lambda r: (r.source.published is not None, r.source.published, r.source.id), reverse=True
    )
    days = {r.source.published for r in reports}
    revised = len(days) > 1 and _is_revision(reports)
    latest_day = by_date[0].source.published
    disputed = _disputed(reports, ranges, revised)
    low = min(r.value for r in reports)
    high = max(r.value_max if r.value_max is not None else r.value for r in reports)
    return FigureGroup(
        about=heading(reports),
        unit=reports[0].unit,
        reports=by_date if revised else reports,
        conflict=bool(disputed),
        disputed=disputed if len(days) > 1 else [],
        low=low,
        high=high,
        latest=by_date[0] if revised else None,
        history=[r for r in by_date if r.source.published != latest_day] if revised else [],
    )


def heading(reports: Sequence[FigureReport]) -> str | None:
    """What the figures are of, as their reports name it: the subject most of them give (the plainer
    one on a tie); None when none names more than a bare unit or a word like "more" or "people"."""
    named = [" ".join(r.about.split()) for r in reports if r.about and names_a_thing(r.about, r.unit)]
    if not named:
        return None
    return max(named, key=lambda a: (named.count(a), -len(a)))


def adds_to_unit(about: str | None, unit: str | None) -> bool:
    """Whether a figure's subject, shown beside it, says more than its own words do: "arms package"
    beside "$825 million" does; "missiles" beside "13 missiles" or "people" beside "23 people" does not."""
    if not about or not names_a_thing(about, unit):
        return False
    said = {stem(w) for w in fold(unit or "").split()}
    return any(stem(w) not in said for w in fold(about).split())


def names_a_thing(about: str, unit: str | None) -> bool:
    """Whether a figure's subject says what it counts: not a vague word ("more", "same area",
    "people", "others"), nor only the unit of a measure ("dollars" of USD, "km" of kilometre)."""
    words = fold(about).split()
    if not words or " ".join(words) in word_set("figure_vague_subjects"):
        return False
    if all(w in word_set("figure_vague_subjects") for w in words):
        return False
    if unit and (unit.isupper() or unit in _MEASURES or " " in unit):
        said = {stem(w) for w in fold(f"{unit} {CURRENCY_NAMES.get(unit, '')}").split()}
        return any(stem(w) not in said for w in words)
    return True


def _is_revision(reports: Sequence[FigureReport]) -> bool:
    if any(r.change for r in reports):
        return True
    words = {stem(w) for r in reports for w in fold(f"{r.about or ''} {r.unit or ''} {r.sentence}").split()}
    return bool(words & {stem(w) for w in _RUNNING_COUNTS})


def _disputed(
    reports: Sequence[FigureReport], ranges: Sequence[tuple[float, float]], revised: bool
) -> list[str]:
    """The days (ISO) that reports which cannot all hold are about: their happening's, else the day
    they were published; empty when the reports can all hold."""
    days: set[str] = set()
    for i in range(len(reports)):
        for j in range(i + 1, len(reports)):
            a, b = reports[i], reports[j]
            if a.source.id == b.source.id:
                continue  # one article giving two numbers is usually counting two things
            if revised and a.source.published != b.source.published:
                continue  # a running count told again later: its history, not a contradiction
            if a.source.published != b.source.published and not (a.happening and a.happening == b.happening):
                # A count told on another day may be of another moment (a queue that grows): only
                # two reports of one dated happening can contradict each other across days.
                continue
            (alo, ahi), (blo, bhi) = ranges[i], ranges[j]
            if ahi < blo or bhi < alo:
                days.add(a.happening or (a.source.published.isoformat() if a.source.published else "?"))
    return sorted(days)
