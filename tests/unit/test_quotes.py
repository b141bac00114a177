"""Quotes: direct, partial and indirect, with their speakers. Every sentence here is made up."""

from __future__ import annotations

from tests.unit.quote_helpers import only, quotes_of


def test_direct_quote_with_speaker_after_it() -> None:
    q = only("“We will rebuild the bridge before winter,” Mayor Elena Ruiz said.")
    assert q.text == "We will rebuild the bridge before winter,"
    assert (q.speaker, q.kind, q.cue) == ("Elena Ruiz", "direct", "said")
    assert q.speaker_role == "Mayor"


def test_inverted_attribution_with_appositive_role() -> None:
    q = only('"The numbers are clear," said Tomas Berg, an economist at the Nordic Institute.')
    assert q.speaker == "Tomas Berg"
    assert q.speaker_role is not None and "economist" in q.speaker_role


def test_colon_introduces_a_quote() -> None:
    q = only('Priya Nair told parliament on Tuesday: "We have no plan to raise taxes this year."')
    assert q.speaker == "Priya Nair"
    assert q.kind == "direct"
    assert q.text == "We have no plan to raise taxes this year."


def test_latex_style_quotes() -> None:
    q = only("``The harbour will reopen next week,'' said port director Jonas Lind.")
    assert q.text == "The harbour will reopen next week,"
    assert q.speaker == "Jonas Lind"


def test_nested_single_quotes_stay_inside_the_quote() -> None:
    q = only("“He told me ‘never again,’ and I believed him,” said Omar Haddad.")
    assert q.text == "He told me ‘never again,’ and I believed him,"
    assert q.speaker == "Omar Haddad"


def test_quote_sentence_after_an_attributed_one_keeps_the_speaker() -> None:
    found = quotes_of("“We are ready,” coach Maria Lopez said. “The team has trained all summer.”")
    assert [q.speaker for q in found] == ["Maria Lopez", "Maria Lopez"]
    assert found[1].text == "The team has trained all summer."


def test_quote_paragraph_without_cue_continues_the_last_speaker() -> None:
    text = (
        "“The clinic will open in May,” said health official Ines Duarte.\n\n"
        "“It will serve four villages that have no doctor today.”"
    )
    found = quotes_of(text)
    assert [q.speaker for q in found] == ["Ines Duarte", "Ines Duarte"]
    assert found[1].speaker_start == found[0].speaker_start


def test_quote_spanning_two_paragraphs_is_one_quote() -> None:
    text = (
        "Senator Lena Fischer defended the bill.\n\n"
        "“This law protects renters. It caps increases at three percent.\n\n"
        "“It also funds legal aid for tenants,” she said."
    )
    q = only(text)
    assert q.text.startswith("This law protects renters.")
    assert q.text.endswith("legal aid for tenants,")
    assert q.speaker == "Lena Fischer"
    assert text[q.speaker_start : q.speaker_end] == "she"


def test_partial_quote_inside_paraphrase() -> None:
    q = only("Finance Minister Karl Weber said the budget was “a recipe for ruin” and left the room.")
    assert q.kind == "partial"
    assert "a recipe for ruin" in q.text
    assert q.speaker == "Karl Weber"


def test_two_partial_quotes_in_one_sentence_share_the_speaker() -> None:
    found = quotes_of("Weber condemned “reckless spending” which, he added, “cannot go on.”")
    assert [q.kind for q in found] == ["partial", "partial"]
    assert {q.speaker for q in found} == {"Weber"}


def test_according_to_after_the_content() -> None:
    q = only("The talks will resume in March, according to Foreign Minister Ana Silva.")
    assert q.kind == "indirect"
    assert q.text == "The talks will resume in March"
    assert q.speaker == "Ana Silva"


def test_according_to_before_the_content() -> None:
    q = only("According to the ministry, forty schools were closed on Monday.")
    assert q.text == "forty schools were closed on Monday"
    assert q.speaker is not None and "ministry" in q.speaker


def test_organisation_speaker_with_indirect_speech() -> None:
    q = only("The Brazilian Health Ministry said in a statement that vaccination would begin on Monday.")
    assert q.kind == "indirect"
    assert q.speaker == "Brazilian Health Ministry"
    assert q.speaker_kind == "organization"
    assert "vaccination would begin on Monday" in q.text


def test_generic_source_closing_the_sentence() -> None:
    q = only("The bridge will stay closed until June, officials said.")
    assert (q.text, q.speaker, q.kind) == ("The bridge will stay closed until June", "officials", "indirect")


def test_indirect_speech_without_that() -> None:
    q = only("Police said the driver fled the scene on foot.")
    assert q.speaker == "Police"
    assert q.text == "the driver fled the scene on foot"


def test_told_reporters_is_not_part_of_the_content() -> None:
    q = only("Mayor Elena Ruiz told reporters that the budget would be balanced by spring.")
    assert q.speaker == "Elena Ruiz"
    assert "reporters" not in q.text
    assert q.text.endswith("balanced by spring")


def test_wrote_on_social_media_is_a_cue() -> None:
    q = only("“This is unacceptable,” Senator Lena Fischer wrote on X.")
    assert (q.speaker, q.cue) == ("Lena Fischer", "wrote")


def test_titles_and_single_scare_quotes_are_not_quotes() -> None:
    assert quotes_of("Fans gathered to watch “Night Harbor” at the old cinema.") == []
    assert quotes_of("The so-called “reform” has stalled in committee.") == []


def test_straight_quotes_with_apostrophes_inside() -> None:
    q = only("\"It's the farmers' money, not ours,\" said Rosa Keller.")
    assert q.text == "It's the farmers' money, not ours,"
    assert q.speaker == "Rosa Keller"


def test_british_single_quotes_in_text_without_double_marks() -> None:
    found = quotes_of(
        "'We will not back down,' said Home Secretary Priya Malhotra. 'Farmers deserve better.'"
    )
    assert [q.text for q in found] == ["We will not back down,", "Farmers deserve better."]
    assert {q.speaker for q in found} == {"Priya Malhotra"}


def test_direct_quote_attributed_with_according_to() -> None:
    q = only("“The dam is safe,” according to chief engineer Lucas Moreau.")
    assert (q.speaker, q.kind, q.cue) == ("Lucas Moreau", "direct", "according to")


def test_transcript_lines_are_quotes_of_their_speaker() -> None:
    text = "HOST: What will you do first?\n\nMORENO: I will cut the waiting lists in half."
    found = quotes_of(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Host", "What will you do first?"),
        ("Moreno", "I will cut the waiting lists in half."),
    ]


def test_headline_with_speaker_label() -> None:
    q = only("Kowalski: Border Talks Will Resume Next Month")
    assert q.speaker == "Kowalski"
    assert q.text == "Border Talks Will Resume Next Month"


def test_quote_signed_with_a_dash() -> None:
    q = only("“Nothing about us without us.” ― Amina Yusuf\n\nThe rally ended at noon.")
    assert (q.speaker, q.text) == ("Amina Yusuf", "Nothing about us without us.")


def test_closing_attribution_after_more_words() -> None:
    text = "“You squeezed the workers” to lift the share price, she said."
    q = only(text)
    assert q.kind == "partial"
    assert "You squeezed the workers" in q.text
    assert q.speaker is None  # nobody named before: the pronoun names nobody
    assert q.speaker_start == text.index("she")


def test_attribution_in_mid_sentence_reports_the_words_before_it() -> None:
    text = (
        "The city will ration water in three districts from next week, the utility said on Tuesday, "
        "after the driest spring in decades."
    )
    q = only(text)
    assert q.text == "The city will ration water in three districts from next week"
    assert q.speaker == "the utility"


def test_short_lead_before_a_mid_sentence_attribution_belongs_to_the_report() -> None:
    q = only("Too often, Mr. Varga said, the debate ignores the miners themselves.")
    assert q.text == "Too often, Mr. Varga said, the debate ignores the miners themselves"
    assert q.speaker == "Varga"


def test_quote_paragraphs_that_never_close_are_quotes_each() -> None:
    text = (
        "“We were told to leave by noon,” said Rosa Keller.\n\n"
        "“Nobody explained why\n\n"
        "“Or where we should go"
    )
    found = quotes_of(text)
    assert [q.text for q in found] == [
        "We were told to leave by noon,",
        "Nobody explained why",
        "Or where we should go",
    ]
    assert {q.speaker for q in found} == {"Rosa Keller"}


def test_role_and_name_in_apposition_after_the_quote() -> None:
    q = only('"We are ready," the company\'s chief executive, Maria Lopez, said in an interview.')
    assert (q.speaker, q.kind) == ("Maria Lopez", "direct")


def test_quoted_words_after_a_subject_make_a_partial_quote() -> None:
    text = 'Maria Lopez runs the firm. The firm "will hire 200 workers this year," Lopez said.'
    q = only(text)
    assert q.kind == "partial"
    assert q.text == 'The firm "will hire 200 workers this year,"'
    assert q.speaker == "Maria Lopez"


def test_one_word_answer_after_a_colon_is_a_quote() -> None:
    q = only('Asked whether he would run again, Mr. Okafor said: "Never."')
    assert (q.text, q.speaker) == ("Never.", "Okafor")


def test_words_of_a_clause_do_not_pass_for_a_role() -> None:
    text = "“You squeezed the workers” to lift the share price, Weber said."
    q = only(text)
    assert q.kind == "partial"


def test_told_audience_is_skipped_before_a_partial_quote() -> None:
    text = 'Finance chief Daniel Okoro told analysts on a call that sales would be "much softer" this year.'
    q = only(text)
    assert q.kind == "partial"
    assert q.text.startswith("sales would be")
    assert q.speaker == "Daniel Okoro"


def test_a_speech_word_used_as_a_noun_is_no_cue() -> None:
    found = quotes_of('Bank analysts said the warning was "worse than feared" and cut their targets.')
    assert [q.cue for q in found] == ["said"]


def test_condition_of_anonymity_is_not_a_report() -> None:
    found = quotes_of("“They missed again,” said one fund manager, who asked not to be named.")
    assert [q.speaker for q in found] == ["one fund manager"]
