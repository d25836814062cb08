"""Random draws that give the same results on every Python version and platform.

Python guarantees that ``random.Random(seed).random()`` produces the same sequence for the same
seed across versions, but not ``randrange``, ``choices``, ``sample`` or the distributions (and
``betavariate`` goes through the platform's ``log``). Everything here is built on ``random()``
and exact floating-point arithmetic only, so a generated example is byte-identical everywhere.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

__all__ = ["Draw"]

T = TypeVar("T")


class Draw:
    """A stream of draws seeded by a string (``"0/2022/32.16"``).

    >>> a, b = Draw("0/2022/x"), Draw("0/2022/x")
    >>> [a.below(10) for _ in range(5)] == [b.below(10) for _ in range(5)]
    True
    """

    __slots__ = ("_next",)

    def __init__(self, seed: str) -> None:
        self._next = random.Random(seed).random

    def random(self) -> float:
        """A float in [0, 1)."""
        return self._next()

    def below(self, n: int) -> int:
        """An integer in ``range(n)`` (``n`` >= 1)."""
        return min(int(self._next() * n), n - 1)

    def between(self, low: int, high: int) -> int:
        """An integer from ``low`` to ``high``, both included."""
        return low + self.below(high - low + 1)

    def pick(self, items: Sequence[T]) -> T:
        """One item of a non-empty sequence."""
        return items[self.below(len(items))]

    def weighted(self, items: Sequence[T], weights: Sequence[float]) -> T:
        """One item, each with probability proportional to its weight."""
        point = self._next() * sum(weights)
        total = 0.0
        for item, weight in zip(items, weights, strict=True):
            total += weight
            if point < total:
                return item
        return items[-1]

    def indices(self, n: int, k: int) -> list[int]:
        """``k`` distinct indices of ``range(n)``, in increasing order."""
        pool = list(range(n))
        for i in range(min(k, n)):
            j = i + self.below(n - i)
            pool[i], pool[j] = pool[j], pool[i]
        return sorted(pool[: min(k, n)])

    def around(self, mean: float, spread: float) -> float:
        """A bell-shaped number near ``mean`` (sum of four uniforms), kept within [0.02, 1]."""
        total = self._next() + self._next() + self._next() + self._next()
        return min(1.0, max(0.02, mean + spread * (total - 2.0)))
