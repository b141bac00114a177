"""Units of measure after a number, as one compiled regex with a canonical name per alternative.

Names are singular, metric ones in British spelling ("kilometre"). Order matters: longer and more
specific forms come first because a regex alternation takes the first that fits.
"""

from __future__ import annotations

import re

from extract.regex_first import Alternation

_MET = r"met(?:re|er)s?"
# (pattern, canonical unit, may stand apart from the number). Short symbols like "m" or "g" are only
# units when glued to the digits ("50m", "5g") or, for a few, written apart in scientific style.
_MEASURES: list[tuple[str, str, bool]] = [
    (r"(?i:square[\s-](?:kilo" + _MET + r"|km)|sq\.?\s?km|km2|km²)", "square kilometre", True),
    (r"(?i:square[\s-]" + _MET + r"|sq\.?\s?m|m2|m²)", "square metre", True),
    (r"(?i:square[\s-]miles?|sq\.?\s?mi)", "square mile", True),
    (r"(?i:square[\s-](?:feet|foot)|sq\.?\s?ft)", "square foot", True),
    (r"(?i:square[\s-]inch(?:es)?)", "square inch", True),
    (r"(?i:square[\s-]yards?)", "square yard", True),
    (r"(?i:cubic[\s-](?:feet|foot)|cu\.?\s?ft)", "cubic foot", True),
    (r"(?i:cubic[\s-]inch(?:es)?)", "cubic inch", True),
    (r"(?i:cubic[\s-]centi" + _MET + r"|cc)", "cubic centimetre", True),
    (r"(?i:cubic[\s-]" + _MET + r"|m3|m³)", "cubic metre", True),
    (
        r"(?i:kilo" + _MET + r"\s(?:per|an|a)\shour|km\s?/\s?hr?|kph|kmph|km\s(?:per|an)\shour)",
        "kilometre per hour",
        True,
    ),
    (r"(?i:miles?\s(?:per|an|a)\shour|mph|m\.p\.h\.?)", "mile per hour", True),
    (r"(?i:rpm|r\.p\.m\.?|revolutions?\sper\sminute)", "revolution per minute", True),
    (r"(?i:bhp|brake\shorsepower)", "brake horsepower", True),
    (r"(?i:hp|horsepower|horse\spower)", "horsepower", True),
    (r"Nm|(?i:newton[\s-]met(?:re|er)s?)", "newton metre", True),
    (r"(?i:lbs?[\s.-]?-?ft\.?|pound[\s-]f(?:ee|oo)t)", "pound-foot", True),
    (r"(?i:miles?\sper\sgallon|mpg)", "mile per gallon", True),
    (r"(?i:light[\s-]years?)", "light year", True),
    (r"Mbps|(?i:megabits?\sper\ssecond)", "megabit per second", True),
    (r"Gbps|(?i:gigabits?\sper\ssecond)", "gigabit per second", True),
    (r"(?i:nautical\smiles?)", "nautical mile", True),
    (r"(?i:kilo" + _MET + r"|kms?)", "kilometre", True),
    (r"(?i:centi" + _MET + r"|cms?)", "centimetre", True),
    (r"(?i:milli" + _MET + r"|mm)", "millimetre", True),
    (r"(?i:deci" + _MET + r"|dm)", "decimetre", True),
    (r"(?i:micro" + _MET + r"|microns?|μm|µm)", "micrometre", True),
    (r"(?i:nano" + _MET + r"|nm)", "nanometre", True),
    (r"(?i:pico" + _MET + r")", "picometre", True),
    (r"(?i:" + _MET + r")", "metre", True),
    (r"m", "metre", True),
    (r"(?i:miles?)", "mile", True),
    (r"pp\.", "page", True),
    (r"(?i:feet|foot|ft)", "foot", True),
    (r"(?i:inch(?:es)?)", "inch", True),
    (r"(?i:yards?|yds?)", "yard", True),
    (r"(?i:acres?)", "acre", True),
    (r"(?i:hectares?)", "hectare", True),
    (r"ha", "hectare", False),
    (r"(?i:metric\stonnes?|metric\stons?|tonnes?)", "metric ton", True),
    (r"t", "metric ton", False),
    (r"(?i:tons?)", "ton", True),
    (r"(?i:kilogram(?:me)?s?|kilos?|kgs?)", "kilogram", True),
    (r"(?i:milligram(?:me)?s?|mg)", "milligram", True),
    (r"(?i:microgram(?:me)?s?|μg|µg|mcg)", "microgram", True),
    (r"(?i:gram(?:me)?s?)", "gram", True),
    (r"g", "gram", False),
    (r"p", "penny", False),
    (r"(?i:pounds?|lbs?)", "pound", True),
    (r"(?i:ounces?|oz)", "ounce", True),
    (r"(?i:carats?)", "carat", True),
    (r"(?i:millilit(?:re|er)s?|ml)", "millilitre", True),
    (r"(?i:lit(?:re|er)s?)", "litre", True),
    (r"[lL]", "litre", False),
    (r"(?i:gallons?)", "gallon", True),
    (r"(?i:pints?)", "pint", True),
    (r"(?i:quarts?)", "quart", True),
    (r"(?i:fl\.?\s?oz|fluid\sounces?)", "fluid ounce", True),
    (r"(?i:bushels?)", "bushel", True),
    (r"(?i:barrels?\s(?:a|per)\sday|bpd|b/d)", "barrel per day", True),
    (r"(?i:barrels?|bbl)", "barrel", True),
    (r"(?i:knots?)", "knot", True),
    (
        r"(?i:(?:degrees?|deg\.?)\s?(?:celsius|centigrade|c)|°\s?(?:celsius|centigrade|c)|℃|celsius|centigrade)",
        "celsius",
        True,
    ),
    (r"(?i:(?:degrees?|deg\.?)\s?(?:fahrenheit|f)|°\s?(?:fahrenheit|f)|℉|fahrenheit)", "fahrenheit", True),
    (r"(?i:kelvins?)", "kelvin", True),
    (r"C", "celsius", False),
    (r"F", "fahrenheit", False),
    (r"(?i:degrees?|°)", "degree", True),
    (r"(?i:percentage\spoints?)", "percentage point", True),
    (r"(?i:basis\spoints?|bps)", "basis point", True),
    (r"(?i:per[\s-]?cent|percent|pct)|%", "percent", True),
    (r"pc", "percent", False),
    (r"(?i:(?:index\s)?points?|pts)", "point", True),
    (r"(?i:megabytes?)|MB", "megabyte", True),
    (r"(?i:gigabytes?)|GB|gb", "gigabyte", True),
    (r"(?i:terabytes?)|TB|tb", "terabyte", True),
    (r"(?i:kilobytes?)|KB|kB", "kilobyte", True),
    (r"(?i:megabits?)|Mb|mb", "megabit", True),
    (r"(?i:gigabits?)|Gb", "gigabit", True),
    (r"(?i:bits?)", "bit", True),
    (r"(?i:bytes?)", "byte", True),
    (r"(?i:kilowatt[\s-]hours?)|kWh", "kilowatt hour", True),
    (r"(?i:megawatt[\s-]hours?)|MWh", "megawatt hour", True),
    (r"(?i:gigawatt[\s-]hours?)|GWh", "gigawatt hour", True),
    (r"(?i:terawatt[\s-]hours?)|TWh", "terawatt hour", True),
    (r"(?i:kilowatts?)|kW", "kilowatt", True),
    (r"(?i:megawatts?)|MW", "megawatt", True),
    (r"(?i:gigawatts?)|GW", "gigawatt", True),
    (r"(?i:watts?)", "watt", True),
    (r"(?i:gigahertz)|GHz", "gigahertz", True),
    (r"(?i:megahertz)|MHz", "megahertz", True),
    (r"(?i:kilohertz)|kHz", "kilohertz", True),
    (r"(?i:hertz)|Hz", "hertz", True),
    (r"(?i:decibels?)|dB", "decibel", True),
    (r"(?i:volts?)|kV", "volt", True),
    (r"(?i:calories|calorie|kcal)", "calorie", True),
    (r"(?i:teaspoons?|tsp)", "teaspoon", True),
    (r"(?i:tablespoons?|tbsp)", "tablespoon", True),
    (r"(?i:cups?)", "cup", True),
    (r"(?i:radians?|rad)", "radian", True),
    (r"(?i:milliseconds?)|ms", "millisecond", True),
    (r"(?i:seconds?|secs?)", "second", True),
    (r"s", "second", False),
    (r"(?i:minutes?|mins?)", "minute", True),
    (r"(?i:hours?|hrs?)", "hour", True),
    (r"(?i:days?)", "day", True),
    (r"(?i:weeks?)", "week", True),
    (r"(?i:months?)", "month", True),
    (r"(?i:years?|yrs?)", "year", True),
    (r"(?i:decades?)", "decade", True),
    (r"(?i:centuries|century)", "century", True),
]
TIME_UNITS = frozenset(
    {"millisecond", "second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
_NAMES = [name for _, name, _ in _MEASURES]


def _compile(apart_only: bool) -> Alternation:
    parts = [
        f"(?P<u{i}>{pattern})" for i, (pattern, _, apart) in enumerate(_MEASURES) if apart or not apart_only
    ]
    # a unit ends at a word boundary; "24703m212" is an identifier, not 24703 metres
    return Alternation(parts, r"(?!\w)")


GLUED_UNIT = _compile(apart_only=False)
APART_UNIT = _compile(apart_only=True)


def unit_name(match: re.Match[str]) -> str:
    """The canonical unit of a GLUED_UNIT or APART_UNIT match."""
    group = match.lastgroup or "u0"
    return _NAMES[int(group[1:])]


__all__ = ["APART_UNIT", "GLUED_UNIT", "TIME_UNITS", "unit_name"]
