"""A segmented article: paragraphs and sentences as offsets into the original text.

Every extractor works on the same `Document` so the text is segmented once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from extract.furniture import blank_furniture
from extract.lexicons import word_set, words_cased
from extract.quoted_names import unquote_names

# A sentence ends at . ! ? (or …) plus closing quotes/brackets, before whitespace.
# `[.!?…]+` is written `[.!?…][.!?…]*`: a pattern that opens with a plain character set
# lets `re` skip ahead to the next such character in a tight loop, instead of trying every position.
# The whitespace after it is checked in code, not by a lookahead: a run of 100,000 dots with no space
# after would otherwise be matched again from each of its dots (quadratic); finditer resumes after
# the run, and no shorter match inside a run can be followed by whitespace.
_END = re.compile(r"""[.!?…][.!?…]*["'”’»)\]]*""")
_PARAGRAPH = re.compile(r"[^\n]+")
# No news sentence comes near this (the longest in the dev sets has about 520 characters); a longer
# run without a sentence end (a flattened table, or input made to be hostile) is cut at a space
# before this length, so the work each extractor does per sentence stays bounded.
MAX_SENTENCE = 2000
# what ends a line that is a whole paragraph, a heading or a list item, not a wrapped sentence
_LINE_CLOSERS = frozenset(".!?:;…\"'”’»)]|")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT_WORD = re.compile(r"\s+[\"“‘']?(\w+)")
# Word lists (lexicons/): abbreviations that do not end a sentence ("Sept. 7", "Mr. Smith"); those that
# can ("... in the U.S. The talks ..."), where we break only before a word that typically opens a
# sentence, since "U.S. Officials" is usually a headline.


@dataclass(slots=True)
class Document:
    text: str
    published: date | None = None
    # The text as given, before furniture and the marks around quoted names were blanked: what a
    # fact's `text` must equal at its offsets (Document.written).
    original: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    sentence_paragraph: list[int] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, published: date | None = None) -> Document:
        """Segment `text`; page furniture (captions, "ALSO READ:", share rows...) is blanked to spaces
        first, so no extractor reads it and every offset stays that of the original text; the marks around
        a name written in quotation marks (“Sami” said) are blanked too (extract/quoted_names.py)."""
        doc = cls(text=unquote_names(blank_furniture(text)), published=published, original=text)
        text = doc.text
        for pi, m in enumerate(_trimmed_paragraphs(text)):
            doc.paragraphs.append(m)
            for s in _split_sentences(text, m[0], m[1]):
                doc.sentences.append(s)
                doc.sentence_paragraph.append(pi)
        doc._starts = [s for s, _ in doc.sentences]
        return doc

    def written(self, start: int, end: int) -> str:
        """The text as given between these offsets (what `text` blanked is there again)."""
        return (self.original or self.text)[start:end]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the previous one if it falls between sentences)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        s, e = self.sentences[index]
        return self.text[s:e]


def _trimmed_paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if out and _wrapped(text, out[-1][1], s):
            out[-1] = (out[-1][0], e)  # a hard-wrapped line carries on the paragraph above
        else:
            out.append((s, e))
    return out


def _wrapped(text: str, end_before: int, start: int) -> bool:
    """A line break inside a sentence: one newline, the line above ends without closing punctuation
    and the next line starts lower-case ("walked out on Monday\nover night rosters")."""
    gap = text[end_before:start]
    return (
        gap.count("\n") == 1
        and text[end_before - 1] not in _LINE_CLOSERS
        and (text[start].islower() or text[start].isdigit())
    )


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "Y. J. Park", "John F. Kennedy"
    return word in word_set("abbreviations")


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _END.finditer(text, start, end):
        punct_end = m.end()
        if punct_end >= end or not text[punct_end].isspace():
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            # "Sept. 7", "U.S. officials": no break unless a capitalised new sentence clearly follows
            # an abbreviation that cannot precede a name or number.
            word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            w = word.group(1).lower().rstrip(".") if word else ""
            nxt = _NEXT_WORD.match(text, punct_end)
            if not (
                w in word_set("abbreviations_sentence_final")
                and nxt
                and nxt.group(1) in words_cased("sentence_openers")
            ):
                continue
        # the next sentence must start with something that can open one
        j = punct_end
        while j < end and text[j].isspace():
            j += 1
        if j >= end:
            break
        if text[j].islower():
            continue
        out.extend(_bounded(text, s, punct_end))
        s = j
    if s < end:
        out.extend(_bounded(text, s, end))
    return out


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence text[start:end], or pieces of it of at most MAX_SENTENCE characters cut after a
    space (anywhere if there is none), each without the spaces at its ends."""
    if end - start <= MAX_SENTENCE:
        return [(start, end)]
    out = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        if cut < 0:
            cut = start + MAX_SENTENCE
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            out.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


__all__ = ["Document"]
