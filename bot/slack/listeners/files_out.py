"""Files out: `/whosaid|/timeline|/figures ... csv` (the whole result as CSV), `/figures ... chart`
and the "Chart" button under a figures answer (a PNG of the figure groups).

A question whose last word is `csv` or `chart` is taken by this listener, registered before the
questions' own: Bolt runs the first listener whose matchers match, so the questions never see it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.exports import chart_filename, export_filename, render_export
from bot.slack.message import SlackMessage
from bot.slack.paging import MoreRequest
from bot.slack.render_files import CHART_ACTION_ID, render_note
from bot.slack.uploads import OutgoingFile, UploadFailed, deliver_file
from bot.slack.workspace import workspace_in
from handlers.export import (
    KIND_OF_QUESTION,
    FileWanted,
    all_figures,
    export_facts,
    parse_export_query,
    split_file_request,
)
from handlers.paging import split_public
from handlers.ports import Clock, UnitOfWork
from handlers.results import QueryError

logger = logging.getLogger(__name__)
QUESTION_COMMANDS = tuple(f"/{q}" for q in KIND_OF_QUESTION)


class NoFile(Exception):
    """Nothing to send, for a reason the user can act on (the message says it)."""


class FileMaker:
    """Builds the file a question asks for, over a fresh unit of work."""

    def __init__(self, *, uow_factory: Callable[[], UnitOfWork], today: Callable[[], date]) -> None:
        self._uow_factory = uow_factory
        self._today = today

    def make(self, question: str, text: str, wanted: FileWanted, *, workspace: str) -> OutgoingFile:
        """The chart or CSV of `/question text` asked in `workspace`; NoFile when there is nothing
        to send, and why."""
        if wanted == "chart" and question != "figures":
            raise NoFile(
                f"Charts are drawn of figures: try /figures {text} chart (or /{question} {text} csv)."
            )
        try:
            query = parse_export_query(text, today=self._today(), ignore_limit=wanted == "chart")
        except QueryError as exc:
            raise NoFile(f"{exc} (/{question} help shows what it understands)") from None
        if wanted == "chart":
            # matplotlib takes over half a second to import: only when a chart is asked for.
            from bot.charts import NothingToChart, render_figures_chart

            try:
                chart = render_figures_chart(all_figures(query, uow=self._uow_factory(), workspace=workspace))
            except NothingToChart as exc:
                raise NoFile(str(exc)) from None
            return OutgoingFile(
                content=chart.png,
                filename=chart_filename(query.terms),
                title=chart.title,
                comment=chart.alt_text,
                alt_text=chart.alt_text,
                what="chart",
            )
        table = export_facts(KIND_OF_QUESTION[question], query, uow=self._uow_factory(), workspace=workspace)
        if not table.rows:
            raise NoFile(f"Nothing to export: no {table.kind} for {query.describe()}.")
        return OutgoingFile(
            content=render_export(table, "csv", bom=True),
            filename=export_filename(table, "csv"),
            title=f"/{question} {query.describe()} (CSV)",
            comment=f"Export: {table.describe()}.",
            what="CSV",
        )


def wants_file(body: dict[str, Any]) -> bool:
    """Bolt matcher: a question whose last word asks for a file."""
    text, _ = split_public(str(body.get("text", "")))
    return split_file_request(text)[1] is not None


def register(app: App, uow_factory: Callable[[], UnitOfWork], clock: Clock) -> None:
    """Register before the questions' listeners (see the module docstring)."""
    maker = FileMaker(uow_factory=uow_factory, today=clock.today)
    for command in QUESTION_COMMANDS:
        app.command(command, matchers=[wants_file])(_file_listener(maker))

    @app.action(CHART_ACTION_ID)
    def chart_clicked(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        client: WebClient,
        context: BoltContext,
    ) -> None:
        ack()
        request = MoreRequest.decode(str(action.get("value", "")))
        user = str((body.get("user") or {}).get("id", ""))
        channel = (body.get("channel") or {}).get("id")
        if request is None:
            _tell(respond, render_note("That button has expired; ask the question again.", warning=True))
            return
        asked = Asked("figures", request.text, "chart", user, channel, request.public, workspace_in(context))
        _send_file(maker, client, respond, asked)


def _file_listener(maker: FileMaker) -> Callable[..., None]:
    def answer_with_file(
        ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
    ) -> None:
        ack()  # first, always: drawing and uploading take longer than Slack's 3 seconds
        question = str(command.get("command", "")).lstrip("/")
        text, public = split_public(str(command.get("text", "")))
        text, wanted = split_file_request(text)
        if wanted is None:  # the matcher let it through, so this cannot happen; say so if it does
            raise RuntimeError(f"no file asked for in {command.get('text')!r}")
        user = str(command.get("user_id", ""))
        channel = command.get("channel_id")
        asked = Asked(question, text, wanted, user, channel, public, workspace_in(context))
        _send_file(maker, client, respond, asked)

    return answer_with_file


@dataclass(frozen=True)
class Asked:
    """A file asked for: the question and its words, by whom, where, in which workspace."""

    question: str
    text: str
    wanted: FileWanted
    user: str
    channel: str | None
    public: bool
    workspace: str


def _send_file(maker: FileMaker, client: WebClient, respond: Respond, asked: Asked) -> None:
    user, channel = asked.user, asked.channel
    where = f"command=/{asked.question} {asked.wanted} user={user} channel={channel} team={asked.workspace}"
    try:
        file = maker.make(asked.question, asked.text, asked.wanted, workspace=asked.workspace)
        delivered = deliver_file(client, file, user=user, channel=channel, public=asked.public)
    except NoFile as exc:
        _tell(respond, render_note(str(exc), warning=True))
        return
    except UploadFailed as exc:
        _tell(respond, render_note(str(exc), warning=True))
        return
    except Exception:
        logger.exception("sending a file failed: %s", where)
        _tell(
            respond, render_note("Sorry, something went wrong on our side; it has been logged.", warning=True)
        )
        return
    logger.info("sent %s to %s (%s)", file.filename, delivered.channel, where)
    if delivered.note:
        _tell(respond, render_note(delivered.note))


def _tell(respond: Respond, message: SlackMessage) -> None:
    """A private note to the asker; a failure is logged, never raised (the file may be sent already)."""
    payload = message.payload()
    try:
        respond(
            text=payload["text"], blocks=payload["blocks"], response_type="ephemeral", replace_original=False
        )
    except Exception:
        logger.exception("respond() failed after sending a file")
