"""`surname-gender` (names/mentions.py): a lone word that is also a first name ("Cyril", "Morgan")
says nothing of gender when the article names someone in full with it as the surname."""

from __future__ import annotations

from extract.pipeline import extract


def _speaker_of(text: str, words: str) -> str | None:
    found = [q for q in extract(text).quotes if words in q.text]
    assert found, f"no quote holding {words!r}"
    return found[-1].speaker


def test_surname_that_is_a_first_name_lets_she_refer_back() -> None:
    text = (
        "Governor Maria Varga opened the fair on Monday. Ondine Cyril, who runs the harbor museum, "
        "spoke after her. Cyril explained how the museum began. "
        'She said, "the boats tell the story of this town."'
    )
    assert _speaker_of(text, "boats tell the story") == "Ondine Cyril"


def test_lone_first_name_keeps_its_gender() -> None:
    # negative: no one named in full with "Cyril" as surname, so "Cyril" stays a man's name
    text = (
        "Maria Varga opened the fair on Monday. Cyril spoke after her about the old boats. "
        'She said, "the boats tell the story of this town."'
    )
    assert _speaker_of(text, "boats tell the story") == "Maria Varga"


def test_title_keeps_the_gender() -> None:
    # negative: "Mr. Cyril" is a man, whatever the full name before
    text = (
        "Maria Varga opened the fair on Monday. Morgan Cyril spoke after her. Mr. Cyril explained "
        'how the museum began. She said, "the boats tell the story of this town."'
    )
    assert _speaker_of(text, "boats tell the story") == "Maria Varga"
