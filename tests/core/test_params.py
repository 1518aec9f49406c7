import pytest
from django.core.exceptions import BadRequest
from django.http import QueryDict

from newsroom.core.params import MAX_ID, int_param, parse_int


@pytest.mark.parametrize("value", ["0", "7", "0042", str(MAX_ID)])
def test_ascii_digits_in_range_are_numbers(value):
    assert parse_int(value) == int(value)


@pytest.mark.parametrize(
    "value",
    ["", "²", "①", "٣", "\uff17", " 7", "7 ", "-1", "+1", "1e3", "0x10", "1_000", "3.0",
     str(MAX_ID + 1), "9" * 400, None],
)  # fmt: skip
def test_anything_else_is_no_number(value):
    assert parse_int(value) is None


def test_a_parameter_can_have_a_lower_maximum():
    assert parse_int("1001", maximum=1000) is None
    assert parse_int("1000", maximum=1000) == 1000


def test_a_missing_parameter_takes_the_default_and_a_malformed_one_is_a_bad_request():
    assert int_param(QueryDict("page="), "page", default=1) == 1
    assert int_param(QueryDict(""), "page", default=1) == 1
    assert int_param(QueryDict("page=3"), "page", default=1) == 3
    with pytest.raises(BadRequest, match="whole number"):
        int_param(QueryDict("page=%C2%B2"), "page")
