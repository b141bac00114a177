"""Block Kit for digests: a summary for the channel and, for a long digest, details as thread replies.

Every message stays inside Slack's limits (BlockBudget, section() and the mrkdwn helpers), so a
digest of any size posts; what does not fit says how much more there is.
"""

from __future__ import annotations

from datetime import datetime

from slack_sdk.models.blocks import Block

from bot.slack.message import BlockBudget, SlackMessage, context, fallback, header, section
from bot.slack.mrkdwn import bold, link, one_line, safe_text
from bot.slack.render import format_date, format_figure
from handlers.digest_admin import DigestView
from handlers.digests import Digest
from handlers.domain import ArticleRef, DigestRun, EventRecord, FigureRecord, QuoteRecord
from handlers.results import FigureReport
from handlers.wording import counted

# A digest this small is posted as one message; anything larger gets a thread.
SHORT = {"events": 5, "quotes": 3, "figures": 3}
SUMMARY_EVENTS = 5
_IN_THREAD = "Events, quotes, figures and sources in the thread."


def render_digest(digest: Digest) -> list[SlackMessage]:
    """The messages to post, in order: the first goes to the channel, the rest into its thread."""
    title = f"Digest: {digest.subscription.topic or 'all news'}"
    if digest.empty:
        text = f"No new items since {_when(digest.since)}."
        return [SlackMessage(text=fallback(f"{title}: no new items"), blocks=[header(title), section(text)])]
    counts = _counts(digest)
    short = (
        len(digest.events) <= SHORT["events"]
        and len(digest.quotes) <= SHORT["quotes"]
        and len(digest.figures) <= SHORT["figures"]
    )
    if short:
        budget = BlockBudget(reserve=1)
        budget.add(header(title), section(counts))
        _add_details(budget, digest)
        return [SlackMessage(text=fallback(f"{title}: {counts}"), blocks=budget.finish())]
    budget = BlockBudget(reserve=1)
    budget.add(header(title), section(counts))
    top = digest.events[:SUMMARY_EVENTS]
    if top:
        budget.add(section("\n".join(f"• {_event_line(e)}" for e in top)))
    summary = SlackMessage(text=fallback(f"{title}: {counts}"), blocks=budget.finish(context(_IN_THREAD)))
    return [summary, *_thread(digest)]


def _thread(digest: Digest) -> list[SlackMessage]:
    replies: list[SlackMessage] = []
    parts: list[tuple[str, list[str]]] = [
        ("Events", [_event_text(e) for e in digest.events]),
        ("Notable quotes", [_quote_text(q) for q in digest.quotes]),
        ("Key figures", [_figure_text(f) for f in digest.figures]),
        ("Sources", ["\n".join(f"• {_source(a)}" for a in digest.sources)] if digest.sources else []),
    ]
    for name, texts in parts:
        if not texts:
            continue
        budget = BlockBudget(reserve=1)
        budget.add(header(name))
        shown = 0
        for text in texts:
            if not budget.add(section(text)):
                break
            shown += 1
        footer = [context(f"+{len(texts) - shown} more not shown")] if shown < len(texts) else []
        replies.append(SlackMessage(text=fallback(f"{name} ({len(texts)})"), blocks=budget.finish(*footer)))
    return replies


def _add_details(budget: BlockBudget, digest: Digest) -> None:
    for title, texts in (
        ("Events", [_event_text(e) for e in digest.events]),
        ("Notable quotes", [_quote_text(q) for q in digest.quotes]),
        ("Key figures", [_figure_text(f) for f in digest.figures]),
    ):
        if texts:
            budget.add(section(bold(title)))
            for text in texts:
                budget.add(section(text))
    if digest.sources:
        budget.add(context("Sources: " + " · ".join(_source(a) for a in digest.sources[:10])))


def _counts(digest: Digest) -> str:
    t = digest.totals
    return (
        f"{counted(t.get('events', 0), 'new event')}, {counted(t.get('quotes', 0), 'quote')} and "
        f"{counted(t.get('figures', 0), 'figure')} from {counted(len(digest.sources), 'article')} "
        f"since {_when(digest.since)}."
    )


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _event_line(e: EventRecord) -> str:
    return f"{format_date(e.date)}: {safe_text(one_line(e.summary), 300)}"


def _event_text(e: EventRecord) -> str:
    day = bold(safe_text(format_date(e.date), 60))
    return f"{day}\n{safe_text(one_line(e.summary), 1500)}\n{_source(e.article)}"


def _quote_text(q: QuoteRecord) -> str:
    speaker = bold(safe_text(one_line(q.speaker or ""), 150)) or "Unattributed"
    if q.speaker_role:
        speaker += f", {safe_text(one_line(q.speaker_role), 150)}"
    said = safe_text(one_line(q.text), 1800)
    body = f"“{said}”" if q.kind != "indirect" else f"{said} (paraphrase)"
    return f"{speaker}:\n{body}\n{_source(q.article)}"


def _figure_text(f: FigureRecord) -> str:
    report = FigureReport(
        text=f.text,
        value=f.value,
        value_max=f.value_max,
        unit=f.unit,
        bound=f.bound,
        change=f.change,
        about=f.about,
        sentence=f.sentence,
        source=f.article,
    )
    about = safe_text(one_line(f.about or ""), 200)
    lead = f"{bold(about)}: " if about else ""
    return f"{lead}{format_figure(report)} — “{safe_text(one_line(f.sentence), 600)}” {_source(f.article)}"


def _source(ref: ArticleRef) -> str:
    text = link(ref.url, ref.title or ref.outlet or ref.url or f"article {ref.id}")
    if ref.outlet and ref.title:
        text += f" ({safe_text(one_line(ref.outlet), 80)})"
    return text


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


def run_line(run: DigestRun) -> str:
    """ "2025-05-01 05:00 UTC · posted" or "... · failed (3 tries): ratelimited"."""
    # A claim never confirmed is a post in progress, or one whose worker stopped mid-post: it is
    # not retried (it may have reached the channel), so say so rather than look stuck.
    status = "claimed (posting, or interrupted: not retried)" if run.status == "claimed" else run.status
    line = f"{_when(run.slot)} · {status}"
    if run.attempts > 1:
        line += f" ({run.attempts} tries)"
    if run.error:
        line += f": {safe_text(one_line(run.error), 300)}"
    return line
