"""`briefbot demo`: load the sample corpus into a local SQLite file and answer a few questions from it."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli.context import open_container
from bot.cli.ingest_cmd import store_article
from bot.console.render import render
from bot.demo import QUESTIONS, corpus_files
from bot.fetch import InputError
from bot.fetch.inputs import parse_text_file
from bot.settings import Settings
from handlers.ask import answer
from handlers.results import QueryError

DEMO_DATABASE = "sqlite:///briefbot-demo.db"

NEXT_STEPS = """\
Go on:
  briefbot shell                    ask your own questions about the demo data (DATABASE_URL={url})
  briefbot ingest FILE_OR_URL...    add your own articles (to DATABASE_URL, default sqlite:///briefbot.db)
  briefbot ask "/whosaid NAME"      one question, as text (--json for the result model)
  Slack:                            create the app from manifest.yml, set SLACK_BOT_TOKEN and
                                    SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), then briefbot serve
                                    (or briefbot socket); see the README."""


def register(sub: Any) -> None:
    p = sub.add_parser(
        "demo",
        help="load a sample corpus into a local database and answer questions from it",
        description="No configuration needed: uses its own SQLite file, briefbot-demo.db, in this directory.",
    )
    p.add_argument(
        "--database-url", default=DEMO_DATABASE, help=f"where to load the demo (default {DEMO_DATABASE})"
    )
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    out = sys.stdout
    with open_container(args, Settings(DATABASE_URL=args.database_url)) as c:
        where = c.settings.database_url
        out.write(f"briefbot demo: database {where}\n\n")
        out.write(
            "Loading the sample corpus: a six-day port strike in the fictional city of Velmora, "
            "March 2025, reported by five fictional outlets.\n"
        )
        for path in corpus_files():
            try:
                result = store_article(parse_text_file(path.read_text(encoding="utf-8")), c)
            except (OSError, InputError) as exc:
                out.write(f"  {path.name}: cannot read the sample ({exc})\n")
                return 1
            out.write(f"  {path.name}: {result.message}\n")
        for question in QUESTIONS:
            out.write(f'\n$ briefbot ask "{question}"\n')
            try:
                reply = answer(question, uow=c.uow(), today=c.clock.today())
            except QueryError as exc:  # the questions are ours: a failure here is a bug worth seeing
                out.write(f"Sorry: {exc}\n")
                return 1
            out.write(render(reply, more_hint=f"add 'limit {_bigger(question)}' to see more") + "\n")
        out.write("\n" + NEXT_STEPS.format(url=where) + "\n")
    return 0


def _bigger(question: str) -> int:
    return 20 if "limit" not in question else 50
