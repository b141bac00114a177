from datetime import date

import pytest

from handlers.ask import HelpResult, answer, run_command
from handlers.commands import show_figures, show_quotes, show_timeline
from handlers.domain import NewArticle, NewEvent, NewFigure, NewQuote
from handlers.results import FiguresQuery, QueryError, TimelineQuery, WhoSaidQuery
from handlers.stories import merge_into_stories
from tests.fakes import FakeUnitOfWork

TODAY = date(2031, 3, 10)


def _article(uow: FakeUnitOfWork, outlet: str, published: date) -> int:
    return uow.articles.add(
        NewArticle(
            url=f"https://{outlet.lower().replace(' ', '')}.example/a",
            title=f"{outlet} story",
            outlet=outlet,
            published=published,
            text=outlet,
            content_hash=outlet,
        )
    ).id


def _event(day: str, summary: str) -> NewEvent:
    return NewEvent(date=day, summary=summary, sentence=summary + ".", start=0, end=len(summary))


def _quote(text: str, speaker: str | None, role: str | None = None) -> NewQuote:
    return NewQuote(
        text=text,
        kind="direct",
        speaker=speaker,
        speaker_kind="person",
        speaker_role=role,
        start=0,
        end=len(text),
    )


def _figure(text: str, value: float, about: str | None, bound: str = "=") -> NewFigure:
    return NewFigure(
        text=text,
        value=value,
        unit="container",
        bound=bound,
        about=about,  # type: ignore[arg-type]
        sentence=f"{text} were stranded.",
        start=0,
        end=len(text),
    )


def _store_events(uow: FakeUnitOfWork, article_id: int, events: list[NewEvent]) -> None:
    # As ingest does: store the events, then merge them into stories.
    merge_into_stories(uow.articles.ref(article_id), events, uow.events.add_many(article_id, events), uow=uow)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    post = _article(uow, "Harbour Post", date(2031, 3, 4))
    wire = _article(uow, "Coast Wire", date(2031, 3, 6))
    _store_events(
        uow,
        post,
        [
            _event("2031-03-03", "Dockworkers walked out at the port of Velmora"),
            _event("2031-02", "Talks on the wage deal broke down"),
        ],
    )
    _store_events(
        uow,
        wire,
        [
            _event("2031-03-03", "Dockworkers at the port of Velmora walked out"),
            _event("2031-03-05", "Owners offered a four percent raise"),
        ],
    )
    okafor = uow.people.upsert("Ada Okafor", kind="person", aliases=["Okafor"], roles=["union leader"]).id
    lind = uow.people.upsert("Tomas Lind", kind="person", aliases=[], roles=["port director"]).id
    uow.quotes.add_many(
        post,
        [
            (_quote("We will not unload a single ship.", "Ada Okafor", "union leader"), okafor),
            (_quote("Wages have not kept pace.", "Ada Okafor", "union leader"), okafor),
        ],
    )
    uow.quotes.add_many(wire, [(_quote("The offer on wages is fair.", "Tomas Lind", "port director"), lind)])
    uow.figures.add_many(post, [_figure("1,200 containers", 1200, "containers stranded", "~")])
    wire_same_day = _article(uow, "Dock Daily", date(2031, 3, 4))
    uow.figures.add_many(
        wire, [_figure("1,500 containers", 1500, "containers stranded", ">"), _figure("40 ships", 40, None)]
    )
    uow.figures.add_many(wire_same_day, [_figure("1,250 containers", 1250, "containers stranded", "~")])
    return uow


def test_timeline_is_latest_first_and_merges_reports_of_the_same_event(uow: FakeUnitOfWork) -> None:
    result = show_timeline(TimelineQuery(), uow=uow)
    assert [e.date for e in result.entries] == ["2031-03-05", "2031-03-03", "2031-02"]
    assert result.query.describe() == "everything, latest first"
    walkout = result.entries[1]
    assert [s.outlet for s in walkout.sources] == ["Harbour Post", "Coast Wire"]
    assert walkout.corroboration == 2
    assert result.entries[-1].precision == "month" and walkout.precision == "day"
    assert walkout.sources[0].url == "https://harbourpost.example/a"
    assert walkout.sources[0].published == date(2031, 3, 4)


def test_timeline_filters_by_topic_and_event_date_window(uow: FakeUnitOfWork) -> None:
    result = show_timeline(TimelineQuery(terms=["raise"], since=date(2031, 3, 4)), uow=uow)
    assert [e.summary for e in result.entries] == ["Owners offered a four percent raise"]
    assert result.page.total == 1 and not result.page.has_more


def test_empty_timeline_with_dates_suggests_dropping_the_date_window(uow: FakeUnitOfWork) -> None:
    result = show_timeline(TimelineQuery(terms=["walked"], since=date(2031, 4, 1)), uow=uow)
    assert result.entries == []
    assert result.suggestion == "Try without the date window: /timeline walked"
    assert result.query.describe() == "walked since 2031-04-01"


def test_empty_result_with_several_words_suggests_fewer_words(uow: FakeUnitOfWork) -> None:
    result = show_figures(FiguresQuery(terms=["stranded", "zeppelins"]), uow=uow)
    assert result.groups == [] and result.suggestion == "Try fewer words: /figures zeppelins"


def test_empty_store_suggests_ingesting() -> None:
    result = show_quotes(WhoSaidQuery(), uow=FakeUnitOfWork())
    assert result.matched == "none" and result.suggestion is not None and "ingest" in result.suggestion


def test_whosaid_by_surname_returns_that_persons_quotes(uow: FakeUnitOfWork) -> None:
    result = show_quotes(WhoSaidQuery(terms=["okafor"]), uow=uow)
    assert result.matched == "person" and [p.name for p in result.people] == ["Ada Okafor"]
    assert {q.speaker for q in result.quotes} == {"Ada Okafor"} and len(result.quotes) == 2
    assert result.quotes[0].speaker_role == "union leader"
    assert result.quotes[0].source.outlet == "Harbour Post" and result.quotes[0].said_on == date(2031, 3, 4)


def test_whosaid_fills_a_missing_role_from_what_is_known_of_the_person(uow: FakeUnitOfWork) -> None:
    post = uow.articles.rows[0].id
    uow.quotes.add_many(post, [(_quote("We are ready.", "Ada Okafor", None), 1)])
    result = show_quotes(WhoSaidQuery(terms=["Okafor"]), uow=uow)
    assert {q.speaker_role for q in result.quotes} == {"union leader"}


def test_whosaid_by_full_name_matches_the_person(uow: FakeUnitOfWork) -> None:
    assert show_quotes(WhoSaidQuery(terms=["Ada", "Okafor"]), uow=uow).matched == "person"


def test_whosaid_topic_searches_quote_text_when_no_person_matches(uow: FakeUnitOfWork) -> None:
    result = show_quotes(WhoSaidQuery(terms=["wages"]), uow=uow)
    assert result.matched == "topic" and result.people == []
    assert [q.speaker for q in result.quotes] == ["Tomas Lind", "Ada Okafor"]  # newest article first


def test_whosaid_pages_with_limit_and_offset(uow: FakeUnitOfWork) -> None:
    first = show_quotes(WhoSaidQuery(terms=["Okafor"], limit=1), uow=uow)
    second = show_quotes(WhoSaidQuery(terms=["Okafor"], limit=1, offset=1), uow=uow)
    assert first.page.has_more and not second.page.has_more
    assert first.quotes[0].text != second.quotes[0].text


def test_figures_group_reports_of_the_same_thing_and_flag_same_day_disagreement(uow: FakeUnitOfWork) -> None:
    result = show_figures(FiguresQuery(terms=["containers"]), uow=uow)
    [group] = result.groups
    assert group.about == "containers stranded" and group.unit == "container" and group.conflict
    assert [(r.value, r.bound, r.source.outlet) for r in group.reports] == [
        (1500, ">", "Coast Wire"),
        (1250, "~", "Dock Daily"),
        (1200, "~", "Harbour Post"),
    ]  # newest first


def test_figures_close_enough_given_their_bounds_do_not_disagree(uow: FakeUnitOfWork) -> None:
    # "about 1,200" and "about 1,250" can both hold; "more than 1,500" cannot hold with either.
    [group] = show_figures(FiguresQuery(terms=["containers"], until=date(2031, 3, 5)), uow=uow).groups
    assert not group.conflict
    assert (group.low, group.high) == (1200, 1250)  # the values reported, nothing between


def test_figures_without_a_subject_are_never_grouped_together(uow: FakeUnitOfWork) -> None:
    result = show_figures(FiguresQuery(), uow=uow)
    assert len(result.groups) == 2 and not any(g.conflict for g in result.groups if g.about is None)


def test_answer_reads_a_whole_command_line(uow: FakeUnitOfWork) -> None:
    result = answer("/whosaid Okafor limit 1", uow=uow, today=TODAY)
    assert not isinstance(result, HelpResult)
    assert result.page.limit == 1 and result.page.total == 2


def test_command_help_is_answered_with_help_text(uow: FakeUnitOfWork) -> None:
    result = run_command("timeline", "help", uow=uow, today=TODAY)
    assert isinstance(result, HelpResult) and result.text.startswith("/timeline [topic]")


def test_unknown_command_raises_query_error(uow: FakeUnitOfWork) -> None:
    with pytest.raises(QueryError, match="unknown command '/weather'"):
        answer("/weather tomorrow", uow=uow, today=TODAY)


def test_figures_that_count_the_topic_come_before_figures_only_in_its_sentence() -> None:
    uow = FakeUnitOfWork()
    post = _article(uow, "Harbour Post", date(2031, 3, 4))
    uow.figures.add_many(
        post,
        [
            NewFigure(
                text="12 cranes",
                value=12,
                unit="crane",
                about="cranes",
                sentence="12 cranes idle as ships wait.",
                start=0,
                end=9,
            ),
            NewFigure(
                text="40 ships",
                value=40,
                unit="ship",
                about="ships",
                sentence="40 ships wait.",
                start=0,
                end=8,
            ),
        ],
    )
    result = show_figures(FiguresQuery(terms=["ships"]), uow=uow)
    assert [g.about for g in result.groups] == ["ships", "cranes"]


def test_timeline_shows_twenty_events_by_default_and_the_others_ten(uow: FakeUnitOfWork) -> None:
    timeline = run_command("timeline", "", uow=uow, today=TODAY)
    quotes = run_command("whosaid", "", uow=uow, today=TODAY)
    explicit = run_command("timeline", "limit 2", uow=uow, today=TODAY)
    assert not isinstance(timeline, HelpResult) and not isinstance(quotes, HelpResult)
    assert not isinstance(explicit, HelpResult)
    assert (timeline.page.limit, quotes.page.limit, explicit.page.limit) == (20, 10, 2)
