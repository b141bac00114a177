"""A local HTTP server that answers as slowly as an attacker would: a byte at a time, or never."""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class DribbleServer:
    """Every request gets headers promising a large body, then one byte every `every` seconds
    (`silent`: not even the headers). `hit` is set by the first request."""

    def __init__(self, *, every: float = 0.2, silent: bool = False, content_type: str = "text/html") -> None:
        self.every, self.silent, self.content_type = every, silent, content_type
        self.hit = threading.Event()
        self._stop = threading.Event()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}{path}"

    def start(self) -> DribbleServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            conn.recv(65536)  # the request; its content does not matter
            self.hit.set()
            if not self.silent:
                head = (
                    f"HTTP/1.1 200 OK\r\nContent-Type: {self.content_type}\r\nContent-Length: 1000000\r\n\r\n"
                )
                conn.sendall(head.encode())
            while not self._stop.is_set():
                time.sleep(self.every)
                if not self.silent:
                    conn.sendall(b" ")
