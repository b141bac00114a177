"""An export (handlers.export.ExportTable) as a file: CSV for spreadsheets, JSONL for programs.

CSV cells that a spreadsheet would run as a formula (text starting with =, +, -, @, or a tab or
carriage return that some of them skip first) get a leading apostrophe: quotes and titles come
from articles anyone can publish, and "=HYPERLINK(...)" in a headline must stay text. Numbers
are written as numbers (a negative figure is not a formula).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable
from typing import Literal

from handlers.export import Cell, ExportTable

ExportFormat = Literal["csv", "jsonl"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "jsonl")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Cell) -> str | int | float:
    """One CSV cell: None as empty, numbers as they are, text that a spreadsheet would evaluate
    prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def to_csv(table: ExportTable) -> str:
    """The table as CSV text: a header row, then one row per fact (line ends \\r\\n, as RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.columns)
    writer.writerows(_cells(table))
    return out.getvalue()


def to_jsonl(table: ExportTable) -> str:
    """The table as JSON Lines: one object per fact, its keys the columns, values unquoted."""
    return "".join(
        json.dumps({c: row.get(c) for c in table.columns}, ensure_ascii=False) + "\n" for row in table.rows
    )


def render_export(table: ExportTable, fmt: ExportFormat, *, bom: bool = False) -> bytes:
    """The file's bytes in UTF-8. `bom` starts a CSV with a byte-order mark, which Excel needs to
    read it as UTF-8 (files shared in Slack are opened there) and programs are better without."""
    if fmt == "csv":
        return to_csv(table).encode("utf-8-sig" if bom else "utf-8")
    return to_jsonl(table).encode("utf-8")


def export_filename(table: ExportTable, fmt: ExportFormat) -> str:
    """ "briefbot-quotes-port-strike.csv": what and about what, in characters every system accepts."""
    topic = file_slug(table.query.terms)
    return f"briefbot-{table.kind}{'-' + topic if topic else ''}.{fmt}"


def chart_filename(terms: Iterable[str]) -> str:
    """ "briefbot-chart-ships.png"."""
    return f"briefbot-chart-{file_slug(terms) or 'figures'}.png"


def file_slug(terms: Iterable[str]) -> str:
    """Topic words for a file name: letters and digits, joined by hyphens, 40 characters at most."""
    # "grève" -> "greve": accents dropped (NFKD), other scripts left out.
    folded = (unicodedata.normalize("NFKD", t.lower()) for t in terms)
    words = ("".join(c for c in t if c.isascii() and c.isalnum()) for t in folded)
    return "-".join(w for w in words if w)[:40].strip("-")


def _cells(table: ExportTable) -> Iterable[list[str | int | float]]:
    for row in table.rows:
        yield [safe_cell(row.get(c)) for c in table.columns]
