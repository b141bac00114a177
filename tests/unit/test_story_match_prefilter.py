"""best_match skips pairs that cannot merge before scoring them: it must never skip one that would."""

from __future__ import annotations

import itertools

from handlers.story_match import _may_merge, features, score

_REPORTS = [
    ("2031-05-02", "Floods forced 2,000 people from their homes in Quessa on Friday.", ["Quessa"], 1, 0),
    ("2031-05-02", "Rising water drove thousands out of Quessa, officials said.", [], 2, 40),
    ("2031-05-02", "The river burst its banks after three days of rain.", [], 2, 300),
    ("2031-05", "Parliament voted on the budget in May.", ["Parliament"], 3, 0),
    ("2031-05-02", "Lawmakers approved the budget on Friday.", [], 4, 10),
    ("2031-05-02", "Ada Okafor resigned as finance minister.", ["Ada Okafor"], 5, 0),
    ("2031-05-02", "Okafor stepped down on Friday, the ministry said.", ["Okafor"], 5, 200),
    ("2031-05-03", "A strike closed the port of Lindqvist.", ["Lindqvist"], 6, 0),
    ("2031-05-02", "Workers walked off the job at the port.", [], 7, 0),
    ("2031-05-02", "It happened on Friday.", [], 8, 0),
    ("2031-05-02", "It happened on Friday too.", [], 8, 120),
]


def test_prefilter_never_drops_a_pair_that_scores_a_merge() -> None:
    feats = [features(d, s, actors, [], article_id=a, offset=o) for d, s, actors, a, o in _REPORTS]
    merging = 0
    for a, b in itertools.permutations(feats, 2):
        if score(a, b).merges:
            merging += 1
            assert _may_merge(a, b)
    assert merging > 0  # the sample holds real merges, so the check above is exercised


def test_prefilter_drops_reports_of_other_days_and_with_nothing_in_common() -> None:
    flood = features("2031-05-02", "Floods forced people from Quessa.", ["Quessa"], article_id=1, offset=0)
    later = features("2031-06-09", "Floods forced people from Quessa.", ["Quessa"], article_id=2, offset=0)
    vote = features("2031-05-02", "Lawmakers approved the budget.", [], article_id=3, offset=0)
    assert not _may_merge(flood, later)
    assert not _may_merge(flood, vote)
