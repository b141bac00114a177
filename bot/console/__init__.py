"""The terminal face of briefbot: a plain-text renderer (bot.console.render) and an interactive shell.

Nothing is imported here: `briefbot extract` uses bot.console.safe_text and must start light.
"""
