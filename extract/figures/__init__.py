"""Figures: numbers with their unit, bound, change and what they are of."""
