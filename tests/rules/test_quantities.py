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
