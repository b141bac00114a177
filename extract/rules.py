"""Rules declared as data: each has a name, what it is for, and the examples that are its tests.

A family keeps its rules as an ordered tuple of `Rule`s (or of its own dataclasses with the same
three fields); the fact a rule produces carries the rule's name in its `rule` field, so that
`briefbot extract --explain FILE` can say which rule made each fact, and the golden tests of each
family run every rule's examples.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol


class Declared(Protocol):
    """What every declared rule offers, whatever else its family adds."""

    @property
    def name(self) -> str: ...

    @property
    def examples(self) -> Sequence[tuple[str, object]]: ...


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: `examples` pair an input with what the rule should give for it."""

    name: str
    doc: str
    examples: tuple[tuple[str, object], ...] = field(default=())


def unique_names(rules: Sequence[Declared]) -> None:
    """Raise if two rules of one list share a name: `--explain` must point at exactly one."""
    seen: set[str] = set()
    for r in rules:
        if r.name in seen:
            raise ValueError(f"two rules are named {r.name!r}")
        seen.add(r.name)
