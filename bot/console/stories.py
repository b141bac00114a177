"""Plain text shared by the CLI and Slack: a story with why each report joined it.

A person's roles are worded in handlers.said.roles_seen ("in reports from <date>", not "since").
"""

from __future__ import annotations

from handlers.domain import Story, StoryMember
from handlers.wording import counted


def _line(text: str) -> str:
    return " ".join(text.split())


def member_line(m: StoryMember) -> str:
    """event 12 · Outlet, 2025-09-07 · summary · why it joined (score, shared names, kinds, words)."""
    source = m.article.outlet or m.article.title or f"article {m.article.id}"
    when = f", {m.article.published.isoformat()}" if m.article.published else ""
    why = "first report" if m.reason is None else _why(m.reason)
    return f"event {m.event_id} · {source}{when} · {_line(m.summary)[:200]} · {why}"


def _why(reason: dict[str, object]) -> str:
    parts = [f"score {reason.get('score')}"]
    for key, label in (("kinds", "kind"), ("names", "names"), ("terms", "words")):
        values = reason.get(key)
        if isinstance(values, list) and values:
            parts.append(f"{label}: {', '.join(map(str, values))}")
    if reason.get("same_article_nearby"):
        parts.append("next to it in the same article")
    return "; ".join(parts)


def story_text(story: Story) -> str:
    """A story as plain lines (also used by the CLI)."""
    lines = [
        f"Story {story.id} · {story.date} · {counted(story.corroboration, 'source')}",
        _line(story.summary),
    ]
    lines += [f"  {member_line(m)}" for m in story.members]
    return "\n".join(lines)
