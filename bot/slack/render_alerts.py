"""Block Kit for alerts (a batch of new facts for a watch) and for the watch commands' replies.

A batch is one message with its first items and, when it holds more, thread replies with the
rest; each item shows its fact as the questions do (quotes as said, figures worded as /figures
words them, events dated) with its source link. Every fallback text says what the blocks say.
"""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from bot.slack.message import BlockBudget, SlackMessage, context, fallback, header, section
from bot.slack.mrkdwn import bold, one_line, safe_text
from bot.slack.render import clipped, format_date
from bot.slack.render_facts import figure_text, quote_text, source_text
from handlers.alerts import WatchAdded
from handlers.domain import AlertBatch, AlertFacts, EventRecord, Watch
from handlers.said import quoted
from handlers.wording import counted

# Items in the alert itself; the rest go into its thread.
IN_MESSAGE = 5
# Items a thread reply holds at most (each is a section; a reply stays far inside 50 blocks).
PER_REPLY = 20
# Watches a section of `watch list` holds: ten of the longest lines (~280 characters) fit in 3,000.
LIST_LINES = 10


def render_alert(watch: Watch, batch: AlertBatch) -> list[SlackMessage]:
    """The messages to post, in order: the first to the watch's destination, the rest in its thread."""
    items = _items(batch.facts)
    title = _title(watch)
    counts = _counts(batch.facts)
    budget = BlockBudget(reserve=1)
    budget.add(header(title))
    shown = items[:IN_MESSAGE]
    for text, _ in shown:
        budget.add(section(text))
    rest = items[IN_MESSAGE:]
    note = f"{counts} · watch {watch.id}" + (f" · {len(rest)} more in the thread" if rest else "")
    lead = "; ".join(plain for _, plain in shown[:3])
    first = SlackMessage(text=fallback(f"{title}: {counts}. {lead}"), blocks=budget.finish(context(note)))
    replies = []
    for start in range(0, len(rest), PER_REPLY):
        chunk = rest[start : start + PER_REPLY]
        reply = BlockBudget(reserve=0)
        for text, _ in chunk:
            reply.add(section(text))
        end = IN_MESSAGE + start + len(chunk)
        replies.append(
            SlackMessage(
                text=fallback(
                    f"{title}, {IN_MESSAGE + start + 1}–{end} of {len(items)}: "
                    + "; ".join(p for _, p in chunk[:3])
                ),
                blocks=reply.finish(),
            )
        )
    return [first, *replies]


def _title(watch: Watch) -> str:
    subject = one_line(watch.subject)
    return f"New quotes by {subject}" if watch.kind == "person" else f"New on {subject}"


def _counts(facts: AlertFacts) -> str:
    parts = [
        counted(len(facts.events), "event") if facts.events else "",
        counted(len(facts.quotes), "quote") if facts.quotes else "",
        counted(len(facts.figures), "figure") if facts.figures else "",
    ]
    return ", ".join(p for p in parts if p) or "nothing new"


def _items(facts: AlertFacts) -> list[tuple[str, str]]:
    """(mrkdwn, plain words for the fallback) of each fact, in the order the batch holds them:
    articles as stored, each article's facts in reading order."""
    keyed: list[tuple[tuple[int, int], str, str]] = []
    for e in facts.events:
        keyed.append(
            ((e.article.id, e.start), _event_text(e), f"{format_date(e.date)}: {one_line(e.summary)}")
        )
    for q in facts.quotes:
        keyed.append(
            (
                (q.article.id, q.start),
                quote_text(q),
                f"{one_line(q.speaker or 'Unattributed')}: {quoted(q.text)}",
            )
        )
    for f in facts.figures:
        keyed.append(((f.article.id, f.start), figure_text(f), one_line(f.sentence)))
    keyed.sort(key=lambda k: k[0])
    return [(text, plain) for _, text, plain in keyed]


def _event_text(e: EventRecord) -> str:
    return f"{bold(safe_text(format_date(e.date), 60))}: {clipped(e.summary, 1500)}\n{source_text(e.article)}"


def describe_watch(watch: Watch) -> str:
    """ "watch 3: quotes by Okafor, to #C0001" in mrkdwn (the channel as a Slack channel link)."""
    what = (
        f"quotes by {bold(safe_text(one_line(watch.subject), 200))}"
        if watch.kind == "person"
        else (f"{bold(safe_text(one_line(watch.subject), 200))} (events, quotes, figures)")
    )
    where = f"<#{watch.channel}>" if watch.channel else "you, by direct message"
    return f"watch {watch.id}: {what}, to {where}"


def _plain_watch(watch: Watch) -> str:
    what = f"quotes by {one_line(watch.subject)}" if watch.kind == "person" else one_line(watch.subject)
    return f"watch {watch.id}: {what}, to {'a channel' if watch.channel else 'you'}"


def render_watch_added(added: WatchAdded) -> SlackMessage:
    """The reply to `/briefbot watch ...`: what is watched, for whom, and whom a name resolved to."""
    w = added.watch
    lines = [
        f"Now watching: {describe_watch(w)}.",
        "New facts are posted once, within a minute of being stored.",
    ]
    if added.people:
        names = ", ".join(one_line(p.name) for p in added.people[:5])
        lines.append(f"That name finds: {safe_text(names, 500)}.")
    lines.append(f"Stop it with /briefbot unwatch {w.id}.")
    return SlackMessage(text=fallback(f"Now watching {_plain_watch(w)}"), blocks=[section("\n".join(lines))])


def render_watch_list(watches: list[Watch]) -> SlackMessage:
    """The reply to `/briefbot watch list`: this channel's watches and the user's own."""
    if not watches:
        text = "No watches here. Start one with /briefbot watch NAME or /briefbot watch topic WORDS."
        return SlackMessage(text=fallback(text), blocks=[section(safe_text(text, 500))])
    budget = BlockBudget(reserve=1)
    budget.add(header(f"Watches ({len(watches)})"))
    lines = [f"• {describe_watch(w)}" for w in watches]
    for start in range(0, len(lines), LIST_LINES):
        budget.add(section("\n".join(lines[start : start + LIST_LINES])))
    blocks: list[Block] = budget.finish(context("/briefbot unwatch ID stops one."))
    summary = "; ".join(_plain_watch(w) for w in watches[:5])
    return SlackMessage(
        text=fallback(f"{len(watches)} {'watch' if len(watches) == 1 else 'watches'}: {summary}"),
        blocks=blocks,
    )


def render_watch_removed(watch: Watch) -> SlackMessage:
    text = f"Stopped {describe_watch(watch)}."
    return SlackMessage(text=fallback(f"Stopped {_plain_watch(watch)}"), blocks=[section(text)])
