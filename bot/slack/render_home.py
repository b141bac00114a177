"""Block Kit for the App Home: the Home tab from a HomeSummary, and the two admin modals.

A view holds at most 100 blocks: every list here is capped and says how many it left out. Times
are Slack date tokens, so each viewer reads them in their own time zone.
"""

from __future__ import annotations

from datetime import datetime

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConversationFilter,
    ConversationSelectElement,
    DividerBlock,
    InputBlock,
    Option,
    PlainTextInputElement,
    SectionBlock,
    StaticSelectElement,
    TimePickerElement,
)
from slack_sdk.models.views import View

from bot.slack.limits import MAX_VIEW_BLOCKS
from bot.slack.message import context, header, section
from bot.slack.mrkdwn import bold, link, one_line, safe_text
from bot.slack.render_watch_modal import watch_button
from handlers.admin import SourceAdded
from handlers.home import AlertSummary, DigestLine, HomeSummary, SourceHealth, TopStory
from handlers.schedule import WEEKDAYS

# Action ids of the Home tab's buttons, and callback ids of its modals (bot/slack/listeners/home.py).
PAUSE_SOURCE = "home_pause_source"
RESUME_SOURCE = "home_resume_source"
OPEN_ADD_SOURCE = "home_add_source"
OPEN_SET_DIGEST = "home_set_digest"
ADD_SOURCE_MODAL = "home_add_source_modal"
DIGEST_MODAL = "home_digest_modal"
# Input blocks of the modals: (block id, action id) pairs, read back from view.state.values.
URL_INPUT = ("home_url", "url")
NAME_INPUT = ("home_name", "name")
CHANNEL_INPUT = ("home_channel", "channel")
CADENCE_INPUT = ("home_cadence", "cadence")
TIME_INPUT = ("home_time", "time")
ZONE_INPUT = ("home_zone", "zone")
TOPIC_INPUT = ("home_topic", "topic")

MAX_SOURCES = 30  # one block each (with its button): the rest are counted
MAX_DIGESTS = 15  # lines of one section
MAX_ALERTS = 15
NO_ALERTS = "No alerts yet: /briefbot watch PERSON|TOPIC"
# A newsroom's usual zones; any other IANA zone still works with /briefbot digest.
TIME_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Warsaw",
    "Europe/Kyiv",
    "Europe/Helsinki",
    "Europe/Istanbul",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
)
_DAY_LABELS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def render_home(summary: HomeSummary) -> View:
    """The Home tab; admin buttons only when the viewer may administer."""
    blocks: list[Block] = [
        header("briefbot"),
        context(
            f"News briefings with sources · updated {when(summary.generated_at)} · "
            "ask with /timeline, /whosaid, /figures"
        ),
    ]
    if summary.admin:
        blocks.append(
            ActionsBlock(
                block_id="home_admin",
                elements=[
                    ButtonElement(
                        text="Add a source", action_id=OPEN_ADD_SOURCE, value="open", style="primary"
                    ),
                    ButtonElement(text="Set a digest", action_id=OPEN_SET_DIGEST, value="open"),
                ],
            )
        )
    blocks += _top_stories(summary.top_stories)
    blocks += _sources(summary.sources, admin=summary.admin)
    blocks += _digests(summary.digests)
    blocks += _alerts(summary.alerts)
    blocks.append(watch_button())
    return View(type="home", callback_id="briefbot_home", blocks=blocks[:MAX_VIEW_BLOCKS])


def when(moment: datetime) -> str:
    """A Slack date token: shown in the reader's time zone, the UTC text where it cannot be."""
    fallback = moment.strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def _top_stories(stories: list[TopStory]) -> list[Block]:
    blocks: list[Block] = [
        DividerBlock(),
        section(bold("Top stories reported in the last 24 hours")),
        context("The most outlets first; ask /timeline TOPIC for the whole story."),
    ]
    if not stories:
        return [*blocks[:2], context("Nothing new reported in the last 24 hours.")]
    for story in stories:
        outlets = "1 outlet" if story.outlets == 1 else f"{story.outlets} outlets"
        cited = ", ".join(link(a.url, a.outlet or a.title or a.url, limit=60) for a in story.sources)
        text = f"{bold(safe_text(story.date, 20))} · {safe_text(one_line(story.summary), 600)}"
        blocks.append(section(f"{text}\n{outlets}: {cited}" if cited else text))
    return blocks


def _sources(sources: list[SourceHealth], *, admin: bool) -> list[Block]:
    blocks: list[Block] = [DividerBlock(), section(bold(f"Sources ({len(sources)})"))]
    if not sources:
        hint = "the Add a source button above" if admin else "an admin's /briefbot sources add URL"
        return [*blocks, context(f"No sources followed yet: add one with {hint}.")]
    # The ones in trouble first, so the cap never hides them.
    shown = sorted(sources, key=lambda h: (not h.unhealthy, h.source.id))[:MAX_SOURCES]
    for health in shown:
        text = section(_source_text(health)).text  # clipped to a section's 3000 characters
        blocks.append(SectionBlock(text=text, accessory=_pause_button(health) if admin else None))
    if len(sources) > len(shown):
        blocks.append(context(f"and {len(sources) - len(shown)} more: /briefbot sources list shows all"))
    return blocks


def _source_text(health: SourceHealth) -> str:
    s = health.source
    state = "active" if s.active else "paused"
    if health.unhealthy:
        state = f":warning: {state}, {s.consecutive_failures} failed polls in a row"
    polled = f"last poll {when(s.last_polled_at)}" if s.last_polled_at else "not polled yet"
    items = "1 item" if health.items_this_week == 1 else f"{health.items_this_week} items"
    text = (
        f"{bold(f'#{s.id}')} {link(s.url, s.name or s.url, limit=80)} · {s.kind} · {state}\n"
        f"{polled} · {items} this week"
    )
    if s.last_error:
        text += f"\nlast error: {safe_text(one_line(s.last_error), 300)}"
    return text


def _pause_button(health: SourceHealth) -> ButtonElement:
    if health.source.active:
        return ButtonElement(text="Pause", action_id=PAUSE_SOURCE, value=str(health.source.id))
    return ButtonElement(text="Resume", action_id=RESUME_SOURCE, value=str(health.source.id), style="primary")


def _digests(digests: list[DigestLine]) -> list[Block]:
    blocks: list[Block] = [DividerBlock(), section(bold(f"Digests ({len(digests)})"))]
    if not digests:
        return [*blocks, context("No digests yet: /briefbot digest daily 08:00 Europe/Kyiv in a channel.")]
    lines = [_digest_line(d) for d in digests[:MAX_DIGESTS]]
    if len(digests) > MAX_DIGESTS:
        lines.append(f"and {len(digests) - MAX_DIGESTS} more")
    return [*blocks, section("\n".join(lines))]


def _digest_line(line: DigestLine) -> str:
    sub = line.subscription
    topic = f" about {bold(safe_text(one_line(sub.topic), 100))}" if sub.topic else ""
    channel = f"<#{sub.channel}>" if sub.channel.isalnum() else safe_text(sub.channel, 50)
    return f"• {channel} · {safe_text(line.schedule, 100)}{topic} · next {when(line.next_slot)}"


def _alerts(alerts: list[AlertSummary]) -> list[Block]:
    blocks: list[Block] = [DividerBlock(), section(bold(f"Alerts ({len(alerts)})"))]
    if not alerts:
        return [*blocks, context(NO_ALERTS)]
    lines = [_alert_line(a) for a in alerts[:MAX_ALERTS]]
    if len(alerts) > MAX_ALERTS:
        lines.append(f"and {len(alerts) - MAX_ALERTS} more")
    return [*blocks, section("\n".join(lines))]


def _alert_line(alert: AlertSummary) -> str:
    where = f"<#{alert.where}>" if alert.where and alert.where.isalnum() else "your DMs"
    note = f" · {safe_text(one_line(alert.note), 200)}" if alert.note else ""
    return f"• {bold(safe_text(one_line(alert.watching), 150))} → {where}{note}"


def add_source_modal(*, url: str | None = None, problem: str | None = None) -> View:
    """The form that follows a feed or page; `problem` (from a check that finished late) above it."""
    blocks: list[Block] = []
    if problem:
        blocks.append(section(f":warning: {safe_text(problem, 2000)}"))
    blocks += [
        InputBlock(
            block_id=URL_INPUT[0],
            label="Feed or page URL",
            element=PlainTextInputElement(
                action_id=URL_INPUT[1],
                placeholder="https://example.com/feed.xml",
                initial_value=url,
                max_length=2000,
            ),
            hint="briefbot fetches it once to see what it holds, as /briefbot sources add does.",
        ),
        InputBlock(
            block_id=NAME_INPUT[0],
            label="Name",
            optional=True,
            element=PlainTextInputElement(
                action_id=NAME_INPUT[1], placeholder="The feed's own title", max_length=200
            ),
        ),
    ]
    return View(
        type="modal",
        callback_id=ADD_SOURCE_MODAL,
        title="Add a source",
        submit="Add",
        close="Cancel",
        blocks=blocks,
    )


def checking_modal(url: str) -> View:
    """Shown while a slow source is still being fetched (the modal is then updated with the result)."""
    return View(
        type="modal",
        callback_id=ADD_SOURCE_MODAL,
        title="Add a source",
        close="Close",
        blocks=[section(f":hourglass_flowing_sand: Fetching {safe_text(url, 500)} to see what it holds…")],
    )


def source_added_modal(added: SourceAdded) -> View:
    """What the new source turned out to be."""
    probe = added.probe
    found = f"a feed with {probe.item_count} items" if probe.kind == "feed" else "a web page"
    title = f" titled {safe_text(one_line(probe.title), 300)}" if probe.title else ""
    text = (
        f":white_check_mark: Now following source #{added.source.id}: "
        f"{link(added.source.url, added.source.name)}\nFound {found}{title}."
    )
    return View(
        type="modal", callback_id=ADD_SOURCE_MODAL, title="Source added", close="Done", blocks=[section(text)]
    )


def digest_modal() -> View:
    """The form that sets a channel's digest; the channel's current digest is replaced."""
    zones = [Option(value=z, label=z) for z in TIME_ZONES]
    cadences = [Option(value="daily", label="Every day")] + [
        Option(value=day, label=f"Every {label}") for day, label in zip(WEEKDAYS, _DAY_LABELS, strict=True)
    ]
    blocks: list[Block] = [
        InputBlock(
            block_id=CHANNEL_INPUT[0],
            label="Channel",
            element=ConversationSelectElement(
                action_id=CHANNEL_INPUT[1],
                placeholder="Where the digest is posted",
                filter=ConversationFilter(include=["public", "private"], exclude_bot_users=True),
            ),
            hint="A channel has one digest: setting one replaces the one it had.",
        ),
        InputBlock(
            block_id=CADENCE_INPUT[0],
            label="How often",
            element=StaticSelectElement(
                action_id=CADENCE_INPUT[1], options=cadences, initial_option=cadences[0]
            ),
        ),
        InputBlock(
            block_id=TIME_INPUT[0],
            label="Time of day",
            element=TimePickerElement(action_id=TIME_INPUT[1], initial_time="08:00"),
        ),
        InputBlock(
            block_id=ZONE_INPUT[0],
            label="Time zone",
            element=StaticSelectElement(action_id=ZONE_INPUT[1], options=zones, initial_option=zones[0]),
        ),
        InputBlock(
            block_id=TOPIC_INPUT[0],
            label="Topic",
            optional=True,
            element=PlainTextInputElement(
                action_id=TOPIC_INPUT[1], placeholder="e.g. port strike (empty: all the news)", max_length=200
            ),
        ),
    ]
    return View(
        type="modal",
        callback_id=DIGEST_MODAL,
        title="Set a digest",
        submit="Save",
        close="Cancel",
        blocks=blocks,
    )
