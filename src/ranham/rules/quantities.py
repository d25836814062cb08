"""Quantity names: how explanations, test cases and ``ranham explain`` name a number.

>>> parse_quantity("S(32.16, 2022-B04)")
Quantity(function='S', args=('32.16', '2022-B04'))
>>> str(parse_quantity("S(32.16, 2022-B04)"))
'S(32.16,2022-B04)'
>>> parse_quantity("Z(1)")
Traceback (most recent call last):
...
ranham.errors.UnknownNameError: 'Z(1)' is not a quantity name; the quantity names are: \
s(CODE,ACTION,PERIOD), s(CODE,ACTION), achieved(CODE,ACTION), S(CODE,PERIOD), S(CODE), \
T(TIER,PERIOD), T(TIER), N(PERIOD), N, participation(TIER,PERIOD), ratio(TIER), ratio, \
target_met(TIER), eligible(CODE), rank(CODE) (e.g. S(32.16,2022-B04)).
"""

from __future__ import annotations

import re

import attrs

from ranham.errors import UnknownNameError

__all__ = ["FORMS", "Quantity", "name", "parse_quantity"]

FORMS: tuple[str, ...] = (
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
"""Every form of quantity name, as ``scoring.md`` lists them."""

_ARITIES: dict[str, frozenset[int]] = {}
for _form in FORMS:
    _function, _, _rest = _form.partition("(")
    _ARITIES.setdefault(_function, frozenset())
    _ARITIES[_function] |= {_rest.count(",") + 1 if _rest else 0}

_NAME = re.compile(r"\s*([A-Za-z_]+)\s*(?:\((.*)\))?\s*", re.DOTALL)


@attrs.frozen
class Quantity:
    """A parsed quantity name: its function (``S``) and arguments (``("32.16", "2022-B04")``)."""

    function: str
    args: tuple[str, ...] = ()

    def __str__(self) -> str:
        return name(self.function, *self.args)


def name(function: str, *args: object) -> str:
    """The canonical name of a quantity.

    >>> name("S", "32.16", "2022-B04")
    'S(32.16,2022-B04)'
    """
    return f"{function}({','.join(map(str, args))})" if args else function


def unknown(text: str, why: str = "") -> UnknownNameError:
    """The error for a name that is not a quantity of the data, listing the valid forms."""
    forms = f"the quantity names are: {', '.join(FORMS)} (e.g. S(32.16,2022-B04))."
    if why:
        return UnknownNameError(f"{text!r} names no quantity of this dataset: {why}; {forms}")
    return UnknownNameError(f"{text!r} is not a quantity name; {forms}")


def parse_quantity(text: str) -> Quantity:
    """Read a quantity name; spaces after commas are allowed.

    Raises :class:`~ranham.errors.UnknownNameError` listing the valid forms for anything else.
    """
    match = _NAME.fullmatch(text) if isinstance(text, str) else None
    if match is None or match.group(1) not in _ARITIES:
        raise unknown(str(text))
    function, inner = match.group(1), match.group(2)
    args = () if inner is None else tuple(part.strip() for part in inner.split(","))
    if any(not part for part in args) or len(args) not in _ARITIES[function]:
        raise UnknownNameError(
            f"{text!r} is not a quantity name: {function} is written {_arity_text(function)}; "
            f"the quantity names are: {', '.join(FORMS)}."
        )
    return Quantity(function, args)


def _arity_text(function: str) -> str:
    forms = [form for form in FORMS if form.partition("(")[0] == function]
    return " or ".join(forms)
