"""The registry and its front door: finding commands, refusing, misreads, errors, renderers by type."""

from __future__ import annotations

from datetime import date

import pytest

from bot.console.render import render_text
from bot.slack.paging import MoreRequest
from bot.slack.render_result import render_result
from handlers.admin import AdminError, ProbeError
from handlers.catalog import default_registry
from handlers.desk import Ports
from handlers.errors import Misread, UserError
from handlers.front_door import FrontDoor
from handlers.paging import PageRequest
from handlers.registry import Call, Command, Registry
from handlers.results import HelpResult, QueryError, Refused
from handlers.schedule import ScheduleError
from handlers.stories import StoryError
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock(date(2025, 9, 10))


def door(surface: str = "slack", admins: frozenset[str] = frozenset({"UADMIN"})) -> FrontDoor:
    uow = FakeUnitOfWork()
    return FrontDoor(
        default_registry(), Ports(uow_factory=lambda: uow, clock=CLOCK, admin_ids=admins), surface
    )  # type: ignore[arg-type]


def ask(line: str, user: str = "UADMIN", surface: str = "slack") -> object:
    d = door(surface)
    return d.answer(line.split(), d.call(actor=user, channel="C1")).result


@pytest.mark.parametrize("error", [QueryError, AdminError, ProbeError, StoryError, ScheduleError, Misread])
def test_every_error_a_user_can_fix_is_a_user_error(error: type[Exception]) -> None:
    assert issubclass(error, UserError)


def test_the_longest_declared_path_wins_and_a_group_alone_runs_its_default() -> None:
    registry = default_registry()
    assert registry.find(["briefbot", "Sources", "ADD", "x"]).command.name == "briefbot sources add"  # type: ignore[union-attr]
    assert registry.find(["briefbot", "sources"]).command.name == "briefbot sources list"  # type: ignore[union-attr]
    assert registry.find(["briefbot"]).command.name == "briefbot help"  # type: ignore[union-attr]
    assert registry.find(["timeline", "port", "strike"]).args == ["port", "strike"]


def test_admin_commands_are_refused_before_their_words_are_read() -> None:
    # "sources every x y" would be an AdminError for an admin; a member is refused first.
    assert ask("briefbot sources every x y", user="UMEMBER") == Refused(what="managing sources")
    with pytest.raises(AdminError, match="Write it as /briefbot sources every ID MINUTES"):
        ask("briefbot sources every x y")


def test_words_a_group_cannot_read_get_its_help_with_a_note() -> None:
    result = ask("briefbot sources list extra")
    assert isinstance(result, HelpResult) and result.note == 'I don\'t understand "sources list extra".'
    stories = ask("briefbot stories split 1")
    assert isinstance(stories, HelpResult) and stories.note is not None
    assert stories.note.endswith(
        "/briefbot stories split STORY_ID EVENT_ID  (take a wrongly merged report out into its own story)"
    )
    unknown = ask("briefbot frobnicate")
    assert (
        isinstance(unknown, HelpResult)
        and unknown.note == 'I don\'t know "frobnicate". Here is what I can do:'
    )


def test_an_unknown_command_names_the_ones_there_are() -> None:
    with pytest.raises(QueryError, match=r"unknown command '/weather'; try /timeline, /whosaid or /figures"):
        ask("weather today", surface="console")


def test_slack_only_commands_are_not_answered_in_the_console() -> None:
    with pytest.raises(QueryError, match="unknown command '/briefbot'"):
        ask("briefbot sources list", surface="console")


def test_public_is_split_off_only_where_the_command_allows_it() -> None:
    d = door()
    reply = d.answer(["timeline", "port", "public"], d.call())
    assert reply.public and reply.text == "port"


def test_a_path_declared_twice_is_refused() -> None:
    command = default_registry().commands[("timeline",)]
    with pytest.raises(ValueError, match="timeline is declared twice"):
        Registry().add(command, command)


def test_every_result_kind_has_a_renderer_in_every_front_end_that_offers_it() -> None:
    missing_slack = render_result.dispatch(object)
    missing_console = render_text.dispatch(object)
    for command in default_registry().commands.values():
        for kind in command.result:
            assert render_result.dispatch(kind) is not missing_slack, (command.name, kind)
            if "console" in command.surfaces:
                assert render_text.dispatch(kind) is not missing_console, (command.name, kind)


def test_a_more_button_carries_a_neutral_page_request() -> None:
    request = MoreRequest(question="whosaid", text="Okafor", offset=10, public=True)
    decoded = MoreRequest.decode(request.encode())
    assert isinstance(decoded, PageRequest) and decoded.line() == "/whosaid Okafor" and decoded.public
    assert MoreRequest.decode('{"c": "not a name!", "q": "", "o": 1}') is None


def test_a_command_runs_with_the_call_it_was_asked_with() -> None:
    seen: list[Call] = []
    command = Command(
        path=("whoami",),
        usage=("/whoami",),
        summary="Who is asking.",
        parse=lambda args, call: seen.append(call),
        run=lambda _, ctx: HelpResult(text=ctx.call.actor),
        result=(HelpResult,),
    )
    registry = Registry().add(command)
    d = FrontDoor(registry, Ports(uow_factory=FakeUnitOfWork, clock=CLOCK), "slack")  # type: ignore[arg-type]
    assert d.answer(["whoami"], d.call(actor="U7", channel="C2")).result == HelpResult(text="U7")
    assert seen[0].channel == "C2" and seen[0].today == CLOCK.today()


def test_the_console_help_lists_no_slack_only_command() -> None:
    registry = default_registry()
    assert "/briefbot" not in registry.full_help(surface="console")
    assert "/briefbot sources add URL" in registry.full_help(surface="slack")
