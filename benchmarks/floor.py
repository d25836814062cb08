"""Where the floor of ``validate`` lies on this machine, measured in one run (issue 15, item 6).

    python benchmarks/floor.py [--rounds N] [--scale S]

Issue 15 asks ``ranham.validate`` of a national year to take at most 1.6× ``orjson.loads``.
This script measures, on the same bytes and in the same process, what any validator written in
Python that builds the document must pay besides the parse, so that the bound can be judged
against the machine rather than against an expectation:

- ``orjson.loads`` as a caller gets it (collector on: the bench's floor), and inside the
  collector pause that ``validate`` makes (the parse alone);
- a visit of every parsed value once, in the leanest stack loop (no check, no object);
- reading the members of the 46,067 evidence items two ways: every member of one item before
  the next (as the generated builders do), and one member of every item before the next member
  (column by column), which pays the memory's latency once per pass;
- the fast path's check-and-build of the whole document (``ranham.validation._build``), and
  ``validate`` itself.

Each line prints the median of ``--rounds`` calls (the collector collected, untimed, before each)
and its ratio to ``orjson.loads`` of the same run. Nothing is asserted: the numbers are for
reading (``docs/explanation/performance.md``).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

import orjson
from _data import prepare

from ranham._process import paused_gc
from ranham.validation import validate
from ranham.validation._build import check_fast

EVIDENCE_MEMBERS = ("kind", "title", "uri", "letterhead", "signed")


def _median(task: Callable[[], Any], rounds: int, paused: bool = False) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        if paused:
            with paused_gc():
                result = task()
        else:
            result = task()
        times.append(time.perf_counter() - start)
        del result
    return statistics.median(times)


def visit(value: Any) -> int:
    """Visit every value once, without recursion; the number of values."""
    stack = [value]
    pop, extend = stack.pop, stack.extend
    count = 0
    while stack:
        item = pop()
        count += 1
        kind = type(item)
        if kind is dict:
            extend(item.values())
        elif kind is list:
            extend(item)
    return count


def evidence_items(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every evidence item of a parsed dataset, in document order."""
    return [
        item
        for report in document["reports"]
        for entry in report["entries"]
        for measure in entry["measures"]
        for item in measure.get("evidence", ())
    ]


def present(reads: Iterable[tuple[dict[str, Any], str]]) -> int:
    """Read ``item[name]`` for every ``(item, name)`` in order; how many are present."""
    return sum(1 for item, name in reads if item.get(name) is not None)


def by_item(items: list[dict[str, Any]]) -> int:
    """Read every member of one item, then of the next (the builders' order)."""
    return present((item, name) for item in items for name in EVIDENCE_MEMBERS)


def by_member(items: list[dict[str, Any]]) -> int:
    """Read one member of every item, then the next member (column by column).

    The same reads as :func:`by_item` in another order: each pass over the items finds them
    out of the processor's caches again.
    """
    return present((item, name) for name in EVIDENCE_MEMBERS for item in items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="calls per task (7)")
    parser.add_argument("--scale", type=float, default=1.0, help="the national year's scale (1)")
    args = parser.parse_args()
    data = prepare(scale=args.scale, log=lambda line: print(line, file=sys.stderr)).national.read()
    rounds = args.rounds
    # first with nothing else alive, as the bench measures them
    medians = [
        (
            "orjson.loads, collector on (the bench's floor)",
            _median(lambda: orjson.loads(data), rounds),
        ),
        (
            "orjson.loads, collector paused (the parse alone)",
            _median(lambda: orjson.loads(data), rounds, paused=True),
        ),
        (
            "ranham.validate (parse, check, build, warnings)",
            _median(lambda: validate(data), rounds),
        ),
    ]
    parsed = orjson.loads(data)
    items = evidence_items(parsed)
    held: list[tuple[str, Callable[[], Any], bool]] = [
        (f"visit every parsed value once ({visit(parsed):,} values)", lambda: visit(parsed), True),
        (f"read {len(items):,} evidence items, item by item", lambda: by_item(items), True),
        (f"read {len(items):,} evidence items, member by member", lambda: by_member(items), True),
        (
            "check and build the document (fast path)",
            lambda: check_fast(parsed, "dataset", None),
            True,
        ),
    ]
    medians += [(label, _median(task, rounds, paused)) for label, task, paused in held]
    floor = medians[0][1]
    print(f"National year, {len(data) / 1e6:.1f} MB, median of {args.rounds} calls\n")
    print("| task | median s | × orjson.loads |")
    print("| --- | ---: | ---: |")
    for label, median in medians:
        print(f"| {label} | {median:.3f} | {median / floor:.2f}× |")


if __name__ == "__main__":
    main()
