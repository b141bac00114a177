"""`briefbot watch add WORDS (--channel C | --user U) [--person|--topic] | list | remove ID | run`.

The terminal's side of alerts (handlers.alerts): the operator sets watches for a channel or a
user (as an admin would in Slack; audited as the actor "cli"), and `run` posts new facts once, as
the worker does every cycle (for cron, or a check).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, cast

from bot.cli.context import add_workspace_option, error, open_container, workspace_arg
from handlers.alerts import AddWatch, RemoveWatch, WatchError, add_watch, list_watches, remove_watch
from handlers.domain import Watch
from handlers.ports import AlertUnitOfWork

ACTOR = "cli"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "watch",
        help="alerts: watch a person or a topic for a channel or a user",
        description="Alerts post each new quote by a person, or each new event, quote or figure on a "
        "topic, to a Slack channel or a user's DM, once (needs SLACK_BOT_TOKEN, or OAuth installs, to post).",
    )
    w = p.add_subparsers(dest="watch_command", metavar="ACTION", required=True)
    add = w.add_parser("add", help="watch WORDS for --channel C or --user U")
    add.add_argument("words", nargs="+")
    to = add.add_mutually_exclusive_group(required=True)
    to.add_argument("--channel", help="a Slack channel id (C...)")
    to.add_argument("--user", help="a Slack user id (U...): a personal watch, posted by DM")
    kind = add.add_mutually_exclusive_group()
    kind.add_argument("--person", action="store_const", const="person", dest="kind", help="quotes by WORDS")
    kind.add_argument("--topic", action="store_const", const="topic", dest="kind", help="facts about WORDS")
    add.set_defaults(func=_add)
    ls = w.add_parser("list", help="every watch (or a channel's, or a user's)")
    ls.add_argument("--channel")
    ls.add_argument("--user")
    ls.set_defaults(func=_list)
    rm = w.add_parser("remove", help="stop watch ID")
    rm.add_argument("watch_id", type=int)
    rm.set_defaults(func=_remove)
    run = w.add_parser("run", help="post every watch's new facts now (what the worker does each cycle)")
    run.set_defaults(func=_run)
    add_workspace_option(add, ls, rm)


def _factory(c: Any) -> Callable[[], AlertUnitOfWork]:
    # The store's units of work hold the watches too (store.uow proves it to mypy).
    return cast(Callable[[], AlertUnitOfWork], c.uow)


def _add(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        cmd = AddWatch(
            subject=" ".join(args.words),
            kind=args.kind,
            channel=args.channel,
            actor=args.user or ACTOR,
            team=workspace_arg(args, c),
            is_admin=True,
        )
        try:
            added = add_watch(cmd, uow_factory=_factory(c), clock=c.clock)
        except WatchError as exc:
            error("watch add", str(exc))
            return 2
    print(f"watching: {watch_line(added.watch)}")
    if added.people:
        print(f"that name finds: {', '.join(p.name for p in added.people)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        watches = list_watches(
            uow_factory=_factory(c), team=workspace_arg(args, c), channel=args.channel, user=args.user
        )
    if not watches:
        print("no watches")
    for w in watches:
        print(watch_line(w))
    return 0


def _remove(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        try:
            gone = remove_watch(
                RemoveWatch(watch_id=args.watch_id, actor=ACTOR, team=workspace_arg(args, c), is_admin=True),
                uow_factory=_factory(c),
                clock=c.clock,
            )
        except WatchError as exc:
            error("watch remove", str(exc))
            return 2
    print(f"stopped: {watch_line(gone)}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from bot.jobs import post_alerts

    with open_container(args) as c:
        if not (c.settings.slack_bot_token or c.settings.oauth_enabled):
            error("watch run", "neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID is set: alerts cannot be posted.")
            return 2
        outcomes = post_alerts(c)
    for o in outcomes:
        print(
            f"watch {o.watch_id} -> {o.destination}: {o.facts} facts {o.status}"
            + (f": {o.error}" if o.error else "")
        )
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def watch_line(w: Watch) -> str:
    """ "3 topic 'harbour strike' -> C0001 (since 2026-03-02 09:00 UTC)"."""
    where = w.channel or f"DM {w.owner}"
    return f"{w.id} {w.kind} {w.subject!r} -> {where} (since {w.created_at:%Y-%m-%d %H:%M} UTC)"
