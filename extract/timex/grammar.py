"""The surface grammar of temporal expressions: one compiled alternation scanned over the whole text.

Every alternative is an outer named group (its kind of expression); `match.lastgroup` names it, since
the outer group closes after its inner groups. Alternatives that start at the same place are listed
longest first. Month and weekday names must be capitalised (as news prints them), which keeps the
verbs "march" and "may" out; the relative words are case-insensitive.
"""

from __future__ import annotations

import re

from extract.figures.numbers import TENS, UNITS

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
# Counts in durations and offsets ("two weeks", "a decade", "half a year"): the figures module's words
# plus the article as "one".
NUMBER_WORDS: dict[str, int] = {
    **UNITS,
    **TENS,
    "a": 1,
    "an": 1,
    "hundred": 100,
    "a hundred": 100,
    "half a": 0,
    "a half": 0,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
# Abbreviations take an optional dot; "Mar"/"Jun" without a dot only count when a day follows.
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}|Mar|Jun)"
_MONTH_NAME = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[0-9]|20)\d\d(?![\d,.]\d)"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
_NUM_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)
# counts of up to three digits (plus thousands): "1988 quarter" is a year and a noun, not 1988 quarters
_COUNT = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?!\d)|{_NUM_WORD}|an?|a\s+few|few|a\s+couple\s+of|several"
    rf"|a\s+hundred|a\s+dozen)"
)
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies))"
_TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|ET|PT|local\s+time)\b)?"
_CLOCK = rf"(?:\d{{1,2}}(?::\d\d)?\s*(?:[ap]\.m\.?|[ap]m\b)|\d{{1,2}}:\d\d(?!:?\d)|noon|midnight|midday){_TZ}"
_EDGE = r"(?:early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)"

ALTERNATIVES = [
    ("iso", r"\b(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?:T(?P<iso_t>\d\d:\d\d))?\b"),
    ("numeric", r"\b(?P<num_a>[01]?\d)/(?P<num_b>[0-3]?\d)/(?P<num_y>\d{4})\b"),
    # "the week of March 6": the week that holds the day
    (
        "week_of",
        rf"\b(?i:the\s+week\s+of)\s+(?:(?P<wo_mon>{_MONTH})\s+(?P<wo_day>{_DAYNUM})"
        rf"|(?:(?i:the)\s+)?(?P<wo_day2>{_DAYNUM})\s+(?:(?i:of)\s+)?(?P<wo_mon2>{_MONTH_NAME}))"
        rf"(?:,?\s+(?P<wo_year>{_YEAR}))?\b",
    ),
    # "the day before" (a date that follows, or the last one mentioned)
    ("day_rel", r"\b(?i:the\s+day\s+(?P<dr_dir>before|after))\b"),
    # "9 a.m. Tuesday", "4 a.m. EDT on Thursday"
    (
        "clock_day",
        rf"\b(?P<cd_clock>{_CLOCK})\s+(?:(?i:on)\s+)?(?P<cd_day>{_WEEKDAY}|(?i:today|tomorrow|yesterday)"
        rf"|(?P<cd_mon>{_MONTH})\s+(?P<cd_mday>{_DAYNUM})(?:,?\s+(?P<cd_year>{_YEAR}))?)\b",
    ),
    # "Monday, Oct. 26, 2025", "Sept. 7", "early Sunday, September 7", "August 15-16"
    (
        "month_day",
        rf"\b(?:(?P<md_edge>(?i:early|late))\s+)?(?:(?P<md_wd>{_WEEKDAY}),?\s+(?:(?i:the)\s+)?)?"
        rf"(?P<md_mon>{_MONTH})\s+(?P<md_day>{_DAYNUM})(?:\s*[-–]\s*\d{{1,2}}\b)?"
        rf"(?:,?\s+(?P<md_year>{_YEAR})|\s+(?i:of)\s+(?P<md_rel>(?i:this|last|next))\s+(?i:year))?\b",
    ),
    # "7 September 2025", "Sunday 7 September", "the 7th of September"
    (
        "day_month",
        rf"\b(?:(?P<dm_wd>{_WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<dm_day>{_DAYNUM})(?:\s+of)?\s+"
        rf"(?P<dm_mon>{_MONTH_NAME})(?:,?\s+(?P<dm_year>{_YEAR}))?\b",
    ),
    (
        "holiday",
        rf"\b(?:(?P<hol_mod>(?i:last|this|next))\s+)?(?P<hol_name>Christmas(?:\s+(?:Eve|Day))?"
        rf"|New\s+Year[’']s\s+(?:Eve|Day)|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Halloween"
        rf"|Valentine[’']s\s+Day|Election\s+Day)(?P<hol_week>\s+(?i:week))?(?:,?\s+(?P<hol_year>{_YEAR}))?\b",
    ),
    # "early/late/mid-November 2025", "last October", "July 2025", "in July"
    (
        "month",
        rf"\b(?:(?P<mo_mod>(?i:last|this|next|(?:early|late|mid)(?:\s+|-)|the\s+end\s+of|"
        rf"the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of))\s*)?"
        rf"(?P<mo_mon>{_MONTH_FULL}|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)"
        rf"(?:,?\s+(?:(?i:of)\s+)?(?P<mo_year>{_YEAR})|\s+(?:(?i:of)\s+)?(?P<mo_rel>(?i:this|last|next))"
        rf"\s+(?i:year))?\b",
    ),
    ("clock", rf"(?<![\w:.])(?P<ck_text>{_CLOCK})(?![\w:])"),
    # "early Sunday", "last Friday", "Sunday night", "Friday's"
    (
        "weekday",
        rf"\b(?:(?P<wd_edge>(?i:early|late|earlier|later))\s+)?(?:(?P<wd_mod>(?i:last|this|next|this\s+coming|"
        rf"this\s+past|past|coming))\s+)?(?P<wd_name>{_WEEKDAY})(?:\s+(?P<wd_part>{_PART}))?\b",
    ),
    (
        "every",
        rf"\b(?i:every|each)\s+(?:other\s+)?(?P<ev_unit>{_WEEKDAY}|(?i:day|week|month|year|morning|"
        rf"night|evening|weekend|summer|winter|spring|fall|autumn))\b",
    ),
    (
        "set",
        r"\b(?P<set_word>(?i:daily|weekly|monthly|annually|yearly|nightly|hourly|biweekly|quarterly))\b"
        r"(?![- ](?i:basis)\b)",
    ),
    ("day_word", rf"\b(?P<dw_word>(?i:today|tonight|yesterday|tomorrow))(?:\s+(?P<dw_part>{_PART}))?\b"),
    (
        "ago",
        rf"\b(?i:(?P<ago_approx>about|almost|nearly|roughly|some|around|more\s+than|less\s+than|over|"
        rf"just|only)\s+)?(?P<ago_count>(?i:{_COUNT}))\s+(?P<ago_unit>(?i:{_UNIT}))s?\s+"
        rf"(?P<ago_dir>(?i:ago|earlier|later|prior|from\s+now|hence))\b",
    ),
    (
        "span",
        rf"\b(?i:(?P<sp_the>the\s+)?(?P<sp_mod>past|last|previous|next|coming|first|final|recent)"
        rf"\s+(?P<sp_count>{_COUNT})\s+(?P<sp_unit>{_UNIT})s?)\b",
    ),
    (
        "relative",
        r"\b(?i:(?P<rel_edge>early|late|earlier|later|mid)[- ])?(?i:(?P<rel_the>the\s+)?"
        r"(?P<rel_mod>last|this|next|past|previous|coming|current|same|following|that)\s+)"
        r"(?P<rel_unit>(?i:week(?:end)?|month|year|decade|century|quarter|spring|summer|fall|"
        r"autumn|winter|day|morning|afternoon|evening|night))\b",
    ),
    ("weekend", r"\b(?i:(?:over\s+)?the\s+weekend)\b"),
    # "the end of the year", "later in the month": the current one
    (
        "part_of",
        r"\b(?i:(?:the\s+)?(?:end|start|beginning|middle|rest|remainder|turn)\s+of\s+the|(?:earlier|later)\s+in\s+the)"
        r"\s+(?P<po_unit>(?i:year|month|week|quarter|decade|century))\b",
    ),
    (
        "quarter",
        rf"\b(?:(?i:the)\s+)?(?:(?P<q_year0>{_YEAR})\s+)?"
        rf"(?P<q_ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))"
        rf"[- ](?i:quarter)(?:\s+(?i:of)\s+(?P<q_year>{_YEAR}))?\b"
        rf"|\bQ(?P<q_num>[1-4])(?:\s+(?P<q_year2>{_YEAR}))?\b",
    ),
    (
        "half",
        rf"\b(?:(?i:the)\s+)?(?P<h_ord>(?i:first|second))\s+(?i:half)(?:\s+(?i:of)\s+(?P<h_year>{_YEAR}))?\b"
        r"(?!\s+(?i:of|an?)\b)",
    ),
    (
        "season",
        rf"\b(?:(?P<se_edge>(?i:early|late))\s+)?(?P<se_name>(?i:spring|summer|fall|autumn|winter))"
        rf"(?:\s+(?i:of))?\s+(?P<se_year>{_YEAR})\b",
    ),
    # "in the summer", "during the late autumn": a season without a year, after a preposition
    (
        "season_bare",
        r"\b(?i:the)\s+(?:(?P<sb_edge>(?i:early|late))\s+)?(?P<sb_name>(?i:spring|summer|fall|autumn|winter))\b"
        r"(?!\s+(?i:of|in|from|to|by)\b|\s+\d{4})",
    ),
    # "the 20th century", "the early 21st century"
    (
        "century",
        r"\b(?:(?i:the)\s+)?(?:(?P<ce_edge>(?i:early|late|mid))[- ])?"
        r"(?P<ce_num>1\d|2[01]|[1-9])(?i:st|nd|rd|th)[- ]century\b",
    ),
    (
        "decade",
        r"\b(?:(?i:the)\s+)?(?:(?P<dec_edge>(?i:early|late|mid))[- ])?(?P<dec_num>1[0-9]\d0|20\d0)[’']?s\b"
        r"|(?:\b(?i:the)\s+)?[’'](?P<dec_short>\d0)s\b",
    ),
    (
        "duration",
        rf"\b(?:(?i:(?P<du_mod>for|about|almost|nearly|roughly|around|more\s+than|less\s+than|over|"
        rf"within|at\s+least|up\s+to)\s+))?(?P<du_count>(?i:{_COUNT}))[- ]"
        rf"(?P<du_unit>(?i:{_UNIT}))s?\b(?![- ](?i:old|million|billion|trillion|of)\b)",
    ),
    (
        "vague",
        r"\b(?i:(?P<va_lead>for|in\s+recent|in\s+the\s+coming|recent|coming|the\s+coming|the\s+next|the\s+past|"
        r"the\s+last|many|several|for\s+several|for\s+many)\s+(?P<va_unit>days|weeks|months|years|decades))\b",
    ),
    # sentence-initial "Now" is a discourse marker ("Now the alliance faces ..."), not a time
    (
        "ref",
        r'\b(?P<ref_word>(?i:(?<!^)(?<![.!?\n"”’]\s)(?<![.!?\n]\s\s)now|currently|'
        r"the\s+(?:near\s+|distant\s+)?future|the\s+past))\b",
    ),
    (
        "year",
        rf"(?<![\w$€£#./])(?:(?P<yr_edge>(?i:early|late|mid))[- ])?(?P<yr>{_YEAR})\b(?![-/]\d\d\b|[%°])",
    ),
]

TIMEX = re.compile("|".join(f"(?P<{name}>{body})" for name, body in ALTERNATIVES))

# The word before a candidate, to judge bare years and bare month names.
WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
WORD_AFTER = re.compile(r"^\s*([A-Za-z]+)")
