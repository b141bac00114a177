"""A psycopg connection that does the caller's other work while PostgreSQL works, on one thread.

A batch's story look-ups and its commit (COPY, index and key checks on the server) kept ingest
waiting ~1.5 ms an article on PostgreSQL, time this process could spend extracting the next
batch. Here the wait is filled: while the server has not answered, the connection calls
`wait_work` (one small piece of work, returning False when none is left) and looks at the socket
again after each piece. A thread would do the same work, but hands the interpreter lock back and forth between
two cores (round 7 tried it: slower whenever the machine was busy).

psycopg runs every exchange with the server (execute, COPY, commit) as a generator that says
which socket event it waits for; `wait` is psycopg's one place that waits, so overriding it
covers them all. Nothing else changes: with no `wait_work` set, waits are psycopg's own.
"""

from __future__ import annotations

import logging
import select
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg.abc import RV, PQGen
from psycopg.waiting import Wait

log = logging.getLogger(__name__)

# One piece of work done while waiting; False when there is nothing left to do.
WaitWork = Callable[[], bool]

_EVENTS = {Wait.R: select.POLLIN, Wait.W: select.POLLOUT, Wait.RW: select.POLLIN | select.POLLOUT}


class WaitingConnection(psycopg.Connection[Any]):
    """`wait_work`, when set, is called while the server has not answered yet."""

    wait_work: WaitWork | None = None

    def wait(self, gen: PQGen[RV], interval: float = 0.1, timeout: float | None = None) -> RV:
        if self.wait_work is None:
            return super().wait(gen, interval, timeout)
        # psycopg's own wait still does the waiting (and cancels the query on Ctrl-C): it is only
        # handed each state once the socket is ready or the work has run out.
        return super().wait(self._filled(gen), interval, timeout)

    def _filled(self, gen: PQGen[RV]) -> PQGen[RV]:
        poll = select.poll()
        fileno = self.pgconn.socket
        try:
            state = next(gen)
        except StopIteration as done:
            first: RV = done.value
            return first
        poll.register(fileno, _EVENTS[state])
        while True:
            while self.wait_work is not None and not poll.poll(0):
                self._step(self.wait_work)
            ready = yield state
            try:
                state = gen.send(ready)
            except StopIteration as done:
                result: RV = done.value
                return result
            poll.modify(fileno, _EVENTS[state])

    def _step(self, work: WaitWork) -> None:
        """One piece of `work`; once it is done (or failed: its caller does the rest), no more."""
        try:
            if work():
                return
        except Exception:  # not the server's exchange: that goes on; the caller meets it again
            log.exception("work done while waiting for PostgreSQL failed; it is left to its caller")
        self.wait_work = None
