"""The terminal face of briefbot: a plain-text renderer and an interactive shell."""

from bot.console.render import render

__all__ = ["render"]
