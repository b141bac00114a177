"""A fake Slack on localhost: the Web API methods briefbot calls, response_url endpoints, and feeds.

An http.server in a thread that records every request, so tests assert on what reached "Slack".
`wait_for` blocks until a matching call arrives (or times out), which keeps the tests deterministic
while Bolt answers from its own threads after the ack.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Call:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def api_method(self) -> str | None:
        """ "users.info" for /api/users.info."""
        return self.path.split("/api/", 1)[1] if "/api/" in self.path else None


@dataclass
class FakeSlackState:
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    feeds: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path -> (content type, body)
    rate_limited: dict[str, int] = field(default_factory=dict)  # api method -> 429s still to send
    server_errors: dict[str, int] = field(default_factory=dict)  # api method -> 500s to send (-1: always)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # file id -> files.info "file" object
    oauth_codes: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> oauth.v2.access answer
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)  # bot token -> auth.test answer
    feed_delays: dict[str, float] = field(default_factory=dict)  # feed path -> seconds before it answers
    # Files uploaded through files.getUploadURLExternal + the upload URL + files.completeUploadExternal:
    # file id -> {"filename", "length", "alt_txt", "content" (the bytes), "title", "channel", "comment"}.
    uploads: dict[str, dict[str, Any]] = field(default_factory=dict)
    refused_channels: set[str] = field(default_factory=set)  # channels the bot may not share files in
    # channel -> messages chat.postMessage stored there (conversations.history reads them)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # api method -> requests still to do, then answer `late_seconds` later (after the client gave up)
    late_answers: dict[str, int] = field(default_factory=dict)
    late_seconds: float = 2.0
    history_error: str | None = None  # e.g. "missing_scope": conversations.history refuses
    clock: Callable[[], float] = time.time  # Slack's time of a message (tests may move it with theirs)


class FakeSlack:
    """Start with `start()`, stop with `stop()`; `url` is the base ("http://127.0.0.1:PORT")."""

    def __init__(self) -> None:
        self.state = FakeSlackState()
        self.calls: list[Call] = []
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/response/{name}"

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def responses(self, name: str) -> list[dict[str, Any]]:
        """Bodies POSTed to response_url(name), in order."""
        return [c.body for c in self._snapshot() if c.path == f"/response/{name}"]

    def api_calls(self, method: str) -> list[Call]:
        return [c for c in self._snapshot() if c.api_method == method]

    def wait_for_response(self, name: str, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        """The first `count` bodies POSTed to response_url(name); AssertionError when they do not come."""
        with self._changed:
            arrived = self._changed.wait_for(lambda: len(self.responses(name)) >= count, timeout=timeout)
        if not arrived:
            raise AssertionError(f"{count} response(s) to {name} expected, got {len(self.responses(name))}")
        return self.responses(name)[:count]

    def wait_for_upload(self, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """The first `count` files shared by files.completeUploadExternal (in upload order)."""

        def shared() -> list[dict[str, Any]]:
            return [u for u in self.state.uploads.values() if u.get("completed")]

        with self._changed:
            arrived = self._changed.wait_for(lambda: len(shared()) >= count, timeout=timeout)
        if not arrived:
            raise AssertionError(f"{count} upload(s) expected, got {len(shared())}")
        return shared()[:count]

    def _snapshot(self) -> list[Call]:
        with self._changed:
            return list(self.calls)

    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path in fake.state.feeds:
                    content_type, body = fake.state.feeds[parts.path]
                    time.sleep(fake.state.feed_delays.get(parts.path, 0.0))
                    fake._record(Call("GET", parts.path, dict(self.headers), {}))
                    self._send(200, body, content_type)
                    return
                self._api(parts.path, dict(parse_qsl(parts.query)))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length)
                path = urlsplit(self.path).path
                if path.startswith("/upload/"):  # the URL files.getUploadURLExternal handed out
                    self._receive_upload(path.removeprefix("/upload/"), data)
                    return
                raw = data.decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = dict(parse_qsl(raw))
                if path.startswith("/response/"):
                    fake._record(Call("POST", path, dict(self.headers), body))
                    self._send(200, b"ok", "text/plain")
                    return
                self._api(path, body)

            def _api(self, path: str, body: dict[str, Any]) -> None:
                call = Call(self.command, path, dict(self.headers), body)
                method = call.api_method
                if method is None:
                    fake._record(call)
                    self._send(404, b"not found", "text/plain")
                    return
                if fake.state.rate_limited.get(method, 0) > 0:
                    fake.state.rate_limited[method] -= 1
                    fake._record(call)
                    self._send(
                        429, b'{"ok":false,"error":"ratelimited"}', "application/json", {"Retry-After": "1"}
                    )
                    return
                if fake.state.server_errors.get(method, 0) != 0:
                    fake.state.server_errors[method] -= fake.state.server_errors[method] > 0
                    fake._record(call)
                    self._send(500, b"internal error", "text/plain")
                    return
                fake._record(call)
                answer = json.dumps(self._answer(method, body)).encode()
                if fake.state.late_answers.get(method, 0) > 0:
                    # Done (the message is stored), but the answer comes after the client timed out.
                    fake.state.late_answers[method] -= 1
                    time.sleep(fake.state.late_seconds)
                    with contextlib.suppress(OSError):  # the client has hung up by now
                        self._send(200, answer, "application/json")
                    return
                self._send(200, answer, "application/json")

            def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
                token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                if method == "auth.test" and token in fake.state.tokens:
                    return {"ok": True, **fake.state.tokens[token]}
                if method == "oauth.v2.access":
                    answer = fake.state.oauth_codes.get(str(body.get("code")))
                    return {"ok": True, **answer} if answer else {"ok": False, "error": "invalid_code"}
                if method == "auth.test":
                    return {
                        "ok": True,
                        "url": "https://fake.example/",
                        "team": "Fake",
                        "user": "briefbot",
                        "team_id": "T0001",
                        "user_id": "UBOT",
                        "bot_id": "BBOT",
                    }
                if method == "users.info":
                    user = fake.state.users.get(str(body.get("user")))
                    return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
                if method == "chat.postMessage":
                    ts = f"{len(fake.calls)}.000100"  # the call's number: tests find a reply's thread by it
                    metadata = body.get("metadata")
                    stored = {
                        "type": "message",
                        "ts": ts,
                        "text": body.get("text"),
                        "thread_ts": body.get("thread_ts"),
                        "metadata": json.loads(metadata) if isinstance(metadata, str) else metadata,
                        "_at": fake.state.clock(),  # what `oldest` compares with (ts is no time here)
                    }
                    fake.state.messages.setdefault(str(body.get("channel")), []).append(stored)
                    return {
                        "ok": True,
                        "channel": body.get("channel"),
                        "ts": ts,
                        "message": {"text": stored["text"]},
                    }
                if method in ("views.publish", "views.open", "views.update"):
                    view = body.get("view")
                    view = json.loads(view) if isinstance(view, str) else view
                    return {"ok": True, "view": {"id": f"V{len(fake.calls)}", **(view or {})}}
                if method == "conversations.history":
                    return self._history(body)
                if method == "files.info":
                    file = fake.state.files.get(str(body.get("file")))
                    return {"ok": True, "file": file} if file else {"ok": False, "error": "file_not_found"}
                if method == "files.list":
                    files = [
                        f
                        for f in fake.state.files.values()
                        if str(body.get("channel")) in f.get("channels", [])
                        and str(body.get("user")) == f.get("user")
                    ]
                    return {"ok": True, "files": sorted(files, key=lambda f: -int(f.get("created", 0)))}
                if method == "conversations.open":
                    return {"ok": True, "channel": {"id": f"D{body.get('users')}"}}
                if method == "files.getUploadURLExternal":
                    file_id = f"F{len(fake.state.uploads) + 1:08d}"
                    fake.state.uploads[file_id] = {
                        "filename": body.get("filename"),
                        "length": int(body.get("length") or 0),
                        "alt_txt": body.get("alt_txt"),
                    }
                    return {"ok": True, "file_id": file_id, "upload_url": f"{fake.url}/upload/{file_id}"}
                if method == "files.completeUploadExternal":
                    return self._complete_upload(body)
                return {"ok": False, "error": "unknown_method"}

            def _receive_upload(self, file_id: str, data: bytes) -> None:
                upload = fake.state.uploads.get(file_id)
                fake._record(Call("POST", f"/upload/{file_id}", dict(self.headers), {"length": len(data)}))
                if upload is None or upload["length"] != len(data):
                    self._send(400, b"bad upload", "text/plain")  # Slack refuses a length it was not told
                    return
                upload["content"] = data
                self._send(200, b"OK - " + str(len(data)).encode(), "text/plain")

            def _complete_upload(self, body: dict[str, Any]) -> dict[str, Any]:
                channel = body.get("channel_id")
                if channel in fake.state.refused_channels:
                    return {"ok": False, "error": "not_in_channel"}
                shared = []
                for item in json.loads(body.get("files") or "[]"):
                    upload = fake.state.uploads.get(item.get("id"))
                    if upload is None or "content" not in upload:
                        return {"ok": False, "error": "file_not_found"}
                    with fake._changed:
                        upload.update(
                            title=item.get("title"),
                            channel=channel,
                            comment=body.get("initial_comment"),
                            completed=True,
                        )
                        fake._changed.notify_all()
                    shared.append({"id": item["id"], "title": item.get("title"), "name": upload["filename"]})
                return {"ok": True, "files": shared}

            def _history(self, body: dict[str, Any]) -> dict[str, Any]:
                if fake.state.history_error:
                    return {"ok": False, "error": fake.state.history_error}
                oldest = float(body.get("oldest") or 0)
                with_metadata = str(body.get("include_all_metadata")).lower() in ("1", "true")
                shown = [
                    {k: v for k, v in m.items() if k != "_at" and (k != "metadata" or with_metadata)}
                    for m in fake.state.messages.get(str(body.get("channel")), [])
                    if not m.get("thread_ts") and m["_at"] > oldest
                ]
                return {"ok": True, "messages": shown[::-1], "has_more": False}

            def _send(
                self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

        return Handler
