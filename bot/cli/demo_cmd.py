"""`briefbot demo`: load the sample corpus into the database and answer a few questions from it."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Any

from bot.cli.context import open_container
from bot.cli.ingest_cmd import store_article
from bot.console.render import render
from bot.demo import QUESTIONS, corpus_files
from bot.fetch import InputError
from bot.fetch.inputs import ArticleInput, parse_text_file
from bot.settings import Settings
from handlers.ask import answer
from handlers.ingest import content_hash
from handlers.results import QueryError

# Where the demo goes when the default database already holds articles of the user's own.
DEMO_DATABASE = "sqlite:///briefbot-demo.db"

NEXT_STEPS = """\
Go on (these use the same database):
  {env}briefbot ask "/timeline Velmora"      the next question, as text (--json for the result model)
  {env}briefbot shell                        ask your own questions, one after another
  {env}briefbot ingest FILE_OR_URL...        add your own articles
  {env}briefbot articles list                what is stored; articles remove ID takes one out
In Slack: create the app from manifest.yml, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or
SLACK_APP_TOKEN), then briefbot serve (or briefbot socket); see the README."""


def register(sub: Any) -> None:
    p = sub.add_parser(
        "demo",
        help="load a sample corpus into the database and answer questions from it",
        description=(
            "No configuration needed: loads seven sample articles into the database every command uses "
            "(DATABASE_URL, default sqlite:///briefbot.db), so that briefbot ask and shell answer from them "
            f"next. If that database already holds articles of your own, the demo uses {DEMO_DATABASE} "
            "and prints the commands that reach it."
        ),
    )
    p.add_argument("--database-url", default=None, help="where to load the demo (default: DATABASE_URL)")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    out = sys.stdout
    default_url = Settings().database_url
    url = args.database_url or default_url
    samples = _samples()
    if args.database_url is None and getattr(args, "container", None) is None and _holds_others(url, samples):
        out.write(f"{url} already holds articles of your own: the demo goes to {DEMO_DATABASE} instead.\n")
        url = DEMO_DATABASE
    with open_container(args, Settings(DATABASE_URL=url)) as c:
        where = c.settings.database_url
        out.write(f"briefbot demo: database {where}\n\n")
        out.write(
            "Loading the sample corpus: a six-day port strike in the fictional city of Velmora, "
            "March 2025, reported by five fictional outlets.\n"
        )
        for name, article in samples:
            if isinstance(article, str):
                out.write(f"  {name}: cannot read the sample ({article})\n")
                return 1
            result = store_article(article, c)
            out.write(f"  {name}: {result.message}\n")
        for question in QUESTIONS:
            out.write(f'\n$ briefbot ask "{question}"\n')
            try:
                reply = answer(question, uow=c.uow(), today=c.clock.today())
            except QueryError as exc:  # the questions are ours: a failure here is a bug worth seeing
                out.write(f"Sorry: {exc}\n")
                return 1
            out.write(render(reply, more_hint=f"add 'limit {_bigger(question)}' to see more") + "\n")
        env = "" if where == default_url else f"DATABASE_URL={shlex.quote(where)} "
        out.write("\n" + NEXT_STEPS.format(env=env) + "\n")
    return 0


def _samples() -> list[tuple[str, ArticleInput | str]]:
    """The sample articles read, by file name (a string: why one could not be read)."""
    out: list[tuple[str, ArticleInput | str]] = []
    for path in corpus_files():
        try:
            out.append((path.name, parse_text_file(path.read_text(encoding="utf-8"))))
        except (OSError, InputError) as exc:
            out.append((path.name, str(exc)))
    return out


def _holds_others(url: str, samples: list[tuple[str, ArticleInput | str]]) -> bool:
    """Whether the database at `url` holds articles that are not the demo's (the user's own)."""
    hashes = [content_hash(a.text) for _, a in samples if not isinstance(a, str)]
    with open_container(argparse.Namespace(), Settings(DATABASE_URL=url)) as c, c.uow() as uow:
        return uow.articles.count() > len(uow.articles.stored_among(hashes, []))


def _bigger(question: str) -> int:
    return 20 if "limit" not in question else 50
