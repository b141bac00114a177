"""`briefbot articles list | show ID | remove ID | redate ID DATE`: correct what was ingested."""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from bot.cli.context import add_workspace_option, error, open_container, workspace_arg
from handlers.article_dates import FORMATS_HELP, parse_date
from handlers.domain import Article


def register(sub: Any) -> None:
    p = sub.add_parser(
        "articles",
        help="list the stored articles; show, remove or re-date one (with its facts)",
        description="Each article's events, quotes and figures go with it when it is removed or re-dated.",
    )
    verbs = p.add_subparsers(dest="articles_command", metavar="ACTION", required=True)
    listing = verbs.add_parser("list", help="the stored articles, last stored first")
    listing.add_argument("--limit", type=int, default=20, help="how many (default 20)")
    listing.add_argument("--offset", type=int, default=0, help="skip this many (the next page)")
    listing.set_defaults(func=_list)
    show = verbs.add_parser("show", help="one article: title, outlet, date, link and how many facts")
    show.add_argument("article", type=int, help="article id (articles list shows them)")
    show.set_defaults(func=_show)
    remove = verbs.add_parser("remove", help="delete one article with its events, quotes and figures")
    remove.add_argument("article", type=int, help="article id")
    remove.add_argument("--actor", default=None, help="who, for the audit log (default: you)")
    remove.set_defaults(func=_remove)
    redate = verbs.add_parser("redate", help="give one article another date; its facts are extracted again")
    redate.add_argument("article", type=int, help="article id")
    redate.add_argument("date", help=f"the publication date ({FORMATS_HELP})")
    redate.add_argument("--actor", default=None, help="who, for the audit log (default: you)")
    redate.set_defaults(func=_redate)
    add_workspace_option(listing, show, remove, redate)


def article_line(article: Article) -> str:
    """`#3  2025-03-04  Coast Wire  Port offer rejected  https://...`"""
    when = article.published.isoformat() if article.published else "undated   "
    parts = [f"#{article.id}", when, article.outlet or "", article.title or "", article.url or ""]
    return "  ".join(p for p in parts if p)


def _list(args: argparse.Namespace) -> int:
    from handlers.articles_admin import list_articles
    from handlers.help import empty_store_text

    with open_container(args) as c:
        listing = list_articles(
            uow_factory=c.uow,
            limit=max(1, args.limit),
            offset=max(0, args.offset),
            workspace=workspace_arg(args, c),
        )
        database = c.settings.database_url
    if not listing.total:
        print(empty_store_text(database))
        return 0
    for article in listing.articles:
        print(article_line(article))
    shown = listing.offset + len(listing.articles)
    if shown < listing.total:
        print(f"({shown} of {listing.total}; --offset {shown} for more)")
    return 0


def _show(args: argparse.Namespace) -> int:
    from handlers.admin import AdminError
    from handlers.articles_admin import show_article

    with open_container(args) as c:
        try:
            detail = show_article(args.article, uow_factory=c.uow, workspace=workspace_arg(args, c))
        except AdminError as exc:
            error("articles show", str(exc))
            return 1
    print(article_line(detail.article))
    print(f"  {detail.facts}")
    n = args.article
    print(f"  correct it: briefbot articles redate {n} DATE · briefbot articles remove {n}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from handlers.admin import AdminError
    from handlers.articles_admin import remove_article

    with open_container(args) as c:
        try:
            detail = remove_article(
                args.article,
                actor=_actor(args),
                uow_factory=c.uow,
                clock=c.clock,
                workspace=workspace_arg(args, c),
            )
        except AdminError as exc:
            error("articles remove", str(exc))
            return 1
    print(f"removed article {args.article} with {detail.facts}: {article_line(detail.article)}")
    return 0


def _redate(args: argparse.Namespace) -> int:
    from handlers.admin import AdminError
    from handlers.articles_admin import redate_article

    try:
        published = parse_date(args.date)
    except ValueError as exc:
        error("articles redate", str(exc))
        return 2
    with open_container(args) as c:
        try:
            result = redate_article(
                args.article,
                published,
                actor=_actor(args),
                uow_factory=c.uow,
                clock=c.clock,
                extractor=c.extractor,
                workspace=workspace_arg(args, c),
            )
        except AdminError as exc:
            error("articles redate", str(exc))
            return 1
    if not result.ok:
        error("articles redate", result.message)
        return 1
    print(result.message)
    return 0


def _actor(args: argparse.Namespace) -> str:
    return str(args.actor or f"cli:{getpass.getuser()}")
