"""The quote rules, declared: each quote's `rule` field names the rule that found it.

An example pairs a sentence of one's own with (kind, speaker, content) of the quote the rule
gives for it; tests/unit/test_quotes_rules.py runs every example through the whole pipeline.
"""

from __future__ import annotations

from extract.rules import Rule, unique_names

CUE_AFTER = Rule(
    "quote.cue_after",
    "Quoted words followed by their attribution: “…,” X said / “…,” said X.",
    (
        (
            '"The bridge will reopen in May," said Lena Ostrova.',
            ("direct", "Lena Ostrova", "The bridge will reopen in May,"),
        ),
    ),
)
CUE_BEFORE = Rule(
    "quote.cue_before",
    "Attribution before the quoted words: X said: “…” / X told reporters “…”.",
    (
        (
            'Mayor Tom Reller said: "We will not raise the fares this year."',
            ("direct", "Tom Reller", "We will not raise the fares this year."),
        ),
    ),
)
CUE_CLOSING = Rule(
    "quote.cue_closing",
    "An attribution closing the sentence after the quote and more words.",
    (),
)
SAME_SPEAKER = Rule(
    "quote.same_speaker",
    "A second quote of the same sentence with no cue of its own: the speaker of the first.",
    (),
)
COLON_BLOCK = Rule(
    "quote.colon_block",
    "A paragraph-long quote after a paragraph ending in “X said:” (a block quote).",
    (
        (
            'Councillor Ines Harlow said:\n\n"The budget is late and the roads are still broken."',
            ("direct", "Ines Harlow", "The budget is late and the roads are still broken."),
        ),
    ),
)
LAST_SPEAKER = Rule(
    "quote.last_speaker",
    "A quote opening a paragraph with no cue: the last speaker of the same or the previous paragraph.",
    (
        (
            '"We are ready," said Ada Brun. "The trucks leave at dawn."',
            ("direct", "Ada Brun", "The trucks leave at dawn."),
        ),
    ),
)
PARAGRAPH_SUBJECT = Rule(
    "quote.paragraph_subject",
    "A quote with no cue after a sentence of the same paragraph whose subject is a newly named person:"
    " that person, not the last speaker.",
    (
        (
            '"We are ready," said Ada Brun.\n\nOn Sunday, Senator Ines Harlow named the fares as the'
            ' first thing to fix. "The roads can wait a year."',
            ("direct", "Ines Harlow", "The roads can wait a year."),
        ),
    ),
)
SUBJECT_WORDS = Rule(
    "quote.subject_words",
    "Quoted words inside a sentence whose subject said them (X promised “a fresh start”).",
    (),
)
LABEL = Rule(
    "quote.label",
    "A paragraph opening with a speaker label: transcripts (“WALLACE: …”) and headlines (“Reller: …”).",
    (
        (
            "HARLOW: We have waited three years for this road.",
            ("indirect", "Harlow", "We have waited three years for this road."),
        ),
    ),
)
INDIRECT_LEADING = Rule(
    "indirect.cue_leading",
    "X said (that) CONTENT: a speech verb with a reported clause; negated cues (“did not say”,"
    " “declined to comment”) and stance verbs without a that-clause or quoted words give nothing.",
    (
        (
            "Lena Ostrova said the bridge would reopen in May.",
            ("indirect", "Lena Ostrova", "the bridge would reopen in May"),
        ),
        (
            "The union warned that the strike could last into June.",
            ("indirect", "The union", "that the strike could last into June"),
        ),
        ("Tom Reller did not elaborate on what the new rules would mean.", None),
        ("The mayor declined to say whether the budget would pass.", None),
        ("Harlow condemned the closure of the northern depot.", None),
    ),
)
INDIRECT_TRAILING = Rule(
    "indirect.cue_trailing",
    "CONTENT, X said. / CONTENT, said X.: an attribution closing the sentence governs all before it.",
    (
        (
            "The depot will close by the end of March, Ada Brun said.",
            ("indirect", "Ada Brun", "The depot will close by the end of March"),
        ),
    ),
)
ACCORDING_TO = Rule(
    "indirect.according_to",
    "According to X, CONTENT / CONTENT, according to X: X may be any short noun phrase.",
    (
        (
            "According to the Dorset Herald, the council will vote on Monday.",
            ("indirect", "Dorset Herald", "the council will vote on Monday"),
        ),
        (
            "About two million tenants rent in the region, according to census figures.",
            ("indirect", "census figures", "About two million tenants rent in the region"),
        ),
    ),
)

AS_PHRASE = Rule(
    "indirect.as_phrase",
    "As X said/noted/put it, CONTENT / CONTENT, as X said.: an “as” phrase of saying, whole (no clause"
    " after its verb, no negation or modal), attributes the clause beside it.",
    (
        (
            "As Mayor Ada Brun noted on Monday, the depot has lost money for a decade.",
            ("indirect", "Ada Brun", "the depot has lost money for a decade"),
        ),
        (
            "The ferry is older than the town, as Tom Reller put it.",
            ("indirect", "Tom Reller", "The ferry is older than the town"),
        ),
        ("The depot closed in March, as Ada Brun said it would.", None),
        ("As Tom Reller might put it, the ferry is older than the town.", None),
    ),
)

REPORTING_NOUN = Rule(
    "indirect.reporting_noun",
    "NAME's claim/warning/promise… that CONTENT: a noun of saying reports its that-clause for its owner.",
    (
        (
            "The council rejected Mayor Tom Reller's claim that the bridge was safe for heavy trucks.",
            ("indirect", "Tom Reller", "that the bridge was safe for heavy trucks"),
        ),
    ),
)

QUOTE_RULES: tuple[Rule, ...] = (
    CUE_AFTER,
    CUE_BEFORE,
    CUE_CLOSING,
    SAME_SPEAKER,
    COLON_BLOCK,
    LAST_SPEAKER,
    PARAGRAPH_SUBJECT,
    SUBJECT_WORDS,
    LABEL,
    INDIRECT_LEADING,
    INDIRECT_TRAILING,
    ACCORDING_TO,
    AS_PHRASE,
    REPORTING_NOUN,
)
unique_names(QUOTE_RULES)
