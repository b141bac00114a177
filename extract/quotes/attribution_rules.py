"""The attribution rules by name, each with the examples that are its tests.

A quote's `rule` names the rule that chose its speaker (`attribution_rule` in attribution.py):
how the name was reached when it was not read off the speaker phrase ("pronoun", "quoted-as"),
else the cue ("according-to"), else where the cue stands relative to the quote. Every example is
made up; the golden test (tests/unit/test_speakers_rules.py) checks speaker and rule for each.
"""

from __future__ import annotations

from extract.rules import Rule, unique_names

ATTRIBUTION_RULES: tuple[Rule, ...] = (
    Rule(
        "said-after-name",
        "“…,” X said: the speaker phrase stands between the quote and the cue.",
        (('"The bridge stays shut until spring," Nadia Oberg said.', "Nadia Oberg"),),
    ),
    Rule(
        "said-before-name",
        "“…,” said X: an inverted cue, the speaker after it.",
        (('"The bridge stays shut until spring," said Nadia Oberg.', "Nadia Oberg"),),
    ),
    Rule(
        "cue-before-quote",
        "X said: “…”, X told reporters “…”, X called it “…”: the cue and its speaker before the quote.",
        (('Nadia Oberg told reporters: "The bridge stays shut until spring."', "Nadia Oberg"),),
    ),
    Rule(
        "closing-cue",
        "“…” to fix the road, X said: a cue closing the quote's sentence.",
        (
            (
                'The council wants "a bridge that lasts" to replace the old one, Nadia Oberg said.',
                "Nadia Oberg",
            ),
        ),
    ),
    Rule(
        "subject-colon",
        "X, in a speech: “…”: the subject of a clause ending in a colon.",
        (('Nadia Oberg, at the depot on Monday: "The bridge stays shut until spring."', "Nadia Oberg"),),
    ),
    Rule(
        "paragraph-colon",
        "A paragraph ending in a colon introduces the quote paragraph after it.",
        (
            (
                'Nadia Oberg went on:\n\n"The bridge stays shut until spring, and the ferry runs."',
                "Nadia Oberg",
            ),
        ),
    ),
    Rule(
        "byline",
        "“…” ― X: a quote signed like an epigraph.",
        (('"The bridge stays shut until spring." ― Nadia Oberg', "Nadia Oberg"),),
    ),
    Rule(
        "sentence-subject",
        "X dismissed Y as “…”: quoted words with no cue belong to the sentence's subject.",
        (('Nadia Oberg dismissed the plan as "a bridge to nowhere" on Monday.', "Nadia Oberg"),),
    ),
    Rule(
        "according-to",
        "“…,” according to X.",
        (('"The bridge stays shut until spring," according to Nadia Oberg.', "Nadia Oberg"),),
    ),
    Rule(
        "pronoun",
        "he/she/him/her goes to the nearest compatible person subject of the recent sentences.",
        (('Nadia Oberg runs the depot. "The bridge stays shut until spring," she said.', "Nadia Oberg"),),
    ),
    Rule(
        "quoted-as",
        "<outlet> quoted X as saying “…”: the one quoted speaks, not the outlet.",
        (('The Ledger quoted Nadia Oberg as saying: "The bridge stays shut until spring."', "Nadia Oberg"),),
    ),
)

unique_names(ATTRIBUTION_RULES)
