"""`briefbot worker`: poll due sources, post due digests and alerts, every minute, until stopped.

APScheduler's BlockingScheduler runs three interval jobs (alerts after polling, so a new fact
is posted within one poll cycle); each allows one instance at a time and
coalesces runs missed while busy. Exactly-once posting does not rely on the scheduler: it is the
database claims in handlers.digests and handlers.alerts, so two workers (or a worker and a cron job) are safe.
SIGINT or SIGTERM stops it promptly: no new runs, and a poll in progress cuts its fetches and ends
without recording anything (its sources stay due for the next start).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
from datetime import UTC, datetime
from types import FrameType
from typing import TYPE_CHECKING, Any

from bot.bootstrap import Container
from bot.cli.context import open_container

if TYPE_CHECKING:
    from bot.jobs import Stopping

log = logging.getLogger("briefbot.worker")
STOP_GRACE = 10.0  # seconds a stopping worker waits for its jobs (a digest post in flight) to end


def register(sub: Any) -> None:
    p = sub.add_parser(
        "worker",
        help="poll sources, post scheduled digests and alerts (runs until stopped)",
        description="Polls due sources and posts due digests and alerts every minute. "
        "Digests and alerts need SLACK_BOT_TOKEN, or SLACK_CLIENT_ID (OAuth: each workspace's posts "
        "with its own token); without either only polling runs.",
    )
    p.add_argument("--every", type=int, default=60, metavar="SECONDS", help="how often to look (default 60)")
    p.add_argument("--once", action="store_true", help="run each job once and exit (for cron or a check)")
    p.set_defaults(func=_run)


def poll_job(c: Container, stopping: Stopping | None = None) -> None:
    from bot.jobs import poll_due_sources

    try:
        reports = poll_due_sources(c, stopping=stopping)
    except Exception:  # the scheduler must keep running: log and try again next time
        log.exception("polling failed")
        return
    if reports:
        new = sum(r.new for r in reports)
        failed = sum(r.status == "failed" for r in reports)
        items = sum(r.failed_items for r in reports)
        stopped = sum(r.status == "stopped" for r in reports)
        log.info(
            "polled %d sources: %d new items, %d failed, %d items unreadable%s",
            len(reports),
            new,
            failed,
            items,
            f", {stopped} stopped before the end" if stopped else "",
        )


def digest_job(c: Container, stopping: Stopping | None = None) -> None:
    from bot.jobs import run_due_digests

    if stopping is not None and stopping.is_set():
        return
    try:
        with stopping.running() if stopping is not None else contextlib.nullcontext():
            outcomes = run_due_digests(c)
    except Exception:
        log.exception("posting digests failed")
        return
    for o in outcomes:
        log.info(
            "digest %s to %s for %s: %s%s",
            o.subscription_id,
            o.channel,
            o.slot.isoformat(),
            o.status,
            f" ({o.error})" if o.error else "",
        )


def alert_job(c: Container, stopping: Stopping | None = None) -> None:
    from bot.jobs import post_alerts

    if stopping is not None and stopping.is_set():
        return
    try:
        with stopping.running() if stopping is not None else contextlib.nullcontext():
            outcomes = post_alerts(c)
    except Exception:
        log.exception("posting alerts failed")
        return
    for o in outcomes:
        extra = f" ({o.error})" if o.error else ""
        log.info(
            "alert %s of watch %s to %s: %s facts %s%s",
            o.batch_id,
            o.watch_id,
            o.destination,
            o.facts,
            o.status,
            extra,
        )


def _run(args: argparse.Namespace) -> int:
    from apscheduler.schedulers.blocking import BlockingScheduler

    from bot.jobs import Stopping

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with open_container(args) as c:
        c.upgrade_database()
        posts = bool(c.settings.slack_bot_token or c.settings.oauth_enabled)
        jobs = [poll_job] + ([digest_job, alert_job] if posts else [])
        if not posts:
            log.warning(
                "neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID is set: polling only, no digests or alerts"
            )
        if args.once:
            for job in jobs:
                job(c)
            return 0
        scheduler = BlockingScheduler(timezone=UTC)
        stopping = Stopping()
        for job in jobs:
            scheduler.add_job(
                job,
                "interval",
                args=[c, stopping],
                seconds=max(args.every, 5),
                id=job.__name__,
                next_run_time=datetime.now(UTC),
                max_instances=1,
                coalesce=True,
                misfire_grace_time=None,
            )

        def stop(signum: int, _frame: FrameType | None) -> None:
            log.info("signal %s: stopping (fetches in flight are cut)", signum)
            stopping.set()
            if scheduler.running:
                scheduler.shutdown(wait=False)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        log.info("worker started: %s every %ss", ", ".join(j.__name__ for j in jobs), args.every)
        scheduler.start()
        if not stopping.wait_idle(STOP_GRACE):
            log.warning("a job is still running after %ss; exiting when it ends", STOP_GRACE)
    return 0
