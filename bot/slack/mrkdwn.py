"""Slack mrkdwn made safe: escape article and user text, clip it, and build links.

Article text is data, never markup. Slack only defines escapes for `&`, `<` and `>`; there is no escape
for `*`, `_`, `~` or a backtick, so those become look-alike characters that Slack does not format.
An underscore inside a word (BRIEFBOT_ADMINS, snake_case) cannot start or end italics and stays a
real one, so that a name copied from a message works; only one at a word's edge becomes a look-alike.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "*": "\u2217",  # ∗ asterisk operator
    "~": "\u223c",  # ∼ tilde operator
    "`": "\u02cb",  # ˋ modifier letter grave accent
}
_TABLE = str.maketrans(_ESCAPES)
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # not between two letters or digits
ELLIPSIS = "…"
MAX_LINK_URL = 1000


def escape(text: str) -> str:
    """Article or user text as inert mrkdwn: no formatting, no links, no mentions."""
    out = text.translate(_TABLE)
    return _EDGE_UNDERSCORE.sub("\u02cd", out) if "_" in out else out  # ˍ modifier letter low macron


def one_line(text: str) -> str:
    """Collapse whitespace (titles and names must not break a line or a link)."""
    return " ".join(text.split())


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in an ellipsis when cut.

    Safe on escaped text: never cuts an `&amp;`-style entity in half.
    """
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    cut = text[: limit - len(ELLIPSIS)]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    # An underscore inside a word left as it is (see `escape`) would end up at the cut's edge.
    return cut.rstrip("_") + ELLIPSIS


def safe_text(text: str | None, limit: int) -> str:
    """Escape then clip: the usual treatment of one piece of article text."""
    return clip(escape(text or ""), limit)


def safe_url(url: str | None) -> str | None:
    """The URL as it may appear inside `<url|label>`, or None when it must not be linked.

    Only http(s) URLs are linked; characters that would end or split the link are percent-encoded.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    encoded = quote(url, safe="/:?#[]@!$&'()*+,;=%~-._")
    encoded = encoded.replace("&", "&amp;")
    if len(encoded) > MAX_LINK_URL:
        return None
    return encoded


def link(url: str | None, label: str | None, *, limit: int = 120) -> str:
    """`<url|label>` with the label escaped, or just the escaped label when the URL is unusable."""
    shown = clip(escape(one_line(label or "") or (url or "article")).replace("|", "\u00a6"), limit)
    target = safe_url(url)
    if target is None:
        return shown
    return f"<{target}|{shown}>"


def bold(safe: str) -> str:
    """Already-escaped text in bold; blank text stays blank (a lone `**` would show as asterisks)."""
    safe = safe.strip()
    return f"*{safe}*" if safe else ""
