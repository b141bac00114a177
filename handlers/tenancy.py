"""Which workspace sees what: the rule the store and the test fakes both follow (issue 21).

An article (and every fact from it) is seen by the workspaces granted access to it; a source by
the workspaces following it. A use case reads for one workspace, `Call.team`; internal jobs
(polling, story merging, reindexing, benchmarks) say explicitly that they read for all, with
ALL_WORKSPACES. A read for no workspace at all is refused, so a forgotten filter fails closed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handlers.ports import UnitOfWork
    from handlers.registry import Call

# Internal jobs only: reads everything, and on PostgreSQL the row-level policies let it through.
ALL_WORKSPACES = "*"

# The one workspace of a single-token deployment (settings.workspace's default) and of data older
# than workspaces (migration 0019 gives it every source and article there was).
DEFAULT_WORKSPACE = "default"


class WorkspaceRequired(RuntimeError):
    """A read or write of workspace-owned data was made without saying for which workspace (our bug)."""


def require(workspace: str | None, what: str) -> str:
    """`workspace`, or WorkspaceRequired naming `what` was asked without one."""
    if not workspace:
        raise WorkspaceRequired(f"{what} needs a workspace (ALL_WORKSPACES for internal jobs)")
    return workspace


def sees(workspace: str, granted: Collection[str]) -> bool:
    """Whether `workspace` sees something granted to the workspaces `granted`."""
    return workspace == ALL_WORKSPACES or workspace in granted


def workspace_of(call: Call) -> str:
    """The workspace a request is for: its team as the front end set it.

    A call from a front end that knows no team (a test, an old caller) is the single-token
    deployment's default workspace, never "all of them".
    """
    return call.team or DEFAULT_WORKSPACE


def own_workspace(workspace: str) -> str:
    """`workspace` as the owner of a row (an audit line, a follow): never ALL_WORKSPACES."""
    if workspace == ALL_WORKSPACES:
        raise WorkspaceRequired("a row is owned by one workspace, not by all of them")
    return workspace


@contextmanager
def all_workspaces(uow: UnitOfWork) -> Iterator[None]:
    """Within the block, `uow`'s transactions are an internal job's, for every workspace (ingest,
    polling); afterwards it is for the workspace it was for before (or for none)."""
    previous = uow.workspace
    uow.of(ALL_WORKSPACES)
    try:
        yield
    finally:
        uow.of(previous)
