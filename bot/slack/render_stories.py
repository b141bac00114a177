"""Block Kit for the story admin commands: a story with why each report joined it, and a split."""

from __future__ import annotations

from bot.console.stories import story_text
from bot.slack.message import BlockBudget, SlackMessage, fallback, header, section
from bot.slack.mrkdwn import safe_text
from handlers.catalog import default_registry
from handlers.domain import Story
from handlers.stories import StorySplit
from handlers.wording import counted

STORIES_HELP = default_registry().subcommand_help(("briefbot", "stories"))


def render_story(story: Story) -> SlackMessage:
    budget = BlockBudget()
    budget.add(header(f"Story {story.id}"))
    for chunk in _chunks(story_text(story).split("\n")):
        if not budget.add(section(safe_text(chunk, 2900))):
            break
    return SlackMessage(text=fallback(f"Story {story.id}: {story.summary}"), blocks=budget.finish())


def render_split(split: StorySplit) -> SlackMessage:
    text = (
        f"Split: story {split.new_story.id} now holds event "
        f"{', '.join(str(m.event_id) for m in split.new_story.members)}; "
        f"story {split.old_story.id} keeps {counted(len(split.old_story.members), 'report')}."
    )
    budget = BlockBudget()
    budget.add(section(safe_text(text, 1000)))
    for story in (split.old_story, split.new_story):
        budget.add(section(safe_text(story_text(story), 2900)))
    return SlackMessage(text=fallback(text), blocks=budget.finish())


def _chunks(lines: list[str], size: int = 2500) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and len(out[-1]) + len(line) + 1 <= size:
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out
