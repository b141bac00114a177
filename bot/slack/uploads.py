"""Sending a file to Slack: the current upload flow, to a channel or to the user's DM with the bot.

`WebClient.files_upload_v2` does the three steps Slack asks for (files.getUploadURLExternal, a POST
of the bytes to the URL it returns, files.completeUploadExternal sharing the file in a channel); the
old files.upload is retired. Scopes: files:write, and im:write to open the DM (conversations.open).

Where a file goes follows the answer it belongs to: a `public` question shares it in the channel;
any other (answers are private by default) goes to the asker's DM with briefbot, since Slack has
no ephemeral files, and the asker gets a private note saying so. A channel the bot may not post
files in (not invited to a private channel) falls back to the DM, with a note saying why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

logger = logging.getLogger(__name__)

# Slack errors meaning "not in this channel": the DM still works.
_CHANNEL_REFUSED = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}


@dataclass(frozen=True)
class OutgoingFile:
    """A file to send: its bytes, name, title, alt text (images) and the comment posted with it."""

    content: bytes
    filename: str
    title: str
    comment: str
    alt_text: str | None = None
    what: str = "file"  # "chart", "CSV": how notes name it


@dataclass(frozen=True)
class Delivered:
    """Where the file went, and what to tell the asker (None: the shared file says it all)."""

    channel: str
    file_id: str | None
    note: str | None


class UploadFailed(Exception):
    """Slack did not take the file; the message is for the user, the cause is logged."""


def deliver_file(
    client: WebClient, file: OutgoingFile, *, user: str, channel: str | None, public: bool
) -> Delivered:
    """Share `file` in `channel` when the answer is public, else in `user`'s DM with the bot.

    Raises UploadFailed (after logging the cause) when neither works.
    """
    if public and channel:
        try:
            return Delivered(channel=channel, file_id=upload(client, file, channel=channel), note=None)
        except SlackApiError as exc:
            if _error(exc) not in _CHANNEL_REFUSED:
                raise _failed(exc, file, channel) from None
            logger.info("file refused in %s (%s); sending it to %s instead", channel, _error(exc), user)
            refused = (
                f"I may not share files in this channel (invite briefbot to it), so the {file.what} "
                "is in your direct messages with briefbot."
            )
            return _to_dm(client, file, user, refused)
        except (SlackClientError, OSError) as exc:
            raise _failed(exc, file, channel) from None
    return _to_dm(client, file, user, f"The {file.what} is in your direct messages with briefbot.")


def upload(client: WebClient, file: OutgoingFile, *, channel: str) -> str | None:
    """Upload and share `file` in `channel` (files.getUploadURLExternal, the bytes, then
    files.completeUploadExternal); the new file's id."""
    response = client.files_upload_v2(
        content=file.content,
        filename=file.filename,
        title=file.title,
        alt_txt=file.alt_text,
        channel=channel,
        initial_comment=file.comment,
    )
    shared = response.get("file") or {}
    file_id = shared.get("id") if isinstance(shared, dict) else None
    return str(file_id) if file_id else None


def direct_channel(client: WebClient, user: str) -> str:
    """The id of `user`'s DM with the bot (opened if need be: conversations.open, im:write)."""
    response = client.conversations_open(users=user)
    found = response.get("channel") or {}
    channel = found.get("id") if isinstance(found, dict) else None
    if not channel:
        raise SlackClientError(f"conversations.open gave no channel for {user}")
    return str(channel)


def _to_dm(client: WebClient, file: OutgoingFile, user: str, note: str) -> Delivered:
    dm: str | None = None
    try:
        dm = direct_channel(client, user)
        return Delivered(channel=dm, file_id=upload(client, file, channel=dm), note=note)
    except (SlackApiError, SlackClientError, OSError) as exc:
        raise _failed(exc, file, dm or f"DM with {user}") from None


def _error(exc: SlackApiError) -> str:
    return str(exc.response.get("error", "")) if exc.response is not None else ""


def _failed(exc: Exception, file: OutgoingFile, where: str) -> UploadFailed:
    logger.error("uploading %s to %s failed: %r", file.filename, where, exc)
    reason = _error(exc) if isinstance(exc, SlackApiError) else ""
    scope = " (the app needs the files:write and im:write scopes)" if reason == "missing_scope" else ""
    return UploadFailed(f"Slack did not take the {file.what}{scope}; it has been logged. Try again later.")
