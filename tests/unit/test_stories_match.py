"""Merge scoring: when two reported events are one happening, and why."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from handlers.story_match import MERGE_THRESHOLD, best_match, features, fold, name_key, score, stem


def test_paraphrased_attack_reports_of_the_same_day_and_country_merge() -> None:
    a = features(
        "2031-03-07",
        "Merovian forces launched a massive assault on Tassel, firing 34 missiles.",
        places=["Tassel"],
    )
    b = features(
        "2031-03-07",
        "Tassel came under heavy bombardment as Merovian troops fired rockets.",
        places=["Tassel"],
    )
    s = score(a, b)
    assert s.merges and s.kinds == ("attack",) and "tassel" in s.names and "merovia" in s.names


def test_different_days_never_merge_however_alike() -> None:
    a = features("2031-03-07", "A fire destroyed a warehouse in Brenn.", places=["Brenn"])
    b = features("2031-03-08", "A fire destroyed a warehouse in Brenn.", places=["Brenn"])
    assert score(a, b).score == 0 and not score(a, b).merges


def test_a_month_date_is_compatible_with_a_day_inside_it_but_needs_more_evidence() -> None:
    day = features("2031-03-07", "Lawmakers in Ostrelia approved an aid package.", actors=["Ostrelia"])
    month = features("2031-03", "Lawmakers in Ostrelia approved an aid package.", actors=["Ostrelia"])
    same = features("2031-03-07", "Lawmakers in Ostrelia approved an aid package.", actors=["Ostrelia"])
    assert 0 < score(day, month).score < score(day, same).score


def test_other_kinds_of_happening_in_the_same_town_on_the_same_day_stay_apart() -> None:
    quake = features("2031-03-04", "An earthquake of magnitude 5.3 struck near Hollin.", places=["Hollin"])
    protest = features("2031-03-04", "Thousands rallied in Hollin against fuel taxes.", places=["Hollin"])
    assert not score(quake, protest).merges


def test_the_same_kind_in_two_towns_stays_apart() -> None:
    a = features(
        "2031-03-07",
        "Talks between Rafael Lindval and Tomas Kortova took place in Lindqvist.",
        actors=["Rafael Lindval", "Tomas Kortova"],
        places=["Lindqvist"],
    )
    b = features(
        "2031-03-07",
        "Mayor Belenko met Ilse Beltova in Tassel for talks.",
        actors=["Belenko", "Ilse Beltova"],
        places=["Tassel"],
    )
    assert not score(a, b).merges


def test_a_surname_meets_the_full_name_and_a_seat_of_power_its_country() -> None:
    a = features(
        "2031-03-07", "Talks with Volodymyr Zelensky were held in Kyiv.", actors=["Volodymyr Zelensky"]
    )
    b = features("2031-03-07", "Zelensky met the envoy for talks.", actors=["Zelensky"])
    assert "zelensky" in score(a, b).names and score(a, b).merges
    assert "russia" in features("2031-03-07", "The Kremlin denied the strike.").names


def test_a_follow_up_without_names_joins_its_lead_nearby_in_the_same_article() -> None:
    lead = features(
        "2031-03-13", "A blaze ripped through a warehouse in Brenn.", places=["Brenn"], article_id=1, offset=0
    )
    said = "Firefighters fought the blaze for six hours."
    follow = features("2031-03-13", said, article_id=1, offset=50)
    elsewhere = features("2031-03-13", said, article_id=2, offset=50)
    assert score(lead, follow).nearby and score(lead, follow).score > score(follow, elsewhere).score
    assert best_match(follow, [(1, [lead]), (2, [elsewhere])]) is not None
    assert best_match(follow, [(1, [lead]), (2, [elsewhere])])[0] == 1  # type: ignore[index]


def test_the_reasons_are_plain_data_for_storage() -> None:
    a = features("2031-03-07", "Police in Quessa arrested 40 suspects.", places=["Quessa"])
    b = features("2031-03-07", "Officers detained suspects in Quessa.", places=["Quessa"])
    why = score(a, b).explain()
    assert why["kinds"] == ["arrest"] and why["names"] == ["quessa"] and why["same_date"] is True
    assert float(str(why["score"])) >= MERGE_THRESHOLD


def test_words_are_reduced_so_inflections_meet() -> None:
    assert stem("strikes") == stem("strike") and stem("targeted") == "target" and stem("killed") == "kill"
    assert name_key("the Kremlin") == "kremlin" and name_key("Russian") == "russia"


def test_generic_actors_like_police_identify_no_happening() -> None:
    a = features(
        "2031-03-04", "Police in Vinmark arrested 59 suspects.", actors=["Police"], places=["Vinmark"]
    )
    b = features("2031-03-04", "Police in Eskar arrested 49 suspects.", actors=["Police"], places=["Eskar"])
    assert "police" not in a.names and not score(a, b).merges


def test_hyphenated_words_and_vague_verbs_name_kinds_without_ruling_out_a_match() -> None:
    winds = features(
        "2031-03-14", "Hurricane-force winds lashed Tassel, cutting electricity.", places=["Tassel"]
    )
    storm = features("2031-03-14", "A storm battered Tassel overnight.", places=["Tassel"])
    assert "storm" in winds.kinds and score(winds, storm).merges
    outage = features("2031-03-14", "Officials cut power in Tassel.", places=["Tassel"])
    assert outage.vague_kinds and score(outage, storm).score > 0


@given(st.text(max_size=40))
def test_fold_lowers_and_strips_accents_the_same_way_for_ascii_and_any_text(text: str) -> None:
    # fold takes a shortcut for ASCII; it must agree with the Unicode path (and with itself on "É").
    slow = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    assert fold(text) == slow
    assert fold(text + "É") == slow + "e"
