"""Attribution shapes common to any English news: post-modified speakers, evidence that "shows",
headline attributions, adverbials before "that", everyday speaker nouns. Every sentence is made up."""

from __future__ import annotations

from tests.unit.quote_helpers import only, quotes_of


def test_named_speaker_followed_by_his_organisation_still_speaks() -> None:
    q = only('"The pipes were never inspected," Mr. Arlen of the water board said.')
    assert (q.kind, q.speaker) == ("direct", "Arlen")


def test_head_of_a_prepositional_phrase_is_the_speaker_not_its_object() -> None:
    q = only("Engineers on the coastal project said the dunes would not survive another storm.")
    assert q.speaker is not None and q.speaker.startswith("Engineers")
    assert q.text == "the dunes would not survive another storm"


def test_sources_close_to_someone_are_a_speaker() -> None:
    q = only("People close to the owner said the stadium would be sold by spring.")
    assert q.speaker == "People close to the owner"


def test_a_poll_shows_its_content_without_that() -> None:
    q = only("A new survey shows the mayor trailing his challenger by nine points.")
    assert (q.kind, q.cue) == ("indirect", "shows")
    assert q.text.startswith("the mayor trailing")
    assert q.speaker == "A new survey"


def test_a_study_described_by_a_participle_still_finds() -> None:
    q = only("A study released on Tuesday found that glaciers were melting twice as fast.")
    assert q.speaker is not None and q.speaker.startswith("A study")
    assert q.text == "that glaciers were melting twice as fast"


def test_a_person_finding_an_object_is_no_report() -> None:
    assert quotes_of("The farmer found a lost ewe behind the barn on Sunday.") == []


def test_headline_attribution_closes_the_headline() -> None:
    q = only("Ferry Fares Will Double, Port Authority Warns.")
    assert q.text == "Ferry Fares Will Double"
    assert q.speaker == "Port Authority"


def test_content_starts_after_that_when_an_interview_stands_between() -> None:
    q = only("The senator said in an interview that she would not seek a third term.")
    assert q.text == "that she would not seek a third term"


def test_an_adverb_before_that_is_not_content() -> None:
    q = only("The chairman has said repeatedly that the club is not for sale.")
    assert q.text == "that the club is not for sale"


def test_an_adverb_is_content_when_no_that_follows() -> None:
    q = only("The coach said early goals would decide the final.")
    assert q.text == "early goals would decide the final"


def test_everyday_speaker_nouns_attribute_a_report() -> None:
    q = only("Oil will get dearer before winter, traders said.")
    assert (q.speaker, q.text) == ("traders", "Oil will get dearer before winter")


def test_common_noun_speaker_before_a_direct_quote() -> None:
    q = only('The referee said, "The goal stands and the match goes on."')
    assert (q.kind, q.speaker) == ("direct", "The referee")


def test_a_noun_after_an_article_is_no_cue_behind_a_phrase() -> None:
    found = quotes_of('Chief executive Mara Lind told investors on a call that demand was "very weak".')
    assert len(found) == 1 and found[0].speaker == "Mara Lind"


def test_participle_after_a_comma_reports_for_the_subject() -> None:
    found = quotes_of("The referee rejected the appeal, saying the replay had been clear enough.")
    saying = [q for q in found if q.cue == "saying"]
    assert len(saying) == 1
    assert saying[0].text == "the replay had been clear enough"
    assert saying[0].speaker == "The referee"


def test_an_earlier_report_ends_where_the_participle_begins() -> None:
    found = quotes_of("The minister said the tolls would stay, arguing that the bridge had to be paid for.")
    assert [q.cue for q in found] == ["said", "arguing"]
    assert found[0].text == "the tolls would stay"
    assert found[1].text == "that the bridge had to be paid for"


def test_a_stance_verb_with_a_bare_object_is_no_report_but_its_participle_is() -> None:
    found = quotes_of("The minister defended the new tolls, arguing that the bridge had to be paid for.")
    assert [(q.cue, q.text) for q in found] == [("arguing", "that the bridge had to be paid for")]


def test_participle_takes_a_named_subject_when_the_main_verb_is_no_cue() -> None:
    q = only("Ms. Okafor stepped down on Monday, saying the strain of the job had hurt her health.")
    assert (q.cue, q.speaker) == ("saying", "Okafor")
    assert q.text == "the strain of the job had hurt her health"


def test_a_participle_opening_a_sentence_reports_nothing() -> None:
    assert quotes_of("Standing in the rain, the volunteers waved to the passing runners.") == []


def test_relative_who_reports_for_the_named_antecedent() -> None:
    q = only("The orchestra signed Lena Moss, who said she had waited years for the chance.")
    assert (q.text, q.speaker) == ("she had waited years for the chance", "Lena Moss")


def test_relative_clause_is_no_closing_attribution() -> None:
    found = quotes_of("The orchestra signed Lena Moss, who said she had waited years for the chance.")
    assert all(not q.text.startswith("The orchestra") for q in found)


def test_a_conjoined_second_report_splits_the_first() -> None:
    found = quotes_of("Her aides say the timing is wrong but noted that she has raised record sums.")
    assert [(q.cue, q.text) for q in found] == [
        ("say", "the timing is wrong"),
        ("noted", "that she has raised record sums"),
    ]
    assert found[1].speaker == "Her aides"


def test_a_pronoun_after_a_dash_and_opens_a_second_report() -> None:
    found = quotes_of("Mr. Ives said the ferry would be late — and he added that nobody had warned him.")
    assert [q.text for q in found] == ["the ferry would be late", "that nobody had warned him"]
    assert {q.speaker for q in found} == {"Ives"}


def test_quoted_words_inside_a_report_carry_the_report() -> None:
    q = only('The board called Ms. Ferro a "liability" after the audit.')
    assert q.kind == "partial"
    assert q.text == 'Ms. Ferro a "liability" after the audit'
    assert q.speaker == "The board"


def test_a_report_running_past_the_quote_marks_keeps_them_balanced() -> None:
    q = only('She said "higher tolls" and fewer lanes would ease the jams.')
    assert q.text == '"higher tolls" and fewer lanes would ease the jams'


def test_two_appositions_between_quote_and_cue() -> None:
    q = only(
        '"The fees are unlawful," Ruth Amsel, the Republican attorney general of Idaho, '
        "one of the states suing the regulator, said on Friday."
    )
    assert (q.kind, q.speaker) == ("direct", "Ruth Amsel")


def test_a_country_with_an_apposition_speaks_as_its_government() -> None:
    q = only("Norway, the fund's largest backer, said it would not renew the grant.")
    assert (q.speaker, q.text) == ("Norway", "it would not renew the grant")


def test_a_place_inside_an_apposition_is_not_the_speaker() -> None:
    q = only('"We will appeal," Omar Bell, the mayor of Leeds, said.')
    assert q.speaker == "Omar Bell"


def test_adding_after_a_quote_reports_for_the_same_speaker() -> None:
    found = quotes_of('"We lost fairly," the captain said, adding that the pitch had been poor.')
    assert [(q.kind, q.speaker) for q in found] == [("direct", "the captain"), ("indirect", "the captain")]
    assert found[1].text == "that the pitch had been poor"


def test_organisation_nouns_speak_before_a_colon_quote() -> None:
    found = quotes_of(
        'In a statement, the charity said: "We are proud of our volunteers," adding that it would appeal.'
    )
    assert [(q.kind, q.speaker) for q in found] == [("direct", "the charity"), ("indirect", "the charity")]
    assert found[1].text == "that it would appeal"


def test_a_noun_ending_in_ly_is_no_adverb() -> None:
    q = only("The family said the landlord had ignored their complaints for months.")
    assert q.speaker == "The family"


def test_a_concession_after_the_report_is_the_narrators() -> None:
    found = quotes_of("She insisted that the audit was fair, although she declined to publish it in full.")
    assert found[0].text == "that the audit was fair"


def test_the_subject_of_a_passive_report_is_not_its_source() -> None:
    q = only("Mr. Varga was told that his contract with the pension fund would end.")
    assert (q.cue, q.speaker, q.speaker_start) == ("told", None, None)


def test_an_active_perfect_is_no_passive() -> None:
    found = quotes_of("The coach has said the club would never sell its best players.")
    assert found[0].speaker == "The coach"


def test_a_document_reads_its_words() -> None:
    q = only('"Save the library from closure," the petition reads.')
    assert (q.kind, q.speaker, q.cue) == ("direct", "the petition", "reads")


def test_reading_a_newspaper_is_no_quote() -> None:
    assert quotes_of("He reads two newspapers every morning before work.") == []


def test_a_spaced_off_closing_mark_after_a_nested_quote_closes() -> None:
    q = only("Paul Reed spoke first. \"I never liked the label 'urban renewal,' \" he told the crowd.")
    assert q.text == "I never liked the label 'urban renewal,'"
    assert (q.kind, q.speaker) == ("direct", "Paul Reed")


def test_what_critics_called_names_the_critics_only() -> None:
    q = only("The scheme drew what critics called “a gift to landlords.”")
    assert (q.kind, q.speaker) == ("partial", "critics")


def test_a_quote_closed_by_its_comma_does_not_run_into_an_apposition() -> None:
    q = only("Ana Ruiz left after what she called a “betrayal,” a vote on the budget.")
    assert q.text.endswith("“betrayal,”")


def test_a_single_dash_aside_after_a_report_is_the_narrators() -> None:
    q = only("The minister said the port was a relic of the past — a jibe at his predecessor.")
    assert q.text == "the port was a relic of the past"


def test_a_promise_to_act_is_a_report_of_its_maker() -> None:
    q = only("The council pledged to reopen the swimming pool by June.")
    assert (q.cue, q.speaker, q.text) == ("pledged", "The council", "to reopen the swimming pool by June")


def test_agreeing_a_price_is_no_report() -> None:
    assert quotes_of("The two clubs agreed a fee of nine million pounds.") == []


def test_plural_organisation_nouns_are_speakers() -> None:
    found = quotes_of(
        "The envoy stressed that the truce was fragile, and aid groups warned that food was running out."
    )
    assert [(q.speaker, q.text) for q in found] == [
        ("The envoy", "that the truce was fragile"),
        ("aid groups", "that food was running out"),
    ]


def test_the_object_before_a_participle_is_not_the_sayer() -> None:
    found = quotes_of(
        "Mayor Lena Ortiz called for releasing the camera videos, saying openness would build trust."
    )
    saying = [q for q in found if q.cue == "saying"]
    assert len(saying) == 1 and saying[0].speaker == "Lena Ortiz"


def test_metadata_headers_are_not_speaker_labels() -> None:
    text = "Title: Ferry strike ends\nOutlet: The Harbour Gazette\n\nThe ferries sailed on Monday."
    assert quotes_of(text) == []


def test_an_organisation_named_x_of_y_speaks_whole() -> None:
    q = only("The Harbour Chamber of Commerce estimates that the closure costs the town a million a week.")
    assert q.speaker == "Harbour Chamber of Commerce"


def test_a_title_of_a_place_before_a_name_leaves_the_person_speaking() -> None:
    q = only("Governor of Utah Mark Dane said the border checks would continue.")
    assert q.speaker == "Mark Dane"


def test_a_role_with_its_name_in_apposition_opens_a_report() -> None:
    q = only("The club's chief executive, Ana Ruiz, said the stadium would be sold.")
    assert (q.speaker, q.text) == ("Ana Ruiz", "the stadium would be sold")


def test_a_noun_looking_like_a_cue_does_not_hide_the_closing_attribution() -> None:
    q = only("Fuel prices will rise again next spring, analysts said in a note to clients.")
    assert (q.speaker, q.text) == ("analysts", "Fuel prices will rise again next spring")


def test_a_scene_setting_phrase_is_not_closed_as_a_report() -> None:
    q = only("In her 2010 memoir, Ms. Cole noted the lean years of the family farm.")
    assert (q.speaker, q.text) == ("Cole", "the lean years of the family farm")


def test_a_scene_setter_inside_a_real_report_stays() -> None:
    q = only("In 2015, prices rose sharply across the region, the bank said.")
    assert (q.speaker, q.text) == ("the bank", "In 2015, prices rose sharply across the region")


def test_a_passive_with_its_agent_is_no_report() -> None:
    assert quotes_of("The mayor was endorsed by dozens of local papers in the spring.") == []


def test_a_partial_quote_ending_its_sentence_does_not_run_into_the_next() -> None:
    found = quotes_of('Ms. Dunn said the ruling was "deeply unfair." She added: "We will appeal at once."')
    assert found[0].kind == "partial"
    assert found[0].text == 'the ruling was "deeply unfair."'


def test_people_familiar_with_something_keep_their_whole_description() -> None:
    q = only("The ferry line will be sold, according to two people familiar with the talks.")
    assert q.speaker == "two people familiar with the talks"


def test_sources_close_to_someone_after_according_to() -> None:
    q = only("The striker will join a rival club, according to sources close to the player.")
    assert q.speaker == "sources close to the player"


def test_a_longer_prepositional_phrase_before_that_is_not_content() -> None:
    q = only("The airline said in a filing with the regulator that bookings fell by a fifth.")
    assert q.text == "that bookings fell by a fifth"


def test_urging_someone_to_act_is_no_report_of_words() -> None:
    found = quotes_of(
        "Ms. Lind has urged member states to increase defence support, invest in drones and share data."
    )
    assert found == []
