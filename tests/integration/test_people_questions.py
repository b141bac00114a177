"""/whosaid and the people it is asked about (issue 19), on SQLite and PostgreSQL: titles in front
are dropped, middle names may differ, and a misspelt name gets "did you mean" from the stored
people, only when asking with the suggested name finds something."""

from __future__ import annotations

from handlers.commands import show_figures, show_quotes, show_timeline
from handlers.results import FiguresQuery, TimelineQuery, WhoSaidQuery
from handlers.tenancy import ALL_WORKSPACES
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, new_article, quote, store_article


def _person_with_a_quote(uow: SqlUnitOfWork, name: str, said: str, article: str) -> int:
    with uow:
        person = uow.people.upsert(name, kind="person", aliases=[], roles=[])
        uow.commit()
    store_article(uow, article, quotes=[(quote(said, name), person.id)])
    return person.id


def _whosaid(uow: SqlUnitOfWork, *terms: str) -> tuple[str, list[str], str | None]:
    result = show_quotes(WhoSaidQuery(terms=list(terms)), uow=uow)
    return result.matched, [q.text for q in result.quotes], result.suggestion


def test_titles_in_front_of_a_name_are_dropped(uow: SqlUnitOfWork) -> None:
    _person_with_a_quote(uow, "Helena Marsh", "The clinic opens in May", "a")
    for typed in (["Dr.", "Helena", "Marsh"], ["Prof", "Helena", "Marsh"], ["former", "Minister", "Marsh"]):
        assert _whosaid(uow, *typed)[:2] == ("person", ["The clinic opens in May"]), typed


def test_a_title_that_is_part_of_a_stored_name_is_kept(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.people.upsert("General Castellan", kind="organization", aliases=[], roles=[])
        uow.people.upsert("Ana Castellan", kind="person", aliases=[], roles=[])
        uow.commit()
    with uow.of(ALL_WORKSPACES):  # name matching itself (neither is quoted in a workspace's articles)
        assert [p.name for p in uow.people.find("General Castellan")] == ["General Castellan"]


def test_full_names_differing_in_a_middle_name_match(uow: SqlUnitOfWork) -> None:
    _person_with_a_quote(uow, "Helena Jane Marsh", "Waiting lists are shorter", "a")
    _person_with_a_quote(uow, "Tomas Vinter", "The bridge will reopen", "b")
    for typed in ("Helena Marsh", "Helena J. Marsh", "H. Marsh", "Helena Jane Marsh"):
        assert _whosaid(uow, *typed.split())[:2] == ("person", ["Waiting lists are shorter"]), typed
    assert _whosaid(uow, "Tomas", "Erik", "Vinter")[:2] == ("person", ["The bridge will reopen"])
    assert _whosaid(uow, "Helena", "K.", "Marsh")[0] == "none"  # another middle name: someone else
    assert _whosaid(uow, "Irene", "Marsh")[0] == "none"


def test_a_misspelt_name_gets_did_you_mean_from_the_stored_people(uow: SqlUnitOfWork) -> None:
    _person_with_a_quote(uow, "Keith Kellogg", "Talks resume next week", "a")
    _person_with_a_quote(uow, "Volodymyr Zelensky", "We need air defence", "b")
    matched, quotes, suggestion = _whosaid(uow, "Kelog")
    assert (matched, quotes) == ("none", [])
    assert suggestion == "Did you mean Keith Kellogg? Try /whosaid Keith Kellogg"
    assert _whosaid(uow, "zelenksy")[2] == "Did you mean Volodymyr Zelensky? Try /whosaid Volodymyr Zelensky"
    assert _whosaid(uow, "Keith", "Kelog")[2] == "Did you mean Keith Kellogg? Try /whosaid Keith Kellogg"
    # What the suggestion says works.
    assert _whosaid(uow, "Keith", "Kellogg")[:2] == ("person", ["Talks resume next week"])


def test_no_suggestion_that_would_find_nothing(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.people.upsert("Keith Kellner", kind="person", aliases=[], roles=[])  # never quoted
        uow.commit()
    suggestion = _whosaid(uow, "Kelner")[2]
    assert suggestion is not None and "Did you mean" not in suggestion
    assert "Did you mean" not in (_whosaid(uow, "Xq")[2] or "")


def test_timeline_and_figures_suggest_a_stored_name_too(uow: SqlUnitOfWork) -> None:
    _person_with_a_quote(uow, "Marta Lindqvist", "The port stays open", "a")
    opened = event("Marta Lindqvist opened the ferry terminal", actors=["Marta Lindqvist"])
    with uow:
        article = uow.articles.add(new_article("b"))
        [event_id] = uow.events.add_many(article.id, [opened])
        assert event_id is not None
        uow.stories.start(event_id, date=opened.date, summary=opened.summary, actors=opened.actors, places=[])
        uow.commit()
    timeline = show_timeline(TimelineQuery(terms=["Lindqvst"]), uow=uow)
    assert timeline.entries == []
    assert timeline.suggestion == "Did you mean Marta Lindqvist? Try /timeline Marta Lindqvist"
    figures = show_figures(FiguresQuery(terms=["Lindqvst"]), uow=uow)
    assert "Did you mean" not in (figures.suggestion or "")  # no figure names her
