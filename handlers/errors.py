"""One base for every message a user can fix, so every front end catches it once.

`QueryError` (a question we cannot read), `AdminError` (an admin action that cannot be done),
`StoryError`, `ScheduleError`... all derive from `UserError`: Slack shows the message as a warning,
the console as "Sorry: ...", the CLI on stderr with exit code 2. Anything else is our fault and is
logged with its context instead.
"""

from __future__ import annotations


class UserError(ValueError):
    """Something a user asked that cannot be done as asked; the message says what to change."""


class Misread(UserError):
    """Words that match a command's name but not its grammar: the front door answers with the help.

    `note` (when given) replaces the default "I don't understand ..." line above the help.
    """

    def __init__(self, note: str | None = None) -> None:
        super().__init__(note or "")
        self.note = note
