"""`briefbot extract`: run the extraction engine on text, as a report or as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract import Extraction

# The extraction engine (its patterns and word lists: a third of a second) is imported when the first
# line or file is read, not at start-up: `extract --jsonl` on no input answers at once.


def _date_argument(text: str) -> date:
    from handlers.article_dates import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="extract events, quotes, figures and dates from text",
        description=(
            "With --jsonl: read {id, text, published} JSON lines on stdin, write one extraction per line. "
            "With FILE: print a readable report of one article."
        ),
    )
    p.add_argument(
        "file",
        nargs="?",
        type=Path,
        help=(
            "a text or HTML file (or an article URL) to report on, read exactly as `briefbot ingest` "
            "reads it; '-' for text on stdin"
        ),
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="after each fact, the name of the extraction rule that made it",
    )
    p.add_argument("--jsonl", action="store_true", help="JSON Lines in and out (see README)")
    p.add_argument(
        "--published",
        type=_date_argument,
        metavar="DATE",
        help="publication date for FILE (2026-08-14, 14 August 2026, ...); else its Published: header",
    )
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if args.jsonl:
        return run_jsonl(sys.stdin, sys.stdout)
    if args.file is None:
        print("briefbot extract: give a FILE, or --jsonl to read JSON lines on stdin", file=sys.stderr)
        return 2
    from bot.fetch.http import make_client  # not for --jsonl: its start-up stays light
    from bot.fetch.inputs import InputError, parse_text_file, read_input
    from bot.report import format_extraction
    from extract import extract

    try:
        if str(args.file) == "-":
            article = parse_text_file(sys.stdin.read())
        else:
            # The path `briefbot ingest` takes (HTML through the same clean-up): what a user checks
            # here is what ingest would store.
            article = read_input(str(args.file), client_factory=make_client)
    except InputError as exc:  # the message names the file
        print(f"briefbot extract: {exc}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as exc:
        print(f"briefbot extract: cannot read {args.file}: {exc}", file=sys.stderr)
        return 1
    published = args.published or article.published
    result = extract(article.text, published)
    print(format_extraction(article.text, result, published, explain=args.explain))
    return 0


def run_jsonl(stdin: IO[str], stdout: IO[str]) -> int:
    """One output line per input line, in order, flushed, so a caller can stream."""
    for lineno, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        doc_id: Any = None
        try:
            doc = json.loads(line)
            if not isinstance(doc, dict):
                raise ValueError("a line must be a JSON object")
            doc_id = doc.get("id")
            text = doc.get("text")
            if not isinstance(text, str):
                raise ValueError("'text' must be a string")
            published = doc.get("published")
            pub = date.fromisoformat(published) if published else None
            from extract import extract  # once imported, a dictionary look-up

            result = extract(text, pub)
            out = _contract(doc_id, result)
        except (ValueError, TypeError) as exc:
            out = {
                "id": doc_id if doc_id is not None else f"line {lineno}",
                "error": str(exc),
                "quotes": [],
                "figures": [],
                "dates": [],
                "events": [],
            }
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


def _contract(doc_id: Any, result: Extraction) -> dict[str, Any]:
    body = result.model_dump(mode="json")
    return {"id": doc_id, **body}
