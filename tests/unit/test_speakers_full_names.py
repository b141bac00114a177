"""Speakers are filed under the fullest name the article gives. Every sentence here is made up."""

from __future__ import annotations

import pytest

from tests.unit.quote_helpers import quotes_of

FULL_NAME = [
    # a short form before or after the full one
    (
        'Harbour Board Investor Advocate Peter Brandvik spoke on Monday. "Fees hide risks," Brandvik said.',
        "Peter Brandvik",
    ),
    (
        '"Fees hide risks," Brandvik said. Later, Milo Brandvik repeated the warning at a hearing.',
        "Milo Brandvik",
    ),
    # a full name the lexicon cannot class, made a person by the short form's speech verb
    (
        'Tessaloo\'s Karin Vendramin suggests caution. "Markets can turn quickly," Vendramin said.',
        "Karin Vendramin",
    ),
    # a role ended by a first name and a surname
    (
        'County Park Ranger Supervisor Robert Quillan spoke on Monday. "Sharks are rare," Quillan said.',
        "Robert Quillan",
    ),
    # accents and spelled-out umlauts are one name
    ('Jonas Müller chairs the board. "We will vote," Mueller said.', "Jonas Müller"),
    ('Jonas Mueller chairs the board. "We will vote," Müller said.', "Jonas Mueller"),
    # transliterations of one name, and a generational suffix
    ('Volodar Kostenkyy spoke. "We hold," Kostenky said.', "Volodar Kostenkyy"),
    ('Andrii Sabyha spoke. "We hold," Sabyha said.', "Andrii Sabyha"),
    ('Marcus Leland Kingsford Jr. spoke. "We march," Kingsford said.', "Marcus Leland Kingsford"),
    # an honorific links to the full name
    ('Clara Voss runs the clinic. "We are full," Mrs. Voss said.', "Clara Voss"),
    ('Ilan Petrov leads the lab. "The data are clear," said Dr. Petrov.', "Ilan Petrov"),
    ('Anouk Bramm chairs the panel. "We need time," Sen. Bramm said.', "Anouk Bramm"),
    # a role in front of the name is not part of it
    ('"Profits rose," CEO Jamie Dorrance said.', "Jamie Dorrance"),
    ('"Profits rose," said chief executive Marta Olund.', "Marta Olund"),
    # a name in apposition to a role
    (
        'The mayor of Tarnville, Sari Wulandra, comforted relatives. "They belong to God," she said.',
        "Sari Wulandra",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), FULL_NAME)
def test_the_speaker_is_the_fullest_name_given(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_the_role_is_kept_apart_from_the_name() -> None:
    (q,) = quotes_of('"Profits rose," CEO Jamie Dorrance said.')
    assert (q.speaker, q.speaker_role) == ("Jamie Dorrance", "CEO")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            '"Rates stay," Harlow Bank Chief Executive Lloyd Brankin said.',
            "Lloyd Brankin",
            "Harlow Bank Chief Executive",
        ),
        ('"We will sue," Midvale County Sheriff Office spokesman Tom Greer said.', "Tom Greer", None),
    ],
)
def test_a_long_role_before_the_name_is_not_the_name(text: str, speaker: str, role: str | None) -> None:
    (q,) = quotes_of(text)
    assert q.speaker == speaker
    assert role is None or q.speaker_role == role


def test_a_profession_in_apposition_is_the_role() -> None:
    text = 'Janet Oyelaran, a cardiologist at Mercy Hospital, spoke. "It is a big step," Oyelaran said.'
    (q,) = quotes_of(text)
    assert (q.speaker, q.speaker_role) == ("Janet Oyelaran", "cardiologist at Mercy Hospital")


PRONOUN = [
    # the subject of the sentence before, of unknown gender, beats a man named further back
    (
        "The genre dates back to Teodor Halvik's first film.\n\n"
        '"He never named them," said Ozren Quivak, a film historian. But the public did, Quivak told us.\n\n'
        '"Audiences named them," he said.',
        ["Ozren Quivak", "Ozren Quivak", "Ozren Quivak"],
    ),
    # a gendered name in the same sentence still wins
    (
        'Pat Oduya met Helen Marsk on Friday. "It went well," she said.',
        ["Helen Marsk"],
    ),
    # two people of unknown gender: she is either, so neither is named
    ('Robin Osei met Casey Vance on Friday. "It went well," she said.', [None]),
    # one person of unknown gender in reach: she is that person
    ('Robin Osei met the board on Friday. "It went well," she said.', ["Robin Osei"]),
]


@pytest.mark.parametrize(("text", "speakers"), PRONOUN)
def test_pronouns_go_to_the_nearest_compatible_subject(text: str, speakers: list[str]) -> None:
    assert [q.speaker for q in quotes_of(text)] == speakers


def test_a_sentence_opening_word_is_not_part_of_the_speaker() -> None:
    text = (
        "Whether Dunmore ever believed it is unclear. Ravi Dunmore wrote the book. "
        '"We reject it," Dunmore said.'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ravi Dunmore"]


def test_former_opening_a_sentence_is_no_name() -> None:
    text = 'Former mayor Rudolph Garrow echoed the view: "We have had months of this and it must stop."'
    assert [q.speaker for q in quotes_of(text)] == ["Rudolph Garrow"]


def test_a_possessive_before_a_cue_noun_is_not_the_speaker() -> None:
    text = (
        "Mr. Harlow dodged the question, treating Ms. Ward's remark as praise -- ''That makes me clever'' "
        "-- and moved on."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Harlow"]


@pytest.mark.parametrize(
    "text",
    [
        "Most members agreed.\n\nContrary to her claim that voters would ''see nothing,'' files are long.",
        'Goals: Ending "the misery of hunger" is one of the oldest aims of the fund.',
        "Music played.\n\n“Promise you will stay,” Nia Obeng sings before asking him, “Where do we go now?”",
    ],
)
def test_a_common_word_opening_a_sentence_is_no_speaker(text: str) -> None:
    assert all(q.speaker is None or q.speaker[:1] not in "CEP" for q in quotes_of(text))


PATTERNS = [
    # "Name of the <organisation> said": the person speaks, not the organisation
    (
        'Prices rose. "Rents will rise next year," Jane Rowan of the University of Dorset said.',
        "Jane Rowan",
    ),
    ('Prices climbed. "Rents will rise next year, and fast," the Bank of England said.', "Bank of England"),
    # "X, a professor at Y, said" / "said X, a professor at Y"
    ('"Rents will rise," said Jane Rowan, a professor at the University of Dorset.', "Jane Rowan"),
    # "quoted X as saying": the one quoted speaks, not the outlet
    ('The Daily Ledger quoted Jane Rowan as saying: "Rents will rise next year, and fast."', "Jane Rowan"),
    (
        'Prices climbed. The agency quoted its head, Petro Vassilenko, as saying: "Only three bodies '
        'have been found so far."',
        "Petro Vassilenko",
    ),
    (
        'Petro Vassilenko spoke. The agency quoted him as saying: "Only three bodies were found so far."',
        "Petro Vassilenko",
    ),
    ('Prices climbed again. "Rents will rise next year, and fast," according to Jane Rowan.', "Jane Rowan"),
    # an appositive role is walked over to the name
    ('Sales fell. "The genre is dying," said the author of several books, Ozzy Quinlan.', "Ozzy Quinlan"),
    ('Sales fell. "The genre is dying," the author of several books, Ozzy Quinlan, said.', "Ozzy Quinlan"),
    ('Sales fell. "The genre is dying," said officials in Paris, Texas.', "officials"),
]


@pytest.mark.parametrize(("text", "speaker"), PATTERNS)
def test_attribution_patterns_name_the_person(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_a_web_name_is_one_organisation() -> None:
    text = 'Mail was blocked. "Large numbers of addresses were cut off," said Brightwall.org, a rights group.'
    (q,) = quotes_of(text)
    assert (q.speaker, q.speaker_kind) == ("Brightwall.org", "organization")


def test_a_member_of_an_organisation_keeps_the_organisation() -> None:
    text = 'Mail was cut. "The state wants to weaken it," said a member of Brightwall.org, who is unnamed.'
    assert [q.speaker for q in quotes_of(text)] == ["a member of Brightwall.org"]


def test_aka_links_two_full_names_of_one_person() -> None:
    text = (
        "The feast was invented by Ron Vandeka — aka Dr. Maulana Vandeka, founder of a group. "
        '"We hate nobody," Vandeka said. "It is ours," said Maulana Vandeka.'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ron Vandeka", "Ron Vandeka"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Crews are checking whether the pump failed first, said a source close to the inquiry. "
            "He cautioned that the inquiry was at an early stage.",
            "a source close to the inquiry",
        ),
        # a plural phrase is no he
        (
            "Crews are checking whether the pump failed first, said officials close to the inquiry. "
            "He cautioned that the inquiry was at an early stage.",
            None,
        ),
        # a spokeswoman is no he
        (
            "Crews are checking whether the pump failed first, said a spokeswoman for the port. "
            "He cautioned that the inquiry was at an early stage.",
            None,
        ),
    ],
)
def test_he_with_no_person_near_is_the_unnamed_speaker_before(text: str, speaker: str | None) -> None:
    assert quotes_of(text)[-1].speaker == speaker
