"""Words that mark people, organisations and speakers: titles, roles, organisation words, demonyms.

The lists are data in `extract/lexicons/` (`person_titles.txt`, `role_qualifiers.txt`,
`role_nouns.txt`, `org_words.txt`, `known_orgs.txt`, `demonyms.txt`, `source_nouns.txt`),
read once on first use.
"""

from __future__ import annotations

from functools import cache

from extract.lexicons import word_set


@cache
def titles() -> frozenset[str]:
    """Titles written before a name (lower case)."""
    return word_set("person_titles")


@cache
def role_qualifiers() -> frozenset[str]:
    """Words that qualify a title ("Foreign" Minister)."""
    return word_set("role_qualifiers")


@cache
def role_nouns() -> frozenset[str]:
    """Lower-case role nouns ("press secretary", "spokesperson")."""
    return word_set("role_nouns")


@cache
def org_words() -> frozenset[str]:
    """Words that make a capitalised name an organisation."""
    return word_set("org_words")


@cache
def known_orgs() -> frozenset[str]:
    """Organisations known by name alone, and metonyms ("the Kremlin")."""
    return word_set("known_orgs")


@cache
def demonyms() -> frozenset[str]:
    """Nationality adjectives and plurals; alone they name nobody."""
    return word_set("demonyms")


@cache
def source_nouns() -> frozenset[str]:
    """Nouns that head a generic speaker ("officials", "a source", "police")."""
    return word_set("source_nouns")
