"""Explanation trees: each node names a quantity, its value, the rule step and its inputs.

A :class:`Node` is kept apart from its rendering (:mod:`ranham.rules.render`): text for people
in English or Indonesian, JSON for machines.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import TypeAlias

import attrs

from ranham.model import FrozenMap
from ranham.rules.texts import Message

__all__ = ["Node", "NodeValue"]

NodeValue: TypeAlias = Fraction | bool | int | None
"""A node's exact value: a score or percentage, a yes/no fact, a rank, or ``None``."""


def _freeze(params: Mapping[str, str]) -> FrozenMap[str, str]:
    return params if isinstance(params, FrozenMap) else FrozenMap(params)


@attrs.frozen(kw_only=True)
class Node:
    """One step of an explanation.

    - ``quantity``: the name, as in ``scoring.md`` (``S(32.16,2022-B04)``), or a fact below the
      scores: ``report(CODE,PERIOD)`` (does the report count), ``met(CODE,MEASURE)`` (is the
      measure met), ``on_time(CODE,PERIOD)``, ``verified(CODE,PERIOD)``,
      ``allegation(CODE,REFERENCE)``, or a criterion ``annual-score(CODE)``.
    - ``value``: exact; ``rounded``: the value with ``places`` decimals, for scores and
      percentages.
    - ``step``: the rule step of ``scoring.md`` (``"1"`` to ``"11"``), or ``"eligible"``,
      ``"criterion"``, ``"rank"``; ``params``: the rule-set parameters the step used.
    - ``why``: one sentence saying how the value came; ``children``: the inputs.
    - ``ruleset``: ``(id, version)`` on the root of an explanation.
    """

    quantity: str
    value: NodeValue
    rounded: str | None = None
    step: str | None = None
    params: FrozenMap[str, str] = attrs.field(factory=FrozenMap, converter=_freeze)
    why: Message | None = None
    children: tuple[Node, ...] = ()
    ruleset: tuple[str, str] | None = None

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first (shared subtrees repeat)."""
        yield self
        for child in self.children:
            yield from child.walk()
