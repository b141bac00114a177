"""An indirect report ends before ", saying, “…”": the quoted words after the participle are a
direct quote of the same speaker. Sentences are made up."""

from __future__ import annotations

import pytest

from tests.unit.quote_helpers import quotes_of

HANDOVERS = [
    (
        "Tomas Ferreira claimed he was never paid for the footbridge he built by the mill, saying, "
        '"Maybe the council forgot about me, but I will not forget them."',
        "he was never paid for the footbridge he built by the mill",
        "Maybe the council forgot about me, but I will not forget them.",
    ),
    (
        'Tomas Ferreira said the harbour board would meet again in June, adding, "We are not done yet."',
        "the harbour board would meet again in June",
        "We are not done yet.",
    ),
]


@pytest.mark.parametrize(("text", "report", "words"), HANDOVERS)
def test_report_ends_before_the_participle(text: str, report: str, words: str) -> None:
    found = {(q.kind, q.text, q.speaker) for q in quotes_of(text)}
    assert ("indirect", report, "Tomas Ferreira") in found, found
    assert ("direct", words, "Tomas Ferreira") in found, found


KEPT = [
    # the participle brings an indirect clause, no quoted words: two reports, as before
    (
        "Tomas Ferreira said the harbour board would meet again, adding that the fees would stay low.",
        ["the harbour board would meet again", "that the fees would stay low"],
    ),
    # quoted words inside the report, no participle: the report keeps them
    (
        'Tomas Ferreira said the harbour board had been "asleep at the wheel" for years.',
        ['the harbour board had been "asleep at the wheel" for years'],
    ),
]


@pytest.mark.parametrize(("text", "spans"), KEPT)
def test_reports_without_a_quoted_handover_are_kept(text: str, spans: list[str]) -> None:
    assert [q.text for q in quotes_of(text)] == spans
