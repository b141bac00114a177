"""Socket Mode for development: no public URL needed, events arrive over a WebSocket."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler


def serve_socket(app: App, *, app_token: str) -> None:
    """Connect with the app-level token (xapp-...) and handle requests until interrupted."""
    SocketModeHandler(app, app_token=app_token).start()  # type: ignore[no-untyped-call]
