"""Quoted words with no cue of their own belong to the sentence's subject, but not to a name that
stands after a speech verb: in "The clip says Varga “…”" Varga is what was said. An inverted
attribution (", writes Varga,") or "according to" still introduces its name. Sentences made up."""

from __future__ import annotations

from tests.unit.quote_helpers import quotes_of


def test_name_after_a_speech_verb_is_not_the_speaker() -> None:
    found = quotes_of("The new campaign clip says Ilse Varga “sides with the toll booths every single time.”")
    assert all(q.speaker != "Ilse Varga" for q in found)


def test_inverted_attribution_still_names_the_speaker() -> None:
    found = quotes_of("The biggest reason ferries run late, writes Ilse Varga, is “always about the tides.”")
    assert [q.speaker for q in found] == ["Ilse Varga"]


def test_subject_before_the_quote_is_the_speaker() -> None:
    found = quotes_of("Ilse Varga dismissed the port plan as “a waste of good money.”")
    assert found and all(q.speaker == "Ilse Varga" for q in found)
