import contextlib
from collections.abc import Iterator
from datetime import date

import pytest

from extract import Entity, Event, Extraction, Figure, Quote
from handlers import ingest
from handlers.ingest import content_hash, ingest_article, ingest_batch, ingest_batches
from handlers.ports import WaitWork
from handlers.results import IngestArticle
from tests.fakes import FakeUnitOfWork, FixedClock

TEXT = (
    "Dockworkers walked out at the port of Velmora on Monday.\n"
    '"We will not unload a single ship," said Ada Okafor, the union leader. '
    "About 1,200 containers are stranded.\n"
    'Okafor later said: "The owners know where to find us."'
)
CLOCK = FixedClock(date(2031, 3, 10))


def _extraction(text: str, published: date | None) -> Extraction:
    quote1 = text.index("We will")
    quote2 = text.index("The owners")
    fig = text.index("About 1,200")
    return Extraction(
        events=[
            Event(
                date="2031-03-03",
                start=0,
                end=text.index("\n"),
                summary="Dockworkers walked out at the port of Velmora",
                places=["Velmora"],
            )
        ],
        quotes=[
            Quote(
                text="We will not unload a single ship,",
                start=quote1,
                end=quote1 + 33,
                speaker="Ada Okafor",
                speaker_kind="person",
                speaker_role="the union leader",
                cue="said",
            ),
            Quote(
                text="The owners know where to find us.",
                start=quote2,
                end=quote2 + 34,
                speaker="Ada Okafor",
                speaker_kind="person",
                cue="said",
            ),
        ],
        figures=[
            Figure(
                text="About 1,200 containers",
                start=fig,
                end=fig + 22,
                value=1200,
                unit="container",
                bound="~",
                about="containers stranded",
            )
        ],
        entities=[Entity(name="Ada Okafor", kind="person", aliases=["Okafor"], roles=["union leader"])],
    )


def _cmd(text: str = TEXT, **kw: object) -> IngestArticle:
    return IngestArticle(
        text=text,
        url="https://harbour.example/strike",
        title="Strike",
        outlet="Harbour Post",
        published=date(2031, 3, 4),
        **kw,
    )  # type: ignore[arg-type]


def test_ingest_stores_article_events_quotes_figures_and_speaker_in_one_commit() -> None:
    uow = FakeUnitOfWork()
    result = ingest_article(_cmd(), uow=uow, extractor=_extraction, clock=CLOCK)
    assert result.status == "stored"
    assert (result.events, result.quotes, result.figures, result.people) == (1, 2, 1, 1)
    assert "1 event, 2 quotes, 1 figure, 1 speaker" in result.message
    assert uow.commits == 1
    assert uow.articles.count() == 1
    [person] = uow.people.rows
    assert person.name == "Ada Okafor" and person.aliases == ["Okafor"]
    assert set(person.roles) == {"union leader", "the union leader"}
    assert {q.person_id for q in uow.quotes.rows} == {person.id}
    [figure] = uow.figures.rows
    assert figure.sentence == "About 1,200 containers are stranded."
    assert figure.article.outlet == "Harbour Post"
    [event] = uow.events.rows
    assert event.sentence == "Dockworkers walked out at the port of Velmora on Monday."


def test_ingest_same_text_twice_reports_duplicate_and_changes_nothing() -> None:
    uow = FakeUnitOfWork()
    ingest_article(_cmd(), uow=uow, extractor=_extraction, clock=CLOCK)
    rewrapped = TEXT.replace(" ", "  ").replace("\n", "\n\n")
    again = ingest_article(
        _cmd(rewrapped).model_copy(update={"url": None}), uow=uow, extractor=_extraction, clock=CLOCK
    )
    assert again.status == "duplicate" and again.ok
    assert again.article is not None and again.article.id == 1
    assert "already stored" in again.message
    assert uow.articles.count() == 1 and len(uow.quotes.rows) == 2 and uow.commits == 1


def test_ingest_same_url_with_other_text_is_a_duplicate() -> None:
    uow = FakeUnitOfWork()
    ingest_article(_cmd(), uow=uow, extractor=_extraction, clock=CLOCK)
    again = ingest_article(_cmd(TEXT + " Updated."), uow=uow, extractor=_extraction, clock=CLOCK)
    assert again.status == "duplicate"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_ingest_empty_text_is_rejected_with_nothing_written(text: str) -> None:
    uow = FakeUnitOfWork()
    result = ingest_article(_cmd(text), uow=uow, extractor=_extraction, clock=CLOCK)
    assert result.status == "rejected" and not result.ok
    assert "empty" in result.message
    assert uow.articles.count() == 0 and uow.commits == 0


def test_ingest_failing_store_leaves_nothing_half_written() -> None:
    uow = FakeUnitOfWork()

    def broken_add_many(article_id: int, figures: object) -> None:
        raise RuntimeError("disk full")

    uow.figures.add_many = broken_add_many  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        ingest_article(_cmd(), uow=uow, extractor=_extraction, clock=CLOCK)
    assert uow.articles.count() == 0 and uow.quotes.rows == [] and uow.people.rows == []


def test_ingest_failing_extractor_is_rejected_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    def broken(text: str, published: date | None) -> Extraction:
        raise ValueError("boom")

    uow = FakeUnitOfWork()
    result = ingest_article(_cmd(), uow=uow, extractor=broken, clock=CLOCK)
    assert result.status == "rejected" and "extraction failed" in result.message
    assert "extraction failed" in caplog.text
    assert uow.articles.count() == 0


def test_ingest_undated_article_is_extracted_against_today_but_stored_undated() -> None:
    seen: list[date | None] = []

    def spy(text: str, published: date | None) -> Extraction:
        seen.append(published)
        return Extraction()

    uow = FakeUnitOfWork()
    result = ingest_article(IngestArticle(text="Something happened."), uow=uow, extractor=spy, clock=CLOCK)
    assert result.status == "stored"
    assert seen == [date(2031, 3, 10)]
    assert uow.articles.rows[0].published is None


def test_speaker_seen_in_two_articles_is_one_person_with_merged_roles() -> None:
    uow = FakeUnitOfWork()
    ingest_article(_cmd(), uow=uow, extractor=_extraction, clock=CLOCK)

    def second(text: str, published: date | None) -> Extraction:
        return Extraction(
            quotes=[
                Quote(
                    text="We are ready to talk.",
                    start=0,
                    end=21,
                    speaker="Ada Okafor",
                    speaker_kind="person",
                    speaker_role="strike leader",
                )
            ],
            entities=[Entity(name="Ada Okafor", kind="person", aliases=["Ms Okafor"])],
        )

    ingest_article(
        IngestArticle(text="We are ready to talk, Okafor said."), uow=uow, extractor=second, clock=CLOCK
    )
    [person] = uow.people.rows
    assert "strike leader" in person.roles and "Ms Okafor" in person.aliases
    assert {q.person_id for q in uow.quotes.rows} == {person.id}


def test_content_hash_ignores_whitespace_but_not_words() -> None:
    assert content_hash("a  b\nc") == content_hash(" a b c ")
    assert content_hash("a b c") != content_hash("a b d")


def test_article_stored_by_someone_else_during_extraction_is_not_stored_twice() -> None:
    uow = FakeUnitOfWork()

    def racing_extractor(text: str, published: date | None) -> Extraction:
        # Another worker stores the same article while this one is still extracting.
        ingest_article(_cmd(), uow=uow, extractor=_extraction, clock=CLOCK)
        return _extraction(text, published)

    result = ingest_article(_cmd(), uow=uow, extractor=racing_extractor, clock=CLOCK)
    assert result.status == "duplicate"
    assert uow.articles.count() == 1 and len(uow.quotes.rows) == 2


class _LoggingUnitOfWork(FakeUnitOfWork):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    @contextlib.contextmanager
    def while_waiting(self, work: WaitWork | None) -> Iterator[None]:
        if work is not None:
            self.log.append("wait")
        with super().while_waiting(work):  # which calls the work once, as the block ends
            yield

    def commit(self) -> None:
        self.log.append("commit")
        super().commit()


def _named(name: str) -> IngestArticle:
    return IngestArticle(text=f"{name}: {TEXT}", published=date(2031, 3, 4))


def test_a_batch_is_extracted_while_the_one_before_is_written() -> None:
    log: list[str] = []

    def extractor(text: str, published: date | None) -> Extraction:
        log.append(f"extract {text.split(':')[0]}")
        return _extraction(text, published)

    uow = _LoggingUnitOfWork(log)
    batches = [[_named("a"), _named("b")], [_named("c"), _named("d")]]
    results = list(ingest_batches(batches, uow=uow, extractor=extractor, clock=CLOCK))
    assert [[r.status for r in batch] for batch in results] == [["stored", "stored"], ["stored", "stored"]]
    # The fake database waits once for the story look-ups and once for the commit: the next batch
    # is extracted then, an article each time.
    assert log == ["extract a", "extract b", "wait", "extract c", "wait", "commit", "extract d", "commit"]


def test_batches_one_after_another_give_what_each_batch_alone_gives() -> None:
    repeated = _named("a")
    batches = [
        [_named("a"), IngestArticle(text=" "), _named("b")],
        [repeated, _named("c"), _named("c")],  # stored in the batch before; twice in this one
        [_named("d")],
    ]
    one_by_one = FakeUnitOfWork()
    expected = [ingest_batch(b, uow=one_by_one, extractor=_extraction, clock=CLOCK) for b in batches]
    pipelined = FakeUnitOfWork()
    got = list(ingest_batches(batches, uow=pipelined, extractor=_extraction, clock=CLOCK))
    assert got == expected
    assert [r.status for r in got[1]] == ["duplicate", "stored", "duplicate"]
    assert pipelined.articles.count() == one_by_one.articles.count() == 4


def test_an_article_whose_step_failed_while_waiting_is_taken_again(monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[str] = []
    real_extract = ingest._Extraction._extract

    def flaky_extract(self: ingest._Extraction, i: int) -> None:
        name = self._cmds[i].text.split(":")[0]
        log.append(name)
        if log.count(name) == 1 and name == "c":  # first read while the first batch is written
            raise RuntimeError("a bug in the work done while waiting")
        real_extract(self, i)

    monkeypatch.setattr(ingest._Extraction, "_extract", flaky_extract)
    uow = _LoggingUnitOfWork(log)
    batches = [[_named("a"), _named("b")], [_named("c"), _named("d")]]
    results = list(ingest_batches(batches, uow=uow, extractor=_extraction, clock=CLOCK))
    assert log == ["a", "b", "wait", "c", "wait", "commit", "c", "d", "commit"]
    assert [r.status for batch in results for r in batch] == ["stored"] * 4
    assert uow.articles.count() == 4
