"""Temporal expressions: find them, normalise them TIMEX3-style against a reference date."""
