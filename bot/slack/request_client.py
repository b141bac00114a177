"""With OAuth, the ports Slack commands use (directory, channels, OPML files) speak with the token
of the workspace whose request they serve.

Those ports are built once with one Web client; `RequestScopedClient` is that client, taking its
token from the request being answered: `bind_request_token` (the workspace middleware) sets it for the
request, and `ContextExecutor` carries it into the threads that run listeners after the ack (a
plain thread pool would start them with no token). Outside a request (the single-token mode, the
worker) the client's own token is used.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

from slack_sdk import WebClient

_request_token: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "briefbot_slack_token", default=None
)

P = ParamSpec("P")
T = TypeVar("T")


class RequestScopedClient(WebClient):
    """A WebClient whose token is the current request's workspace bot token when one is bound."""

    _own_token: str | None = None

    @property
    def token(self) -> str | None:
        return _request_token.get() or self._own_token

    @token.setter
    def token(self, value: str | None) -> None:
        self._own_token = value


@contextmanager
def bind_token(token: str | None) -> Iterator[None]:
    """Within the block (and in what `ContextExecutor` starts from it), clients speak with `token`."""
    bound = _request_token.set(token)
    try:
        yield
    finally:
        _request_token.reset(bound)


def bind_request_token(token: str | None) -> None:
    """Bind `token` for the rest of this thread's request (Bolt's middleware cannot wrap the
    listener: it returns before the listener is started); the next request binds its own."""
    _request_token.set(token)


def current_token() -> str | None:
    """The bot token bound to the request being answered, if any."""
    return _request_token.get()


class ContextExecutor(Executor):
    """An executor that runs each task in a copy of the submitter's context (its bound token)."""

    def __init__(self, inner: Executor) -> None:
        self._inner = inner

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        context = contextvars.copy_context()
        return self._inner.submit(lambda: context.run(fn, *args, **kwargs))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._inner.shutdown(wait=wait, cancel_futures=cancel_futures)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
