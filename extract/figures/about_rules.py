"""The rules that say what a figure is of, in the order they are tried, with their examples.

Each figure's `rule` names the one that gave its `about`; tests/unit/test_figures_rules.py runs
every example through find_figures.
"""

from __future__ import annotations

from extract.rules import Rule, unique_names

RULES = (
    Rule(
        "counted_noun",
        "A count is of the noun it counts, with what completes it after: of-phrase, a second noun, "
        "'on board', a passive verb.",
        (
            ("Rebels fired 35 missiles.", "missiles"),
            ("The archive holds 9,000 reels of old film.", "reels of old film"),
            ("The ferry carried 80 passengers and crew.", "passengers and crew"),
            ("All 120 people on board survived.", "people on board"),
            ("Rescuers said 12 bodies had been recovered.", "bodies recovered"),
            ("She has 30 people in her lab.", "people in her lab"),
            ("Police thanked the 9,000 people who marched on Sunday.", "people who marched on Sunday"),
            ("These are the seven “pillars” of Kadoria.", "pillars of Kadoria"),
            ("The same four goals of the Velmar Reform League remain.", "goals of the Velmar Reform League"),
        ),
    ),
    Rule(
        "phrase_after",
        "Money or a measure is of the noun phrase after it, or after in/of/for/on.",
        (
            ("Lawmakers approved $1.7 billion for the Artemis programme.", "Artemis programme"),
            ("Some 58 percent of women disagreed.", "women"),
        ),
    ),
    Rule(
        "subject_of_change",
        "A change is of the subject of its verb, past a ticker and an auxiliary.",
        (
            ("The S&P 500 traded up 0.09% on Friday.", "S&P 500"),
            ("Fenwick Tools Inc. (NYSE: FWT) dropped about 6% on Monday.", "Fenwick Tools Inc."),
            ("Copper prices are down about 2%.", "Copper prices"),
        ),
    ),
    Rule(
        "subject_of_link",
        "A figure after worth/of/valued at is of the phrase before that word.",
        (("Lawmakers backed an aid bill worth $61 billion.", "aid bill"),),
    ),
    Rule(
        "subject_of_level",
        "A level reached after a verb of change and 'to' is of the subject of that verb.",
        (("Zinc futures slid to $2,400 a tonne.", "Zinc futures"),),
    ),
    Rule(
        "measured_noun",
        "A length before high/long/deep is of the noun right before it.",
        (("Crews faced waves up to four metres high.", "waves"),),
    ),
    Rule(
        "subject_of_copula",
        "A figure after is/was/totalled/lasted is of the subject of that verb.",
        (
            ("The Tarn Sea is less than 100 metres deep.", "Tarn Sea"),
            ("Turnout was 61 percent.", "Turnout"),
        ),
    ),
    Rule(
        "share_in_brackets",
        "A share in brackets is of the words just before the brackets.",
        (("Support is highest among the retired (71 percent).", "retired"),),
    ),
    Rule(
        "verb_before",
        "A measure after a verb and at/to is of that verb ('flying at 30,000 feet').",
        (("The jet was cruising at 35,000 feet.", "cruising"),),
    ),
    Rule(
        "recipient",
        "Money given to or for a named body is of that body.",
        (("The fund gave $7,500 to Riverside Food Bank.", "Riverside Food Bank"),),
    ),
    Rule(
        "distance_from",
        "A distance north/south/... of a place is the distance from that place.",
        (("The boat sank 40 miles east of Port Elden.", "distance from Port Elden"),),
    ),
    Rule(
        "restated",
        "The same quantity restated in another unit is of what the first one is of.",
        (("The jet cruised at 30,000 feet (9,144 metres).", "cruised"),),
    ),
    Rule(
        "company_of_report",
        "In a market report a price, volume or move without a company is of the company the "
        "paragraph reports on; 'the stock', 'its' stand for it.",
        (
            (
                "Gorvik Mining Corp. (NYSE: GVK) fell 4%. The stock's 52-week high is $12.10.",
                "Gorvik Mining Corp. 52-week high",
            ),
        ),
    ),
    Rule(
        "listing_title",
        "A price in a listing (title, author, publisher lines) is of the title on the first line.",
        (("The Salt Road\n\nAmy Tull\n\nHarbor Books, $17.99\n\nA review.", "The Salt Road"),),
    ),
    Rule(
        "clause_subject",
        "Money or a share with nothing else to say what it is of is of the named subject of the clause "
        "(not of one who only says it, unless what it says is about itself: 'said it lost').",
        (
            ("Ardent Health Partners paid $35 million on Monday.", "Ardent Health Partners"),
            ("Brandt Shipping said it lost $4 million in March.", "Brandt Shipping"),
        ),
    ),
)
unique_names(RULES)


__all__ = ["RULES"]
