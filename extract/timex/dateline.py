"""The dateline of a wire story ("BRUSSELS, February 9 (Xinhua) --") as its reference date.

TimeML resolves relative expressions against the document creation time, and for a wire story
that is the day in its dateline: a feed may stamp the story a day later (another time zone, a
late batch), and then "Tuesday" or "yesterday" would land a day off. The dateline wins when it
is close to the publication date given; a story without a published date takes it as is when
it states its year.
"""

from __future__ import annotations

import re
from datetime import date

from extract.timex.grammar import MONTHS

# An upper-case place ("NEW YORK", "WASHINGTON, D.C."), a comma, the day, then the agency in
# brackets or the dash that opens the story.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?,\s+"
    r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>[12]\d|3[01]|0?[1-9])"
    r"(?:,\s+(?P<year>(?:19|20)\d\d))?\s*(?:\([A-Za-z .-]{1,30}\)\s*)?(?:--|—|–|_|-|\n)"
)
_CLOSE_ENOUGH_DAYS = 3


def dateline_date(text: str, published: date | None) -> date | None:
    """The dateline's day when the story opens with one that fits `published`, else None."""
    m = _DATELINE.match(text, 0, 200)
    if m is None:
        return None
    month, day = MONTHS[m["mon"][:3].lower()], int(m["day"])
    try:
        if m["year"]:
            stated = date(int(m["year"]), month, day)
            if published is None or abs((stated - published).days) <= _CLOSE_ENOUGH_DAYS:
                return stated
            return None
        if published is None:
            return None
        candidates = [date(y, month, day) for y in (published.year - 1, published.year, published.year + 1)]
    except ValueError:
        return None
    nearest = min(candidates, key=lambda d: abs((d - published).days))
    return nearest if abs((nearest - published).days) <= _CLOSE_ENOUGH_DAYS else None
