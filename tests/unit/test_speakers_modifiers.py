"""A name that only modifies the noun heading the speaker phrase is not the speaker, and a role
in front of a name may hold hyphenated words. Every sentence here is made up."""

from __future__ import annotations

import pytest

from tests.unit.quote_helpers import quotes_of

_OPENING = "Governor Dana Whitfield toured the plant on Monday. "

MODIFIER = [
    # the name says whose officials, aides or spokesman: they speak, not the governor
    (
        _OPENING + 'Whitfield officials said, "The plant is entirely safe for the town."',
        "Whitfield officials",
    ),
    (
        _OPENING + '"The plant is entirely safe for the town," Whitfield officials said.',
        "Whitfield officials",
    ),
    (
        _OPENING + '"The plant is entirely safe," a Whitfield administration spokesman said.',
        "a Whitfield administration spokesman",
    ),
    (
        _OPENING + '"The plant is entirely safe," said a Whitfield administration spokesman.',
        "a Whitfield administration spokesman",
    ),
    (_OPENING + '"The plant is entirely safe for the town," said Whitfield aides.', "Whitfield aides"),
    # a named person after the modified role is the speaker
    (_OPENING + '"The plant is entirely safe," said Whitfield spokesman Li Park.', "Li Park"),
    (_OPENING + '"The plant is entirely safe," Whitfield spokesman Li Park said.', "Li Park"),
    # the person still speaks where no role noun follows the name
    (_OPENING + '"The plant is entirely safe," said Whitfield in a statement.', "Dana Whitfield"),
    (_OPENING + '"The plant is entirely safe," Whitfield said.', "Dana Whitfield"),
]


@pytest.mark.parametrize(("text", "speaker"), MODIFIER)
def test_a_name_modifying_the_head_noun_is_not_the_speaker(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]


HYPHENATED_ROLE = [
    (
        'The ferry sank on Monday.\n\n"The wreck lies in deep water," Norland search-and-rescue director'
        " Piet Van Haalen said.",
        "Piet Van Haalen",
    ),
    ('"The runway was clear," senior air-traffic controller Mira Osei said.', "Mira Osei"),
]


@pytest.mark.parametrize(("text", "speaker"), HYPHENATED_ROLE)
def test_a_hyphenated_role_may_stand_before_the_name(text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]
