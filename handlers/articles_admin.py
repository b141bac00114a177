"""Stored articles, one at a time: list them, show one, remove one or re-date it, with its facts.

The same use cases back `briefbot articles ...` and `/briefbot articles ...`; removing and
re-dating are audited (who, what, when) like every admin action. Re-dating goes through ingest:
the stored text is extracted again as of the new date and its facts replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from extract import extract
from handlers.admin import AdminError
from handlers.article_dates import parse_date
from handlers.domain import Article
from handlers.ingest import Extractor, ingest_article
from handlers.ports import Clock, UnitOfWork
from handlers.results import IngestArticle, IngestResult
from handlers.stories import refresh_shown
from handlers.tenancy import ALL_WORKSPACES, DEFAULT_WORKSPACE
from handlers.wording import counted

LIST_LIMIT = 20


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class ArticleListing(_Model):
    articles: list[Article] = Field(default_factory=list)
    total: int = 0
    offset: int = 0


class ArticleDetail(_Model):
    article: Article
    events: int
    quotes: int
    figures: int

    @property
    def facts(self) -> str:
        return (
            f"{counted(self.events, 'event')}, {counted(self.quotes, 'quote')}, "
            f"{counted(self.figures, 'figure')}"
        )


class ArticleRemoved(ArticleDetail):
    """An article removed, with how many facts went with it."""


ArticlesReply = ArticleListing | ArticleDetail | IngestResult
ARTICLES_USAGE = "articles list [OFFSET] · articles show ID · articles remove ID · articles redate ID DATE"


def articles_reply(
    actor: str,
    verb: str,
    args: list[str],
    *,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    workspace: str = DEFAULT_WORKSPACE,
) -> ArticlesReply:
    """One `articles` admin command from its words (Slack's /briefbot articles ...); AdminError when wrong."""
    ids = [a.lstrip("#") for a in args[:1]]
    if verb == "list" and len(args) <= 1 and all(i.isdigit() for i in ids):
        return list_articles(uow_factory=uow_factory, offset=int(ids[0]) if ids else 0, workspace=workspace)
    if verb not in ("show", "remove", "redate") or not ids or not ids[0].isdigit():
        raise AdminError(f"Write it as one of: {ARTICLES_USAGE} (ids are numbers, as in articles show 3).")
    article_id = int(ids[0])
    if verb == "show" and len(args) == 1:
        return show_article(article_id, uow_factory=uow_factory, workspace=workspace)
    if verb == "remove" and len(args) == 1:
        return remove_article(
            article_id, actor=actor, uow_factory=uow_factory, clock=clock, workspace=workspace
        )
    if verb == "redate" and len(args) >= 2:
        try:
            published = parse_date(" ".join(args[1:]))
        except ValueError as exc:
            raise AdminError(str(exc)) from None
        return redate_article(
            article_id, published, actor=actor, uow_factory=uow_factory, clock=clock, workspace=workspace
        )
    raise AdminError(f"Write it as one of: {ARTICLES_USAGE}.")


def list_articles(
    *,
    uow_factory: Callable[[], UnitOfWork],
    limit: int = LIST_LIMIT,
    offset: int = 0,
    workspace: str = DEFAULT_WORKSPACE,
) -> ArticleListing:
    """The workspace's articles stored last first, `limit` from `offset`, and how many there are."""
    with uow_factory().of(workspace) as uow:
        return ArticleListing(
            articles=uow.articles.recent(limit=limit, offset=offset),
            total=uow.articles.count(),
            offset=offset,
        )


def show_article(
    article_id: int, *, uow_factory: Callable[[], UnitOfWork], workspace: str = DEFAULT_WORKSPACE
) -> ArticleDetail:
    """One article and how many facts it has; AdminError when the workspace has no such article."""
    with uow_factory().of(workspace) as uow:
        article = _existing(uow, article_id)
        events, quotes, figures = uow.articles.fact_counts(article_id)
    return ArticleDetail(article=article, events=events, quotes=quotes, figures=figures)


def remove_article(
    article_id: int,
    *,
    actor: str,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    workspace: str = DEFAULT_WORKSPACE,
) -> ArticleDetail:
    """The workspace no longer reads the article; once no workspace does, it is deleted with its
    events, quotes and figures (its stories keep the other reports)."""
    with uow_factory().of(workspace) as uow:
        article = _existing(uow, article_id)
        events, quotes, figures = uow.articles.fact_counts(article_id)
        others = uow.articles.revoke(article_id, workspace)
        detail = ArticleRemoved(article=article, events=events, quotes=quotes, figures=figures)
        uow.audit.record(
            actor, "articles.remove", f"#{article_id} {_name(article)} ({detail.facts})", clock.now()
        )
        uow.commit()
    if not others:
        # Nobody reads it any more: gone for good. Its stories hold other workspaces' reports too,
        # so they are refreshed from all of them, as an internal job.
        with uow_factory().of(ALL_WORKSPACES) as uow:
            uow.stories.lock_for_merging()  # no merge may attach to a story this empties meanwhile
            if not uow.articles.workspaces(article_id):  # nobody took it up meanwhile
                left = uow.articles.remove(article_id)
                refresh_shown(left or [], uow=uow)
                uow.commit()
    return detail


def redate_article(
    article_id: int,
    published: date,
    *,
    actor: str,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    extractor: Extractor = extract,
    workspace: str = DEFAULT_WORKSPACE,
) -> IngestResult:
    """Give a stored article another publication date: its facts are extracted again and replaced.

    Only an article no other workspace reads: its date is theirs too (AdminError otherwise).
    """
    with uow_factory().of(workspace) as uow:
        article = _existing(uow, article_id)
        text = uow.articles.text_of(article_id) or ""
        readers = uow.articles.workspaces(article_id)
    if readers - {workspace}:
        raise AdminError(
            f"Article {article_id} is read in other workspaces too: its date is not yours alone to change."
        )
    if article.published == published:
        raise AdminError(f"Article {article_id} is already dated {published.isoformat()}: nothing changed.")
    cmd = IngestArticle(
        text=text,
        url=article.url,
        title=article.title,
        outlet=article.outlet,
        published=published,
        published_from="as given",
        redate=True,
        source_id=article.source_id,
        guid=article.guid,
        workspace=workspace,
    )
    result = ingest_article(cmd, uow=uow_factory(), extractor=extractor, clock=clock)
    if result.status == "stored":
        with uow_factory().of(workspace) as uow:
            was = article.published.isoformat() if article.published else "undated"
            uow.audit.record(
                actor, "articles.redate", f"#{article_id} {was} -> {published.isoformat()}", clock.now()
            )
            uow.commit()
    return result


def _existing(uow: UnitOfWork, article_id: int) -> Article:
    article = uow.articles.get(article_id)
    if article is None:
        raise AdminError(f"No article {article_id} (articles list shows them).")
    return article


def _name(article: Article) -> str:
    return article.title or article.url or f"article {article.id}"
