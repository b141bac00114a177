"""A readable plain-text report of one article's extraction."""

from __future__ import annotations

from datetime import date

from extract import Extraction


def format_extraction(
    text: str, ex: Extraction, published: date | None = None, *, explain: bool = False
) -> str:
    """A readable report of one extraction; with `explain`, each fact ends with its rule's name."""

    def why(rule: str | None) -> str:
        return f"  [rule: {rule or '?'}]" if explain else ""

    lines = [f"{len(text):,} characters" + (f", published {published.isoformat()}" if published else "")]
    lines.append("")
    lines.append(f"EVENTS ({len(ex.events)})")
    for e in sorted(ex.events, key=lambda e: e.date):
        when = "upcoming " if e.scheduled else ""
        lines.append(f"  {e.date:10}  {when}{e.summary}{why(e.rule)}")
    lines.append("")
    lines.append(f"QUOTES ({len(ex.quotes)})")
    for q in ex.quotes:
        who = q.speaker or "(unattributed)"
        body = q.text if len(q.text) <= 200 else q.text[:197] + "..."
        mark = {"direct": "“”", "partial": "‘’", "indirect": "  "}[q.kind]
        lines.append(f"  {who} [{q.kind}]: {mark[0]}{body}{mark[1]}{why(q.rule)}")
    lines.append("")
    lines.append(f"FIGURES ({len(ex.figures)})")
    for f in ex.figures:
        bound = "" if f.bound == "=" else f.bound + " "
        rng = f"–{f.value_max:g}" if f.value_max is not None else ""
        unit = f" {f.unit}" if f.unit else ""
        about = f"  ({f.about})" if f.about else ""
        change = f" [{f.change}]" if f.change else ""
        lines.append(f"  {bound}{f.value:,.10g}{rng}{unit}{change}  “{f.text}”{about}{why(f.rule)}")
    lines.append("")
    lines.append(f"DATES ({len(ex.dates)})")
    for d in ex.dates:
        lines.append(f"  {d.value or '?':16} {d.kind:9} “{d.text}”{why(d.rule)}")
    if ex.entities:
        lines.append("")
        lines.append(f"NAMES ({len(ex.entities)})")
        for en in ex.entities:
            aka = f" (also {', '.join(en.aliases)})" if en.aliases else ""
            lines.append(f"  {en.kind:12} {en.name}{aka}")
    return "\n".join(lines)
