"""Speaker resolution: pronouns, short names, titles and roles. Every sentence here is made up."""

from __future__ import annotations

from tests.unit.quote_helpers import quotes_of


def test_pronoun_after_two_people_is_decided_by_gender() -> None:
    text = "Anna Kowalski met Peter Brandt in Warsaw. “The deal is fair,” she said. “We will sign,” he said."
    found = quotes_of(text)
    assert [q.speaker for q in found] == ["Anna Kowalski", "Peter Brandt"]
    assert [text[q.speaker_start : q.speaker_end] for q in found if q.speaker_start is not None] == [
        "she",
        "he",
    ]


def test_pronoun_with_two_people_of_the_same_gender_takes_the_most_recent_subject() -> None:
    text = "John Miller arrived early. Later, Peter Brandt welcomed him. “We are glad you came,” he said."
    assert [q.speaker for q in quotes_of(text)] == ["Peter Brandt"]


def test_gender_from_honorific() -> None:
    text = "Mrs. Okafor and Mr. Lindqvist signed the lease. “It took years,” she said."
    assert [q.speaker for q in quotes_of(text)] == ["Okafor"]


def test_short_name_resolves_to_the_full_name_seen_earlier() -> None:
    text = "Prime Minister Sanna Virtanen visited Oslo. “We stand together,” Virtanen said."
    q = quotes_of(text)[0]
    assert q.speaker == "Sanna Virtanen"
    assert q.speaker_role == "Prime Minister"
    assert text[q.speaker_start : q.speaker_end] == "Virtanen"


def test_honorific_and_surname_resolve_to_the_full_name() -> None:
    text = "Michael Chen founded the firm in 1998. Mr. Chen said profits rose by a third last year."
    assert [q.speaker for q in quotes_of(text)] == ["Michael Chen"]


def test_appositive_role_is_kept_with_the_speaker() -> None:
    q = quotes_of("“We need more nurses,” said Grace Obi, the hospital's chief executive.")[0]
    assert q.speaker == "Grace Obi"
    assert q.speaker_role is not None and "chief executive" in q.speaker_role


def test_lower_case_role_before_the_name() -> None:
    q = quotes_of("“No decision has been made,” press secretary Dana Whitfield said.")[0]
    assert q.speaker == "Dana Whitfield"
    assert q.speaker_role == "press secretary"


def test_role_phrase_resolves_to_the_person_holding_it() -> None:
    text = "President Amara Diallo opened the summit. “Trade is our future,” the president said."
    q = quotes_of(text)[0]
    assert q.speaker == "Amara Diallo"
    assert text[q.speaker_start : q.speaker_end] == "the president"


def test_organisation_speaker_from_metonymy() -> None:
    q = quotes_of("“The report is false,” the Kremlin said.")[0]
    assert q.speaker == "Kremlin"
    assert q.speaker_kind == "organization"


def test_generic_source_is_its_own_speaker() -> None:
    q = quotes_of("“The fire started in the kitchen,” a source said.")[0]
    assert q.speaker == "a source"
    assert q.speaker_kind is None


def test_official_of_an_organisation_speaks_not_the_organisation() -> None:
    q = quotes_of("“The road is closed,” said a Red Cross official in the capital.")[0]
    assert q.speaker == "a Red Cross official"
    assert q.speaker_kind is None


def test_pronoun_after_an_unnamed_speaker_continues_that_speaker() -> None:
    text = "“It was a loud bang,” said a hotel employee. “Then the windows broke,” he said."
    assert [q.speaker for q in quotes_of(text)] == ["a hotel employee", "a hotel employee"]


def test_colon_quote_belongs_to_the_subject_not_to_a_name_in_a_phrase() -> None:
    text = "Worried about support for Ana Silva among farmers, Mayor Ivo Petrov has a new message: “Vote.”"
    q = quotes_of(text)[0]
    assert q.speaker == "Ivo Petrov"


def test_a_surname_is_not_read_as_a_first_name() -> None:
    text = "Obama Library Opens. Mr. Obama said the library would open in May."
    assert [q.speaker for q in quotes_of(text)] == ["Obama"]


def test_generic_speaker_before_a_long_apposition() -> None:
    text = (
        "A senior government official, speaking on condition of anonymity because he was not allowed "
        "to discuss the talks, said the minister would meet both sides on Wednesday."
    )
    q = quotes_of(text)[0]
    assert q.speaker == "A senior government official"
    assert q.text == "the minister would meet both sides on Wednesday"


def test_unlisted_first_name_with_a_role_is_a_person_and_an_antecedent() -> None:
    text = (
        "“Every day of this strike costs millions,” the company's chief executive, Marieke Jansen, "
        "wrote in a LinkedIn post. She said the firm remained “open to dialogue.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Marieke Jansen", "Marieke Jansen"]


def test_party_and_state_after_a_name_is_an_apposition() -> None:
    found = quotes_of('Rep. Luis Ortega, D-Calif., called the collapse "a political stunt."')
    assert [(q.speaker, q.kind) for q in found] == [("Luis Ortega", "partial")]
    mentions = quotes_of("Sen. Mark Dillon, R-Texas, said the bill would fail in the House next week.")
    assert [q.speaker for q in mentions] == ["Mark Dillon"]


def test_spokesperson_for_a_named_leader_is_the_speaker_not_the_leader() -> None:
    # the spokesperson speaks for her; saying "Ruth Keane said" would claim more than the text does
    text = "A spokesperson for Senate Majority Leader Ruth Keane said she would bring the bill to a vote."
    q = quotes_of(text)[0]
    assert q.speaker == "A spokesperson for Senate Majority Leader Ruth Keane"
    assert q.text == "she would bring the bill to a vote"


def test_pronoun_subject_sentence_continues_the_chain_past_a_possessive_name() -> None:
    text = (
        "Health Minister Laura Benedetti visited the clinic on Monday. "
        "She also repeated Prime Minister Anna Kowalczyk’s promise that wards would reopen. "
        "“We will not close a single hospital,” she said."
    )
    quote = next(q for q in quotes_of(text) if q.text.startswith("We will not"))
    assert quote.speaker == "Laura Benedetti"
