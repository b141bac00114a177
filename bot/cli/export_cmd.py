"""`briefbot export quotes|events|figures [query] --format csv|jsonl`: a whole result as a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.cli.context import add_workspace_option, error, open_container, workspace_arg
from bot.exports import FORMATS, ExportFormat, chart_filename, export_filename, render_export
from handlers.export import ExportKind, all_figures, export_facts, parse_export_query
from handlers.results import FiguresResult, QueryError

KINDS: tuple[ExportKind, ...] = ("quotes", "events", "figures")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="write every quote, event or figure a question finds as CSV or JSON Lines",
        description=(
            "Export the whole result of /whosaid (quotes), /timeline (events: one row per report) or "
            "/figures (figures), not one page, with each fact's article (outlet, title, url, published). "
            'Query words as in the questions: briefbot export figures strike since "Mar 1" --format csv.'
        ),
    )
    p.add_argument("kind", choices=KINDS, help="what to export")
    p.add_argument("query", nargs="*", help="topic words, since DATE, until DATE (as in the questions)")
    p.add_argument(
        "--format",
        choices=(*FORMATS, "png"),
        default="csv",
        dest="fmt",
        help="csv (default), jsonl, or png (figures only: the chart /figures ... chart posts)",
    )
    p.add_argument(
        "--output",
        "-o",
        default=None,
        help="write to this file (- for standard output, the default); 'auto' names it after the query",
    )
    add_workspace_option(p)
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if args.fmt == "png" and args.kind != "figures":
        error("export", "--format png draws figures only: briefbot export figures ... --format png")
        return 2
    with open_container(args) as c:
        try:
            query = parse_export_query(" ".join(args.query), today=c.clock.today())
        except QueryError as exc:
            error("export", str(exc))
            return 2
        if args.fmt == "png":
            return _chart(args, all_figures(query, uow=c.uow(), workspace=workspace_arg(args, c)))
        table = export_facts(args.kind, query, uow=c.uow(), workspace=workspace_arg(args, c))
    fmt: ExportFormat = args.fmt
    target = export_filename(table, fmt) if args.output == "auto" else args.output
    if target in (None, "-"):
        sys.stdout.write(render_export(table, fmt).decode("utf-8"))
        target = None
    else:
        try:
            Path(target).write_bytes(render_export(table, fmt))
        except OSError as exc:
            error("export", f"cannot write {target}: {exc.strerror or exc}")
            return 1
    # The count goes to stderr so that standard output stays the file alone.
    print(f"briefbot export: {table.describe()}" + (f" -> {target}" if target else ""), file=sys.stderr)
    return 0


def _chart(args: argparse.Namespace, figures: FiguresResult) -> int:
    from bot.charts import NothingToChart, render_figures_chart

    try:
        chart = render_figures_chart(figures)
    except NothingToChart as exc:
        error("export", str(exc))
        return 1
    target = args.output if args.output not in (None, "-", "auto") else None
    target = target or chart_filename(figures.query.terms)
    try:
        Path(target).write_bytes(chart.png)
    except OSError as exc:
        error("export", f"cannot write {target}: {exc.strerror or exc}")
        return 1
    print(f"briefbot export: {chart.title} -> {target}\n{chart.alt_text}", file=sys.stderr)
    return 0
