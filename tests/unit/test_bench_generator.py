"""The benchmark's article generator: deterministic, varied, and written so the extractor finds facts."""

from __future__ import annotations

from bench.generator import ArticleGenerator
from extract import extract


def test_generator_gives_the_same_articles_for_the_same_seed() -> None:
    first = [a.as_file() for a in ArticleGenerator(7).articles(30)]
    again = [a.as_file() for a in ArticleGenerator(7).articles(30)]
    other = [a.as_file() for a in ArticleGenerator(8).articles(30)]
    assert first == again
    assert first != other


def test_generated_articles_are_unique_and_spread_over_days_and_outlets() -> None:
    articles = list(ArticleGenerator(3).articles(200))
    assert len({a.text for a in articles}) == 200
    assert len({a.url for a in articles}) == 200
    assert len({a.outlet for a in articles}) >= 8
    assert (articles[-1].published - articles[0].published).days >= 10
    per_day: dict[object, int] = {}
    for a in articles:
        per_day[a.published] = per_day.get(a.published, 0) + 1
    assert max(per_day.values()) >= 4  # several stories a day


def test_extractor_finds_the_dated_events_quotes_speakers_and_figures_the_generator_wrote() -> None:
    for article in ArticleGenerator(5).articles(20):
        found = extract(article.text, article.published)
        speakers = {q.speaker for q in found.quotes}
        written = {speaker for speaker, _, _, kind in article.facts.quotes if kind == "direct"}
        assert written <= speakers, (written - speakers, article.text)
        assert {e.date for e in found.events} & {d.isoformat() for d, *_ in article.facts.events}
        units = {f.unit for f in found.figures}
        assert {"USD", "percent"} <= units, (units, article.text)
