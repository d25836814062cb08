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

__all__ = ["CYCLE_FORMS", "FORMS", "MAX_NAME_LENGTH", "Quantity", "name", "parse_quantity"]

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
"""Every form of quantity name of one year, as ``scoring.md`` lists them."""

CYCLE_FORMS: tuple[str, ...] = (
    "S(CODE,YEAR)",
    "T(TIER,YEAR)",
    "N(YEAR)",
    "ratio(TIER,YEAR)",
    "participation(TIER,YEAR)",
    "change(CODE,YEAR)",
    "change(TIER,YEAR)",
    "change(YEAR)",
    "S(CODE,PLAN)",
    "T(TIER,PLAN)",
    "N(PLAN)",
)
"""The forms that exist across years (``scoring.md``, "Across years"); ``PLAN`` is the literal
word. A multi-year evaluation also answers every form of :data:`FORMS` that names a period."""

MAX_NAME_LENGTH = 1024
"""The longest quantity name read (spaces included). Longer text is refused before any pattern
runs, so reading a name costs time linear in at most this many characters."""


def _arities(forms: tuple[str, ...]) -> dict[str, frozenset[int]]:
    found: dict[str, frozenset[int]] = {}
    for form in forms:
        function, _, rest = form.partition("(")
        found[function] = found.get(function, frozenset()) | {rest.count(",") + 1 if rest else 0}
    return found


_ARITIES: dict[tuple[str, ...], dict[str, frozenset[int]]] = {
    FORMS: _arities(FORMS),
    FORMS + CYCLE_FORMS: _arities(FORMS + CYCLE_FORMS),
}

# Spaces around the name are stripped before matching, and the argument text excludes
# parentheses: no two quantifiers compete for a character, so a match is linear-time.
_NAME = re.compile(r"([A-Za-z_]++)(?:\(([^()]*+)\))?")


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


def _shown(text: object) -> str:
    """``text`` as an error message quotes it: cut to a short prefix when long."""
    shown = repr(text)
    return shown if len(shown) <= 80 else f"{shown[:77]}…"


def unknown(text: str, why: str = "", forms: tuple[str, ...] = FORMS) -> UnknownNameError:
    """The error for a name that is not a quantity of the data, listing the valid forms.

    ``why`` (English) says what the data lacks; the Indonesian message quotes it as written.
    """
    names = ", ".join(forms)
    listed = f"the quantity names are: {names} (e.g. S(32.16,2022-B04))."
    listed_id = f"nama besaran: {names} (mis. S(32.16,2022-B04))."
    if why:
        return UnknownNameError(
            f"{_shown(text)} names no quantity of this dataset: {why}; {listed}",
            message_id=f"{_shown(text)} bukan besaran dataset ini ({why}); {listed_id}",
        )
    return UnknownNameError(
        f"{_shown(text)} is not a quantity name; {listed}",
        message_id=f"{_shown(text)} bukan nama besaran; {listed_id}",
    )


def parse_quantity(text: str, *, forms: tuple[str, ...] = FORMS) -> Quantity:
    """Read a quantity name of one of ``forms``; spaces around the name and arguments are allowed.

    ``forms`` is :data:`FORMS` (one year) or ``FORMS + CYCLE_FORMS`` (across years). Raises
    :class:`~ranham.errors.UnknownNameError` listing the valid forms for anything else,
    including a text longer than :data:`MAX_NAME_LENGTH`.
    """
    arities = _ARITIES.get(forms) or _arities(forms)
    if not isinstance(text, str) or len(text) > MAX_NAME_LENGTH:
        raise unknown(text if isinstance(text, str) else str(text), forms=forms)
    match = _NAME.fullmatch(text.strip())
    if match is None or match.group(1) not in arities:
        raise unknown(text, forms=forms)
    function, inner = match.group(1), match.group(2)
    args = () if inner is None else tuple(part.strip() for part in inner.split(","))
    if any(not part for part in args) or len(args) not in arities[function]:
        raise UnknownNameError(
            f"{_shown(text)} is not a quantity name: {function} is written "
            f"{_arity_text(function, forms)}; the quantity names are: {', '.join(forms)}."
        )
    return Quantity(function, args)


def _arity_text(function: str, forms: tuple[str, ...]) -> str:
    return " or ".join(form for form in forms if form.partition("(")[0] == function)
