"""Quotes: direct, partial and indirect speech, and who said it."""
