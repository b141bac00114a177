import io
from datetime import date

from bot.console.render import render
from bot.console.shell import Shell
from handlers.ask import Answer, HelpResult
from handlers.domain import ArticleRef, Page, Person
from handlers.results import (
    FigureGroup,
    FigureReport,
    FiguresQuery,
    FiguresResult,
    QueryError,
    QuoteEntry,
    TimelineEntry,
    TimelineQuery,
    TimelineResult,
    WhoSaidQuery,
    WhoSaidResult,
)

POST = ArticleRef(
    id=1, url="https://post.example/a", title="Walkout", outlet="Harbour Post", published=date(2031, 3, 4)
)
WIRE = ArticleRef(id=2, url=None, title="Offer", outlet="Coast Wire", published=date(2031, 3, 6))


def _timeline() -> TimelineResult:
    entries = [
        TimelineEntry(
            date="2031-03-03", precision="day", summary="Dockworkers walked out", sources=[POST, WIRE]
        ),
        TimelineEntry(date="2031-03-03", precision="day", summary="Ships queued offshore", sources=[WIRE]),
        TimelineEntry(date="2031-03-05", precision="day", summary="Owners offered a raise", sources=[WIRE]),
    ]
    return TimelineResult(
        query=TimelineQuery(terms=["port"]), entries=entries, page=Page(total=3, offset=0, limit=10)
    )


def test_timeline_groups_entries_under_their_date_with_every_source() -> None:
    text = render(_timeline())
    assert text.splitlines()[0] == "Timeline: port (3 events)"
    assert text.count("2031-03-03\n") == 1
    assert (
        "  • Dockworkers walked out\n      Harbour Post, 2031-03-04, https://post.example/a\n"
        "      Coast Wire, 2031-03-06\n" in text
    )
    assert "More" not in text


def test_whosaid_line_is_speaker_role_quote_outlet_date_link() -> None:
    quote = QuoteEntry(
        speaker="Ada Okafor",
        speaker_role="union leader",
        text="We will not unload a ship.",
        kind="direct",
        said_on=date(2031, 3, 4),
        source=POST,
    )
    result = WhoSaidResult(
        query=WhoSaidQuery(terms=["Okafor"]),
        matched="person",
        people=[Person(id=1, name="Ada Okafor")],
        quotes=[quote],
        page=Page(total=1, offset=0, limit=10),
    )
    text = render(result)
    assert text.startswith("Quotes by Ada Okafor (1 quote)")
    assert (
        "Ada Okafor, union leader — “We will not unload a ship.” — Harbour Post, 2031-03-04, "
        "https://post.example/a"
    ) in text


def test_figures_show_bound_words_unit_and_disagreement() -> None:
    reports = [
        FigureReport(
            text="more than 800 drones",
            value=800,
            unit="drone",
            bound=">",
            about="drones launched",
            sentence="...",
            source=POST,
        ),
        FigureReport(
            text="around 730 drones",
            value=730,
            unit="drone",
            bound="~",
            about="drones launched",
            sentence="...",
            source=WIRE,
        ),
    ]
    result = FiguresResult(
        query=FiguresQuery(terms=["drones"]),
        groups=[FigureGroup(about="drones launched", unit="drone", reports=reports, conflict=True)],
        page=Page(total=2, offset=0, limit=10),
    )
    text = render(result)
    assert "drones launched  [sources disagree]" in text
    assert "  over 800 drones — “more than 800 drones” — Harbour Post, 2031-03-04" in text
    assert "  about 730 drones — “around 730 drones” — Coast Wire, 2031-03-06" in text


def test_empty_result_says_what_was_searched_and_what_to_try() -> None:
    result = TimelineResult(
        query=TimelineQuery(terms=["harbour"], since=date(2031, 4, 1)),
        entries=[],
        page=Page(total=0, offset=0, limit=10),
        suggestion="Try without the date window",
    )
    assert render(result) == "Nothing found for harbour since 2031-04-01.\nTry without the date window"


def test_more_line_when_another_page_exists() -> None:
    result = _timeline().model_copy(update={"page": Page(total=25, offset=10, limit=10)})
    assert render(result, more_hint="say more").endswith("More: showing 11–20 of 25; say more.")


def test_shell_answers_help_more_and_errors_without_a_terminal() -> None:
    asked: list[tuple[str, int]] = []

    def ask(line: str, offset: int) -> Answer:
        asked.append((line, offset))
        if "bad" in line:
            raise QueryError("limit must be from 1 to 50, not 99.")
        return _timeline().model_copy(update={"page": Page(total=25, offset=offset, limit=10)})

    out = io.StringIO()
    stdin = io.StringIO(
        "help\ntimeline port\nmore\n\n# a comment\n/timeline bad\nexit\n/timeline after exit\n"
    )
    assert Shell(ask, stdin=stdin, stdout=out, interactive=False, history=None).run() == 0
    assert asked == [("/timeline port", 0), ("/timeline port", 10), ("/timeline bad", 0)]
    text = out.getvalue()
    assert "/figures [topic]" in text and "Sorry: limit must be from 1 to 50" in text
    assert "briefbot>" not in text  # no prompts when reading a pipe


def test_shell_more_before_anything_asked_says_so() -> None:
    out = io.StringIO()
    Shell(
        lambda line, offset: HelpResult(text=""),
        stdin=io.StringIO("more\n"),
        stdout=out,
        interactive=False,
        history=None,
    ).run()
    assert "ask something first" in out.getvalue()


def test_progress_bar_draws_on_a_terminal_and_stays_silent_in_a_pipe() -> None:
    from bot.console.progress import Progress

    tty = io.StringIO()
    bar = Progress(4, stream=tty, enabled=True)
    bar.step("a.txt")
    bar.step("b.txt")
    assert "[###############---------------] 2/4 b.txt" in tty.getvalue()
    pipe = io.StringIO()
    Progress(4, stream=pipe).step("a.txt")  # StringIO is not a terminal
    assert pipe.getvalue() == ""


def test_partial_quote_keeps_its_own_marks_and_gets_no_second_pair() -> None:
    quotes = [
        QuoteEntry(
            speaker="Tomas Lind",
            text='the walkout was "reckless and unnecessary"',
            kind="partial",
            source=POST,
        ),
        QuoteEntry(speaker="Tomas Lind", text="reckless", kind="partial", source=POST),
    ]
    result = WhoSaidResult(
        query=WhoSaidQuery(terms=["Lind"]),
        matched="person",
        quotes=quotes,
        page=Page(total=2, offset=0, limit=10),
    )
    text = render(result)
    assert 'Tomas Lind said the walkout was "reckless and unnecessary" — Harbour Post' in text
    assert "Tomas Lind said “reckless” — Harbour Post" in text


def test_timeline_shows_what_is_still_to_come_apart_from_what_happened() -> None:
    from bot.console.render import render_timeline as console_timeline
    from bot.slack.limits import violations
    from bot.slack.render import render_timeline as slack_timeline
    from handlers.results import TimelineEntry, TimelineQuery, TimelineResult

    def entry(day: str, summary: str, *, scheduled: bool = False) -> TimelineEntry:
        return TimelineEntry(date=day, precision="day", summary=summary, sources=[POST], scheduled=scheduled)

    result = TimelineResult(
        query=TimelineQuery(terms=["ferry"]),
        entries=[
            entry("2031-03-01", "The ferry strike began."),
            entry("2031-03-03", "Talks on the ferry are set.", scheduled=True),
            entry("2031-03-09", "Ferry crews will vote on the offer."),  # after its report's day
        ],
        page=Page(total=3, offset=0, limit=10),
    )
    text = console_timeline(result)
    assert text.index("The ferry strike began.") < text.index("Coming up (as reported):")
    assert text.index("Coming up (as reported):") < text.index("Talks on the ferry are set.")
    assert text.index("Coming up (as reported):") < text.index("Ferry crews will vote")
    slack = str(slack_timeline(result).payload())
    assert "Coming up (as reported)" in slack and violations(slack_timeline(result).payload()) == []
