"""Which ASCII characters can open a match of a regex, read from the pattern's parse tree.

A big alternation tried at one place pays for every alternative, even those that cannot start with
the character there. Knowing each alternative's possible first characters lets the caller try only
the ones that can (timex_scan). The answer errs on the safe side: where the analysis meets anything it
does not model (a negated set, a backreference, `.`), it answers "any character", which costs speed,
never a match. Lookarounds and `\\b` are treated as matching nothing (they consume no character), so
they only ever widen the answer.

It reads `re`'s own parser (`re._parser`, Python 3.11+), so it agrees with the engine about groups,
flags and escapes.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Callable
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
    tree = _parser.parse(pattern, flags)
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
        return _matching(lambda c: ord(c) == av, flags), False
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


def _matching(accepts: Callable[[str], bool], flags: int) -> set[str]:
    """The ASCII characters `accepts` takes, directly or, ignoring case, through any of their case forms."""
    if not flags & re.IGNORECASE:
        return {c for c in ASCII if accepts(c)}
    return {c for c in ASCII if any(accepts(form) for form in _case_forms(c))}


def _case_forms(c: str) -> set[str]:
    if c not in string.ascii_letters:
        return {c}
    return {c, c.lower(), c.upper(), *_FOLDS_ONTO.get(c.lower(), "")}


__all__ = ["ASCII", "first_characters"]
