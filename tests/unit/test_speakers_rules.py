"""Golden table of the attribution rules: every example of every rule, speaker and rule name."""

from __future__ import annotations

import pytest

from extract.document import Document
from extract.names.mentions import find_mentions
from extract.quotes.attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    attribution_by_colon,
    attribution_closing,
    attribution_rule,
    subject_attribution,
)
from extract.quotes.attribution_rules import ATTRIBUTION_RULES
from extract.quotes.marks import quote_segments
from extract.quotes.speakers import SpeakerFinder

EXAMPLES = [(rule.name, text, speaker) for rule in ATTRIBUTION_RULES for text, speaker in rule.examples]


def attribute_first_quote(text: str) -> Attribution | None:
    """The attribution chain of the quote finder, on the article's first quote."""
    doc = Document.parse(text)
    segments = quote_segments(doc.text, doc.paragraphs)
    finder = SpeakerFinder(doc, find_mentions(doc), [(s.start, s.end) for s in segments])
    seg = segments[0]
    sent_lo = doc.sentences[doc.sentence_at(seg.open)][0]
    para = doc.paragraphs
    pi = max(i for i, (ps, _) in enumerate(para) if ps <= seg.open)
    hi = para[pi][1]
    attr = (
        attribution_after(doc, seg, hi, finder)
        or attribution_before(doc, seg, sent_lo, finder)
        or attribution_closing(doc, seg, hi, finder)
    )
    if attr is None and pi > 0 and seg.open == para[pi][0]:
        attr = attribution_by_colon(doc, seg, para[pi - 1], finder)
    return attr or subject_attribution(finder, sent_lo, seg)


@pytest.mark.parametrize(("rule", "text", "speaker"), EXAMPLES)
def test_each_rule_chooses_its_examples_speaker(rule: str, text: str, speaker: str) -> None:
    attr = attribute_first_quote(text)
    assert attr is not None
    assert (attr.speaker.name, attribution_rule(attr)) == (speaker, rule)


def test_every_rule_has_an_example() -> None:
    assert all(rule.examples for rule in ATTRIBUTION_RULES)
