"""Block Kit for digests: a summary for the channel and, for a long digest, details as thread replies.

Every message stays inside Slack's limits (BlockBudget, section() and the mrkdwn helpers), so a
digest of any size posts; what does not fit says how much more there is.
"""

from __future__ import annotations

from datetime import datetime

from slack_sdk.models.blocks import Block

from bot.slack.message import BlockBudget, SlackMessage, context, fallback, header, section
from bot.slack.mrkdwn import bold, one_line, safe_text
from bot.slack.render import clipped, format_date
from bot.slack.render_facts import figure_text, quote_text, source_text
from handlers.digest_admin import DigestView
from handlers.digests import Digest
from handlers.domain import DigestRun, EventRecord
from handlers.wording import counted, moment

# A digest this small is posted as one message; anything larger gets a thread.
SHORT = {"events": 5, "quotes": 3, "figures": 3}
SUMMARY_EVENTS = 5
_NOUNS = {
    "Events": "event",
    "Coming up": "upcoming event",
    "Notable quotes": "quote",
    "Key figures": "figure",
    "Sources": "source",
}


def render_digest(digest: Digest) -> list[SlackMessage]:
    """The messages to post, in order: the first goes to the channel, the rest into its thread.

    Every message's fallback text says what its blocks say (the counts, the lead items)."""
    title = f"Digest: {digest.subscription.topic or 'all news'}"
    if digest.empty:
        text = f"No new items since {when(digest.since, digest)}."
        return [SlackMessage(text=fallback(f"{title}: {text}"), blocks=[header(title), section(text)])]
    counts = _counts(digest)
    short = (
        len(digest.events) + len(digest.upcoming) <= SHORT["events"]
        and len(digest.quotes) <= SHORT["quotes"]
        and len(digest.figures) <= SHORT["figures"]
        and not any(digest.more(k) for k in ("events", "quotes", "figures"))
    )
    budget = BlockBudget(reserve=1)
    budget.add(header(title), section(counts))
    if short:
        _add_details(budget, digest)
        lead = "; ".join(one_line(e.summary) for e in [*digest.events, *digest.upcoming][:3])
        return [SlackMessage(text=fallback(f"{title}: {counts} {lead}"), blocks=budget.finish())]
    top = digest.events[:SUMMARY_EVENTS]
    if top:
        budget.add(section("\n".join(f"• {_event_line(e, digest)}" for e in top)))
    if digest.upcoming:
        budget.add(
            section(
                f"{bold('Coming up')}\n"
                + "\n".join(f"• {_event_line(e, digest)}" for e in digest.upcoming[:3])
            )
        )
    in_thread, beyond = len(digest.events) - len(top), digest.more("events")
    note = (
        f"…and {counted(in_thread, 'more event')}, with quotes, figures and sources, in the thread."
        if in_thread
        else "Quotes, figures and sources in the thread."
    )
    if beyond:
        note += f" {beyond} more not shown: {digest.see_more('events')}"
    lead = "; ".join(f"{format_date(e.date)}: {one_line(e.summary)}" for e in top)
    summary = SlackMessage(text=fallback(f"{title}: {counts} {lead}"), blocks=budget.finish(context(note)))
    return [summary, *_thread(digest)]


def _thread(digest: Digest) -> list[SlackMessage]:
    replies: list[SlackMessage] = []
    parts: list[tuple[str, str | None, list[str]]] = [
        ("Events", "events", [_event_text(e, digest) for e in digest.events]),
        ("Coming up", None, [_event_text(e, digest) for e in digest.upcoming]),
        ("Notable quotes", "quotes", [quote_text(q) for q in digest.quotes]),
        ("Key figures", "figures", [figure_text(f, before_source=" ") for f in digest.figures]),
        ("Sources", None, [f"• {source_text(a)}" for a in digest.sources]),
    ]
    for name, kind, texts in parts:
        if not texts:
            continue
        more = digest.more(kind) if kind else 0
        replies += _section_messages(name, texts, more, digest.see_more(kind) if kind else "")
    return replies


def _section_messages(name: str, texts: list[str], more: int, command: str) -> list[SlackMessage]:
    """One part of the thread, in as many messages as it takes (nothing shown is dropped); the last
    says how many more there are and the command that lists them."""
    messages: list[SlackMessage] = []
    i = 0
    while i < len(texts):
        budget = BlockBudget(reserve=1)
        heading = name if not messages else f"{name} (continued)"
        budget.add(header(heading))
        first = i
        while i < len(texts) and budget.add(section(texts[i])):
            i += 1
        if i == first:  # cannot happen with section()'s limits; never loop forever
            i += 1
        shown = i - first
        footer: list[Block] = []
        tail = ""
        if i >= len(texts) and more:
            tail = f"…and {more} more not shown: {command}"
            footer.append(context(safe_text(tail, 500)))
        text = f"{heading}: {shown} of {counted(len(texts) + more, _NOUNS.get(name, 'item'))}" + (
            f". {tail}" if tail else ""
        )
        messages.append(SlackMessage(text=fallback(text), blocks=budget.finish(*footer)))
    return messages


def _add_details(budget: BlockBudget, digest: Digest) -> None:
    for title, texts in (
        ("Events", [_event_text(e, digest) for e in digest.events]),
        ("Coming up", [_event_text(e, digest) for e in digest.upcoming]),
        ("Notable quotes", [quote_text(q) for q in digest.quotes]),
        ("Key figures", [figure_text(f, before_source=" ") for f in digest.figures]),
    ):
        if texts:
            budget.add(section(bold(title)))
            for text in texts:
                budget.add(section(text))
    if digest.sources:
        budget.add(context("Sources: " + " · ".join(source_text(a) for a in digest.sources[:10])))


def _counts(digest: Digest) -> str:
    t = digest.totals
    return (
        f"{counted(t.get('events', 0), 'new event')}, {counted(t.get('quotes', 0), 'quote')} and "
        f"{counted(t.get('figures', 0), 'figure')} from {counted(len(digest.sources), 'article')} "
        f"since {when(digest.since, digest)}."
    )


def when(at: datetime, digest: Digest | None = None) -> str:
    """ "Sun 30 Nov 09:00 UTC", in the channel's time zone (the year when it is not this one)."""
    zone = digest.subscription.timezone if digest else "UTC"
    until = digest.until if digest else at
    return moment(at, zone, year=at.year != until.year)


def _when(at: datetime) -> str:
    return moment(at, year=True)


def _outlets(e: EventRecord, digest: Digest) -> str:
    n = digest.outlets.get(e.id, 1)
    return f" · {counted(n, 'outlet')}" if n > 1 else ""


def _event_line(e: EventRecord, digest: Digest) -> str:
    return f"{format_date(e.date)}: {clipped(e.summary, 300)}{_outlets(e, digest)}"


def _event_text(e: EventRecord, digest: Digest) -> str:
    day = bold(safe_text(format_date(e.date), 60))
    return f"{day}{_outlets(e, digest)}\n{clipped(e.summary, 1500)}\n{source_text(e.article)}"


def render_digest_view(view: DigestView) -> SlackMessage:
    """The answer to `/briefbot digest ...`: the schedule, the next slot and the latest runs."""
    if view.subscription is None:
        text = (
            "Digest turned off for this channel."
            if view.action == "off"
            else "This channel has no digest. Start one with /briefbot digest daily 08:00 Europe/Kyiv [topic]"
        )
        return SlackMessage(text=fallback(text), blocks=[section(safe_text(text, 500))])
    sub = view.subscription
    lead = "Digest set" if view.action == "set" else "Digest"
    lines = [
        f"{lead}: {safe_text(view.schedule, 200)}"
        + (f" about {bold(safe_text(one_line(sub.topic), 300))}" if sub.topic else " (all topics)"),
        "When nothing is new: " + ("a short note" if sub.post_empty else "no post"),
    ]
    if view.next_slot:
        lines.append(f"Next: {_when(view.next_slot)}")
    blocks: list[Block] = [section("\n".join(lines))]
    if view.runs:
        blocks.append(section("Latest runs:\n" + "\n".join(run_line(r) for r in view.runs)))
    return SlackMessage(text=fallback(f"{lead}: {view.schedule}"), blocks=blocks)


_STATUS_WORDS = {
    "claimed": "claimed (posting, or interrupted: not retried)",
    "unknown": "unknown (Slack did not answer: looked for in the channel before any new post)",
}


def run_line(run: DigestRun) -> str:
    """ "2025-05-01 05:00 UTC · posted" or "... · failed (3 tries): ratelimited"."""
    # A claim never confirmed is a post in progress, or one whose worker stopped mid-post: it is
    # not retried (it may have reached the channel), so say so rather than look stuck.
    status = _STATUS_WORDS.get(run.status, run.status)
    line = f"{_when(run.slot)} · {status}"
    if run.attempts > 1:
        line += f" ({run.attempts} tries)"
    if run.error:
        line += f": {safe_text(one_line(run.error), 300)}"
    return line
