"""Word lists as data: one entry a line, `#` starts a comment, blank lines are skipped.

`words("speech_verbs")` reads `extract/lexicons/speech_verbs.txt`; `table("units")` reads
`units.tsv`, one tab-separated row a line. Files are read once (cached) with
`importlib.resources`, so they ship inside the wheel and nothing is read at import time.
Entries keep their case and order; callers decide how to fold them.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

# `#` opens a comment at the start of a line or after a space ("C#" stays an entry).
_COMMENT = re.compile(r"(?:^|\s)#")


def _lines(filename: str) -> tuple[str, ...]:
    raw = files(__package__).joinpath(filename).read_text(encoding="utf-8")
    out: list[str] = []
    for line in raw.splitlines():
        entry = _COMMENT.split(line, maxsplit=1)[0].strip(" \r")
        if entry.strip():
            out.append(entry)
    return tuple(out)


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of `<name>.txt`, in file order."""
    return tuple(e.strip() for e in _lines(f"{name}.txt"))


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of `<name>.txt`, lower-cased, as a set."""
    return frozenset(e.lower() for e in words(name))


@cache
def words_cased(name: str) -> frozenset[str]:
    """The entries of `<name>.txt` as a set, case kept."""
    return frozenset(words(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `<name>.tsv`, each split on tabs (cells stripped)."""
    return tuple(tuple(cell.strip() for cell in row.split("\t")) for row in _lines(f"{name}.tsv"))


def names() -> list[str]:
    """Every lexicon file shipped, as `name.txt` / `name.tsv`."""
    return sorted(p.name for p in files(__package__).iterdir() if p.name.endswith((".txt", ".tsv")))
