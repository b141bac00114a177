"""Figures about one thing in one happening: ranges, conflicts and revisions."""

from __future__ import annotations

import math
from datetime import date

import pytest

from handlers.domain import ArticleRef
from handlers.figure_groups import group_figures, heading, plausible_range, step, summarise
from handlers.results import FigureReport


def report(
    value: float,
    bound: str = "=",
    *,
    about: str = "missiles",
    unit: str | None = "missile",
    article: int = 1,
    day: int = 7,
    change: str | None = None,
    sentence: str = "",
) -> FigureReport:
    return FigureReport(
        text=str(value),
        value=value,
        bound=bound,  # type: ignore[arg-type]
        unit=unit,
        about=about,
        change=change,  # type: ignore[arg-type]
        sentence=sentence or f"{value} {about}.",
        source=ArticleRef(id=article, outlet=f"Outlet {article}", published=date(2031, 3, day)),
    )


def test_steps_and_ranges_read_bounds_as_news_writes_them() -> None:
    assert (step(800), step(810), step(9), step(2.5)) == (100, 10, 1, 0.1)
    assert plausible_range(report(800, ">")) == (800, math.inf)  # "over 800" allows any more
    assert plausible_range(report(50, "<=")) == (0, 50)
    assert plausible_range(report(13)) == (13, 13)
    lo, hi = plausible_range(report(810, "~"))
    assert lo == 729 and hi == 891


def test_thirteen_at_least_nine_and_more_than_a_dozen_can_all_hold() -> None:
    group = summarise(
        [report(13, article=1, day=8), report(9, ">=", article=2, day=7), report(12, ">", article=3, day=7)]
    )
    assert not group.conflict
    # The range is what was reported: no value the reports did not give ("at least 9" is no 11.25).
    assert (group.low, group.high) == (9, 13)


def test_an_exact_figure_below_a_lower_bound_still_disagrees() -> None:
    assert summarise([report(7, article=1), report(9, ">=", article=2)]).conflict
    assert summarise([report(40, "<", article=1), report(52, article=2)]).conflict


def test_over_800_and_around_810_agree() -> None:
    group = summarise(
        [
            report(800, ">", about="drones", unit="drone", article=1),
            report(810, "~", about="drones", unit="drone", article=2),
        ]
    )
    assert not group.conflict


def test_the_range_shows_only_reported_values() -> None:
    ships = summarise(
        [
            report(90, ">", about="ships", unit="ship", article=1),
            report(70, "~", about="ships", unit="ship", article=2),
        ]
    )
    assert ships.conflict and (ships.low, ships.high) == (70, 90)
    rates = summarise(
        [
            report(2.5, "~", about="inflation", unit="percent", article=1),
            report(2.7, about="inflation", unit="percent", article=2),
        ]
    )
    assert (rates.low, rates.high) == (2.5, 2.7)


def test_two_numbers_in_one_article_are_not_held_against_each_other() -> None:
    assert not summarise([report(13, article=1), report(2, article=1)]).conflict


def test_a_rising_death_toll_is_a_revision_with_history_not_a_conflict() -> None:
    toll = [
        report(12, about="people killed", unit="person", article=1, day=5),
        report(23, about="people killed", unit="person", article=2, day=6),
        report(31, about="people killed", unit="person", article=3, day=7),
    ]
    group = summarise(toll)
    assert not group.conflict
    assert group.latest is not None and group.latest.value == 31
    assert [r.value for r in group.history] == [23, 12]


def test_groups_split_by_happening_date_and_undated_figures_join_the_latest_before_their_article() -> None:
    july = report(730, "~", about="drones", unit="drone", article=1)
    sunday = report(800, ">", about="Shahed drones", unit="drone", article=2)
    loose = report(810, "~", about="drones", unit="drone", article=3, day=8)
    when = {id(july): "2031-07", id(sunday): "2031-03-07", id(loose): None}
    groups = group_figures([july, sunday, loose], lambda r: when[id(r)])
    assert [[r.value for r in g.reports] for g in groups] == [[730], [800, 810]]
    assert groups[1].about == "drones"  # the plainest wording names the group


def test_figures_of_no_known_happening_group_only_with_those_published_the_same_day() -> None:
    a_year = report(7_200_000, about="containers", unit="container", article=1, day=3)
    stuck = report(1200, ">", about="refrigerated containers", unit="container", article=2, day=5)
    waiting = report(1500, "~", about="containers", unit="container", article=3, day=5)
    groups = group_figures([a_year, stuck, waiting], lambda r: None)
    assert [[r.value for r in g.reports] for g in groups] == [[7_200_000], [1200, 1500]]
    assert not groups[0].conflict


def test_a_figure_of_no_known_happening_does_not_join_one_long_past() -> None:
    last_year = report(7_200_000, about="containers", unit="container", article=1, day=3)
    stuck = report(1200, ">", about="refrigerated containers", unit="container", article=2, day=5)
    when = {id(last_year): "2030", id(stuck): None}
    groups = group_figures([last_year, stuck], lambda r: when[id(r)])
    assert [[r.value for r in g.reports] for g in groups] == [[7_200_000], [1200]]


def test_figures_without_a_subject_stand_alone() -> None:
    groups = group_figures([report(3, about=""), report(4, about="")], lambda r: None)
    assert len(groups) == 2


def test_two_different_counts_in_one_article_are_two_groups() -> None:
    crews = report(420, about="firefighters", unit="firefighter", article=4)
    treated = report(2, about="firefighters", unit="firefighter", article=4)
    later = report(400, ">", about="firefighters", unit="firefighter", article=5)
    groups = group_figures([crews, treated, later], lambda r: "2031-03-07")
    assert sorted([r.value for r in g.reports] for g in groups) == [[2], [420, 400]]
    assert not any(g.conflict for g in groups)


def test_consistent_figures_of_one_article_stay_together() -> None:
    groups = group_figures([report(9, ">=", article=2), report(12, ">", article=2)], lambda r: None)
    assert len(groups) == 1


@pytest.mark.parametrize(
    ("abouts", "unit", "expected"),
    [
        (["more"], "missile", None),
        (["same area"], "hectare", None),
        (["people"], "person", None),
        (["people", "people evacuated"], "person", "people evacuated"),
        (["dollars"], "USD", None),
        (["arms package"], "USD", "arms package"),
        (["kilometres"], "kilometre", None),
        (["drones", "Shahed drones", "drones"], "drone", "drones"),
        (["missiles"], "missile", "missiles"),
    ],
)
def test_a_group_heading_names_what_the_figures_are_of(
    abouts: list[str], unit: str, expected: str | None
) -> None:
    reports = [report(5 + i, about=a, unit=unit, article=i) for i, a in enumerate(abouts)]
    assert heading(reports) == expected


def test_a_subject_beside_a_figure_is_shown_only_when_it_says_more() -> None:
    from handlers.figure_groups import adds_to_unit

    assert adds_to_unit("arms package", "USD")
    assert adds_to_unit("cruise missiles", "missile")
    assert not adds_to_unit("missiles", "missile")
    assert not adds_to_unit("people", "person")
    assert not adds_to_unit("the", None)


def test_counts_of_one_subject_with_different_outcomes_are_two_groups_across_articles() -> None:
    crews = report(
        420,
        about="firefighters",
        unit="firefighter",
        article=6,
        sentence="Some 420 firefighters battled the blaze.",
    ).model_copy(update={"text": "420 firefighters"})
    treated = report(
        2,
        about="firefighters",
        unit="firefighter",
        article=7,
        sentence="Two firefighters were treated for smoke.",
    ).model_copy(update={"text": "Two firefighters"})
    groups = group_figures([crews, treated], lambda r: "2031-03-07")
    assert sorted(len(g.reports) for g in groups) == [1, 1] and not any(g.conflict for g in groups)


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("The strike killed 23 people and injured 40.", "23 people", "dead"),
        ("The strike killed 23 people and injured 40.", "40", "hurt"),
        ("At least 12 people were killed.", "12 people", "dead"),
        ("Some 420 firefighters battled the blaze.", "420 firefighters", None),
        ("Police said 9 protesters were detained.", "9 protesters", "arrested"),
    ],
)
def test_a_figures_outcome_is_the_nearest_outcome_word(
    sentence: str, text: str, expected: str | None
) -> None:
    from handlers.figure_groups import outcome

    r = report(1, about="people", unit="person", sentence=sentence).model_copy(update={"text": text})
    assert outcome(r) == expected


def test_counts_told_on_different_days_disagree_only_about_one_dated_happening() -> None:
    def queue(value: float, day: int, article: int, happening: str | None) -> FigureReport:
        r = report(value, "~", about="ships", unit="ship", article=article, day=day)
        return r.model_copy(update={"happening": happening})

    # A queue of ships told on Tuesday and on Saturday, neither tied to a dated happening: it grew.
    assert not summarise([queue(50, 4, 1, None), queue(90, 8, 2, None)]).conflict
    # Two outlets telling of the same Saturday, a day apart, cannot both be right.
    assert summarise([queue(50, 8, 1, "2031-03-08"), queue(90, 9, 2, "2031-03-08")]).conflict
    # The same day's articles still disagree, dated or not.
    assert summarise([queue(50, 8, 1, None), queue(90, 8, 2, None)]).conflict


def test_a_group_over_several_days_says_which_day_its_sources_disagree_about() -> None:
    def queue(value: float, bound: str, day: int, article: int) -> FigureReport:
        return report(value, bound, about="ships", unit="ship", article=article, day=day)

    group = summarise(
        [queue(52, "=", 4, 1), queue(60, "~", 6, 2), queue(70, "~", 8, 3), queue(90, ">", 8, 4)]
    )
    assert group.conflict and group.disputed == ["2031-03-08"]
    one_day = summarise([queue(70, "~", 8, 3), queue(90, ">", 8, 4)])
    assert one_day.conflict and one_day.disputed == []  # one day: "sources disagree" says it all
