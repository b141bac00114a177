"""Block Kit for help, errors, refusals and the admin commands' results."""

from __future__ import annotations

from bot.slack.limits import MAX_SECTION_TEXT
from bot.slack.message import BlockBudget, SlackMessage, context, fallback, header, section
from bot.slack.mrkdwn import clip, escape, link, one_line, safe_text
from handlers.admin import SourceAdded, SourceChanged, SourceList
from handlers.articles_admin import ArticleDetail, ArticleListing, ArticleRemoved, ArticlesReply
from handlers.domain import Article, Source
from handlers.opml import SourcesImported
from handlers.polling import is_unhealthy
from handlers.results import IngestResult

ADMIN_HELP = (
    "Admin commands (for BRIEFBOT_ADMINS and workspace admins):\n"
    "/briefbot sources list\n"
    "/briefbot sources add URL [name]  (a feed or a page, http or https)\n"
    "/briefbot sources remove ID · /briefbot sources pause ID · /briefbot sources resume ID\n"
    "/briefbot sources every ID MINUTES  (how often to poll it; default 15)\n"
    "/briefbot sources import [OPML URL or Slack file]  (no argument: the OPML file you last shared here)\n"
    "/briefbot digest daily 08:00 Europe/Kyiv [topic] · /briefbot digest weekly mon 09:00 UTC [topic]\n"
    "/briefbot digest show · /briefbot digest off  (add --post-empty to post a note when nothing is new)\n"
    "/briefbot articles list [OFFSET] · /briefbot articles show ID\n"
    "/briefbot articles remove ID · /briefbot articles redate ID DATE  (an article with its facts)\n"
    "/briefbot watch [person|topic] WORDS in #channel  (a channel's; without `in`: anyone's own, by DM)\n"
    "/briefbot watch list · /briefbot unwatch ID"
)


def render_help(text: str, *, note: str | None = None) -> SlackMessage:
    """Help text (ours, but escaped all the same) with an optional note above it."""
    budget = BlockBudget(reserve=0)
    budget.add(header("briefbot help"))
    if note:
        budget.add(section(safe_text(note, 500)))
    for chunk in _chunks(text.split("\n\n")):
        budget.add(section(chunk))
    return SlackMessage(text=fallback(note or "briefbot help"), blocks=budget.finish())


def render_error(text: str) -> SlackMessage:
    """A problem the user can fix, said plainly."""
    body = safe_text(text, 2000)
    return SlackMessage(text=fallback(text), blocks=[section(f":warning: {body}")])


def render_refusal(what: str) -> SlackMessage:
    text = (
        f"Sorry, {what} is for briefbot admins only. "
        "Ask a workspace admin, or someone listed in BRIEFBOT_ADMINS."
    )
    return SlackMessage(text=fallback(text), blocks=[section(safe_text(text, 1000))])


def render_source_added(added: SourceAdded) -> SlackMessage:
    probe = added.probe
    found = f"a feed with {probe.item_count} items" if probe.kind == "feed" else "a web page"
    title = f" titled {safe_text(one_line(probe.title), 300)}" if probe.title else ""
    text = (
        f"Now following source #{added.source.id}: {link(added.source.url, added.source.name)}\n"
        f"Found {found}{title}."
    )
    return SlackMessage(text=fallback(f"Now following source #{added.source.id}"), blocks=[section(text)])


def render_source_changed(changed: SourceChanged) -> SlackMessage:
    source = changed.source
    text = f"Source #{source.id} {changed.action}: {link(source.url, source.name or source.url)}"
    return SlackMessage(text=fallback(f"Source #{source.id} {changed.action}"), blocks=[section(text)])


def render_source_list(listing: SourceList) -> SlackMessage:
    """All sources, as many lines per section as fit; never past 50 blocks."""
    sources = listing.sources
    if not sources:
        return SlackMessage(
            text="No sources yet", blocks=[section("No sources yet. Add one with /briefbot sources add URL")]
        )
    budget = BlockBudget(reserve=1)
    budget.add(header(f"Sources ({len(sources)})"))
    lines = [_source_line(s) for s in sources]
    shown = 0
    for chunk in _chunks(lines, joiner="\n"):
        if not budget.add(section(chunk)):
            break
        shown += chunk.count("\n") + 1
    footer = [context(f"+{len(sources) - shown} more not shown")] if shown < len(sources) else []
    return SlackMessage(text=fallback(f"{len(sources)} sources"), blocks=budget.finish(*footer))


def _source_line(source: Source) -> str:
    state = "active" if source.active else "paused"
    if is_unhealthy(source):
        state += f" · :warning: unhealthy ({source.consecutive_failures} failed polls in a row)"
    line = f"#{source.id} {link(source.url, source.name or source.url, limit=80)} · {source.kind} · {state}"
    if source.interval_minutes != 15:
        line += f" · every {source.interval_minutes} min"
    if source.last_error:
        line += f" · last error: {safe_text(one_line(source.last_error), 200)}"
    return line


def render_source_interval(source: Source) -> SlackMessage:
    text = (
        f"Source #{source.id} {link(source.url, source.name or source.url)} is now polled every "
        f"{source.interval_minutes} minutes."
    )
    return SlackMessage(
        text=fallback(f"Source #{source.id} polled every {source.interval_minutes} minutes"),
        blocks=[section(text)],
    )


def render_sources_imported(result: SourcesImported) -> SlackMessage:
    """How many feeds an OPML import added, which, and what was skipped and why."""
    lines = [f"#{s.id} {link(s.url, s.name or s.url, limit=80)}" for s in result.added]
    lines += [f"skipped {safe_text(url, 200)}: {safe_text(why, 200)}" for url, why in result.skipped]
    summary = f"Imported {len(result.added)} feeds, skipped {len(result.skipped)}"
    budget = BlockBudget(reserve=1)
    budget.add(header(summary))
    for chunk in _chunks(lines, joiner="\n"):
        if not budget.add(section(chunk)):
            break
    return SlackMessage(text=fallback(summary), blocks=budget.finish())


def render_articles(reply: ArticlesReply) -> SlackMessage:
    """What an `articles` admin command did or found."""
    if isinstance(reply, IngestResult):
        body = safe_text(reply.message, 1000)
        return SlackMessage(
            text=fallback(reply.message), blocks=[section(body if reply.ok else f":warning: {body}")]
        )
    if isinstance(reply, ArticleDetail):
        done = "Removed" if isinstance(reply, ArticleRemoved) else "Article"
        text = f"{done} {_article_line(reply.article)}\n{safe_text(reply.facts, 200)}"
        return SlackMessage(text=fallback(f"{done} #{reply.article.id}"), blocks=[section(text)])
    return _article_list(reply)


def _article_list(listing: ArticleListing) -> SlackMessage:
    if not listing.total:
        text = "No articles stored yet. Follow a feed with /briefbot sources add URL."
        return SlackMessage(text=text, blocks=[section(text)])
    budget = BlockBudget(reserve=1)
    budget.add(header(f"Articles ({listing.total})"))
    shown = listing.offset
    for chunk in _chunks([_article_line(a) for a in listing.articles], joiner="\n"):
        if not budget.add(section(chunk)):
            break
        shown += chunk.count("\n") + 1
    footer = (
        [context(f"{shown} of {listing.total}: /briefbot articles list {shown} for more")]
        if shown < listing.total
        else []
    )
    return SlackMessage(text=fallback(f"{listing.total} articles"), blocks=budget.finish(*footer))


def _article_line(article: Article) -> str:
    when = article.published.isoformat() if article.published else "undated"
    name = link(article.url, article.title or article.url or f"article {article.id}", limit=80)
    outlet = f" · {safe_text(one_line(article.outlet), 80)}" if article.outlet else ""
    return f"#{article.id} {when}{outlet} · {name}"


def _chunks(parts: list[str], *, joiner: str = "\n\n") -> list[str]:
    """Join escaped parts into section texts of at most ~2900 characters each."""
    chunks: list[str] = []
    current = ""
    for raw in parts:
        part = raw if joiner == "\n" else escape(raw)
        part = clip(part, MAX_SECTION_TEXT - 100)
        if current and len(current) + len(joiner) + len(part) > MAX_SECTION_TEXT - 100:
            chunks.append(current)
            current = part
        else:
            current = f"{current}{joiner}{part}" if current else part
    if current:
        chunks.append(current)
    return chunks
