"""`briefbot digest run-due [--now T] | preview CHANNEL | runs | set CHANNEL ... | off CHANNEL`.

run-due is what the worker's scheduler calls every minute; a cron job can call it instead.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from bot.cli.context import add_workspace_option, error, open_container, workspace_arg
from handlers.admin import AdminError
from handlers.digest_admin import manage_digest, parse_digest, recent_runs
from handlers.digests import Digest, preview_digest
from handlers.wording import counted


def register(sub: Any) -> None:
    p = sub.add_parser(
        "digest",
        help="scheduled digests: post due ones, preview, runs, set",
        description="Scheduled digests to Slack channels (needs SLACK_BOT_TOKEN, or OAuth installs "
        "with SLACK_CLIENT_ID, to post).",
    )
    d = p.add_subparsers(dest="digest_command", metavar="ACTION", required=True)
    due = d.add_parser("run-due", help="post every due digest slot once (for cron, or the worker)")
    due.add_argument(
        "--now", type=iso_time, default=None, help="act as if it were this time (ISO 8601; naive means UTC)"
    )
    due.set_defaults(func=_run_due)
    pre = d.add_parser("preview", help="print the next digest of CHANNEL without posting it")
    pre.add_argument("channel")
    pre.set_defaults(func=_preview)
    runs = d.add_parser("runs", help="the latest digest runs: posted, failed (with the error), claimed")
    runs.add_argument("--limit", type=int, default=20)
    runs.set_defaults(func=_runs)
    st = d.add_parser("set", help="subscribe CHANNEL: daily HH:MM [Area/City] [topic] | weekly DAY HH:MM ...")
    st.add_argument("channel")
    st.add_argument("schedule", nargs="+")
    st.set_defaults(func=_set)
    off = d.add_parser("off", help="stop CHANNEL's digest")
    off.add_argument("channel")
    off.set_defaults(func=_off)
    add_workspace_option(pre, runs, st, off)


def iso_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _run_due(args: argparse.Namespace) -> int:
    from bot.jobs import run_due_digests

    with open_container(args) as c:
        if not (c.settings.slack_bot_token or c.settings.oauth_enabled):
            error(
                "digest run-due",
                "neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID is set: digests cannot be posted.",
            )
            return 2
        outcomes = run_due_digests(c, args.now)
    for o in outcomes:
        extra = f": {o.error}" if o.error else ""
        print(f"{o.channel} {o.slot.isoformat()} {o.status}{extra}")
    print(f"{counted(len(outcomes), 'due slot')} handled", file=sys.stderr)
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def _preview(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        digest = preview_digest(
            args.channel, uow_factory=c.uow, clock=c.clock, workspace=workspace_arg(args, c)
        )
    if digest is None:
        error(
            "digest preview", f"{args.channel} has no digest (briefbot digest set {args.channel} daily 08:00)"
        )
        return 1
    print(digest_text(digest))
    return 0


def _runs(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        runs = recent_runs(uow_factory=c.uow, limit=args.limit, workspace=workspace_arg(args, c))
    if not runs:
        print("no digest runs yet")
    for run, channel in runs:
        line = f"{run.slot.isoformat()} {channel} {run.status} attempts={run.attempts}"
        if run.message_ts:
            line += f" ts={run.message_ts}"
        if run.error:
            line += f" error={run.error}"
        print(line)
    return 0


def _set(args: argparse.Namespace) -> int:
    return _manage(args, args.schedule)


def _off(args: argparse.Namespace) -> int:
    return _manage(args, ["off"])


def _manage(args: argparse.Namespace, words: list[str]) -> int:
    from bot.slack.render_digest import run_line

    with open_container(args) as c:
        try:
            view = manage_digest(
                parse_digest(words, channel=args.channel, actor="cli", team=workspace_arg(args, c)),
                uow_factory=c.uow,
                clock=c.clock,
            )
        except AdminError as exc:
            error("digest", str(exc))
            return 2
    if view.subscription is None:
        print(f"{args.channel}: no digest")
        return 0
    print(
        f"{args.channel}: {view.schedule}"
        + (f" about {view.subscription.topic}" if view.subscription.topic else "")
    )
    if view.next_slot:
        print(f"next: {view.next_slot.isoformat()}")
    for run in view.runs:
        print(run_line(run))
    return 0


def digest_text(digest: Digest) -> str:
    """The digest as plain text, for the terminal (bot.console.digest writes it)."""
    from bot.console.digest import digest_text as text

    return text(digest)
