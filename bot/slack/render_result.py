"""Block Kit for any result, chosen by the result's type: one renderer a result kind.

`render_result(result, public=...)` is what the listeners call. A new command's result gets its
renderer with `render_result.register(ItsResult, its_renderer)` (here, or in the renderer's own
module imported below); a result without one is a programming error, said by the TypeError.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import singledispatch
from typing import Any

from bot.slack.message import SlackMessage
from bot.slack.render import render_figures, render_quotes, render_timeline
from bot.slack.render_admin import (
    render_article,
    render_article_list,
    render_article_removed,
    render_article_reply,
    render_help,
    render_refusal,
    render_source_added,
    render_source_changed,
    render_source_interval,
    render_source_list,
    render_sources_imported,
)
from bot.slack.render_alerts import render_watch_added, render_watch_list, render_watch_removed
from bot.slack.render_digest import render_digest_view
from bot.slack.render_stories import render_split, render_story
from handlers.admin import SourceAdded, SourceChanged, SourceList
from handlers.alerts import WatchAdded
from handlers.articles_admin import ArticleDetail, ArticleListing, ArticleRemoved
from handlers.catalog_alerts import WatchList, WatchRemoved
from handlers.catalog_sources import PollInterval
from handlers.digest_admin import DigestView
from handlers.domain import Story
from handlers.opml import SourcesImported
from handlers.results import (
    FiguresResult,
    HelpResult,
    IngestResult,
    Refused,
    TimelineResult,
    WhoSaidResult,
)
from handlers.stories import StorySplit


@singledispatch
def render_result(result: object, *, public: bool = False) -> SlackMessage:
    """The message showing `result`; `public` marks an answer shown in the channel (its More button too)."""
    raise TypeError(f"no Block Kit renderer for {type(result).__name__}")


def private(render: Callable[[Any], SlackMessage]) -> Callable[..., SlackMessage]:
    """A renderer whose message is the same wherever it shows (it has no More button to mark)."""

    def rendered(result: Any, *, public: bool = False) -> SlackMessage:
        return render(result)

    rendered.__name__ = render.__name__
    return rendered


render_result.register(TimelineResult, render_timeline)
render_result.register(WhoSaidResult, render_quotes)
render_result.register(FiguresResult, render_figures)
render_result.register(HelpResult, private(lambda r: render_help(r.text, note=r.note)))
render_result.register(Refused, private(lambda r: render_refusal(r.what)))
render_result.register(SourceList, private(render_source_list))
render_result.register(SourceAdded, private(render_source_added))
render_result.register(SourceChanged, private(render_source_changed))
render_result.register(PollInterval, private(lambda r: render_source_interval(r.source)))
render_result.register(SourcesImported, private(render_sources_imported))
render_result.register(DigestView, private(render_digest_view))
render_result.register(Story, private(render_story))
render_result.register(StorySplit, private(render_split))
render_result.register(ArticleListing, private(render_article_list))
render_result.register(ArticleDetail, private(render_article))
render_result.register(ArticleRemoved, private(render_article_removed))
render_result.register(IngestResult, private(render_article_reply))
render_result.register(WatchAdded, private(render_watch_added))
render_result.register(WatchList, private(lambda r: render_watch_list(r.watches)))
render_result.register(WatchRemoved, private(lambda r: render_watch_removed(r.watch)))
