"""Lexicons of the units figures carry: currencies and measures, as compiled regexes.

Money is the ISO 4217 code for the widely traded currencies (USD, EUR, GBP, ...); currencies
without a current code or rarely seen in English news keep an English name ("mexican peso",
"peseta"), which reads better in a digest than an unfamiliar code.
"""

from __future__ import annotations

import re

from extract.regex_first import Alternation

# ISO code -> English name; the name forms compound units ("dollar per share").
CURRENCY_NAMES = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "ILS": "shekel",
    "MYR": "malaysian ringgit",
    "INR": "indian rupee",
    "RUB": "russian ruble",
    "UAH": "ukrainian hryvnia",
    "CHF": "swiss franc",
    "KRW": "south korean won",
    "SGD": "singapore dollar",
    "NZD": "new zealand dollar",
    "DKK": "danish krone",
    "SEK": "swedish krona",
    "NOK": "norwegian krone",
}
_OTHER_CODES = {
    "MXN": "mexican peso",
    "BRL": "brazilian real",
    "TRY": "turkish lira",
    "ZAR": "south african rand",
    "TWD": "new taiwan dollar",
    "THB": "thai baht",
    "PLN": "polish zloty",
    "NGN": "nigerian naira",
    "PHP": "philippine peso",
    "IDR": "indonesian rupiah",
    "PKR": "pakistani rupee",
    "BTC": "bitcoin",
}
_CODE = {**{c: c for c in CURRENCY_NAMES}, "RMB": "CNY", **_OTHER_CODES}

# Symbols and symbol-like prefixes; keys are lowercase with spaces removed.
_PREFIX = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "u.s$": "USD",
    "usd$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "aud$": "AUD",
    "hk$": "HKD",
    "nz$": "NZD",
    "nzd$": "NZD",
    "s$": "SGD",
    "sg$": "SGD",
    "mex$": "mexican peso",
    "mxn$": "mexican peso",
    "r$": "brazilian real",
    "nt$": "new taiwan dollar",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₴": "UAH",
    "₩": "KRW",
    "₪": "ILS",
    "₺": "turkish lira",
    "₿": "bitcoin",
    "元": "CNY",
    "₡": "costa rican colón",
    "₭": "lao kip",
    "₾": "georgian lari",
    "฿": "thai baht",
    "₦": "nigerian naira",
    "₱": "philippine peso",
    "rs": "rupee",
    "rs.": "rupee",
    "dlrs": "USD",
    "usdlrs": "USD",
}
# Currency words after a number; the bare "pound(s)" is decided by context (money or weight).
_SUFFIX = {
    "us dollar": "USD",
    "u.s. dollar": "USD",
    "american dollar": "USD",
    "dollar": "USD",
    "canadian dollar": "CAD",
    "australian dollar": "AUD",
    "hong kong dollar": "HKD",
    "new zealand dollar": "NZD",
    "singapore dollar": "SGD",
    "taiwan dollar": "new taiwan dollar",
    "euro": "EUR",
    "pound sterling": "GBP",
    "sterling": "GBP",
    "british pound": "GBP",
    "yen": "JPY",
    "japanese yen": "JPY",
    "yuan": "CNY",
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "kuai": "CNY",
    "indian rupee": "INR",
    "rupee": "rupee",
    "ரூ": "sri lankan rupee",
    "pakistani rupee": "pakistani rupee",
    "sri lankan rupee": "sri lankan rupee",
    "swiss franc": "CHF",
    "franc": "CHF",
    "ruble": "RUB",
    "rouble": "RUB",
    "hryvnia": "UAH",
    "hryvna": "UAH",
    "hryvnya": "UAH",
    "south korean won": "KRW",
    "korean won": "KRW",
    "shekel": "ILS",
    "ringgit": "MYR",
    "danish krone": "DKK",
    "danish kroner": "DKK",
    "norwegian krone": "NOK",
    "norwegian kroner": "NOK",
    "swedish krona": "SEK",
    "swedish kronor": "SEK",
    "kronor": "SEK",
    "krona": "SEK",
    "kroner": "krone",
    "krone": "krone",
    "mexican peso": "mexican peso",
    "peso": "peso",
    "turkish lira": "turkish lira",
    "lira": "lira",
    "reais": "brazilian real",
    "naira": "nigerian naira",
    "peseta": "peseta",
    "deutsche mark": "mark",
    "deutschmark": "mark",
    "guilder": "guilder",
    "dutch guilder": "netherlands guilder",
    "finnish markka": "finnish markka",
    "markka": "finnish markka",
    "dinar": "dinar",
    "dirham": "dirham",
    "riyal": "riyal",
    "baht": "thai baht",
    "rupiah": "indonesian rupiah",
    "zloty": "polish zloty",
    "zlotys": "polish zloty",
    "forint": "hungarian forint",
    "bitcoin": "bitcoin",
    "satoshi": "satoshi",
    "cent": "cent",
    "pence": "penny",
    "penny": "penny",
    "pennies": "penny",
    "pound": "GBP",
    "pounds sterling": "GBP",
    "buck": "USD",
    "quid": "GBP",
    "¢": "cent",
    "shilling": "shilling",
    "kenyan shilling": "kenyan shilling",
    "ugandan shilling": "ugandan shilling",
    "tanzanian shilling": "tanzanian shilling",
    "egyptian pound": "egyptian pound",
    "lebanese pound": "lebanese pound",
    "syrian pound": "syrian pound",
    "rial": "rial",
    "iranian rial": "iranian rial",
    "afghani": "afghani",
    "taka": "bangladeshi taka",
    "dong": "vietnamese dong",
    "kwacha": "kwacha",
    "cedi": "ghanaian cedi",
    "birr": "ethiopian birr",
    "tenge": "kazakhstani tenge",
    "lari": "georgian lari",
    "manat": "manat",
    "koruna": "czech koruna",
    "leu": "romanian leu",
    "lei": "romanian leu",
    "lev": "bulgarian lev",
    "kuna": "croatian kuna",
    "argentine peso": "argentine peso",
    "chilean peso": "chilean peso",
    "colombian peso": "colombian peso",
    "philippine peso": "philippine peso",
    "saudi riyal": "saudi riyal",
    "uae dirham": "uae dirham",
}
# Words that name money only after a scale word ("5 million won"), being common words otherwise.
SCALE_ONLY_CURRENCY = {"won": "KRW", "rand": "south african rand", "marks": "mark", "real": "brazilian real"}

_PREFIX_RE = (
    r"(?:(?<![\w'’.])(?i:u\.s\.?|usd|us|cad|ca|aud|au|nzd|nz|hk|mxn|mex|nt|sg|c)\s?\$"
    r"|(?<![\w'’.])[ASR]\$|\$|[€£¥₹₽₴₩₪₺₿₡₭₾฿₦₱]|(?<![\w'’.])Rs\.?\s?|(?<![\w'’.])(?i:(?:us\s)?dlrs)\.?\s?"
    r"|(?<![\w'’.])M?(?:" + "|".join(_CODE) + r")\s?"
    r"|(?<![\w'’.])(?:usd|eur|gbp|rmb|jpy|cny|chf|inr|hkd|aud|cad|nzd)\s"
    # "dollar 22.5 million": a currency word before an amount with a scale word
    r"|(?<![\w'’.])(?i:dollars?|euros?)\s(?=\d[\d.,]*\s(?i:million|billion|trillion)\b)"
    r")"
)
CURRENCY_PREFIX = re.compile(_PREFIX_RE)


def _plural_alternatives(words: list[str]) -> list[str]:
    forms = sorted({w for w in words} | {w + "s" for w in words}, key=len, reverse=True)
    return ["(?i:" + re.escape(f).replace(r"\ ", r"\s") + ")" for f in forms]


# `(?:(?i:NAMES)|CODES|…)(?!\w)` with each name its own alternative, in the same order: matched at a
# place, only the names that can open with the character there are tried (regex_first.Alternation)
CURRENCY_SUFFIX = Alternation(
    [
        *_plural_alternatives(list(_SUFFIX)),
        r"M?(?:" + "|".join(_CODE) + r")",
        r"(?:usd|eur|gbp|rmb|jpy|cny|chf|inr|hkd)",
        r"[元€£¥₹₽₴₩₪₺₿₡₭₾฿₦₱$¢](?![^\S\r\n]?\d)",
    ],
    r"(?!\w)",
)
SCALE_ONLY_SUFFIX = re.compile(r"(?:won|rand|marks|real)(?![\w-])")


_SPACES = re.compile(r"\s+")


def currency_of(surface: str) -> tuple[str, float] | None:
    """The currency a prefix or suffix names, and the scale it carries ("MUSD" is a million dollars)."""
    key = _SPACES.sub(" ", surface.strip()).lower()
    scale = 1.0
    squeezed = key.replace(" ", "")
    if squeezed in _PREFIX:
        return _PREFIX[squeezed], scale
    upper = surface.strip().upper()
    if len(upper) == 4 and upper.startswith("M") and upper[1:] in _CODE and surface.strip()[0] == "M":
        return _CODE[upper[1:]], 1e6
    if upper in _CODE:
        return _CODE[upper], scale
    if key in _SUFFIX:
        return _SUFFIX[key], scale
    for cut in ("es", "s"):
        if key.endswith(cut) and key[: -len(cut)] in _SUFFIX:
            return _SUFFIX[key[: -len(cut)]], scale
    if key in SCALE_ONLY_CURRENCY:
        return SCALE_ONLY_CURRENCY[key], scale
    return None


def money_name(code: str) -> str:
    """The name a currency has inside a compound unit: "USD" -> "dollar"."""
    return CURRENCY_NAMES.get(code, code)


__all__ = [
    "CURRENCY_NAMES",
    "CURRENCY_PREFIX",
    "CURRENCY_SUFFIX",
    "SCALE_ONLY_SUFFIX",
    "currency_of",
    "money_name",
]
