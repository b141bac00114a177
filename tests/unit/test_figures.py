import pytest

from extract.document import Document
from extract.figures.find import find_figures
from extract.models import Figure, TimeExpression


def figures(text: str, dates: list[TimeExpression] | None = None) -> list[Figure]:
    found = find_figures(Document.parse(text), dates or [])
    for f in found:
        assert text[f.start : f.end] == f.text
    return found


def only(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- counts


def test_count_takes_the_head_noun_past_modifiers_and_a_bound() -> None:
    f = only("The convoy carried more than 600 Turkish-built armoured trucks across the border.")
    assert (f.value, f.unit, f.bound) == (600, "truck", ">")
    assert f.text == "more than 600 Turkish-built armoured trucks"
    assert f.about == "Turkish-built armoured trucks"


def test_count_of_people_is_singular_person() -> None:
    f = only("Flooding forced 35 people from their homes.")
    assert (f.value, f.unit) == (35, "person")


def test_count_singularises_ies_plurals() -> None:
    assert only("Delegates from 14 countries signed the accord.").unit == "country"


def test_count_keeps_a_demonym_capitalised() -> None:
    f = only("At least seven Canadians were stranded at the airport.")
    assert (f.value, f.unit, f.bound) == (7, "Canadian", ">=")


def test_word_numbers_up_to_ninety_nine_and_compounds() -> None:
    assert only("The team signed forty-two players.").value == 42
    assert only("They planted three hundred and twenty saplings.").value == 320


def test_a_dozen_and_over_dozen_are_twelve() -> None:
    f = only("Rebels fired a dozen rockets overnight.")
    assert (f.value, f.unit) == (12, "rocket")
    g = only("The navy intercepted over dozen cruise and anti-ship missiles.")
    assert (g.value, g.unit, g.bound) == (12, "missile", ">")


def test_tens_of_thousands_is_a_range_of_one_order() -> None:
    f = only("The strike drew tens of thousands of workers onto the streets.")
    assert (f.value, f.value_max, f.unit) == (10000, 100_000, "worker")
    h = only("The archive holds thousands of letters.")
    assert (h.value, h.value_max, h.unit) == (1000, 10_000, "letter")


def test_bounds_from_the_words_before_the_number() -> None:
    cases = {
        "Officials counted nearly 90 vessels.": "<",
        "Officials counted up to 90 vessels.": "<=",
        "Officials counted roughly 90 vessels.": "~",
        "Officials counted some 90 vessels.": "~",
        "Officials counted fewer than 90 vessels.": "<",
        "Officials counted approximately 90 vessels.": "~",
    }
    for text, bound in cases.items():
        assert only(text).bound == bound, text


def test_or_more_after_the_figure_is_a_lower_bound() -> None:
    f = only("Each raid involved 20 aircraft or more.")
    assert f.bound == ">="


# ---------------------------------------------------------------- money


def test_dollar_millions() -> None:
    f = only("The council approved a $312 million flood barrier.")
    assert (f.value, f.unit, f.text) == (312_000_000, "USD", "$312 million")
    assert f.about == "flood barrier"


def test_short_scales_after_a_currency_sign() -> None:
    assert (only("The club paid $1.2bn for the stadium.").value, "USD") == (1_200_000_000, "USD")
    f = only("A fine of £3m was imposed.")
    assert (f.value, f.unit) == (3_000_000, "GBP")


def test_currency_words_after_the_number() -> None:
    f = only("Ministers discussed lending 45 billion euros in reconstruction aid.")
    assert (f.value, f.unit) == (45e9, "EUR")
    assert f.about == "reconstruction aid"
    assert only("The bridge toll rose to 300 rubles.").unit == "RUB"
    assert only("Pensions were raised by 900 hryvnias.").unit == "UAH"
    assert only("The painting fetched 2 million Swiss francs.").unit == "CHF"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Profits reached US$ 40 million last year.", 40e6, "USD"),
        ("The deal is worth C$ 75 million.", 75e6, "CAD"),
        ("Shares raised A$900 million.", 900e6, "AUD"),
        ("The tower cost HK$ 6.5 billion.", 6.5e9, "HKD"),
        ("Exports rose to ¥12 trillion.", 12e12, "JPY"),
        ("The grant is €250,000.", 250_000, "EUR"),
        ("The fund holds USD 5 million.", 5e6, "USD"),
        ("The fund holds 5 million USD.", 5e6, "USD"),
        ("Farmers were paid 80 billion yuan.", 80e9, "CNY"),
        ("The scheme costs 600 crore rupees.", 6e9, "rupee"),
    ],
)
def test_money_in_common_currencies(text: str, value: float, unit: str) -> None:
    f = only(text)
    assert f.value == pytest.approx(value)
    assert f.unit == unit


def test_per_share_price_names_the_currency_in_the_compound_unit() -> None:
    f = only("The bidder offered $42 a share.")
    assert (f.value, f.unit) == (42, "dollar per share")


def test_pounds_are_money_after_a_scale_and_weight_otherwise() -> None:
    assert only("The club spent 60 million pounds on players.").unit == "GBP"
    assert only("The fisherman landed a 40 pounds catfish.").unit == "pound"


def test_cents() -> None:
    f = only("Petrol went up 4 cents.")
    assert (f.value, f.unit, f.change) == (4, "cent", "up")


# ---------------------------------------------------------------- percent and changes


def test_percent_with_changes() -> None:
    found = figures(
        "Exports rose 5% in May, imports were up 0.3% and wages fell 0.9%, while rents were down 2%."
    )
    assert [(f.value, f.unit, f.change) for f in found] == [
        (5, "percent", "up"),
        (0.3, "percent", "up"),
        (0.9, "percent", "down"),
        (2, "percent", "down"),
    ]


def test_percent_spelled_out_and_subject_as_about() -> None:
    f = only("Net rental income dropped 12 percent.")
    assert (f.value, f.unit, f.change) == (12, "percent", "down")
    assert f.about == "Net rental income"


def test_a_percent_increase_is_a_change_up() -> None:
    assert only("Staff received a 4 per cent increase.").change == "up"


# ---------------------------------------------------------------- measures and ranges


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The convoy travelled 120 kilometers.", 120, "kilometre"),
        ("The wall is 6 metres high.", 6, "metre"),
        ("The blast was felt 30km away.", 30, "kilometre"),
        ("Winds reached 90 miles per hour.", 90, "mile per hour"),
        ("Trains run at 300 km/h.", 300, "kilometre per hour"),
        ("The flat covers 85 square metres.", 85, "square metre"),
        ("The crater is 40 feet deep.", 40, "foot"),
        ("Hail stones of 2 inches fell.", 2, "inch"),
        ("The ship carried 50,000 metric tons of grain.", 50_000, "metric ton"),
        ("Output fell to 900,000 barrels a day.", 900_000, "barrel per day"),
        ("The parcel weighs 3kg.", 3, "kilogram"),
        ("The water was 12 degrees.", 12, "degree"),
        ("The town recorded 41°C on Monday.", 41, "celsius"),
        ("The tank holds 400 gallons.", 400, "gallon"),
    ],
)
def test_measures_have_singular_british_unit_names(text: str, value: float, unit: str) -> None:
    f = only(text)
    assert (f.value, f.unit) == (value, unit)


def test_ranges_with_to_and_with_a_hyphen() -> None:
    f = only("Sea levels could rise 1 to 1.5 metres by then.")
    assert (f.value, f.value_max, f.unit) == (1, 1.5, "metre")
    g = only("The fences stand eight to 10 feet tall.")
    assert (g.value, g.value_max, g.unit) == (8, 10, "foot")
    h = only("It ships with a 18-55mm lens.")
    assert (h.value, h.value_max, h.unit) == (18, 55, "millimetre")


def test_scale_of_the_second_number_carries_to_the_first() -> None:
    f = only("The repairs will cost $4 to $6 billion.")
    assert (f.value, f.value_max, f.unit) == (4e9, 6e9, "USD")


def test_fractions_and_mixed_numbers() -> None:
    assert only("The track is 1/4 mile long.").value == 0.25
    assert only("They hiked 7 1/2 miles.").value == 7.5


def test_hyphenated_measure_before_a_noun() -> None:
    f = only("Divers found a 12-foot shark.")
    assert (f.value, f.unit) == (12, "foot")


def test_sentences_and_terms_in_years_are_figures() -> None:
    f = only("The judge handed down nine years in prison.")
    assert (f.value, f.unit) == (9, "year")


def test_ages_are_years_of_age() -> None:
    assert only("The driver is 34 years old.").unit == "year of age"
    assert only("Police arrested a 34-year-old who lives nearby.").unit == "year of age"


def test_an_age_as_a_modifier_of_a_person_is_no_figure() -> None:
    assert figures("A 34-year-old driver was arrested.") == []


# ---------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    "text",
    [
        "The talks resumed on Oct. 3 in Geneva.",
        "The talks resumed on 3 October in Geneva.",
        "The treaty was signed in 1997.",
        "Voting closes at 8 p.m. on Thursday.",
        "The meeting starts at 10:30.",
        "She finished 2nd in the race.",
        "He was the first to arrive, and the third to leave.",
        "Call the hotline on 555-0199 for help.",
        "The plane was a Boeing 787 operated by the airline.",
        "Pilots flew F-35 jets over the city.",
        "The COVID-19 rules were lifted.",
        "Leaders of the G20 met in Rome.",
        "NATO's Article 5 was invoked.",
        "The council passed Resolution 2417 unanimously.",
        "Reporters gathered outside No. 10 in the rain.",
        "One of the guards said nothing.",
        "No one was hurt.",
        "One said the roads were closed.",
        "These two countries have long been rivals.",
        "See the thread at https://example.com/posts/123456 for details.",
        "Follow @newsdesk24 for updates.",
        "The 1990s were a decade of growth.",
        "Three years of war have left the town in ruins.",
        "She had visited two weeks prior.",
        "The market opened 20 years ago.",
        "Thousands of the fans left early.",
        "Dozens of homes were damaged.",
        "The score was 3-1 at half time.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_dates_given_by_the_caller_are_excluded_but_durations_are_not() -> None:
    text = "The ceasefire held for 14 days, officials said."
    date = TimeExpression(text="14 days", start=23, end=30, value="P14D", kind="duration")
    assert [f.value for f in figures(text, [date])] == [14]
    blocking = TimeExpression(text="14 days", start=23, end=30, value=None, kind="date")
    assert figures(text, [blocking]) == []


def test_year_is_not_counted_even_before_a_plural_noun() -> None:
    assert figures("Their 2019 sales were flat.") == []


# ---------------------------------------------------------------- lowercased, tokenised text


def test_tokenised_lowercase_text() -> None:
    found = figures("income fell 27 % over the half to $ 318 million and c $ 16.4 million overseas.")
    assert [(f.value, f.unit) for f in found] == [(27, "percent"), (318e6, "USD"), (16.4e6, "CAD")]
    assert found[0].change == "down"


def test_tokenised_thousands_and_hk_dollars() -> None:
    f = only("exports reached hk $ 10.05 billion.")
    assert (f.value, f.unit) == (10.05e9, "HKD")
    assert only("capacity rose to around 80, 000 spectators.").value == 80_000


# ---------------------------------------------------------------- rates, scales and signs


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Brent crude traded at $84 a barrel.", 84, "dollar per barrel"),
        ("The mill pays 320 euros per tonne.", 320, "euro per metric ton"),
        ("Cleaners earn $18 an hour.", 18, "dollar per hour"),
        ("Rain fell at 20 millimetres per hour.", 20, "millimetre per hour"),
        ("The plant burns 8,000 tonnes of coal a year.", 8000, "metric ton per year"),
        ("The pump moves 60 litres per second.", 60, "litre per second"),
    ],
)
def test_rates_name_what_they_are_counted_per(text: str, value: float, unit: str) -> None:
    f = only(text)
    assert (f.value, f.unit) == (value, unit)


def test_money_a_year_stays_money() -> None:
    f = only("The charity spends $2 million a year on meals.")
    assert (f.value, f.unit) == (2e6, "USD")


def test_short_m_is_a_million_before_a_counted_plural_and_metres_otherwise() -> None:
    f = only("Some 4m households lost power.")
    assert (f.value, f.unit, f.bound) == (4e6, "household", "~")
    g = only("The diver reached 40m below the surface.")
    assert (g.value, g.unit) == (40, "metre")


def test_plus_after_a_number_is_a_lower_bound() -> None:
    f = only("He has coached for 25-plus years.")
    assert (f.value, f.unit, f.bound) == (25, "year", ">")


def test_negative_temperatures() -> None:
    assert only("Overnight lows hit -8C in the valley.").value == -8
    assert only("It was minus 20 degrees at dawn.").value == -20


def test_percent_written_pc() -> None:
    assert only("Turnout was 61pc.").unit == "percent"


def test_between_and_is_a_range() -> None:
    f = only("Prices climbed between 4 and 6 percent.")
    assert (f.value, f.value_max, f.unit) == (4, 6, "percent")


def test_bare_number_with_a_change_or_a_bound_is_kept_but_not_a_lone_small_number() -> None:
    assert [f.value for f in figures("The index was up 1.25 on Friday.")] == [1.25]
    assert [f.bound for f in figures("The quake killed more than 3,000.")] == [">"]
    assert figures("The defendant, 43, declined to comment.") == []


def test_ages_in_months() -> None:
    assert only("Rescuers found the girl, 9 months old, unharmed.").unit == "month of age"


def test_wire_style_dollars_and_other_currencies() -> None:
    assert only("The reward is dlrs 3 million.").unit == "USD"
    f = only("Families received 50,000 Ugandan shillings each.")
    assert (f.value, f.unit) == (50_000, "ugandan shilling")
    assert only("The deal is worth 2 trillion won.").unit == "KRW"


def test_spelled_dollars_and_cents() -> None:
    f = only("The ticket cost twelve dollars and fifty cents.")
    assert (f.value, f.unit) == (12.5, "USD")


def test_about_is_the_phrase_before_worth_or_a_change_verb() -> None:
    assert only("Lawmakers backed an aid bill worth $61 billion.").about == "aid bill"
    assert only("Revenue at the airline fell 7 percent.").about == "Revenue at the airline"
    assert only("The firm booked operating profit of €4.1 billion.").about == "operating profit"


def test_a_range_may_repeat_its_unit_but_a_move_from_one_level_to_another_is_two_figures() -> None:
    f = only("Forecasts range from 3% to 4.5%.")
    assert (f.value, f.value_max, f.unit) == (3, 4.5, "percent")
    assert [g.value for g in figures("Unemployment rose from 3% to 4.5%.")] == [3, 4.5]
    h = only("Each lot sold for €10m-€12m.")
    assert (h.value, h.value_max, h.unit) == (10e6, 12e6, "EUR")


def test_a_number_compared_with_the_figure_before_it_takes_its_unit() -> None:
    found = figures("Turnover reached €8.1 billion, up from 7.6 billion a year before.")
    assert [(f.value, f.unit) for f in found] == [(8.1e9, "EUR"), (7.6e9, "EUR")]
    separate = figures("Turnover reached €8.1 billion. From 2,000 staff it grew.")
    assert separate[1].unit == "staff"


def test_nine_and_large_number_words() -> None:
    f = only("Rescuers pulled nine survivors from the rubble.")
    assert (f.value, f.unit) == (9, "survivor")
    assert only("The region has 1.5 million residents.").value == 1_500_000
    assert only("The estate sold for a quarter million dollars.").value == 250_000
    assert only("Officials expect three hundred thousand visitors.").value == 300_000


def test_a_bare_number_reported_as_a_level_or_total_is_kept() -> None:
    assert [f.value for f in figures("The death toll has risen to 31.")] == [31]
    assert [f.value for f in figures("A total of 18 were rescued.")] == [18]


@pytest.mark.parametrize(
    ("text", "bound", "change"),
    [
        ("Nurses accepted a pay rise over two years on Friday.", "=", None),  # across two years
        ("The council will spend £40 million over five years.", "=", None),
        ("The talks lasted over two years.", ">", None),  # more than two years
        ("She has worked there for over 20 years.", ">", None),
        ("Inflation rose over 3% in a year.", ">", "up"),  # not a period: a bound as before
    ],
)
def test_over_a_period_after_a_noun_is_across_it_not_more_than(
    text: str, bound: str, change: str | None
) -> None:
    fig = next(f for f in figures(text) if f.unit in ("year", "percent"))
    assert (fig.bound, fig.change) == (bound, change), fig
