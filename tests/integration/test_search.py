from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, text

from handlers.domain import FactSearch, NewQuote
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, figure, quote, store_article


def _summaries(uow: SqlUnitOfWork, *terms: str, **window: date) -> list[str]:
    with uow:
        records, _ = uow.events.search(FactSearch(terms=list(terms), **window))
    return [r.summary for r in records]


def test_event_search_ignores_plural_case_and_accents(uow: SqlUnitOfWork) -> None:
    store_article(
        uow,
        "a",
        events=[
            event("A drone struck a depot near Kyïv", places=["Kyïv"]),
            event("Talks on grain exports resumed in Geneva"),
        ],
    )
    assert _summaries(uow, "DRONES") == ["A drone struck a depot near Kyïv"]
    assert _summaries(uow, "kyiv") == ["A drone struck a depot near Kyïv"]
    assert _summaries(uow, "Export") == ["Talks on grain exports resumed in Geneva"]
    assert _summaries(uow, "submarines") == []


def test_old_and_new_spellings_of_a_city_find_each_other(uow: SqlUnitOfWork) -> None:
    store_article(uow, "a", events=[event("Air defence was active over Kiev", when="2025-03-01")])
    store_article(uow, "b", events=[event("Power returned to Kyiv districts", when="2025-03-02")])
    assert _summaries(uow, "Kyiv") == ["Air defence was active over Kiev", "Power returned to Kyiv districts"]
    assert _summaries(uow, "kiev") == _summaries(uow, "Kyiv")


def test_event_search_matches_actors_and_places_not_only_the_summary(uow: SqlUnitOfWork) -> None:
    store_article(
        uow, "a", events=[event("Ministers signed the accord", actors=["Lithuania"], places=["Vilnius"])]
    )
    assert _summaries(uow, "vilnius") == ["Ministers signed the accord"]
    assert _summaries(uow, "lithuania", "accord") == ["Ministers signed the accord"]


def test_multi_word_topics_need_every_word(uow: SqlUnitOfWork) -> None:
    store_article(
        uow,
        "a",
        events=[
            event("Floods closed the rail line", when="2025-01-01"),
            event("Floods damaged crops", when="2025-01-02"),
            event("The rail strike ended", when="2025-01-03"),
        ],
    )
    assert _summaries(uow, "rail floods") == ["Floods closed the rail line"]
    assert _summaries(uow, "the floods") == ["Floods closed the rail line", "Floods damaged crops"]


def test_events_come_oldest_first_and_the_window_keeps_overlapping_dates(uow: SqlUnitOfWork) -> None:
    store_article(
        uow,
        "a",
        events=[
            event("Budget vote in June", when="2024-06-20"),
            event("Budget drafted in spring", when="2024-03"),
            event("Budget cycle of the year", when="2024"),
            event("Budget revision in autumn", when="2024-10-02"),
        ],
    )
    assert _summaries(uow, "budget") == [
        "Budget cycle of the year",
        "Budget drafted in spring",
        "Budget vote in June",
        "Budget revision in autumn",
    ]
    assert _summaries(uow, "budget", since=date(2024, 3, 15), until=date(2024, 6, 30)) == [
        "Budget cycle of the year",
        "Budget drafted in spring",
        "Budget vote in June",
    ]
    assert _summaries(uow, "budget", since=date(2024, 7, 1)) == [
        "Budget cycle of the year",
        "Budget revision in autumn",
    ]


def test_limit_and_offset_page_through_results_and_total_counts_them_all(uow: SqlUnitOfWork) -> None:
    store_article(
        uow, "a", events=[event(f"Wildfire number {i}", when=f"2023-05-{i + 1:02d}") for i in range(7)]
    )
    with uow:
        first, total = uow.events.search(FactSearch(terms=["wildfires"], limit=3))
        last, total_again = uow.events.search(FactSearch(terms=["wildfires"], limit=3, offset=6))
        everything, everything_total = uow.events.search(FactSearch(limit=100))
    assert total == total_again == everything_total == 7
    assert [e.summary for e in first] == ["Wildfire number 0", "Wildfire number 1", "Wildfire number 2"]
    assert [e.summary for e in last] == ["Wildfire number 6"]
    assert len(everything) == 7


def test_alternate_spellings_of_a_surname_find_the_same_quotes(uow: SqlUnitOfWork) -> None:
    with uow:
        person = uow.people.upsert("Volodymyr Zelenskyy", kind="person", aliases=[], roles=["president"])
        uow.commit()
    store_article(uow, "a", quotes=[(quote("We need more air defence", "Volodymyr Zelenskyy"), person.id)])
    for spelling in ("Zelensky", "zelenskiy", "ZELENSKYY", "Zelenskyy's"):
        with uow:
            records, total = uow.quotes.search(FactSearch(terms=[spelling]))
        assert total == 1, spelling
        assert records[0].speaker == "Volodymyr Zelenskyy"
        assert records[0].person_id == person.id


def test_a_surname_finds_the_quotes_of_that_person(uow: SqlUnitOfWork) -> None:
    with uow:
        sybiha = uow.people.upsert("Andrii Sybiha", kind="person", aliases=[], roles=["foreign minister"])
        other = uow.people.upsert("Kaja Kallas", kind="person", aliases=[], roles=[])
        uow.commit()
    store_article(
        uow,
        "a",
        quotes=[
            (quote("Pressure must continue", "Andrii Sybiha"), sybiha.id),
            (quote("Europe stands ready", "Kaja Kallas"), other.id),
        ],
    )
    with uow:
        by_topic, _ = uow.quotes.search(FactSearch(terms=["sybiha"]))
        by_person, _ = uow.quotes.search(FactSearch(person_ids=[sybiha.id]))
        by_person_and_topic, _ = uow.quotes.search(FactSearch(terms=["europe"], person_ids=[sybiha.id]))
    assert [q.text for q in by_topic] == ["Pressure must continue"]
    assert [q.text for q in by_person] == ["Pressure must continue"]
    assert by_person_and_topic == []


def test_an_alias_learned_later_finds_earlier_quotes(uow: SqlUnitOfWork) -> None:
    with uow:
        person = uow.people.upsert("World Health Organization", kind="organization", aliases=[], roles=[])
        uow.commit()
    store_article(uow, "a", quotes=[(quote("Cases are falling", "World Health Organization"), person.id)])
    with uow:
        assert uow.quotes.search(FactSearch(terms=["WHO"]))[1] == 0
        uow.people.upsert("World Health Organization", kind="organization", aliases=["WHO"], roles=[])
        uow.commit()
    with uow:
        assert uow.quotes.search(FactSearch(terms=["who"]))[1] == 1


def test_quotes_and_figures_come_newest_article_first_and_filter_on_publication(uow: SqlUnitOfWork) -> None:
    for day in (3, 1, 2):
        store_article(
            uow,
            f"article of day {day}",
            published=date(2025, 2, day),
            quotes=[(quote(f"Tariffs hurt us, day {day}", "Ann Lee"), None)],
            figures=[figure(f"{day} billion dollars", day * 1e9, unit="USD", about="tariff revenue")],
        )
    with uow:
        quotes, quote_total = uow.quotes.search(FactSearch(terms=["tariff"]))
        figures, _ = uow.figures.search(FactSearch(terms=["tariffs"], since=date(2025, 2, 2)))
        early, _ = uow.figures.search(FactSearch(terms=["revenue"], until=date(2025, 2, 1)))
    assert quote_total == 3
    assert [q.article.published for q in quotes] == [date(2025, 2, 3), date(2025, 2, 2), date(2025, 2, 1)]
    assert [f.value for f in figures] == [3e9, 2e9]
    assert [f.value for f in early] == [1e9]


def test_figure_search_matches_unit_subject_and_sentence(uow: SqlUnitOfWork) -> None:
    store_article(
        uow,
        "a",
        figures=[
            figure(
                "3,400 tonnes",
                3400,
                unit="tonnes",
                about="wheat shipped",
                sentence="Ships carried 3,400 tonnes of wheat from the port.",
            ),
            figure("15%", 15, unit="percent", about="inflation", sentence="Inflation reached 15% in May."),
        ],
    )
    with uow:
        assert [f.text for f in uow.figures.search(FactSearch(terms=["tonne"]))[0]] == ["3,400 tonnes"]
        assert [f.text for f in uow.figures.search(FactSearch(terms=["ports"]))[0]] == ["3,400 tonnes"]
        assert [f.text for f in uow.figures.search(FactSearch(terms=["Inflation"]))[0]] == ["15%"]
        assert [f.text for f in uow.figures.search(FactSearch(terms=["3400"]))[0]] == ["3,400 tonnes"]


def test_transliterated_group_names_match(uow: SqlUnitOfWork) -> None:
    store_article(uow, "a", events=[event("Al-Qaida claimed the attack", when="2019-04-01")])
    assert _summaries(uow, "al qaeda") == ["Al-Qaida claimed the attack"]


def test_search_operators_and_punctuation_in_a_topic_are_plain_words(uow: SqlUnitOfWork) -> None:
    store_article(uow, "a", events=[event("Vote or not: the NEAR-term plan and its critics")])
    with uow:
        for terms in (
            ["or", "not"],
            ["NEAR"],
            ['"plan'],
            ["plan*"],
            ["critics:"],
            ["(plan"],
            ["!", "&", "|"],
        ):
            records, total = uow.events.search(FactSearch(terms=terms))
            assert total == len(records) == 1, terms
        assert uow.events.search(FactSearch(terms=["AND", "budget"]))[1] == 0


def test_a_speakers_role_finds_their_quotes(uow: SqlUnitOfWork) -> None:
    said = NewQuote(
        text="The harvest will be late",
        kind="direct",
        speaker="Pia Holm",
        speaker_role="agriculture minister",
        start=0,
        end=10,
    )
    store_article(uow, "a", quotes=[(said, None)])
    with uow:
        assert uow.quotes.search(FactSearch(terms=["ministers"]))[1] == 1


def test_facts_are_found_both_merged_into_the_index_and_waiting_in_its_pending_list(
    uow: SqlUnitOfWork,
    engine: Engine,
) -> None:
    # PostgreSQL's full-text indexes take new facts into a pending list (migration 0010), merged
    # later: a search must find a fact wherever it is.
    store_article(uow, "a", events=[event("Ferry service to the islands resumed", when="2025-04-01")])
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            merged = conn.scalar(text("SELECT gin_clean_pending_list('ix_events_search_vector'::regclass)"))
            options = conn.scalar(
                text("SELECT reloptions FROM pg_class WHERE relname = 'ix_events_search_vector'")
            )
        assert merged and merged > 0  # the first fact was pending, and is now in the tree
        assert set(options) == {"fastupdate=on", "gin_pending_list_limit=256"}
    store_article(uow, "b", events=[event("Ferry crews went on strike", when="2025-04-02")])
    assert _summaries(uow, "ferry") == ["Ferry service to the islands resumed", "Ferry crews went on strike"]
