"""Speech cues are speech: negated cues and stance verbs with a bare object report nothing,
a speech verb with a clause does, and "according to" takes any short source. Sentences made up."""

from __future__ import annotations

import pytest

from tests.unit.quote_helpers import quotes_of

NO_REPORT = [
    "He did not elaborate on what the new penalties would mean for farmers.",
    "The mayor declined to say whether the budget would pass in June.",
    "Ms. Orr refused to comment on the terms of the settlement with the port.",
    "The ministry has never said that the reactor was unsafe for workers.",
    "Councillor Dahl didn't say when the depot would reopen to buses.",
    "The Republic of Veldt has condemned the overnight raid on the northern port.",
    "Ms. Lind urged the council to repair the bridge before the winter storms.",
    "The regional board hopes to close the deal before the end of the year.",
    "The union opposed the plan to merge the two rail depots next spring.",
    "Ms. Lind phoned a late-night radio show while she was off work with a cold.",
    "The union called off the strike after the vote on the new contract.",
    # the writer's own view, the writer's own count, a topic rather than a clause
    "I think the harbour will flood again before the winter is out.",
    "Next stop Harwick, where Ms. Reyes has made the most trips, according to our tally.",
    "Brad Lund writes frequently about content marketing and small business strategy.",
    # a headline's kicker before a colon is no speaker label
    "Storm Over Harbour: Ferries Stay in Port as Winds Rise Along the Coast.",
]


@pytest.mark.parametrize("sentence", NO_REPORT)
def test_no_speech_no_report(sentence: str) -> None:
    assert quotes_of(sentence) == []


REPORTS = [
    (
        "Ms. Orr, who was not at the meeting, said the vote had been rushed.",
        "said",
        "the vote had been rushed",
    ),
    ("Ms. Orr did not hide her anger and said the audit was unfair.", "said", "the audit was unfair"),
    (
        "The union warned that the strike could last well into the summer.",
        "warned",
        "that the strike could last well into the summer",
    ),
    (
        "Ms. Lind condemned the raid, saying the port had been full of civilians.",
        "saying",
        "the port had been full of civilians",
    ),
    (
        'The mayor called the new tolls "a tax on the poor" at the rally.',
        "called",
        None,
    ),
    (
        "The fund lost a third of its value last year, according to court filings.",
        "according to",
        "The fund lost a third of its value last year",
    ),
]


@pytest.mark.parametrize(("sentence", "cue", "content"), REPORTS)
def test_speech_with_a_clause_reports(sentence: str, cue: str, content: str | None) -> None:
    found = [q for q in quotes_of(sentence) if q.cue == cue]
    assert len(found) == 1, quotes_of(sentence)
    if content is not None:
        assert found[0].text == content


WHOLE_CLAUSE = [
    # a sentence cut after "and" leaves no dangling conjunction
    ("Ms. Orr said the harbour would stay open and", "the harbour would stay open"),
    # the speaker's next action is no part of what was said
    (
        "The mayor said the depot would close and the workers would move east, and then left the hall.",
        "the depot would close and the workers would move east",
    ),
    (
        "Ms. Orr was quoted as saying the harbour would stay open all winter.",
        "the harbour would stay open all winter",
    ),
]


@pytest.mark.parametrize(("sentence", "content"), WHOLE_CLAUSE)
def test_the_reported_clause_is_whole(sentence: str, content: str) -> None:
    found = quotes_of(sentence)
    assert [(q.speaker, q.text) for q in found] == [(found[0].speaker, content)]
    assert found[0].speaker in ("Orr", "The mayor")


def test_a_comment_after_a_colon_is_a_direct_quote() -> None:
    found = quotes_of('A neighbour commented: "For us, the noise is the best reason to oppose the plant."')
    assert [(q.kind, q.cue) for q in found] == [("direct", "commented")]


def test_a_quote_opening_with_an_ellipsis_after_a_closing_shaped_mark() -> None:
    found = quotes_of("”… and that is why the harbour matters,” Ms. Orr said.")
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("direct", "Orr", "… and that is why the harbour matters,")
    ]


def test_an_attribution_inside_a_subordinate_opening_reports_the_whole_sentence() -> None:
    found = quotes_of("Before the ferry reached the harbour, Ms. Orr said, the engine failed twice.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Orr", "Before the ferry reached the harbour, Ms. Orr said, the engine failed twice")
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The ship sank near the coast, Ada Brun told reporters, adding that the search would go on.",
            "Ada Brun",
        ),
        (
            "The crew waited too long to ask for help, said a source close to the inquiry, adding that"
            " fog played a part.",
            "a source close to the inquiry",
        ),
    ],
)
def test_a_closing_attribution_then_its_participle_are_two_reports(sentence: str, speaker: str) -> None:
    found = quotes_of(sentence)
    assert [q.speaker for q in found] == [speaker, speaker]
    assert found[0].text.startswith("The ") and found[1].text.startswith("that ")


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "HARTFORD ― The new toll is an insult to all drivers, regional lawmakers said on Friday.",
            "regional lawmakers",
            "The new toll is an insult to all drivers",
        ),
        (
            "The news set off a quarrel on Friday: Republicans said they are sure the ministry erred.",
            "Republicans",
            "they are sure the ministry erred",
        ),
        (
            "The park is near the stadium, which, Ms. Reyes said, is usually full of families on game days.",
            "Reyes",
            "The park is near the stadium, which, Ms. Reyes said, is usually full of families on game days",
        ),
        (
            "Tomas Kall -- co-editor of a book on the debates -- said the candidate liked to make speeches.",
            "Tomas Kall",
            "the candidate liked to make speeches",
        ),
    ],
)
def test_the_right_clause_and_speaker(sentence: str, speaker: str, content: str) -> None:
    found = quotes_of(sentence)
    assert [(q.speaker, q.text) for q in found] == [(speaker, content)]


def test_a_report_inside_a_framing_clause_ends_with_it() -> None:
    found = quotes_of(
        "While ministry officials maintain that talks are ongoing, critics point to the lack of pressure."
    )
    assert [(q.speaker, q.text) for q in found] == [("ministry officials", "that talks are ongoing")]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Ms. Reyes explained how important it is to keep the ferry running.",
            "how important it is to keep the ferry running",
        ),
        (
            "The minister asked whether the port could reopen before the storms.",
            "whether the port could reopen before the storms",
        ),
        (
            "Dr. Lund told the committee why the funds had run out so early.",
            "why the funds had run out so early",
        ),
    ],
)
def test_an_indirect_question_is_reported_content(sentence: str, content: str) -> None:
    assert [q.text for q in quotes_of(sentence)] == [content]


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "A 2019 study by a law professor found 31 cases of fraud out of a billion ballots cast.",
            "A 2019 study",
            "31 cases of fraud out of a billion ballots cast",
        ),
        (
            "Donations to the funds hit $1.1 billion through August, a Valley Post analysis of filings"
            " shows.",
            "a Valley Post analysis of filings",
            "Donations to the funds hit $1.1 billion through August",
        ),
        (
            "The Harbor Institute average of polls taken over two weeks shows Ms. Reyes leading by three"
            " points.",
            "The Harbor Institute average",
            "Ms. Reyes leading by three points",
        ),
    ],
)
def test_evidence_is_the_source_of_what_it_shows(sentence: str, speaker: str, content: str) -> None:
    assert [(q.speaker, q.text) for q in quotes_of(sentence)] == [(speaker, content)]


def test_a_relative_clause_on_a_report_reports_nothing() -> None:
    found = quotes_of("The city's traffic report, which shows hourly counts for each bridge, was late again.")
    assert found == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Ms. Lind called the overnight raid a deliberate escalation of the war.",
            "the overnight raid a deliberate escalation of the war",
        ),
        (
            "The union called for an independent inquiry into the depot fire.",
            "an independent inquiry into the depot fire",
        ),
        (
            "Mr. Dale accused the board of hiding the losses from the pension fund.",
            "the board of hiding the losses from the pension fund",
        ),
    ],
)
def test_verbal_acts_report_their_object(sentence: str, content: str) -> None:
    assert [q.text for q in quotes_of(sentence)] == [content]


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        (
            "Ms. Lind pointed out that the ferry had never run on time.",
            "pointed out",
            "that the ferry had never run on time",
        ),
        (
            "The director responded that the figures lacked context.",
            "responded",
            "that the figures lacked context",
        ),
    ],
)
def test_more_speech_verbs(sentence: str, cue: str, content: str) -> None:
    assert [(q.cue, q.text) for q in quotes_of(sentence)] == [(cue, content)]


def test_a_partial_quote_ends_before_the_narrators_subordinate_clause() -> None:
    found = quotes_of(
        "Gov. Tom Reller described the mayor as a “disgrace” after she attacked the police in a speech."
    )
    assert [(q.kind, q.text) for q in found] == [("partial", "the mayor as a “disgrace”")]


def test_according_to_a_long_source_before_the_comma() -> None:
    found = quotes_of(
        "According to a civil complaint filed by the state securities board and a second one by the county,"
        " the developers ran a fraudulent scheme for years."
    )
    assert [q.text for q in found] == ["the developers ran a fraudulent scheme for years"]


def test_a_reporting_noun_reports_for_its_owner_once() -> None:
    found = quotes_of(
        "The council rejected Mayor Tom Reller's claim that the bridge was safe for heavy trucks."
    )
    assert [(q.rule, q.speaker, q.text) for q in found] == [
        ("indirect.reporting_noun", "Tom Reller", "that the bridge was safe for heavy trucks")
    ]


def test_quoted_words_said_end_before_the_narrators_when_clause() -> None:
    found = [
        q for q in quotes_of('Ms. Orr lingered at the gate, saying "thank you" when they obliged.') if q.cue
    ]
    assert [(q.cue, q.text) for q in found] == [("saying", '"thank you"')]


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "Brunn, co-author of a guide to the old canals, said the locks were built by hand.",
            "Brunn",
            "the locks were built by hand",
        ),
        (
            "Ms. Sela, a lawyer for the tenants, said the landlord owed them money.",
            "Sela",
            "the landlord owed them money",
        ),
    ],
)
def test_an_appositive_subject_says_the_clause_after_the_verb(
    sentence: str, speaker: str, content: str
) -> None:
    assert [(q.speaker, q.text) for q in quotes_of(sentence)] == [(speaker, content)]


def test_a_naming_ends_where_a_second_verb_begins() -> None:
    found = quotes_of(
        "Mayor Ilse Vorn called the flood a national disaster and urged the region to send pumps."
    )
    assert [q.text for q in found] == ["the flood a national disaster"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Okafor was asked to compare his plan with the old one at the hearing on Monday.",
        "Historical notes at the back separate the legend from the record.",
        "Additional reports of flooding came in from the valley towns overnight.",
    ],
)
def test_requests_and_noun_phrases_report_nothing(sentence: str) -> None:
    assert quotes_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "Harbour pilots say the new channel is too narrow for the largest tankers.",
            "Harbour pilots",
            "the new channel is too narrow for the largest tankers",
        ),
        (
            "Those close to the mayor say that she will not run for a third term.",
            "Those close to the mayor",
            "that she will not run for a third term",
        ),
        (
            "The lower half paid 4.1 percent, the tax office said in a May report, and the upper half"
            " paid more.",
            "the tax office",
            "The lower half paid 4.1 percent",
        ),
        (
            "Even if the shop closes next year, Mr. Holm said, he has already paid off the loan.",
            "Holm",
            "Even if the shop closes next year, Mr. Holm said, he has already paid off the loan",
        ),
    ],
)
def test_plain_subjects_and_closing_attributions(sentence: str, speaker: str, content: str) -> None:
    assert [(q.speaker, q.text) for q in quotes_of(sentence)] == [(speaker, content)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ferry tickets are cheaper in winter, and the tax office said nothing about it.",
        "Rising costs say little about the quality of the new ferries on the route.",
    ],
)
def test_no_plain_subject_report(sentence: str) -> None:
    assert all(q.text != "" and not q.text.startswith("and ") for q in quotes_of(sentence))
    assert [q for q in quotes_of(sentence) if q.speaker in ("Rising costs",)] == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Harbour pilots and weather experts said gales were common in that strait.",
            "Harbour pilots and weather experts",
        ),
        (
            "Danish police and border officials said the passenger lists were being checked.",
            "Danish police and border officials",
        ),
        ("But the mayor and aides said the plan was dead.", "aides"),
    ],
)
def test_a_coordinated_source_speaks_as_a_whole(sentence: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "KTV and its defenders say that the channel is no more biased than any other outlet.",
            "KTV and its defenders",
            "that the channel is no more biased than any other outlet",
        ),
        (
            "Several former Vanta drivers have complained they were never paid for overtime.",
            "Several former Vanta drivers",
            "they were never paid for overtime",
        ),
        (
            "Critics say Ruritania has tightened its grip on the press.",
            "Critics",
            "Ruritania has tightened its grip on the press",
        ),
    ],
)
def test_more_plain_sayers(sentence: str, speaker: str, content: str) -> None:
    assert [(q.speaker, q.text) for q in quotes_of(sentence)] == [(speaker, content)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rising costs say little about the quality of the new ferries on the route.",
        "Even so, Ms. Hale maintains her place as one of the best crime writers around.",
    ],
)
def test_no_clause_no_report(sentence: str) -> None:
    assert quotes_of(sentence) == []


def test_a_name_modifying_a_group_is_not_the_speaker() -> None:
    found = quotes_of("Mark Varga spoke on Friday. Varga aides said that the talks had stalled.")
    assert [(q.speaker, q.speaker_kind) for q in found] == [("Varga aides", None)]


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "The minister of transport, Ms. Ilse Vorn, argues there is little point in raising tolls now.",
            "Ilse Vorn",
            "there is little point in raising tolls now",
        ),
        (
            "Halvard Bank just this month announced it would drop the sales quotas.",
            "Halvard Bank",
            "it would drop the sales quotas",
        ),
    ],
)
def test_a_speaker_behind_an_insertion(sentence: str, speaker: str, content: str) -> None:
    assert [(q.speaker, q.text) for q in quotes_of(sentence)] == [(speaker, content)]


def test_a_participle_after_a_comma_modifies_its_noun() -> None:
    assert (
        quotes_of("His land trust, called the Upland Legacy Fund, will still own the ridge until 2030.") == []
    )
