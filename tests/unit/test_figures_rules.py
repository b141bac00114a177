"""Golden tables of the figures rules: every declared rule's examples, run through find_figures."""

import pytest

from extract.document import Document
from extract.figures import about, modifiers
from extract.figures.find import find_figures
from extract.models import Figure


def figures(text: str) -> list[Figure]:
    return find_figures(Document.parse(text), [])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [ex for rule in modifiers.RULES for ex in rule.examples],
)
def test_compound_modifiers_are_no_figures(sentence: str, expected: object) -> None:
    assert expected is None
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Bonds due in 30-year terms sold well.", 30, "year"),
        ("Divers found a 12-foot shark.", 12, "foot"),
        ("The index gained 3% over the 52 weeks.", 3, "percent"),
    ],
)
def test_other_hyphenated_measures_stay_figures(sentence: str, value: float, unit: str) -> None:
    assert [(f.value, f.unit) for f in figures(sentence)][:1] == [(value, unit)]


ABOUT_EXAMPLES = [(rule.name, s, e) for rule in about.RULES for s, e in rule.examples]


@pytest.mark.parametrize(("rule", "sentence", "expected"), ABOUT_EXAMPLES)
def test_about_rules(rule: str, sentence: str, expected: object) -> None:
    found = figures(sentence)
    assert any(f.about == expected and f.rule == rule for f in found), [(f.about, f.rule) for f in found]


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        ("A Velmont poll found 46 percent.", None),
        ("Federal agents paid $500.", None),
        ("The mayor said about 20 people have applied for the post.", "people"),
        ("The feud between the two men that has simmered for years goes on.", "men"),
        ("Critics named four provisions in the tax code.", "provisions"),
        ("Some 25 million more people voted.", "more people"),
        # The one who says the clause is not what its figure is of.
        ("The Ostmark Chamber of Trade said the cost of the blockade had passed €90 million.", None),
    ],
)
def test_about_is_left_out_rather_than_wrong(sentence: str, about: str | None) -> None:
    assert figures(sentence)[0].about == about
