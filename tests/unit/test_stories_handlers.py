"""Stories at ingest and on the timeline, through the handlers with the in-memory unit of work."""

from __future__ import annotations

from datetime import date

import pytest

from extract import Event, Extraction
from handlers.commands import rank_stories, show_timeline
from handlers.domain import ArticleRef, Story, StoryMember
from handlers.ingest import ingest_article
from handlers.results import IngestArticle, TimelineQuery
from handlers.stories import SplitStory, StoryError, best_summary, merge_into_stories, split_story, story_date
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock(date(2031, 3, 20))


def _extractor(events: list[tuple[str, str, list[str]]]):  # type: ignore[no-untyped-def]
    """An extractor that finds the given (date, sentence, places) events in the text."""

    def run(text: str, published: date | None) -> Extraction:
        found = []
        for day, sentence, places in events:
            start = text.index(sentence)
            found.append(
                Event(date=day, start=start, end=start + len(sentence), summary=sentence, places=places)
            )
        return Extraction(events=found)

    return run


def _ingest(uow: FakeUnitOfWork, outlet: str, events: list[tuple[str, str, list[str]]]) -> None:
    text = " ".join(sentence for _, sentence, _ in events)
    result = ingest_article(
        IngestArticle(text=text, outlet=outlet, published=date(2031, 3, 8)),
        uow=uow,
        extractor=_extractor(events),
        clock=CLOCK,
    )
    assert result.status == "stored"


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    _ingest(
        uow,
        "Harbour Post",
        [
            ("2031-03-07", "Merovian forces launched a massive assault on Tassel.", ["Tassel"]),
            ("2031-03-07", "A fire destroyed a warehouse in Brenn.", ["Brenn"]),
        ],
    )
    _ingest(
        uow,
        "Coast Wire",
        [
            ("2031-03-07", "Tassel came under heavy bombardment from Merovian artillery.", ["Tassel"]),
            ("2031-03-07", "The Sunday attack on Tassel damaged dozens of homes.", ["Tassel"]),
        ],
    )
    return uow


def test_reports_of_one_happening_from_two_outlets_become_one_story_with_both_sources(
    uow: FakeUnitOfWork,
) -> None:
    result = show_timeline(TimelineQuery(), uow=uow)
    assert len(result.entries) == 2
    attack = next(e for e in result.entries if "Tassel" in e.places)
    assert [s.outlet for s in attack.sources] == ["Harbour Post", "Coast Wire"]
    assert attack.corroboration == 2 and attack.reports == 3


def test_every_merge_stores_its_score_and_reasons(uow: FakeUnitOfWork) -> None:
    story = uow.stories.get(1)
    assert story is not None and story.members[0].reason is None
    joined = story.members[1].reason
    assert joined is not None and joined["kinds"] == ["attack"] and "tassel" in joined["names"]


def test_nothing_merges_when_ingest_is_rolled_back() -> None:
    uow = FakeUnitOfWork()

    def broken(text: str, published: date | None) -> Extraction:
        raise RuntimeError("boom")

    ingest_article(IngestArticle(text="Anything at all."), uow=uow, extractor=broken, clock=CLOCK)
    assert uow.stories.rows == [] and uow.stories.links == []


def test_split_takes_an_event_out_and_is_audited(uow: FakeUnitOfWork) -> None:
    done = split_story(SplitStory(story_id=1, event_id=3, actor="UADMIN"), uow=uow, clock=CLOCK)
    assert [m.event_id for m in done.new_story.members] == [3]
    assert 3 not in [m.event_id for m in done.old_story.members]
    assert uow.audit.rows[-1].action == "stories.split" and uow.audit.rows[-1].actor == "UADMIN"
    assert len(show_timeline(TimelineQuery(), uow=uow).entries) == 3


@pytest.mark.parametrize(
    ("story_id", "event_id", "message"),
    [(99, 1, "no story 99"), (1, 2, "not in story 1"), (2, 2, "nothing to split")],
)
def test_split_explains_what_cannot_be_done(
    uow: FakeUnitOfWork, story_id: int, event_id: int, message: str
) -> None:
    with pytest.raises(StoryError, match=message):
        split_story(SplitStory(story_id=story_id, event_id=event_id, actor="U"), uow=uow, clock=CLOCK)
    assert uow.audit.rows == []


def _story(i: int, day: str, summary: str, outlets: list[str]) -> Story:
    members = [
        StoryMember(
            event_id=i * 10 + n, date=day, summary=summary, article=ArticleRef(id=i * 10 + n, outlet=o)
        )
        for n, o in enumerate(outlets)
    ]
    return Story(id=i, date=day, summary=summary, members=members)


def test_timeline_order_is_latest_first_then_relevance_then_corroboration() -> None:
    named_earlier = _story(1, "2031-01-01", "Ferry strike in Brenn", ["A"])
    newer = _story(2, "2031-03-01", "Harbour news", ["A"])
    same_day_more_sources = _story(3, "2031-03-01", "Harbour news again", ["A", "B"])
    same_day_named = _story(4, "2031-03-01", "Ferry fares rise", ["A"])
    ranked = rank_stories([newer, named_earlier, same_day_more_sources, same_day_named], ["ferry"])
    assert [s.id for s in ranked] == [4, 3, 2, 1]


def test_the_page_holds_the_top_stories_shown_in_date_order(uow: FakeUnitOfWork) -> None:
    result = show_timeline(TimelineQuery(limit=1), uow=uow)
    assert result.page.total == 2 and len(result.entries) == 1


def test_timeline_loads_the_reports_of_the_page_only(uow: FakeUnitOfWork) -> None:
    result = show_timeline(TimelineQuery(limit=1), uow=uow)
    assert uow.stories.loaded == [[e.story_id for e in result.entries]]
    assert show_timeline(TimelineQuery(limit=1, offset=5), uow=uow).entries == []
    assert uow.stories.loaded[-1] == []


def test_story_shows_the_most_precise_date_and_the_most_shared_summary() -> None:
    assert story_date(["2031-03", "2031-03-07", "2031-03-07"]) == "2031-03-07"
    members = [
        StoryMember(event_id=n, date="2031-03-07", summary=s, article=ArticleRef(id=n))
        for n, s in enumerate(
            [
                "They are watching.",
                "Merovian forces attacked Tassel with missiles.",
                "Tassel was attacked by Merovian forces.",
            ]
        )
    ]
    assert best_summary(members) != "They are watching."


def test_topic_relevance_counts_whole_words_not_parts_of_words() -> None:
    software = _story(1, "2031-03-01", "Software update released", ["A"])
    war = _story(2, "2031-03-01", "War talks resume", ["A"])
    strikes = _story(3, "2031-03-01", "Strikes hit the port", ["A"])
    assert [s.id for s in rank_stories([war, software], ["war"])] == [2, 1]
    assert rank_stories([software, strikes], ["strike"])[0].id == 3


def test_figures_of_one_happening_group_across_outlets_and_a_rising_toll_keeps_its_history() -> None:
    from handlers.commands import show_figures
    from handlers.domain import NewArticle, NewEvent, NewFigure
    from handlers.results import FiguresQuery

    uow = FakeUnitOfWork()
    for n, (day, text, value, bound) in enumerate(
        [
            (5, "The quake killed 12 people in Hollin on March 4.", 12, "="),
            (6, "The toll from the Hollin quake rose to 23 dead.", 23, "="),
            (7, "At least 31 people died in the Hollin quake.", 31, ">="),
        ]
    ):
        article = uow.articles.add(
            NewArticle(text=text, content_hash=str(n), outlet=f"Outlet {n}", published=date(2031, 3, day))
        )
        events = [
            NewEvent(
                date="2031-03-04", summary=text, sentence=text, start=0, end=len(text), places=["Hollin"]
            )
        ]
        merge_into_stories(
            uow.articles.ref(article.id), events, uow.events.add_many(article.id, events), uow=uow
        )
        uow.figures.add_many(
            article.id,
            [
                NewFigure(
                    text=str(value),
                    value=value,
                    unit="person",
                    bound=bound,
                    about="people killed",
                    sentence=text,
                    start=5,
                    end=8,
                )
            ],
        )
    [group] = show_figures(FiguresQuery(terms=["Hollin"]), uow=uow).groups
    assert not group.conflict and group.latest is not None and group.latest.value == 31
    assert [r.value for r in group.history] == [23, 12]
