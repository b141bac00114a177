"""`briefbot extract --explain` reads right: no "?" where a family leaves a field unset."""

from __future__ import annotations

from datetime import date

from bot.report import format_extraction
from extract import Event, Extraction, Figure, TimeExpression

TEXT = "The Orvik ferry will sail again on 2 June, with 30 crew. It ran 12 trips."


def _report(ex: Extraction) -> str:
    return format_extraction(TEXT, ex, date(2031, 5, 20), explain=True)


def test_a_figure_without_a_rule_or_what_it_counts_shows_no_question_marks() -> None:
    # The figures family leaves `rule` unset when it found nothing the number counts.
    bare = Figure(text="12 trips", start=60, end=68, value=12, unit="trip")
    named = Figure(text="30 crew", start=47, end=54, value=30, unit="crew", about="crew", rule="counted_noun")
    out = _report(Extraction(figures=[bare, named]))
    assert "?" not in out
    assert "12 trips  of: not found  (the article: “12 trips”)  [no rule recorded]" in out
    assert "of: crew" in out and "[rule: counted_noun]" in out


def test_a_scheduled_event_is_marked_coming_up_after_its_summary() -> None:
    event = Event(
        date="2031-06-02", start=0, end=44, summary="The Orvik ferry will sail again", scheduled=True
    )
    out = _report(Extraction(events=[event]))
    assert "  2031-06-02  The Orvik ferry will sail again (coming up)  [no rule recorded]" in out
    assert "upcoming" not in out


def test_a_date_with_no_value_says_unresolved() -> None:
    when = TimeExpression(text="one day", start=0, end=7, rule="relative")
    out = _report(Extraction(dates=[when]))
    assert "?" not in out and "unresolved" in out and "[rule: relative]" in out
