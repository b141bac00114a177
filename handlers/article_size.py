"""How much of an article is read: very long texts are cut at a paragraph end before extraction.

A 1 MB "article" (a feed that puts a whole archive in one item, a page of comments, or input made
to be hostile) held a poll for minutes, and its events would crowd a day's stories. News says what
matters first, so the text is cut, not refused: the first `max_chars` characters, back to the last
paragraph end (else a line end, a sentence end, a space) in the last half of them. The article is
stored as cut, and the ingest result says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from extract import Extraction, extract
from handlers.wording import counted

# The default of BRIEFBOT_MAX_ARTICLE_CHARS: about forty times a long news article.
MAX_ARTICLE_CHARS = 200_000
# Where a cut may go, best first; each is looked for in the last half of what is kept.
_BOUNDARIES = ("\n\n", "\n", ". ", " ")


@dataclass(frozen=True)
class CappedExtractor:
    """The extraction engine with the longest article text ingest gives it (the composition root
    builds one from BRIEFBOT_MAX_ARTICLE_CHARS; any other extractor gets MAX_ARTICLE_CHARS)."""

    max_chars: int = MAX_ARTICLE_CHARS

    def __call__(self, text: str, published: date | None) -> Extraction:
        return extract(text, published)


@dataclass(frozen=True)
class Cut:
    """An article text cut short: how much was kept of how much."""

    kept: int
    original: int
    limit: int

    def describe(self) -> str:
        """For the ingest result: "text cut to its first 199,870 of 1,043,210 characters (...)"."""
        return (
            f"text cut to its first {self.kept:,} of {counted(self.original, 'character')} "
            f"at a paragraph end (articles are read up to {self.limit:,} characters)"
        )


def cap_article(text: str, max_chars: int) -> tuple[str, Cut | None]:
    """`text`, or its first `max_chars` characters cut back to a paragraph end, and the cut made."""
    if len(text) <= max_chars:
        return text, None
    floor = max_chars // 2
    end = max_chars
    for boundary in _BOUNDARIES:
        at = text.rfind(boundary, floor, max_chars)
        if at >= 0:
            end = at + (1 if boundary == ". " else 0)  # a sentence keeps its full stop
            break
    kept = text[:end].rstrip()
    return kept, Cut(kept=len(kept), original=len(text), limit=max_chars)


__all__ = ["MAX_ARTICLE_CHARS", "CappedExtractor", "Cut", "cap_article"]
