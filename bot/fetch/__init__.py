"""Reading articles from the outside: files and URLs to text with their metadata."""

from bot.fetch.inputs import ArticleInput, InputError, read_input

__all__ = ["ArticleInput", "InputError", "read_input"]
