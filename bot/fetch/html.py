"""HTML page to article text and metadata, with trafilatura (boilerplate, menus and footers dropped).

trafilatura is asked for precision (a doubtful block is left out), without images, links, formatting,
comments or tables; what furniture it still lets through (captions, credits, "ALSO READ:", share rows,
related-story lists) is dropped by the extractor's own clean-up, `extract.furniture.drop_furniture`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

import trafilatura

from extract.furniture import drop_furniture


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None  # the page's own link (<link rel=canonical>, og:url), else the one it came from


def html_to_text(html: str | bytes, *, url: str | None = None) -> PageText:
    """The main text of an article page, with title, date and site name where the page says them."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return PageText(text="")
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    text = drop_furniture(str(meta.get("text") or ""))
    title = _clean(meta.get("title"))
    # The page's <h1> often repeats the title as the text's first line; it is not a sentence of the article.
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]
    return PageText(
        text=text,
        title=title,
        published=_date(meta.get("date")),
        outlet=_clean(meta.get("sitename")) or _clean(meta.get("hostname")),
        url=_link(_canonical(html) or meta.get("url"), url),
    )


_LINK_TAG = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
_CANONICAL_REL = re.compile(rb"""\brel\s*=\s*["']?canonical\b""", re.IGNORECASE)
_HREF = re.compile(rb"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _canonical(html: str | bytes) -> str | None:
    """The href of the page's <link rel="canonical"> (trafilatura prefers og:url; the page's own
    canonical link names the article better when they differ)."""
    head = (html.encode("utf-8", "replace") if isinstance(html, str) else html)[:200_000]
    for tag in _LINK_TAG.finditer(head):
        if _CANONICAL_REL.search(tag.group(0)):
            href = _HREF.search(tag.group(0))
            if href:
                raw = next(g for g in href.groups() if g is not None)
                return raw.decode("utf-8", "replace").replace("&amp;", "&").strip() or None
    return None


def _link(value: object, base: str | None) -> str | None:
    """An http(s) link, made absolute against the page's address."""
    if not isinstance(value, str) or not value.strip():
        return base
    link = urljoin(base, value.strip()) if base else value.strip()
    parts = urlsplit(link)
    return link if parts.scheme in ("http", "https") and parts.netloc else base


def _clean(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
