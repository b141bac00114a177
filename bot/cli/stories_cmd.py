"""`briefbot stories show ID | split STORY_ID EVENT_ID`: look into a story and undo a wrong merge."""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from bot.cli.context import add_workspace_option, error, open_container, workspace_arg


def register(sub: Any) -> None:
    p = sub.add_parser(
        "stories",
        help="show a story's reports and why they were merged; split one out",
        description="Stories are reports of one happening merged at ingest.",
    )
    stories = p.add_subparsers(dest="stories_command", metavar="ACTION", required=True)
    show = stories.add_parser("show", help="a story's reports, with the score and reasons of each merge")
    show.add_argument("story", type=int, help="story id (shown on /timeline)")
    show.set_defaults(func=_show)
    split = stories.add_parser("split", help="take one report (event) out of a story into a story of its own")
    split.add_argument("story", type=int, help="story id")
    split.add_argument("event", type=int, help="event id (see 'stories show')")
    split.add_argument("--actor", default=None, help="who is splitting, for the audit log (default: you)")
    split.set_defaults(func=_split)
    add_workspace_option(show, split)


def _show(args: argparse.Namespace) -> int:
    from bot.console.stories import story_text
    from handlers.stories import StoryError, show_story

    with open_container(args) as c:
        try:
            print(story_text(show_story(args.story, uow=c.uow(), workspace=workspace_arg(args, c))))
        except StoryError as exc:
            error("stories show", str(exc))
            return 1
    return 0


def _split(args: argparse.Namespace) -> int:
    from bot.console.stories import story_text
    from handlers.stories import SplitStory, StoryError, split_story

    actor = args.actor or f"cli:{getpass.getuser()}"
    with open_container(args) as c:
        try:
            done = split_story(
                SplitStory(
                    story_id=args.story, event_id=args.event, actor=actor, workspace=workspace_arg(args, c)
                ),
                uow=c.uow(),
                clock=c.clock,
            )
        except StoryError as exc:
            error("stories split", str(exc))
            return 1
    print(f"event {args.event} is now story {done.new_story.id}")
    print(story_text(done.old_story))
    print(story_text(done.new_story))
    return 0
