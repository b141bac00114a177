"""Which workspace a Slack request is for: the key (`Call.team`) every use case keeps its rows under.

One function decides it for every entry point. With one bot token (SLACK_BOT_TOKEN) the deployment
is ONE workspace, `settings.workspace` (BRIEFBOT_WORKSPACE), whatever team id Slack sends: a
workspace that changes its id, or a Slack Connect guest, still sees the same digests. With OAuth
(SLACK_CLIENT_ID) it is the request's team id, or the enterprise id for an org-wide install on
Enterprise Grid (that install answers every workspace of the org, as one).

A global Bolt middleware (`attach`) works it out once a request and keeps it in the context;
listeners read it with `workspace_in(context)`, which fails loudly rather than guess.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt import App, BoltContext
from slack_bolt.request.internals import (
    extract_enterprise_id,
    extract_is_enterprise_install,
    extract_team_id,
)

from bot.settings import Settings
from bot.slack.request_client import bind_request_token

CONTEXT_KEY = "briefbot_workspace"


class UnknownWorkspace(Exception):
    """A request that names no workspace (no team or enterprise id) where one is needed."""


def workspace_key(enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool) -> str | None:
    """The key of an installation (or a request): the enterprise id of an org-wide install, else
    the team id; None when neither is known."""
    if is_enterprise_install and enterprise_id:
        return enterprise_id
    return team_id or None


def workspace_of(source: Mapping[str, Any], settings: Settings) -> str:
    """The workspace key of a request, given its Bolt context or its body (a slash command's form,
    an event envelope, an interaction payload); UnknownWorkspace when OAuth is on and it names none."""
    if not settings.oauth_enabled:
        return settings.workspace
    if isinstance(source, BoltContext):
        key = workspace_key(source.enterprise_id, source.team_id, bool(source.is_enterprise_install))
    else:
        body = dict(source)
        key = workspace_key(
            extract_enterprise_id(body), extract_team_id(body), bool(extract_is_enterprise_install(body))
        )
    if not key:
        raise UnknownWorkspace("the request names no workspace (no team or enterprise id)")
    return key


def attach(app: App, settings: Settings) -> None:
    """Register the middleware that keeps each request's workspace in its context."""

    @app.middleware
    def remember_workspace(context: BoltContext, body: dict[str, Any], next: Callable[[], Any]) -> Any:
        # Left unset when unknown: a listener needing it raises (logged) rather than answer for no one.
        with contextlib.suppress(UnknownWorkspace):
            context[CONTEXT_KEY] = workspace_of(context, settings)
        # With OAuth, the ports' shared client speaks with this workspace's token (request_client).
        # Bolt runs the listener after the middleware returns, so the token stays bound in this
        # thread until the next request binds its own (every request passes here first).
        bind_request_token(context.bot_token if settings.oauth_enabled else None)
        return next()


def workspace_in(context: Mapping[str, Any]) -> str:
    """The workspace `attach` found for this request; UnknownWorkspace when there is none."""
    key = context.get(CONTEXT_KEY)
    if not isinstance(key, str) or not key:
        raise UnknownWorkspace("this request's workspace is unknown")
    return key
