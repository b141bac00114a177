"""The fast scanner's trigger words and lead words, read from the date rules' own patterns.

Each rule names its anchor groups (`DateRule.anchors`): every match of the rule holds one of them
(checked here: an anchor that could be skipped raises). The words an anchor can open with are read
from `re`'s parse tree of the rule, so the scanner looks for exactly what the grammar declares:

- a trigger is the literal letters an anchor opens with ("Sept", "week", "noon"), with the case the
  pattern asks for (capitalised month names, any case for "week"), or DIGIT for an anchor that opens
  with a digit;
- lead words are every literal word of the grammar, the words that can stand in a match before its
  anchor ("the past two weeks", "more than a decade ago").

A trigger found is only a place to try the full grammar, so a trigger may be a prefix of the word
("centur" for "century" and "centuries"); `tests/unit/test_timex_scan.py` checks that the scanner
finds what `TIMEX.finditer` finds.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT}
DIGIT = "0"  # the trigger of an anchor that opens with a digit


class Anchored(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def pattern(self) -> str: ...

    @property
    def anchors(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class Trigger:
    word: str  # DIGIT, or the letters an anchor opens with
    ignore_case: bool


class GrammarError(ValueError):
    """A rule whose anchors do not cover every match, or open with something that is not a word."""


def triggers(rules: Sequence[Anchored]) -> frozenset[Trigger]:
    """The places the scanner looks: the opening words of every rule's anchors."""
    out: set[Trigger] = set()
    for rule in rules:
        tree = _parser.parse(rule.pattern)
        ids = {tree.state.groupdict[a] for a in rule.anchors if a in tree.state.groupdict}
        if len(ids) != len(rule.anchors):
            raise GrammarError(f"{rule.name}: an anchor is not a group of its pattern")
        if not _covered(list(tree), ids):
            raise GrammarError(f"{rule.name}: a match can skip every anchor {rule.anchors}")
        for group, flags, sub in _groups(list(tree), tree.state.flags):
            if group in ids:
                opening = _openings(list(sub), flags)
                if opening is None:
                    raise GrammarError(f"{rule.name}: an anchor does not open with a word or a digit")
                out |= opening
    return _without_longer(out)


def lead_words(rules: Sequence[Anchored]) -> frozenset[str]:
    """Every literal word of the grammar, lower-cased: what may come before an anchor in a match."""
    out: set[str] = set()
    for rule in rules:
        _words(list(_parser.parse(rule.pattern)), out)
    return frozenset(out)


def _covered(items: list[tuple[Any, Any]], ids: set[int]) -> bool:
    """Whether every match of the sequence passes through one of the groups `ids`."""
    for op, av in items:
        if op is _c.SUBPATTERN:
            group, _add, _del, sub = av
            if group in ids or _covered(list(sub), ids):
                return True
        elif op is _c.BRANCH:
            if all(_covered(list(b), ids) for b in av[1]):
                return True
        elif op in _REPEATS and av[0] >= 1 and _covered(list(av[2]), ids):
            return True
    return False


def _groups(items: Iterable[tuple[Any, Any]], flags: int) -> Iterable[tuple[int, int, Any]]:
    """Every group in the tree with the flags in force inside it."""
    for op, av in items:
        if op is _c.SUBPATTERN:
            group, add, delete, sub = av
            inner = (flags | add) & ~delete
            yield group, inner, sub
            yield from _groups(sub, inner)
        elif op is _c.BRANCH:
            for b in av[1]:
                yield from _groups(b, flags)
        elif op in _REPEATS:
            yield from _groups(av[2], flags)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            continue


def _openings(items: list[tuple[Any, Any]], flags: int, prefix: str = "") -> set[Trigger] | None:
    """The triggers a sequence opens with; None if it may open with something else, or match nothing."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1 :]
        if op is _c.LITERAL and chr(av).isalpha():
            prefix += chr(av)
            continue
        if prefix and op not in (_c.SUBPATTERN, _c.BRANCH):
            return {_word(prefix, flags)}
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            return {Trigger(DIGIT, False)} if chr(av).isdigit() else None
        if op is _c.IN:
            return {Trigger(DIGIT, False)} if _digits_only(av) else None
        if op is _c.SUBPATTERN:
            _group, add, delete, sub = av
            # the rest of the sequence follows with the flags outside the group again
            restore = [(_c.SUBPATTERN, (None, flags & delete, add & ~flags, rest))] if rest else []
            return _openings(list(sub) + restore, (flags | add) & ~delete, prefix)
        if op is _c.BRANCH:
            out: set[Trigger] = set()
            for b in av[1]:
                found = _openings(list(b) + rest, flags, prefix)
                if found is None:
                    return None
                out |= found
            return out
        if op in _REPEATS:
            low, _high, sub = av
            first = _openings(list(sub) + rest, flags)
            if low >= 1 or first is None:
                return first
            skipped = _openings(rest, flags)
            return None if skipped is None else first | skipped
        return None
    return {_word(prefix, flags)} if prefix else None


def _word(prefix: str, flags: int) -> Trigger:
    ignore_case = bool(flags & re.IGNORECASE)
    return Trigger(prefix.lower() if ignore_case else prefix, ignore_case)


def _digits_only(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op is _c.RANGE and ord("0") <= av[0] <= av[1] <= ord("9"):
            continue
        if op is _c.LITERAL and chr(av).isdigit():
            continue
        if op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            continue
        return False
    return True


def _words(items: Iterable[tuple[Any, Any]], out: set[str], word: str = "") -> None:
    """Collect the literal words; a word `re` split at a shared prefix ("e(?:very|ach)") is rejoined."""
    for op, av in items:
        if op is _c.LITERAL and chr(av).isalpha():
            word += chr(av).lower()
            continue
        if word and op in _REPEATS and all(o is _c.LITERAL and chr(a).isalpha() for o, a in av[2]):
            out.add(word + "".join(chr(a).lower() for _o, a in av[2]))  # "an" of `an?`, "Sept" of `Sept?`
        if word and op is _c.BRANCH:
            for b in av[1]:
                _words(b, out, word)
            word = ""
            continue
        if word and op is _c.SUBPATTERN:
            _words(av[3], out, word)
            word = ""
            continue
        if word:
            out.add(word)
            word = ""
        if op is _c.SUBPATTERN:
            _words(av[3], out)
        elif op is _c.BRANCH:
            for b in av[1]:
                _words(b, out)
        elif op in _REPEATS:
            _words(av[2], out)
    if word:
        out.add(word)


def _without_longer(found: set[Trigger]) -> frozenset[Trigger]:
    """Drop a trigger another one of the same case rule opens ("January" once "Jan" is looked for)."""
    keep = set()
    for t in found:
        if not any(o != t and o.ignore_case == t.ignore_case and t.word.startswith(o.word) for o in found):
            keep.add(t)
    return frozenset(keep)
