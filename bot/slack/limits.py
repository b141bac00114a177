"""Slack's Block Kit limits, and a checker that lists every way a message breaks them.

The renderer is built to stay inside these; the checker lets tests (and a log line) prove it.
"""

from __future__ import annotations

from typing import Any

MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100  # a Home tab or a modal
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_CONTEXT_TEXT = 2000
MAX_BUTTON_VALUE = 2000
MAX_BUTTON_TEXT = 75
MAX_ACTION_ID = 255
MAX_FALLBACK_TEXT = 3000  # Slack allows far more; a fallback is a notification line, keep it short


def violations(message: dict[str, Any]) -> list[str]:
    """Every Block Kit limit `message` ({"text", "blocks"}) breaks; empty when it is fine."""
    problems: list[str] = []
    text = message.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append("no fallback text")
    elif len(text) > MAX_FALLBACK_TEXT:
        problems.append(f"fallback text has {len(text)} chars")
    blocks = message.get("blocks") or []
    if len(blocks) > MAX_BLOCKS:
        problems.append(f"{len(blocks)} blocks (max {MAX_BLOCKS})")
    for i, block in enumerate(blocks):
        problems.extend(f"block {i} ({block.get('type')}): {p}" for p in _block_violations(block))
    return problems


def view_violations(view: dict[str, Any]) -> list[str]:
    """Every Block Kit limit a view (Home tab or modal, as a dict) breaks; empty when it is fine."""
    blocks = view.get("blocks") or []
    problems = [f"{len(blocks)} blocks (max {MAX_VIEW_BLOCKS})"] if len(blocks) > MAX_VIEW_BLOCKS else []
    for i, block in enumerate(blocks):
        problems.extend(f"block {i} ({block.get('type')}): {p}" for p in _block_violations(block))
    return problems


def _block_violations(block: dict[str, Any]) -> list[str]:
    kind = block.get("type")
    if kind == "header":
        return _too_long(block["text"]["text"], MAX_HEADER_TEXT, "header text")
    if kind == "section":
        return _too_long(block["text"]["text"], MAX_SECTION_TEXT, "section text")
    if kind == "context":
        elements = block.get("elements", [])
        found = [] if len(elements) <= MAX_CONTEXT_ELEMENTS else [f"{len(elements)} context elements"]
        for element in elements:
            found += _too_long(element.get("text", ""), MAX_CONTEXT_TEXT, "context text")
        return found
    if kind == "actions":
        found = []
        for element in block.get("elements", []):
            found += _too_long(element.get("value", ""), MAX_BUTTON_VALUE, "button value")
            found += _too_long(element["text"]["text"], MAX_BUTTON_TEXT, "button text")
            found += _too_long(element.get("action_id", ""), MAX_ACTION_ID, "action_id")
        return found
    return []


def _too_long(text: str, limit: int, what: str) -> list[str]:
    if not text:
        return [f"empty {what}"]
    return [f"{what} has {len(text)} chars (max {limit})"] if len(text) > limit else []
