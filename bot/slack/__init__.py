"""The Slack side of briefbot: Bolt glue, Block Kit and the digest publisher.

The composition root builds the app (`bot.bootstrap.build_slack_app(container, settings)`) over a front
door (the command registry with its ports bound). Nothing is built at import time. Listeners
(`listeners/`) ack, ask the front door, render by result type (`render_result.py`) and respond;
`server.py` serves HTTP, `socket_mode.py` Socket Mode.
"""
