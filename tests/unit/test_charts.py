"""The figures chart: a PNG from a small store, bounds and ranges drawn as such, alt text with the numbers."""

from __future__ import annotations

import io
from datetime import date

import pytest
from matplotlib.collections import LineCollection
from matplotlib.image import imread
from matplotlib.lines import Line2D

from bot.charts import NothingToChart, alt_text, chart_groups, draw_figures, group_title, render_figures_chart
from handlers.domain import NewArticle, NewFigure
from handlers.export import all_figures, parse_export_query
from handlers.results import FiguresResult
from tests.fakes import FakeUnitOfWork

TODAY = date(2031, 3, 20)
# (outlet, day of March, value, value_max, bound, change)
REPORTS = [
    ("Harbour Post", 4, 52.0, None, "=", None),
    ("Coast Wire", 6, 60.0, None, "~", None),
    ("Coast Wire", 8, 90.0, None, ">", None),
    ("Harbour Post", 8, 70.0, 80.0, "=", None),
    ("Northsea Daily", 9, 100.0, None, "<", None),
]


def _store(reports: list[tuple[str, int, float, float | None, str, str | None]]) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    for n, (outlet, day, value, high, bound, change) in enumerate(reports):
        article = uow.articles.add(
            NewArticle(
                url=f"https://{outlet.replace(' ', '').lower()}.example/{n}",
                title=f"Queue, day {day}",
                outlet=outlet,
                published=date(2031, 3, day),
                text=f"report {n}",
                content_hash=f"hash {n}",
            )
        ).id
        words = f"{value:g} ships"
        figure = NewFigure(
            text=words,
            value=value,
            value_max=high,
            unit="ship",
            bound=bound,  # type: ignore[arg-type]
            change=change,  # type: ignore[arg-type]
            about="ships waiting",
            sentence=f"{words} waited off Velmora.",
            start=0,
            end=len(words),
        )
        uow.figures.add_many(article, [figure])
    uow.commit()
    return uow


def _result(uow: FakeUnitOfWork, text: str = "ships") -> FiguresResult:
    return all_figures(parse_export_query(text, today=TODAY), uow=uow)


def test_chart_renders_a_png_that_opens() -> None:
    chart = render_figures_chart(_result(_store(REPORTS)))
    assert chart.png.startswith(b"\x89PNG\r\n\x1a\n") and 10_000 < len(chart.png) < 500_000
    image = imread(io.BytesIO(chart.png), format="png")
    height, width = image.shape[:2]
    assert width == 800 and 300 <= height <= 1400
    assert chart.title == "Figures: ships" and chart.groups == 1


def test_bounds_are_open_triangles_and_ranges_vertical_bars() -> None:
    fig, [group] = draw_figures(_result(_store(REPORTS)))
    ax = fig.axes[0]
    marks = [line for line in ax.get_lines() if line.get_marker() in ("o", "D", "^", "v")]
    drawn = {(line.get_marker(), line.get_markerfacecolor() == "white") for line in marks}
    # Plain and "about" values filled; "more than" an open up-triangle, "fewer than" an open down-triangle.
    assert drawn == {("o", False), ("D", False), ("^", True), ("v", True)}
    [bar] = [c for c in ax.collections if isinstance(c, LineCollection)]
    [[(_, low), (_, high)]] = [seg.tolist() for seg in bar.get_segments()]
    assert (low, high) == (70.0, 80.0)
    assert ax.get_title(loc="left") == "Ships waiting, as reported"
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend[:3] == ["Coast Wire", "Harbour Post", "Northsea Daily"]
    assert isinstance(fig.legends[0].legend_handles[0], Line2D)
    assert len(group.reports) == len(REPORTS)


def test_alt_text_says_each_outlets_number_and_day_oldest_first() -> None:
    groups = chart_groups(_result(_store(REPORTS)).groups)
    assert alt_text(groups) == (
        "Ships waiting: Harbour Post 52 on 4 Mar, Coast Wire about 60 on 6 Mar, Coast Wire over 90 on 8 Mar, "
        "Harbour Post 70–80 on 8 Mar, Northsea Daily under 100 on 9 Mar."
    )
    assert group_title(groups[0].model_copy(update={"about": None})) == "Ships, as reported"


def test_changes_are_not_drawn_as_levels_and_nothing_left_says_so() -> None:
    uow = _store([("Coast Wire", 6, 400.0, None, "=", "down")])
    with pytest.raises(NothingToChart, match="No figures with a publication date to chart for ships"):
        render_figures_chart(_result(uow))
