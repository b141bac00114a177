"""One quote per stretch of one speaker's quoted words: the same words found twice are kept once.

Two rules can report the same quoted words of one speaker: "X dismissed the plan as “a bridge to
nowhere”" gives a partial quote from the sentence's subject (find.py, `quote.subject_words`) and
one from the verb's report (indirect.py), whose content holds the same quoted words. A reader
should get one quote. Of two such finds a direct quote of the whole quoted words stays (", saying,
“…”": the words alone are what was said); else a `quote.subject_words` find gives way, since
where the subject's report starts is guessed (subject_span.py) and the verb's report starts at
the verb; else the longer stays, since it carries the shorter's words.

Finds that only share a seam ("“disgusting” and referred to her" and "referred to her “sex tape”")
or where one holds a longer report around the other ("he was stiffed …, saying “…”" around the
quoted sentence) are two acts of speech and both stay; so do finds without quotation marks.
"""

from __future__ import annotations

from extract.models import Quote

# Share of the shorter find inside the longer, and of the longer shared with the shorter, for the
# two to be one find of the same words.
_SHORTER_INSIDE = 0.8
_LONGER_SHARED = 0.5


def merge_overlapping(quotes: list[Quote]) -> list[Quote]:
    """`quotes` less every quoted find that repeats a better one of the same speaker.

    Only finds that overlap are compared, read in order of their start: linear in the finds (a
    page of one attribution repeated made every pair of its thousands of finds meet).
    """
    quoted = sorted((k for k, q in enumerate(quotes) if q.kind != "indirect"), key=lambda k: quotes[k].start)
    dropped: set[int] = set()
    for n, i in enumerate(quoted):
        for j in quoted[n + 1 :]:
            if quotes[j].start >= quotes[i].end:
                break  # starts after this one ends: neither it nor any later one overlaps
            if i in dropped or j in dropped or not _same_words(quotes[i], quotes[j]):
                continue
            dropped.add(j if _rank(quotes[i]) >= _rank(quotes[j]) else i)
    return [q for k, q in enumerate(quotes) if k not in dropped]


def _same_words(a: Quote, b: Quote) -> bool:
    if a.kind == "indirect" or b.kind == "indirect" or not _same_speaker(a, b):
        return False
    shared = min(a.end, b.end) - max(a.start, b.start)
    if shared <= 0:
        return False
    shorter, longer = sorted((a.end - a.start, b.end - b.start))
    return shared >= _SHORTER_INSIDE * shorter and shared >= _LONGER_SHARED * longer


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker is not None and b.speaker is not None:
        return a.speaker == b.speaker
    return a.speaker_start is not None and a.speaker_start == b.speaker_start


def _rank(q: Quote) -> tuple[bool, bool, int]:
    """The better of two finds: a direct quote of whole quoted words, then not a find from the
    sentence's subject (its start is guessed, the verb's report starts at the verb), then the longer."""
    from_subject = (q.rule or "").startswith("quote.subject_words")
    return (q.kind == "direct", not from_subject, q.end - q.start)
