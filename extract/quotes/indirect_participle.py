"""An indirect report ends where a reporting participle hands over to quoted words.

"Ana Ruiz said she was never paid for the wall, saying, “Maybe they forgot me.”": the report is
"she was never paid for the wall"; after ", saying," come her own words, a direct quote of the same
speaker found by its cue (find.py). Without the cut, the report ran on through the participle into
the quoted sentence, and the reader got the paraphrase and the quotation as one act of speech.

Only cues a quoted stretch used are looked at, each once, by bisection: linear in the finds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from extract.lexicons import words
from extract.models import Quote
from extract.quotes.indirect_spans import quote_kind

_COMMA_BEFORE = re.compile(r",[ \u00a0]*$")


@cache
def _participle() -> re.Pattern[str]:
    verbs = "|".join(sorted(words("speech_participles"), key=len, reverse=True))
    return re.compile(rf"(?:{verbs})\b")


def end_before_quoted_participle(text: str, quotes: list[Quote], used_cues: set[int]) -> list[Quote]:
    """`quotes` with each report cut before the first ", saying" (", adding", …) whose participle
    introduced quoted words (its position is in `used_cues`)."""
    cues = sorted(
        c for c in used_cues if _participle().match(text, c) and _COMMA_BEFORE.search(text, max(0, c - 4), c)
    )
    if not cues:
        return quotes
    out: list[Quote] = []
    for q in quotes:
        i = bisect_right(cues, q.start)
        if i == len(cues) or cues[i] >= q.end or q.rule is None or not q.rule.startswith("indirect."):
            out.append(q)
            continue
        end = text.rfind(",", q.start, cues[i])
        while end > q.start and text[end - 1] in " \u00a0":
            end -= 1
        if end - q.start < 12:
            out.append(q)  # too little left to be a report of its own
            continue
        kind = quote_kind(text, q.start, end)
        out.append(q.model_copy(update={"end": end, "text": text[q.start : end], "kind": kind}))
    return out


__all__ = ["end_before_quoted_participle"]
