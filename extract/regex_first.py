"""Which ASCII characters can open a match of a regex, read from the pattern's parse tree.

A big alternation tried at one place pays for every alternative, even those that cannot start with
the character there. Knowing each alternative's possible first characters lets `Alternation` try only
the ones that can (TIMEX, units of measure). The answer errs on the safe side: where the analysis meets
anything it does not model (a negated set, a backreference, `.`), it answers "any character", which
costs speed, never a match. Lookarounds and `\\b` are treated as matching nothing (they consume no
character), so they only ever widen the answer.

It reads `re`'s own parser (`re._parser`, Python 3.11+), so it agrees with the engine about groups,
flags and escapes.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Callable, Sequence
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

ASCII = frozenset(chr(c) for c in range(128))
_CATEGORIES = {
    _constants.CATEGORY_DIGIT: re.compile(r"\d"),
    _constants.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _constants.CATEGORY_SPACE: re.compile(r"\s"),
    _constants.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _constants.CATEGORY_WORD: re.compile(r"\w"),
    _constants.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
# Non-ASCII letters that case-insensitive matching folds onto ASCII ones ("ſ" ~ "s", Kelvin "K" ~ "k").
_FOLDS_ONTO = {"s": "ſ", "k": "\u212a", "i": "İı"}
_ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}
_REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT}


class _Unknown(Exception):
    """The analysis met a construct it does not model: any character may start a match."""


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The ASCII characters a match of `pattern` can start with; None if it may be any (or empty)."""
    return _first_characters(_parser.parse(pattern, flags))


def opening_guard(pattern: str, flags: int = 0) -> str:
    """A lookahead that fails at once where `pattern` cannot start, to put before it; "" if any may.

    `re` enters every alternative of a big alternation at each place a scan reaches, and a failed
    entry costs about what a match does; one character-set test in front skips the places where none
    can open. Non-ASCII characters always pass, as first_characters does not cover them."""
    first = first_characters(pattern, flags)
    if first is None:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(first)) + r"\x80-\U0010ffff])"


def _first_characters(tree: Any) -> frozenset[str] | None:
    try:
        chars, nullable = _sequence(list(tree), tree.state.flags)
    except _Unknown:
        return None
    return None if nullable else frozenset(chars)


def _sequence(items: list[tuple[Any, Any]], flags: int) -> tuple[set[str], bool]:
    """(first characters, whether the sequence can match the empty string)."""
    chars: set[str] = set()
    for op, av in items:
        first, nullable = _item(op, av, flags)
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _item(op: Any, av: Any, flags: int) -> tuple[set[str], bool]:
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _constants.LITERAL:
        return _literal(chr(av), flags), False
    if op is _constants.IN:
        return _in(av, flags), False
    if op is _constants.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _sequence(list(sub), (flags | add_flags) & ~del_flags)
    if op is _constants.ATOMIC_GROUP:
        return _sequence(list(av), flags)
    if op is _constants.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in av[1]:
            first, empty = _sequence(list(branch), flags)
            chars |= first
            nullable = nullable or empty
        return chars, nullable
    if op in _REPEATS:
        low, _high, sub = av
        first, empty = _sequence(list(sub), flags)
        return first, empty or low == 0
    raise _Unknown(op)


def _in(items: list[tuple[Any, Any]], flags: int) -> set[str]:
    """The ASCII characters a character set `[...]` accepts."""
    for op, av in items:
        modelled = op is _constants.LITERAL or op is _constants.RANGE
        if not (modelled or (op is _constants.CATEGORY and av in _CATEGORIES)):
            raise _Unknown(op)  # a negated set, or one this analysis does not model
    return _matching(lambda c: any(_in_item(c, op, av) for op, av in items), flags)


def _in_item(c: str, op: Any, av: Any) -> bool:
    if op is _constants.LITERAL:
        return bool(ord(c) == av)
    if op is _constants.RANGE:
        return bool(av[0] <= ord(c) <= av[1])
    return _CATEGORIES[av].match(c) is not None


def _literal(char: str, flags: int) -> set[str]:
    """The ASCII characters that match the literal `char`."""
    if not flags & re.IGNORECASE:
        return {char} & ASCII
    return ({char} & ASCII) | _CASE_FORM_OF.get(char, set())


def _matching(accepts: Callable[[str], bool], flags: int) -> set[str]:
    """The ASCII characters `accepts` takes, directly or, ignoring case, through any of their case forms."""
    if not flags & re.IGNORECASE:
        return {c for c in ASCII if accepts(c)}
    return {c for c in ASCII if any(accepts(form) for form in _case_forms(c))}


def _case_forms(c: str) -> set[str]:
    if c not in string.ascii_letters:
        return {c}
    return {c, c.lower(), c.upper(), *_FOLDS_ONTO.get(c.lower(), "")}


# A character -> the ASCII letters it is a case form of ("K" -> {"k", "K"}, Kelvin sign -> {"k", "K"}).
_CASE_FORM_OF: dict[str, set[str]] = {}
for _letter in string.ascii_letters:
    for _form in _case_forms(_letter):
        _CASE_FORM_OF.setdefault(_form, set()).add(_letter)


class Alternation:
    """`(?:A1|A2|…)TAIL` for alternatives that are named groups, matched at a place by a variant of the
    pattern that tries only the alternatives able to open with the character there.

    Every alternative entered costs time, even one that fails on its first character. The others leave
    only their named groups, empty, in one last branch that fails at once (`(?!)`), so a group of theirs
    reads None as it would in `pattern`, and a variant compiles in a fraction of the time. Matches are
    those of `pattern`, the whole alternation, as long as groups are read by name, not by number.

    A variant takes a few milliseconds to compile, about what a couple of thousand matches save, so a
    character gets its variant once it has opened `uses_before_variant` matches: a short run (one CLI
    call) does not pay for variants it would not use enough, a long one (the ingest worker) gets them."""

    uses_before_variant = 1000

    def __init__(self, alternatives: Sequence[str], tail: str = "") -> None:
        self._alternatives = list(alternatives)
        self._tail = tail
        trees = [_parser.parse(alternative) for alternative in self._alternatives]
        self._first = [_first_characters(tree) for tree in trees]
        self._group_names = [list(tree.state.groupdict) for tree in trees]
        self.pattern = self._compile([True] * len(self._alternatives))
        self._by_character: dict[str, re.Pattern[str]] = {}
        self._by_tried: dict[tuple[bool, ...], re.Pattern[str]] = {}
        self._uses: dict[str, int] = {}

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """`pattern.match(text, pos)`, computed faster."""
        char = text[pos : pos + 1]
        variant = self._by_character.get(char)
        if variant is None:
            uses = self._uses[char] = self._uses.get(char, 0) + 1
            variant = self.variant(char) if uses >= self.uses_before_variant else self.pattern
        return variant.match(text, pos)

    def variant(self, char: str) -> re.Pattern[str]:
        """The pattern for a match that starts with `char`, compiled on first use."""
        if char not in ASCII:  # the end of the text, or a character the analysis does not cover
            return self.pattern
        tried = tuple(first is None or char in first for first in self._first)
        variant = self._by_tried.get(tried)
        if variant is None:
            variant = self._by_tried[tried] = self._compile(list(tried))
        self._by_character[char] = variant
        return variant

    def _compile(self, tried: list[bool]) -> re.Pattern[str]:
        kept = [alt for alt, keep in zip(self._alternatives, tried, strict=True) if keep]
        skipped = [
            f"(?P<{name}>)"
            for names, keep in zip(self._group_names, tried, strict=True)
            if not keep
            for name in names
        ]
        # the failing branch keeps the skipped groups, and leaves no empty alternation when none is kept
        branches = [*kept, *(["(?!)" + "".join(skipped)] if not all(tried) else [])]
        return re.compile("(?:" + "|".join(branches) + ")" + self._tail)


__all__ = ["ASCII", "Alternation", "first_characters", "opening_guard"]
