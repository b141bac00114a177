"""`/figures TOPIC chart`: each figure group's reported values over publication time, as a PNG.

Built only from the handlers' result models (FiguresResult groups), like the other renderers.
matplotlib draws on its Agg canvas through the object API (`Figure`, no pyplot): no display, no
global state shared between the listener threads that draw at the same time.

How a report is drawn says how it was reported: a filled dot a plain value, a diamond "about",
an open triangle pointing up a lower bound ("more than 90", "at least"), pointing down an upper
bound ("fewer than", "up to"), a vertical bar a range ("80 to 100"). Each outlet has its colour
(the legend names them); reports of one day are spread a little sideways so none hides another.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter

from extract.figures.nouns import plural_unit
from handlers.results import FigureGroup, FigureReport, FiguresResult
from handlers.wording import BOUND_WORDS, amount, figure_phrase, is_money

# More panels than this make each too small to read; the alt text names the groups left out.
MAX_PANELS = 4
# Values are written beside their marks up to this many reports in a panel.
MAX_LABELLED = 12
# Slack shows alt text up to 1000 characters.
MAX_ALT_TEXT = 1000
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")
# (marker, filled): how each bound is drawn.
_MARKS = {
    "=": ("o", True),
    "~": ("D", True),
    ">": ("^", False),
    ">=": ("^", False),
    "<": ("v", False),
    "<=": ("v", False),
}


@dataclass(frozen=True)
class Chart:
    """A rendered chart: the PNG, its title and the alt text that says its numbers."""

    png: bytes
    title: str
    alt_text: str
    groups: int  # how many groups are drawn


class NothingToChart(ValueError):
    """No figure of the result can be placed in time (none found, or none with a publication date)."""


def chart_groups(groups: Sequence[FigureGroup]) -> list[FigureGroup]:
    """The panels, in the answer's order: the groups counting the same thing (same subject and
    unit) in one panel, however many happenings or days the answer split them into (a chart over
    time is where a rising toll shows); those with reports on two or more days or from two or more
    outlets only (a trend or a disagreement) unless there are none; MAX_PANELS at most."""
    drawable = [g for g in _same_things(groups) if _drawable(g)]
    many = [g for g in drawable if len({(r.source.outlet, r.source.published) for r in _drawable(g)}) > 1]
    return (many or drawable)[:MAX_PANELS]


def render_figures_chart(result: FiguresResult) -> Chart:
    """The chart of `result` (all its groups, not a page). Raises NothingToChart when no report
    has a publication date to place it on."""
    fig, chosen = draw_figures(result)
    out = io.BytesIO()
    fig.savefig(out, format="png")
    title = chart_title(result)
    return Chart(png=out.getvalue(), title=title, alt_text=alt_text(chosen), groups=len(chosen))


def chart_title(result: FiguresResult) -> str:
    """ "Figures: ships since 2025-03-01": the question the chart answers."""
    return f"Figures: {result.query.describe()}"


def draw_figures(result: FiguresResult) -> tuple[Figure, list[FigureGroup]]:
    """The matplotlib figure (one panel a group) and the groups drawn; NothingToChart when none."""
    chosen = chart_groups(result.groups)
    if not chosen:
        raise NothingToChart(f"No figures with a publication date to chart for {result.query.describe()}.")
    outlets = _outlet_colours(chosen)
    fig = Figure(figsize=(8.0, 1.2 + 3.0 * len(chosen)), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    fig.suptitle(chart_title(result), fontsize=13, fontweight="bold")
    axes = fig.subplots(len(chosen), 1, squeeze=False)[:, 0]
    for ax, group in zip(axes, chosen, strict=True):
        _draw_group(ax, group, outlets)
    _legend(fig, outlets)
    return fig, chosen


def group_title(group: FigureGroup) -> str:
    """What a panel counts: "Ships, as reported" (the group's subject, else its unit)."""
    what = group.about or (plural_unit(group.unit) if group.unit else "Figures")
    return f"{what[:1].upper()}{what[1:]}, as reported"


def alt_text(groups: Sequence[FigureGroup]) -> str:
    """The numbers the chart shows, in words, oldest report first:
    "Ships: Coast Wire 52 on 4 Mar, The Harbour Post about 70 on 8 Mar, ..." (one sentence a group)."""
    parts = []
    for group in groups:
        said = ", ".join(
            f"{r.source.outlet or 'an unnamed source'} {_value_words(r)} on {_day(r.source.published)}"
            for r in sorted(_drawable(group), key=_when)
        )
        parts.append(f"{group_title(group).removesuffix(', as reported')}: {said}.")
    text = " ".join(parts)
    return text if len(text) <= MAX_ALT_TEXT else text[: MAX_ALT_TEXT - 1].rsplit(" ", 1)[0] + "…"


def _same_things(groups: Sequence[FigureGroup]) -> list[FigureGroup]:
    # A group with no subject is its own: "12" of no named thing is not another group's "12".
    merged: dict[object, FigureGroup] = {}
    for i, g in enumerate(groups):
        key: object = (g.about.casefold(), g.unit) if g.about else i
        if key in merged:
            earlier = merged[key]
            merged[key] = earlier.model_copy(update={"reports": [*earlier.reports, *g.reports]})
        else:
            merged[key] = g
    return list(merged.values())


def _drawable(group: FigureGroup) -> list[FigureReport]:
    # A change ("400 fewer jobs") is a difference, not a level: on one axis with levels it would lie.
    return [r for r in group.reports if r.source.published is not None and r.change is None]


def _when(r: FigureReport) -> tuple[date, str]:
    return r.source.published or date.min, r.source.outlet or ""


def _day(day: date | None) -> str:
    return f"{day.day} {day.strftime('%b')}" if day else "an unknown day"


def _value_words(r: FigureReport) -> str:
    """ "over 90", "about 6.5%", "€200 million": the panel's unit is on its axis, but a percentage
    or an amount of money reads wrong without its sign."""
    if is_money(r.unit) or r.unit in ("percent", "%"):
        return figure_phrase(r.value, r.value_max, r.unit, r.bound)
    return f"{BOUND_WORDS.get(r.bound, '')}{amount(r.value, r.value_max)}"


def _outlet_colours(groups: Sequence[FigureGroup]) -> dict[str, str]:
    names = sorted({r.source.outlet or "Unnamed source" for g in groups for r in _drawable(g)})
    return {name: _COLOURS[i % len(_COLOURS)] for i, name in enumerate(names)}


def _draw_group(ax: Axes, group: FigureGroup, outlets: dict[str, str]) -> None:
    reports = sorted(_drawable(group), key=_when)
    same_day: dict[date, list[FigureReport]] = {}
    for r in reports:
        same_day.setdefault(r.source.published or date.min, []).append(r)
    for day, todays in same_day.items():
        for i, r in enumerate(todays):
            # Reports of one day side by side, at most half a day either way.
            shift = (i - (len(todays) - 1) / 2) * min(0.25, 0.9 / len(todays))
            x = day.toordinal() + shift  # days as numbers: the axis labels them back
            _mark(ax, x, r, outlets[r.source.outlet or "Unnamed source"], label=len(reports) <= MAX_LABELLED)
    days = sorted(same_day)
    first, last = days[0].toordinal() - 1, days[-1].toordinal() + 1
    ax.set_xlim(first, last)
    # One tick a day for a week or so, fewer over months: at most about ten, each on a whole day.
    ax.xaxis.set_major_locator(FixedLocator(range(first, last + 1, max(1, (last - first) // 9))))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _day(date.fromordinal(round(x)))))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: amount(v)))
    if all(r.value >= 0 for r in reports):
        ax.set_ylim(bottom=0, top=max(r.value_max or r.value for r in reports) * 1.18 or 1)
    ax.set_title(group_title(group), loc="left", fontsize=11)
    if group.unit:
        ax.set_ylabel(plural_unit(group.unit))
    ax.set_xlabel("published")
    ax.grid(axis="y", alpha=0.3)


def _mark(ax: Axes, x: float, r: FigureReport, colour: str, *, label: bool) -> None:
    marker, filled = _MARKS.get(r.bound, ("o", True))
    if r.value_max is not None:
        ax.vlines(x, r.value, r.value_max, colors=colour, linewidth=3, alpha=0.8)
        ax.plot([x, x], [r.value, r.value_max], linestyle="none", marker="_", markersize=12, color=colour)
    y = r.value if r.bound not in ("<", "<=") or r.value_max is None else r.value_max
    ax.plot(
        [x],
        [y],
        linestyle="none",
        marker=marker,
        markersize=10,
        markeredgewidth=2,
        color=colour,
        markerfacecolor=colour if filled else "white",
    )
    if label:
        ax.annotate(
            _value_words(r),
            (x, r.value_max or r.value),
            textcoords="offset points",
            xytext=(8, 4),
            fontsize=8,
        )


def _legend(fig: Figure, outlets: dict[str, str]) -> None:
    handles = [
        Line2D([], [], linestyle="none", marker="o", markersize=8, color=c, label=name)
        for name, c in outlets.items()
    ]
    shapes = [
        ("o", True, "as reported"),
        ("D", True, "about"),
        ("^", False, "more than / at least"),
        ("v", False, "fewer than / up to"),
        ("|", True, "a range"),
    ]
    handles += [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=m,
            markersize=8,
            markeredgewidth=2,
            color="#555555",
            markerfacecolor="#555555" if filled else "white",
            label=text,
        )
        for m, filled, text in shapes
    ]
    fig.legend(
        handles=handles, loc="outside lower center", ncol=min(4, len(handles)), fontsize=8, frameon=False
    )
