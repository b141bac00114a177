"""OPML, the feed-reader exchange format: import a list of feeds as sources, export the sources.

Pure: text in, text out (xml.etree from the standard library); the fetching of an OPML file from
a URL or from Slack happens in bot/. Import is an admin action, audited like `sources add`.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from xml.etree import ElementTree

from pydantic import BaseModel, ConfigDict, Field

from handlers.admin import AdminError, validate_url
from handlers.domain import Source
from handlers.ports import Clock, UnitOfWork
from handlers.tenancy import DEFAULT_WORKSPACE

MAX_OUTLINES = 500


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class OpmlFeed(_Model):
    url: str
    title: str | None = None


class ImportSources(_Model):
    feeds: list[OpmlFeed]
    actor: str
    workspace: str = DEFAULT_WORKSPACE  # who follows them (handlers.tenancy)


class SourcesImported(_Model):
    added: list[Source] = Field(default_factory=list)
    skipped: list[tuple[str, str]] = Field(default_factory=list)  # (url, why)


def parse_opml(text: str | bytes) -> list[OpmlFeed]:
    """Every outline with an xmlUrl (nested folders included); AdminError when it is not OPML."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise AdminError(f"That file is not OPML (XML error: {exc}).") from None
    if root.tag.lower() != "opml":
        raise AdminError(f"That file is not OPML (its root element is <{root.tag[:40]}>).")
    feeds: list[OpmlFeed] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            title = (outline.get("title") or outline.get("text") or "").strip() or None
            feeds.append(OpmlFeed(url=url, title=title))
    if not feeds:
        raise AdminError("That OPML file lists no feeds (no outline has an xmlUrl).")
    if len(feeds) > MAX_OUTLINES:
        raise AdminError(f"That OPML file lists {len(feeds)} feeds; import at most {MAX_OUTLINES} at once.")
    return feeds


def to_opml(sources: list[Source], *, title: str = "briefbot sources") -> str:
    """The sources as an OPML 2.0 document (feeds as rss outlines, pages as link outlines)."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    for source in sources:
        name = source.name or source.url
        attrs = {"text": name, "title": name}
        if source.kind == "feed":
            attrs.update(type="rss", xmlUrl=source.url)
        else:
            attrs.update(type="link", url=source.url)
        ElementTree.SubElement(body, "outline", attrs)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def import_sources(
    cmd: ImportSources, *, uow_factory: Callable[[], UnitOfWork], clock: Clock
) -> SourcesImported:
    """Follow every feed of the list not followed yet; bad URLs are skipped with the reason."""
    added: list[Source] = []
    skipped: list[tuple[str, str]] = []
    with uow_factory().of(cmd.workspace) as uow:
        for feed in cmd.feeds:
            try:
                url = validate_url(feed.url)
                urlsplit(url).port  # noqa: B018 - raises ValueError for a port out of range
            except AdminError as exc:
                skipped.append((feed.url[:200], str(exc)))
                continue
            except ValueError as exc:  # urlsplit's own complaint (`http://[::1`): that feed only
                skipped.append((feed.url[:200], f"not a valid URL ({exc})"))
                continue
            if uow.sources.get_by_url(url) is not None:
                skipped.append((url, "already followed"))
                continue
            added.append(uow.sources.add(url, name=feed.title, kind="feed", created_by=cmd.actor))
        detail = f"{len(added)} added, {len(skipped)} skipped"
        uow.audit.record(cmd.actor, "sources.import", detail, clock.now())
        uow.commit()
    return SourcesImported(added=added, skipped=skipped)
