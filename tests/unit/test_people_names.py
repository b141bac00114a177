"""Speaker names at ingest: a title is a role, not part of the name."""

from __future__ import annotations

from datetime import date

from extract import Extraction, Quote
from handlers.ingest import ingest_article, split_title
from handlers.results import IngestArticle
from tests.fakes import FakeUnitOfWork, FixedClock


def test_titles_are_split_from_names_but_names_are_left_alone() -> None:
    assert split_title("Prime Minister Keir Starmer") == ("Keir Starmer", "Prime Minister")
    assert split_title("President Zelensky") == ("Zelensky", "President")
    assert split_title("Grace Foreign") == ("Grace Foreign", None)
    assert split_title("President") == ("President", None)


def test_a_titled_speaker_is_stored_under_the_plain_name_with_the_title_as_role() -> None:
    uow = FakeUnitOfWork()

    def extractor(text: str, published: date | None) -> Extraction:
        return Extraction(
            quotes=[
                Quote(
                    text="We hold",
                    start=1,
                    end=8,
                    speaker="President Ines Varga",
                    speaker_kind="person",
                    cue="said",
                )
            ]
        )

    ingest_article(
        IngestArticle(text='"We hold," said President Ines Varga.', published=date(2031, 3, 1)),
        uow=uow,
        extractor=extractor,
        clock=FixedClock(date(2031, 3, 2)),
    )
    [person] = uow.people.rows
    assert person.name == "Ines Varga" and person.roles == ["President"]
