"""Quotes shown as said: reported speech never in quotation marks, direct quotes verbatim in one pair."""

from __future__ import annotations

import importlib
from datetime import date

import pytest

from handlers.domain import Person, RoleSeen
from handlers.said import quoted, reported, role_parts, roles_seen, said

MARKS = '"“”'


@pytest.mark.parametrize(
    ("speaker", "role", "text", "kind", "expected"),
    [
        (
            "Martin Holm",
            None,
            "the shipyard had lost three orders",
            "indirect",
            "Martin Holm said the shipyard had lost three orders",
        ),
        (
            "Martin Holm",
            "chief executive",
            "that the yard would close,",
            "indirect",
            "Martin Holm, chief executive, said that the yard would close",
        ),
        ("Ana Ruiz", "Gov.", "We will rebuild,", "direct", "Gov. Ana Ruiz: “We will rebuild”"),
        ("Ana Ruiz", "Governor", "We will rebuild", "direct", "Governor Ana Ruiz: “We will rebuild”"),
        (
            "Lena Varga",
            None,
            'the cuts were "a betrayal of every worker" in the valley',
            "partial",
            'Lena Varga said the cuts were "a betrayal of every worker" in the valley',
        ),
        ("Lena Varga", None, "a betrayal", "partial", "Lena Varga said “a betrayal”"),
        (
            "Piet Oster",
            None,
            "“the ferry will sail on Monday”",
            "indirect",
            "Piet Oster said the ferry will sail on Monday",
        ),
    ],
)
def test_quotes_read_as_they_were_said(
    speaker: str, role: str | None, text: str, kind: str, expected: str
) -> None:
    assert said(speaker, role, text, kind) == expected


def test_reported_speech_is_never_inside_quotation_marks() -> None:
    for text in ("the plant will reopen", '"the plant will reopen"', "“the plant will reopen.”"):
        out = reported(text, "indirect")
        assert out == "the plant will reopen" and not any(c in out for c in MARKS)


def test_direct_quotes_get_one_pair_and_nested_marks_become_single() -> None:
    assert quoted("“We stay.”") == "“We stay.”"
    assert quoted('"We stay."') == "“We stay.”"
    assert quoted('He called the cuts "a betrayal" of us') == "“He called the cuts ‘a betrayal’ of us”"
    assert quoted("He called the cuts “a betrayal” of us") == "“He called the cuts ‘a betrayal’ of us”"
    assert (
        quoted("Everybody understands that pressure works,") == "“Everybody understands that pressure works”"
    )


def test_titles_go_before_the_name_and_other_roles_after_it() -> None:
    assert role_parts("Ana Ruiz", "Gov.") == ("Gov. ", "")
    assert role_parts("Ada Okafor", "union's general secretary") == ("", ", union's general secretary")
    assert role_parts("President Lars Berg", "President") == ("", "")


def test_a_role_is_dated_as_first_seen_in_a_report_not_as_a_tenure() -> None:
    person = Person(
        id=1, name="Lars Berg", role_history=[RoleSeen(role="President", first_seen=date(2031, 9, 8))]
    )
    seen = roles_seen(person)
    assert seen == "President (in reports from 8 Sep 2031)"
    assert "since" not in seen


@pytest.mark.parametrize(
    ("cue", "text", "expected"),
    [
        ("warns", "the bridge may close", "Lena Varga warned the bridge may close"),
        ("urged", "the council to act", "Lena Varga urged the council to act"),
        ("slamming", "the plan", "Lena Varga slammed the plan"),
        ("told reporters", "the plan had failed", "Lena Varga told reporters the plan had failed"),
        ("according to", "The ferry sails on Monday", "According to Lena Varga, the ferry sails on Monday"),
        (None, "the plan had failed", "Lena Varga said the plan had failed"),
    ],
)
def test_reported_speech_reads_with_the_articles_verb(cue: str | None, text: str, expected: str) -> None:
    assert said("Lena Varga", None, text, "indirect", cue) == expected


def test_a_reported_line_does_not_open_its_words_with_a_capital() -> None:
    assert said("Port officials", None, "At least nine cranes were damaged", "indirect", "said") == (
        "Port officials said at least nine cranes were damaged"
    )
    assert reported("I was never told", "indirect") == "I was never told"
    assert reported("Brennholt stays closed", "indirect") == "Brennholt stays closed"


def test_the_console_has_no_second_tenure_wording_of_roles() -> None:
    # bot.console.stories once had its own roles_seen, "President (since 2031-09-08)": read as a tenure.
    stories = importlib.import_module("bot.console.stories")
    render = importlib.import_module("bot.console.render")

    assert getattr(stories, "roles_seen", roles_seen) is roles_seen
    assert render.roles_seen is roles_seen


def test_a_reported_line_after_according_to_reads_on_in_lower_case() -> None:
    line = said("dock organisers", None, "About 900 crane drivers stopped work", "indirect", "according to")
    assert line == "According to dock organisers, about 900 crane drivers stopped work"
    half = reported("Nearly half the ferries stayed in port.", "indirect")
    assert half == "nearly half the ferries stayed in port"


def test_an_abbreviation_keeps_its_dot_when_it_ends_the_reported_line() -> None:
    assert reported("the strike began at 6 a.m.", "indirect") == "the strike began at 6 a.m."
    assert reported("the crew flew back to the U.S.", "indirect") == "the crew flew back to the U.S."
    assert reported("the yard was sold to Brandt Inc.", "indirect") == "the yard was sold to Brandt Inc."
    assert reported("the yard was sold last week.", "indirect") == "the yard was sold last week"


def test_a_line_opened_by_a_speaker_in_lower_case_reads_as_a_sentence() -> None:
    line = said("the harbour board", None, "Under the new rota, pilots work four days", "indirect", "said")
    assert line == "The harbour board said under the new rota, pilots work four days"
    assert (
        said("Lena Varga", None, "the plan had failed", "indirect") == "Lena Varga said the plan had failed"
    )
