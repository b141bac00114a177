"""The Slack side of briefbot: a Bolt app built by `bot.slack.app.build_slack_app(container, settings)`.

Nothing is built at import time. Listeners (`listeners/`) ack, call the handlers through `backend.py`,
render with `render.py`/`render_admin.py` and respond; `server.py` serves HTTP, `socket_mode.py` Socket Mode.
"""
