"""What a JSON syntax error says: the problem in words a person can act on, at the right place."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ranham.validation import validate


def _syntax(text: str) -> tuple[str, str, int | None, int | None]:
    (issue,) = validate(text.encode()).issues
    assert issue.code == "json-syntax"
    return issue.params["detail"], issue.params["detail_id"], issue.line, issue.column


@pytest.mark.parametrize(
    ("text", "where", "line", "column"),
    [
        ('{"a": [1, 2,\n]}', "array", 1, 12),
        ('{"a": 1,\n}', "object", 1, 8),
        ('{"a": 1 , }', "object", 1, 9),
        ("[\t1,\r\n\t]", "array", 1, 4),
        ('{"a": {"b": [],}}', "object", 1, 15),
    ],
)
def test_a_trailing_comma_is_named_and_points_at_the_comma(
    text: str, where: str, line: int, column: int
) -> None:
    """Python 3.11's decoder says "Expecting value" at the next line; the issue names the comma
    (the wording of Python 3.13's decoder) and points at it, whatever the Python version."""
    detail, detail_id, at_line, at_column = _syntax(text)
    assert detail == f"Illegal trailing comma before end of {where}"
    assert (
        detail_id
        == {
            "array": "koma berlebih sebelum akhir larik",
            "object": "koma berlebih sebelum akhir objek",
        }[where]
    )
    assert (at_line, at_column) == (line, column)
    assert "comma" in validate(text.encode()).issues[0].message("en")


@pytest.mark.parametrize("text", ['{"a": ,1}', "[,]", '{"a": 1,,}', "[1,,2]", "{,}"])
def test_a_comma_that_is_not_trailing_keeps_the_decoder_s_words(text: str) -> None:
    detail, _, _, _ = _syntax(text)
    assert "trailing" not in detail
    with pytest.raises(json.JSONDecodeError) as raised:
        json.loads(text)
    assert detail == raised.value.msg


@given(st.lists(st.integers(0, 9), min_size=1, max_size=5), st.sampled_from(["", " ", "\n", "\t "]))
def test_any_array_with_a_trailing_comma_says_so(items: list[int], space: str) -> None:
    text = "[" + ",".join(map(str, items)) + "," + space + "]"
    detail, _, line, column = _syntax(text)
    assert detail == "Illegal trailing comma before end of array"
    comma = text.rindex(",")
    assert (line, column) == (1, comma + 1)
