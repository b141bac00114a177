"""First names with gender, from many cultures: they mark a capitalised run as a person and let
he/she find the right antecedent. "m" / "f" where the name is clearly gendered, "" where it is not.

Hand-written data (`extract/lexicons/first_names.tsv`); a name missing there only loses the hint.
"""

from __future__ import annotations

from functools import cache

from extract.lexicons import table


@cache
def first_names() -> dict[str, str]:
    """Lower-case first name -> "m", "f" or "" (used for both), from `lexicons/first_names.tsv`."""
    return {row[0].lower(): row[1].replace("?", "") for row in table("first_names")}


def gender_of_first_name(name: str) -> str:
    """ "m", "f" or "" for a first name (case-insensitive, accents ignored for a few common letters)."""
    return first_names().get(_fold(name), "")


def is_first_name(name: str) -> bool:
    """True for a first name the lexicon knows, whatever its gender."""
    return _fold(name) in first_names()


_FOLD = str.maketrans(
    "áàâäãåčćçéèêëěíìîïłńñóòôöõøřšśúùûüůýžźżėąęī",
    "aaaaaaccceeeeeiiiilnnoooooorssuuuuuyzzzeaei",
)


def _fold(name: str) -> str:
    low = name.lower()
    # every letter _FOLD maps is non-ASCII, and str.translate looks each character up in a dict
    return low if low.isascii() else low.translate(_FOLD)
