"""Very long article texts are cut at a paragraph end before extraction, and the result says so."""

from __future__ import annotations

from datetime import date

import pytest

from bot.bootstrap import build
from bot.settings import Settings
from extract import Extraction
from handlers.article_size import MAX_ARTICLE_CHARS, CappedExtractor, cap_article
from handlers.ingest import ingest_article
from handlers.results import IngestArticle
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock(date(2031, 3, 10))
PARAGRAPH = "The harbour council met again on Monday to discuss the strike at the docks."  # 75 chars


def _article(paragraphs: int) -> str:
    return "\n\n".join(f"{PARAGRAPH} ({i})" for i in range(paragraphs))


def test_a_text_within_the_limit_is_kept_whole() -> None:
    text = _article(3)
    assert cap_article(text, len(text)) == (text, None)


def test_a_long_text_is_cut_at_the_last_paragraph_end_within_the_limit() -> None:
    text = _article(100)
    kept, cut = cap_article(text, 1_000)
    assert cut is not None and len(kept) <= 1_000
    assert text.startswith(kept) and text[len(kept) : len(kept) + 2] == "\n\n"
    assert kept.endswith(")")  # a whole paragraph, "... docks. (11)"
    assert (cut.kept, cut.original, cut.limit) == (len(kept), len(text), 1_000)
    assert "of 8," in cut.describe() and "1,000 characters" in cut.describe()


@pytest.mark.parametrize(
    ("text", "ends_with"),
    [
        ("one line. " * 300, "line."),  # no paragraph or line end: after a sentence
        ("word " * 600, "word"),  # no sentence end: at a space
        ("x" * 3_000, "x"),  # nothing at all: at the limit
    ],
)
def test_without_a_paragraph_end_the_cut_falls_back_to_a_sentence_a_space_the_limit(
    text: str, ends_with: str
) -> None:
    kept, cut = cap_article(text, 1_000)
    assert cut is not None and 500 <= len(kept) <= 1_000 and kept.endswith(ends_with)
    assert text.startswith(kept)


def _recording_extractor(seen: list[str], max_chars: int | None = None) -> object:
    def record(text: str, published: date | None) -> Extraction:
        seen.append(text)
        return Extraction()

    if max_chars is None:
        return record

    class Capped(CappedExtractor):
        def __call__(self, text: str, published: date | None) -> Extraction:
            return record(text, published)

    return Capped(max_chars=max_chars)


def _cmd(text: str) -> IngestArticle:
    return IngestArticle(text=text, url="https://harbour.example/long", published=date(2031, 3, 4))


def test_ingest_stores_a_too_long_article_cut_and_says_so() -> None:
    seen: list[str] = []
    uow = FakeUnitOfWork()
    text = _article(100)
    result = ingest_article(_cmd(text), uow=uow, extractor=_recording_extractor(seen, 2_000), clock=CLOCK)  # type: ignore[arg-type]
    assert result.status == "stored" and result.cut_from == len(text)
    assert "text cut to its first" in result.message and "2,000 characters" in result.message
    [read] = seen
    assert len(read) <= 2_000 and text.startswith(read)
    assert uow.articles.texts[1] == read  # the article is stored as it was read
    # polled again, the same long text is the article already stored, not a new one
    again = ingest_article(_cmd(text), uow=uow, extractor=_recording_extractor(seen, 2_000), clock=CLOCK)  # type: ignore[arg-type]
    assert again.status == "duplicate" and uow.articles.count() == 1


def test_any_extractor_reads_at_most_the_default_limit() -> None:
    seen: list[str] = []
    text = _article(MAX_ARTICLE_CHARS // 70)
    assert len(text) > MAX_ARTICLE_CHARS
    result = ingest_article(
        _cmd(text), uow=FakeUnitOfWork(), extractor=_recording_extractor(seen), clock=CLOCK
    )  # type: ignore[arg-type]
    assert len(seen[0]) <= MAX_ARTICLE_CHARS and result.cut_from == len(text)


def test_an_article_within_the_limit_says_nothing_of_a_cut() -> None:
    seen: list[str] = []
    result = ingest_article(
        _cmd(_article(3)), uow=FakeUnitOfWork(), extractor=_recording_extractor(seen), clock=CLOCK
    )  # type: ignore[arg-type]
    assert result.cut_from is None and "cut" not in result.message and seen == [_article(3)]


def test_the_setting_reaches_the_extractor_the_application_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().max_article_chars == MAX_ARTICLE_CHARS
    monkeypatch.setenv("BRIEFBOT_MAX_ARTICLE_CHARS", "50000")
    container = build(Settings(database_url="sqlite://"))
    try:
        assert isinstance(container.extractor, CappedExtractor)
        assert container.extractor.max_chars == 50_000
    finally:
        container.close()


def test_a_limit_too_small_to_hold_an_article_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFBOT_MAX_ARTICLE_CHARS", "10")
    with pytest.raises(ValueError, match="BRIEFBOT_MAX_ARTICLE_CHARS"):
        Settings()
