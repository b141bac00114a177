from handlers.wording import counted, unit_after


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert [counted(n, "event") for n in (0, 1, 2)] == ["0 events", "1 event", "2 events"]
    assert counted(1, "new event") == "1 new event"


def test_a_unit_after_a_value_reads_as_written() -> None:
    assert unit_after(1, None, "ship") == "ship"
    assert unit_after(52, None, "ship") == "ships"
    assert unit_after(1, 2, "ship") == "ships"  # a range
    assert unit_after(0.5, None, "kilometre") == "kilometres"
    assert unit_after(40, None, "kilometre per hour") == "kilometres per hour"
    assert unit_after(3, None, "square mile") == "square miles"
    assert unit_after(3, None, "person") == "people"
    assert unit_after(6, None, "foot") == "feet"
    assert unit_after(2, None, "inch") == "inches"
    assert unit_after(2, None, "bus") == "buses"
    assert unit_after(9, None, "casualty") == "casualties"
    assert unit_after(9, None, "day") == "days"
    assert unit_after(2000, None, "Ukrainian") == "Ukrainians"


def test_units_that_take_no_plural_stay_as_they_are() -> None:
    for unit in ("USD", "%", "percent", "celsius", "gigahertz", "container ships", "police"):
        assert unit_after(12, None, unit) == unit
