"""Word lists as data: every file loads, and no list names one entry twice."""

from collections import Counter

import pytest

from extract.lexicons import names, table, word_set, words


@pytest.mark.parametrize("filename", names())
def test_a_lexicon_has_no_duplicate_entries(filename: str) -> None:
    stem, _, kind = filename.rpartition(".")
    if kind == "txt":
        entries = [w.casefold() for w in words(stem)]
        assert entries, f"{filename} is empty"
        twice = [w for w, n in Counter(entries).items() if n > 1]
        assert not twice, f"{filename} names these twice: {twice}"
    else:
        rows = table(stem)
        assert rows, f"{filename} is empty"
        keys = [r[0].casefold() for r in rows]
        twice = [k for k, n in Counter(keys).items() if n > 1]
        assert not twice, f"{filename} has these first cells twice: {twice}"


def test_comments_and_blank_lines_are_not_entries() -> None:
    assert "mr" in word_set("abbreviations")
    assert not any(
        w.startswith("#") or not w.strip() for n in names() if n.endswith(".txt") for w in words(n[:-4])
    )
