"""Quantity names: parsing, canonical form, and the errors that list every valid form."""

from __future__ import annotations

import pytest

from ranham.errors import UnknownNameError
from ranham.rules import FORMS, parse_quantity
from ranham.rules.quantities import Quantity


@pytest.mark.parametrize(
    ("text", "function", "args"),
    [
        ("S(32.16,2022-B04)", "S", ("32.16", "2022-B04")),
        ("S(32.16, 2022-B04)", "S", ("32.16", "2022-B04")),
        (" N ", "N", ()),
        ("N(2022-B04)", "N", ("2022-B04",)),
        ("s(32.16,2022-kabkota-1,2022-B04)", "s", ("32.16", "2022-kabkota-1", "2022-B04")),
        ("ratio", "ratio", ()),
        ("target_met(kl)", "target_met", ("kl",)),
        ("rank(kemensos)", "rank", ("kemensos",)),
    ],
)
def test_parse(text, function, args):
    assert parse_quantity(text) == Quantity(function, args)


def test_canonical_name_has_no_spaces():
    assert str(parse_quantity("T( kl , 2022-B04 )")) == "T(kl,2022-B04)"
    assert str(parse_quantity("N")) == "N"


@pytest.mark.parametrize(
    "text", ["Z(1)", "S()", "S(a,b,c)", "N()", "ratio(kl,2022-B04)", "eligible", "S(,x)", "", "S(x"]
)
def test_unknown_names_list_every_form(text):
    with pytest.raises(UnknownNameError) as caught:
        parse_quantity(text)
    message = str(caught.value)
    assert all(form in message for form in FORMS)


def test_forms_are_those_of_the_spec():
    assert FORMS == (
        "s(CODE,ACTION,PERIOD)",
        "s(CODE,ACTION)",
        "achieved(CODE,ACTION)",
        "S(CODE,PERIOD)",
        "S(CODE)",
        "T(TIER,PERIOD)",
        "T(TIER)",
        "N(PERIOD)",
        "N",
        "participation(TIER,PERIOD)",
        "ratio(TIER)",
        "ratio",
        "target_met(TIER)",
        "eligible(CODE)",
        "rank(CODE)",
    )


class _Spy:
    """Stands in for the compiled name pattern and records the length of every text it sees."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.seen: list[int] = []

    def fullmatch(self, text):
        self.seen.append(len(text))
        return self.pattern.fullmatch(text)


@pytest.mark.parametrize(
    "text",
    [
        "S" + " " * 100_000 + "!",  # two adjacent whitespace runs: quadratic in the old pattern
        "S(" + "a" * 100_000,
        "S(" + ") " * 50_000 + "x",
        " " * 100_000 + "N",
    ],
)
def test_a_huge_name_is_refused_before_any_pattern_runs(monkeypatch, text):
    """Issue 13: a 100 KB name took 70 s; the pattern now only sees short texts."""
    from ranham.rules import quantities

    spy = _Spy(quantities._NAME)
    monkeypatch.setattr(quantities, "_NAME", spy)
    with pytest.raises(UnknownNameError) as caught:
        parse_quantity(text)
    assert all(length <= quantities.MAX_NAME_LENGTH for length in spy.seen)
    assert len(str(caught.value)) < 2 * quantities.MAX_NAME_LENGTH + 2000  # not echoed whole


def test_the_name_pattern_has_no_ambiguous_quantifiers():
    """Whitespace is stripped before matching, so no two quantifiers compete for a character."""
    from ranham.rules import quantities

    assert r"\s" not in quantities._NAME.pattern
    assert ".*" not in quantities._NAME.pattern


def test_the_longest_allowed_name_still_parses():
    from ranham.rules import quantities

    code = "k" * (quantities.MAX_NAME_LENGTH - len("S()"))
    assert parse_quantity(f"S({code})") == Quantity("S", (code,))
    with pytest.raises(UnknownNameError):
        parse_quantity(f"S({code}k)")


def test_parentheses_inside_arguments_are_refused():
    with pytest.raises(UnknownNameError):
        parse_quantity("S(a(b),2022-B04)")
