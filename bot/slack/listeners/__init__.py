"""Bolt listeners, one module per concern, each with `register(app, ...)`.

Thin: ack, call the handler, render, respond.
"""
