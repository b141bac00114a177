"""A waitress server in a background thread, stopped without racing its own poll loop."""

from __future__ import annotations

import threading
from typing import Any


class ServerThread:
    """Run `server.run()` in a daemon thread; `stop()` closes the server and joins the thread.

    Closing a waitress server from another thread can land while its loop is inside poll(), which
    then fails on the closed descriptors (EBADF). That failure is expected once we asked it to stop,
    and only then is it swallowed; pytest would otherwise report it as an unhandled thread error.
    """

    def __init__(self, server: Any) -> None:
        self.server = server
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="waitress-e2e", daemon=True)

    def start(self) -> ServerThread:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self.server.close()
        self._thread.join(timeout=timeout)

    def _serve(self) -> None:
        try:
            self.server.run()
        except (OSError, ValueError):
            if not self._stopping.is_set():
                raise
