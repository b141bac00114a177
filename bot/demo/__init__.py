"""The demo: a sample corpus that ships with briefbot, loaded and questioned, with no configuration."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"

# Representative questions about the sample story (a six-day port strike in fictional Velmora, March 2025).
QUESTIONS = (
    "/timeline Velmora",
    "/whosaid Okafor",
    "/whosaid customers limit 3",
    "/figures ships",
    "/figures containers since 2025-03-05",
)


def corpus_files() -> list[Path]:
    """The sample articles, in publication order."""
    return sorted(CORPUS.glob("*.txt"))
