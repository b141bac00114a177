"""The date rules, each declared once: a name, what it is for, its pattern, its anchors and examples.

The grammar (`timex_grammar.TIMEX`) is the alternation of these patterns in this order (alternatives
that start at the same place are listed longest first); the fast scanner's trigger words are read
from each rule's `anchors` (timex_triggers); the normaliser of a rule is `norm_<name>` (timex_dates);
every expression a rule makes carries its name in `TimeExpression.rule`. Examples pair a sentence
with the value the rule gives it when the article is published on EXAMPLES_PUBLISHED; they are the
golden tests (tests/unit/test_timex_rules.py). Month and weekday names must be capitalised (as news
prints them), which keeps the verbs "march" and "may" out; the relative words are case-insensitive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from extract.timex.pieces import (
    CLOCK,
    COUNT,
    DAYNUM,
    HOLIDAY,
    MONTH,
    MONTH_ALONE,
    PART,
    SET_WORD,
    UNIT,
    WEEKDAY,
    YEAR,
)

EXAMPLES_PUBLISHED = date(2025, 9, 10)  # a Wednesday


@dataclass(frozen=True, slots=True)
class DateRule:
    """One alternative of the grammar: `pattern` is wrapped in a group named `name`; every match
    holds one of the groups `anchors`, where the scanner looks for it."""

    name: str
    doc: str
    pattern: str
    anchors: tuple[str, ...]
    examples: tuple[tuple[str, object], ...] = field(default=())


_R = DateRule
RULES: tuple[DateRule, ...] = (
    _R(
        "iso",
        "an ISO date",
        r"\b(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?:T(?P<iso_t>\d\d:\d\d))?\b",
        ("iso_y",),
        (("The filing is dated 2025-09-01.", "2025-09-01"),),
    ),
    _R(
        "numeric",
        "a US-order numeric date, day first when the first number cannot be a month",
        r"\b(?P<num_a>[01]?\d)/(?P<num_b>[0-3]?\d)/(?P<num_y>\d{4})\b",
        ("num_a",),
        (("The deed was signed 9/7/2024.", "2024-09-07"),),
    ),
    _R(
        "week_of",
        "the week that holds a day: 'the week of March 6'",
        rf"\b(?i:the\s+(?P<wo_week>week)\s+of)\s+(?:(?P<wo_mon>{MONTH})\s+(?P<wo_day>{DAYNUM})"
        rf"|(?:(?i:the)\s+)?(?P<wo_day2>{DAYNUM})\s+(?:(?i:of)\s+)?(?P<wo_mon2>{MONTH}))"
        rf"(?:,?\s+(?P<wo_year>{YEAR}))?\b",
        ("wo_week",),
        (("Hearings resume the week of March 3, 2025.", "2025-W10"),),
    ),
    _R(
        "day_rel",
        "'the day before/after': the day next to the date right after it, or to the last one",
        r"\b(?i:the\s+(?P<dr_day>day)\s+(?P<dr_dir>before|after))\b",
        ("dr_day",),
        (("Rivera left the day before Sept. 7, 2024.", "2024-09-06"),),
    ),
    _R(
        "clock_day",
        "a clock time on a day: '9 a.m. Tuesday', '4 a.m. EDT on Thursday'",
        rf"\b(?P<cd_clock>{CLOCK})\s+(?:(?i:on)\s+)?(?P<cd_day>{WEEKDAY}|(?i:today|tomorrow|yesterday)"
        rf"|(?P<cd_mon>{MONTH})\s+(?P<cd_mday>{DAYNUM})(?:,?\s+(?P<cd_year>{YEAR}))?)\b",
        ("cd_clock",),
        (("The polls closed at 9 a.m. Tuesday.", "2025-09-09T09:00"),),
    ),
    _R(
        "month_day",
        "a month and a day: 'Sept. 7', 'Monday, Oct. 27, 2025', 'early Sunday, September 7'",
        rf"\b(?:(?P<md_edge>(?i:early|late))\s+)?(?:(?P<md_wd>{WEEKDAY}),?\s+(?:(?i:the)\s+)?)?"
        rf"(?P<md_mon>{MONTH})\s+(?P<md_day>{DAYNUM})(?:\s*[-–]\s*\d{{1,2}}\b)?"
        rf"(?:,?\s+(?P<md_year>{YEAR})|\s+(?i:of)\s+(?P<md_rel>(?i:this|last|next))\s+(?i:year))?\b",
        ("md_mon",),
        (
            ("The talks ended on Sept. 7.", "2025-09-07"),
            ("Ballots are due Monday, Oct. 27, 2025.", "2025-10-27"),
        ),
    ),
    _R(
        "day_month",
        "a day and a month: '7 September 2024', 'the 7th of September'",
        rf"\b(?:(?P<dm_wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<dm_day>{DAYNUM})(?:\s+of)?\s+"
        rf"(?P<dm_mon>{MONTH})(?:,?\s+(?P<dm_year>{YEAR}))?\b",
        ("dm_mon",),
        (("The ferry docked on 7 September 2024.", "2024-09-07"),),
    ),
    _R(
        "holiday",
        "a holiday of the lexicon timex_holidays: 'Christmas Eve 2024', 'last Thanksgiving'",
        rf"\b(?:(?P<hol_mod>(?i:last|this|next))\s+)?(?P<hol_name>{HOLIDAY})"
        rf"(?P<hol_week>\s+(?i:week))?(?:,?\s+(?P<hol_year>{YEAR}))?\b",
        ("hol_name",),
        (("The family met on Christmas Eve 2024.", "2024-12-24"),),
    ),
    _R(
        "month",
        "a month: 'early November 2024', 'last October', 'in July', 'the following January'",
        rf"\b(?:(?P<mo_mod>(?i:last|this|next|(?:early|late|mid)(?:\s+|-)|the\s+end\s+of|"
        rf"the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+following|the\s+previous))"
        rf"(?:\s+|(?<=[\s-])))?"
        rf"(?P<mo_mon>{MONTH_ALONE})"
        rf"(?:,?\s+(?:(?i:of)\s+)?(?P<mo_year>{YEAR})|\s+(?:(?i:of)\s+)?(?P<mo_rel>(?i:this|last|next))"
        rf"\s+(?i:year))?\b",
        ("mo_mon",),
        (
            ("Prices fell in July.", "2025-07"),
            ("It opened in early November 2024.", "2024-11"),
            ("Orla Benn won the 2021 vote and took office the following January.", "2022-01"),
        ),
    ),
    _R(
        "clock",
        "a clock time, on the day the article last named",
        rf"(?<![\w:.])(?P<ck_text>{CLOCK})(?![\w:])",
        ("ck_text",),
        (("The blast came at 10:35 a.m.", "2025-09-10T10:35"),),
    ),
    _R(
        "weekday",
        "a weekday: 'early Sunday', 'last Friday', 'Sunday night'; its direction by tense (timex_tense)",
        rf"\b(?:(?P<wd_edge>(?i:early|late|earlier|later))\s+)?(?:(?P<wd_mod>(?i:last|this|next|this\s+coming|"
        rf"this\s+past|past|coming))\s+)?(?P<wd_name>{WEEKDAY})(?:\s+(?P<wd_part>{PART}))?\b",
        ("wd_name",),
        (
            ("The minister resigned on Monday.", "2025-09-08"),
            ("She will visit next Tuesday.", "2025-09-16"),
            ("The council will review the plan Monday.", "2025-09-15"),
        ),
    ),
    _R(
        "every",
        "a recurring day or period: 'every Monday', 'each week'",
        rf"\b(?P<ev_word>(?i:every|each))\s+(?:(?i:other)\s+)?(?P<ev_unit>{WEEKDAY}|(?i:day|week|month|year|"
        rf"morning|night|evening|weekend|summer|winter|spring|fall|autumn))\b",
        ("ev_unit",),
        (("The market opens every Monday.", "XXXX-WXX-1"),),
    ),
    _R(
        "set",
        "a frequency adverb of the lexicon timex_sets: 'weekly', 'annually'",
        rf"\b(?P<set_word>(?i:{SET_WORD}))\b(?![- ](?i:basis)\b)",
        ("set_word",),
        (("The paper is printed weekly.", "P1W"), ("The Tarn clinic opens daily Monday to Friday.", "P1D")),
    ),
    _R(
        "day_word",
        "'today', 'tonight', 'yesterday', 'tomorrow'",
        rf"\b(?P<dw_word>(?i:today|tonight|yesterday|tomorrow))(?:\s+(?P<dw_part>{PART}))?\b",
        ("dw_word",),
        (("The strike began yesterday.", "2025-09-09"),),
    ),
    _R(
        "ago",
        "a point counted back or on: 'three weeks ago', 'two days later'",
        rf"\b(?i:(?P<ago_approx>about|almost|nearly|roughly|some|around|more\s+than|less\s+than|over|"
        rf"just|only)\s+)?(?P<ago_count>(?i:{COUNT}))\s+(?P<ago_unit>(?i:{UNIT}))s?\s+"
        rf"(?P<ago_dir>(?i:ago|earlier|later|prior|from\s+now|hence))\b",
        ("ago_unit",),
        (
            ("The plant closed three weeks ago.", "2025-W34"),
            ("It closed 'three weeks ago', he said.", "2025-W34"),
        ),
    ),
    _R(
        "span",
        "a span up to or from now: 'the past two years'",
        rf"\b(?i:(?P<sp_the>the\s+)?(?P<sp_mod>past|last|previous|next|coming|first|final|recent)"
        rf"\s+(?P<sp_count>{COUNT})\s+(?P<sp_unit>{UNIT})s?)\b",
        ("sp_unit",),
        (("Rents rose over the past two years.", "P2Y"),),
    ),
    _R(
        "relative",
        "a period next to publication or to the last date: 'last month', 'the following week'",
        r"\b(?i:(?P<rel_edge>early|late|earlier|later|mid)[- ])?(?i:(?P<rel_the>the\s+)?"
        r"(?P<rel_mod>last|this|next|past|previous|coming|current|same|following|that)\s+)"
        r"(?P<rel_unit>(?i:week(?:end)?|month|year|decade|century|quarter|spring|summer|fall|"
        r"autumn|winter|day|morning|afternoon|evening|night))\b",
        ("rel_unit",),
        (("Sales rose last month.", "2025-08"),),
    ),
    _R(
        "weekend",
        "'the weekend': the last one, or the coming one in a future sentence",
        r"\b(?i:(?:over\s+)?the\s+(?P<we_word>weekend))\b",
        ("we_word",),
        (("The storm hit over the weekend.", "2025-W36-WE"),),
    ),
    _R(
        "part_of",
        "a part of the current period: 'the end of the year', 'later in the month'",
        r"\b(?i:(?:the\s+)?(?:end|start|beginning|middle|rest|remainder|turn)\s+of\s+the|(?:earlier|later)\s+in\s+the)"
        r"\s+(?P<po_unit>(?i:year|month|week|quarter|decade|century))\b",
        ("po_unit",),
        (("The plant shuts by the end of the year.", "2025"),),
    ),
    _R(
        "quarter",
        "a quarter: 'the third quarter of 2024', 'Q3 2024'",
        rf"\b(?:(?i:the)\s+)?(?:(?P<q_year0>{YEAR})\s+)?"
        rf"(?P<q_ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))"
        rf"[- ](?P<q_word>(?i:quarter))(?:\s+(?i:of)\s+(?:(?P<q_year>{YEAR})|(?P<q_rel>(?i:this|last|next))"
        rf"\s+(?i:year)))?\b"
        rf"|\b(?P<q_letter>Q)(?P<q_num>[1-4])(?:\s+(?P<q_year2>{YEAR}))?\b",
        ("q_word", "q_letter"),
        (
            ("Profit fell in the third quarter of 2024.", "2024-Q3"),
            ("Lisk Foods lost money in the fourth quarter of last year.", "2024-Q4"),
        ),
    ),
    _R(
        "half",
        "a half year: 'the first half of 2024'",
        rf"\b(?:(?i:the)\s+)?(?P<h_ord>(?i:first|second))\s+(?P<h_word>(?i:half))"
        rf"(?:\s+(?i:of)\s+(?:(?P<h_year>{YEAR})|(?P<h_rel>(?i:this|last|next))\s+(?i:year)))?\b"
        rf"(?!\s+(?i:of|an?)\b)",
        ("h_word",),
        (
            ("Sales grew in the first half of 2024.", "2024-H1"),
            ("The Brask mine reopens in the second half of next year.", "2026-H2"),
        ),
    ),
    _R(
        "season",
        "a season of a year: 'the spring of 2024'",
        rf"\b(?:(?P<se_edge>(?i:early|late))\s+)?(?P<se_name>(?i:spring|summer|fall|autumn|winter))"
        rf"(?:\s+(?i:of))?\s+(?P<se_year>{YEAR})\b",
        ("se_name",),
        (("The bridge opened in spring 2024.", "2024-SP"),),
    ),
    _R(
        "season_bare",
        "a season without a year after a preposition: 'in the summer'",
        r"\b(?i:the)\s+(?:(?P<sb_edge>(?i:early|late))\s+)?(?P<sb_name>(?i:spring|summer|fall|autumn|winter))\b"
        r"(?!\s+(?i:of|in|from|to|by)\b|\s+\d{4})",
        ("sb_name",),
        (("The pool reopened in the summer.", "2025-SU"),),
    ),
    _R(
        "century",
        "a century: 'the 20th century'",
        r"\b(?:(?i:the)\s+)?(?:(?P<ce_edge>(?i:early|late|mid))[- ])?"
        r"(?P<ce_num>1\d|2[01]|[1-9])(?i:st|nd|rd|th)[- ](?P<ce_word>century)\b",
        ("ce_num",),
        (("Mills spread in the 19th century.", "18XX"),),
    ),
    _R(
        "decade",
        "a decade: 'the 1990s', 'the ’80s'",
        r"\b(?:(?i:the)\s+)?(?:(?P<dec_edge>(?i:early|late|mid))[- ])?(?P<dec_num>1[0-9]\d0|20\d0)[’']?s\b"
        r"|(?:\b(?i:the)\s+)?[’'](?P<dec_short>\d0)s\b",
        ("dec_num", "dec_short"),
        (("Rents doubled in the 1990s.", "199X"),),
    ),
    _R(
        "duration",
        "a length of time: 'three days', 'for more than a decade'; 'in two years' ahead is a point",
        rf"\b(?:(?i:(?P<du_mod>for|about|almost|nearly|roughly|around|more\s+than|less\s+than|over|"
        rf"within|at\s+least|up\s+to)\s+))?(?P<du_count>(?i:{COUNT}))[- ]"
        rf"(?:(?i:more|additional|further|full|straight|consecutive|whole)\s+)?"
        rf"(?P<du_unit>(?i:{UNIT}))s?\b(?![- ](?i:old|long|million|billion|trillion)\b)"
        rf"(?!(?<=(?i:quarter))\s+(?i:of)\b|(?<=(?i:quarters))\s+(?i:of)\b)",
        ("du_unit",),
        (
            ("The trial lasted three days.", "P3D"),
            ("Dana Wirth was freed after three days of questioning.", "P3D"),
            ("The Corran pier stays shut for two more weeks.", "P2W"),
        ),
    ),
    _R(
        "vague",
        "a length of time without a count: 'for weeks', 'in recent years'",
        r"\b(?i:(?P<va_lead>for|in\s+recent|in\s+the\s+coming|recent|coming|the\s+coming|the\s+next|the\s+past|"
        r"the\s+last|many|several|for\s+several|for\s+many)\s+(?P<va_unit>days|weeks|months|years|decades))\b",
        ("va_unit",),
        (("The talks dragged on for weeks.", "PXW"),),
    ),
    _R(
        "long",
        "a length as an adjective: 'a week-long standoff', 'a decades-long feud', 'a 10-day-long trip'",
        rf"\b(?:(?P<lg_count>(?i:{COUNT}))-)?(?P<lg_unit>(?i:hour|day|week|month|year|decade))(?P<lg_many>s)?"
        r"-(?i:long)\b",
        ("lg_unit",),
        (
            ("The Tamsin dockers ended their week-long standoff.", "P1W"),
            ("The decades-long feud between the Olds families ended.", "PXY"),
        ),
    ),
    # sentence-initial "Now" is a discourse marker ("Now the alliance faces ..."), not a time
    _R(
        "ref",
        "'now', 'currently', 'current' before a noun ('her current job'), 'the future', 'the past', and "
        "'future' alone (TimeML's FUTURE_REF)",
        r'\b(?P<ref_word>(?P<ref_now>(?i:(?<!^)(?<![.!?\n"”’]\s)(?<![.!?\n]\s\s)now|currently))|'
        r"(?P<ref_current>(?i:current)(?=\s+[a-z]))|"
        r"(?i:the\s+(?:near\s+|distant\s+)?(?P<ref_when>future|past))|(?P<ref_future>future))\b",
        ("ref_now", "ref_current", "ref_when", "ref_future"),
        (
            ("The team is currently in Oslo.", "PRESENT_REF"),
            ("Tova Brandt praised her current coach.", "PRESENT_REF"),
            ("They fear future floods.", "FUTURE_REF"),
        ),
    ),
    _R(
        "year",
        "a year, where the words around make it one: 'in 1998', 'mid-2024' (not '2000 troops')",
        rf"(?<![\w$€£#./])(?:(?P<yr_edge>(?i:early|late|mid))[- ])?(?P<yr>{YEAR})\b(?![-/]\d\d\b|[%°])",
        ("yr",),
        (("The firm was founded in 1998.", "1998"),),
    ),
)
