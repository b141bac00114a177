"""Names in the text without a statistical model. Every sentence here is made up."""

from __future__ import annotations

from extract.document import Document
from extract.names.mentions import Mention, find_mentions


def mentions_of(text: str) -> dict[str, Mention]:
    return {m.text: m for m in find_mentions(Document.parse(text))}


def test_title_is_split_from_the_name_and_kept_as_role() -> None:
    m = mentions_of("Foreign Minister Ilse Brandt arrived in Vienna.")["Ilse Brandt"]
    assert (m.kind, m.canonical, m.role, m.gender) == ("person", "Ilse Brandt", "Foreign Minister", "f")


def test_possessive_country_before_a_title() -> None:
    found = mentions_of("Norway’s Prime Minister Jonas Berg spoke first.")
    assert found["Norway"].kind == "place"
    assert found["Jonas Berg"].role == "Prime Minister"


def test_organisations_by_word_acronym_and_metonymy() -> None:
    found = mentions_of("The Kremlin and the White House rejected the NATO plan, the Defense Ministry said.")
    assert found["Kremlin"].kind == "organization"
    assert found["White House"].kind == "organization"
    assert found["NATO"].kind == "organization"
    assert found["Defense Ministry"].kind == "organization"


def test_places_from_the_gazetteer() -> None:
    found = mentions_of("Flights from Lagos to Ohio were cancelled.")
    assert found["Lagos"].kind == "place"
    assert found["Ohio"].kind == "place"


def test_short_name_gets_the_fullest_form_seen() -> None:
    text = "Mayor Carla Mendes opened the park. Later Mendes cut the ribbon."
    short = next(m for m in find_mentions(Document.parse(text)) if m.text == "Mendes")
    assert (short.kind, short.canonical) == ("person", "Carla Mendes")


def test_surname_alone_stays_itself_when_no_full_name_appears() -> None:
    m = mentions_of("Mr. Okonkwo declined to comment.")["Okonkwo"]
    assert (m.kind, m.canonical, m.gender) == ("person", "Okonkwo", "m")


def test_place_after_of_is_not_part_of_the_name() -> None:
    found = mentions_of("Senator Maria Gomez of Texas voted against it.")
    assert found["Maria Gomez"].kind == "person"
    assert found["Texas"].kind == "place"


def test_sentence_initial_common_word_is_no_name() -> None:
    found = mentions_of("Despite the rain, the match went ahead. The despite clause was odd.")
    assert "Despite" not in found


def test_demonym_alone_is_not_a_mention() -> None:
    assert "French" not in mentions_of("French farmers blocked the road.")


def test_mentions_are_sorted_and_offsets_match_the_text() -> None:
    text = "Ilse Brandt met Jonas Berg at the United Nations in Geneva."
    found = find_mentions(Document.parse(text))
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(text[m.start : m.end] == m.text for m in found)


def test_company_words_make_organisations_and_the_article_drops_from_countries() -> None:
    found = mentions_of("The operator, Harbour Logistics, said ships wait off the Netherlands coast.")
    assert found["Harbour Logistics"].kind == "organization"
    assert found["Netherlands"].kind == "place"


def test_british_councillor_title_and_no_sentence_word_in_a_role() -> None:
    found = mentions_of("Cllr Sarah Whitmore spoke. But opposition leader Tom Harding disagreed.")
    assert found["Sarah Whitmore"].role == "Cllr"
    assert found["Tom Harding"].role == "opposition leader"


def test_profession_before_an_honorific_and_hyphenated_title() -> None:
    found = mentions_of("Marine biologist Dr. Leilani Kahale met UN Secretary-General Ana Ferreira.")
    assert found["Leilani Kahale"].role == "Marine biologist"
    assert (found["Ana Ferreira"].kind, found["Ana Ferreira"].role) == ("person", "UN Secretary-General")
