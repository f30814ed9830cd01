import pytest

from workbench.core.numbers import format_number, parse_number


@pytest.mark.parametrize(
    "raw,value,percent",
    [
        ("8.3%", 8.3, True),
        ("８．３", 8.3, False),
        ("８．３％", 8.3, True),
        ("12,500", 12500, False),
        ("19 278.1", 19278.1, False),
        ("1 731.9", 1731.9, False),
        ("-2", -2, False),
        ("－2", -2, False),
        ("−0.5", -0.5, False),
        (" 7 ", 7, False),
        (7, 7, False),
        (7.25, 7.25, False),
        ("5‰", 5.0, True),  # kept as written: a ‰ row compares ‰ with ‰
    ],
)
def test_numbers_written_as_text(raw, value, percent):
    parsed = parse_number(raw)
    assert (
        parsed.value == pytest.approx(value) and parsed.percent == percent and parsed.error is None
    )


@pytest.mark.parametrize(
    "raw", [None, "", "-", "—", "－", "/", "／", "暂无数据", "尚无统计数据", float("nan")]
)
def test_no_value_marks(raw):
    parsed = parse_number(raw)
    assert parsed.value is None and parsed.error is None


@pytest.mark.parametrize("raw", ["很多", "8.3.1", "1e", True, float("inf")])
def test_not_numbers_are_errors(raw):
    assert parse_number(raw).error


def test_format_number_trims_like_an_annex():
    assert format_number(7.0) == "7"
    assert format_number(8.30) == "8.3"
    assert format_number(None) == ""
    assert format_number(1.5, 2) == "1.50"
