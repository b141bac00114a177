"""Golden table: which way a bare weekday points, by the tense and the words around it."""

from __future__ import annotations

from datetime import date

import pytest

from extract.document import Document
from extract.timex.dates import find_dates

WEDNESDAY = date(2025, 9, 10)
SUNDAY = date(2025, 9, 14)

_CASES = [
    # a future verb: the coming day
    ("The league will review the disputed goal Monday.", WEDNESDAY, "Monday", "2025-09-15"),
    ("The league will review the disputed goal Monday.", SUNDAY, "Monday", "2025-09-15"),
    ("Officials said the Dunmore bridge will reopen Monday.", WEDNESDAY, "Monday", "2025-09-15"),
    ("The Dunmore bridge will reopen Monday, officials said.", WEDNESDAY, "Monday", "2025-09-15"),
    ("Hearings are scheduled for Thursday.", WEDNESDAY, "Thursday", "2025-09-11"),
    ("The jury is expected to return its verdict Friday.", WEDNESDAY, "Friday", "2025-09-12"),
    ("The Harlow club is hosting Leeds this Monday.", WEDNESDAY, "Monday", "2025-09-15"),
    ("Brennan is recovering from Monday's outage.", WEDNESDAY, "Monday", "2025-09-08"),
    # a progressive says nothing of when what it acts on happened: the nearest day
    ("Police are investigating a shooting Sunday night.", WEDNESDAY, "Sunday", "2025-09-07"),
    # a reporting verb or a past verb: the day gone by
    ("The coach said Monday that the goal should stand.", WEDNESDAY, "Monday", "2025-09-08"),
    ("The league reviewed the disputed goal Monday.", WEDNESDAY, "Monday", "2025-09-08"),
    ("Ortega told reporters on Tuesday that he would resign.", WEDNESDAY, "Tuesday", "2025-09-09"),
    ("The Palmer Street fire broke out early Sunday.", WEDNESDAY, "Sunday", "2025-09-07"),
    # modifiers and present tense
    ("The committee is meeting this Friday.", WEDNESDAY, "Friday", "2025-09-12"),
    ("The committee is meeting Friday.", WEDNESDAY, "Friday", "2025-09-12"),
    ("The committee met this Monday.", WEDNESDAY, "Monday", "2025-09-08"),
    ("She will visit next Tuesday.", WEDNESDAY, "Tuesday", "2025-09-16"),
    ("The vote was held last Tuesday.", WEDNESDAY, "Tuesday", "2025-09-09"),
    ("Asked about it, he said: 'next Tuesday'.", WEDNESDAY, "Tuesday", "2025-09-16"),
    ("The shop opens Sunday.", WEDNESDAY, "Sunday", "2025-09-14"),
]


@pytest.mark.parametrize(("text", "published", "phrase", "value"), _CASES)
def test_weekday_direction(text: str, published: date, phrase: str, value: str) -> None:
    found = [t for t in find_dates(Document.parse(text, published)) if phrase in t.text]
    assert found and found[0].value == value, [(t.text, t.value) for t in found]


_DAY_CASES = [
    # a past verb: the date gone by, even months back, over one a few weeks ahead
    ("The Tarrow Air jet went missing on March 8 over the sea.", date(2014, 12, 30), "March 8", "2014-03-08"),
    ("The Lindell plant closed on Jan. 20 after a fire.", date(2025, 11, 20), "Jan. 20", "2025-01-20"),
    # still ahead where the date is near and what is past is the arranging
    ("Okafor said he subpoenaed the mayor to testify on Feb. 10.", date(2025, 1, 7), "Feb. 10", "2025-02-10"),
]


@pytest.mark.parametrize(("text", "published", "phrase", "value"), _DAY_CASES)
def test_month_day_direction(text: str, published: date, phrase: str, value: str) -> None:
    found = [t for t in find_dates(Document.parse(text, published)) if phrase in t.text]
    assert found and found[0].value == value, [(t.text, t.value) for t in found]
