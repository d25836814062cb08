"""Compare this checkout's speed with another revision's, in the same run (issue 15).

    python benchmarks/compare.py REV [--rounds N] [--scale S]

``make bench`` measures one source tree against its floor (``orjson.loads``) and a pydantic
baseline; whether a change made ``ranham`` slower needs the *same* measurement of the code
before it, on the same machine at the same time. This script checks ``REV`` out into a
temporary git worktree and times the national year (``_data.py``; generated once and cached)
in fresh subprocesses that alternate between the two trees: ``REV``, this checkout, ``REV``,
… Each subprocess imports one tree (``PYTHONPATH=TREE/src`` comes before the editable install)
with the same installed dependencies, calls each task three times after ``gc.collect()``, and
reports the fastest call. The table shows, per tree, the median over the rounds, each task's
ratio to ``orjson.loads`` measured in the same subprocess, and this checkout's time over
``REV``'s. Nothing is written outside the temporary directory, which is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _data import prepare

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

_CHILD = """
import gc, json, sys, time
import orjson
import ranham
from ranham import io
from ranham.validation import validate

data = open(sys.argv[1], "rb").read()
tasks = {
    "orjson.loads": lambda: orjson.loads(data),
    "ranham.validate": lambda: validate(data),
    "ranham.io.loads": lambda: io.loads(data),
}
assert validate(data).valid
best = {}
for name, task in tasks.items():
    times = []
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        result = task()
        times.append(time.perf_counter() - start)
        del result
    best[name] = min(times)
print(json.dumps({"module": ranham.__file__, "best": best}))
"""

TASKS = ("orjson.loads", "ranham.validate", "ranham.io.loads")


def _git(*args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True, timeout=120
    )
    return done.stdout.strip()


def _time(tree: Path, data: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(data)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    answer = json.loads(done.stdout)
    module = Path(answer["module"]).resolve()
    if not module.is_relative_to(tree.resolve()):  # the editable install won: not this tree
        raise SystemExit(f"compare.py: {tree} imported ranham from {module}")
    return {name: float(seconds) for name, seconds in answer["best"].items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", help="the git revision to compare with, e.g. HEAD~3 or a tag")
    parser.add_argument("--rounds", type=int, default=7, help="subprocesses per tree (7)")
    parser.add_argument("--scale", type=float, default=1.0, help="the national year's scale (1)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    commit = _git("rev-parse", "--verify", f"{args.revision}^{{commit}}")
    head = _git("rev-parse", "--short", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no", "src"))
    data = prepare(scale=args.scale, log=lambda line: print(line, file=sys.stderr)).national.path
    with tempfile.TemporaryDirectory(prefix="ranham-compare-") as temporary:
        base = Path(temporary) / "base"
        _git("worktree", "add", "--detach", str(base), commit)
        try:
            times: dict[str, list[dict[str, float]]] = {"base": [], "here": []}
            for round_ in range(args.rounds):
                for side, tree in (("base", base), ("here", ROOT)):
                    times[side].append(_time(tree, data))
                print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr)
        finally:
            _git("worktree", "remove", "--force", str(base))
    here_name = f"this checkout ({head}{', with changes' if dirty else ''})"
    print(f"National year {data.name}, {args.rounds} rounds alternating, fastest of 3 calls each\n")
    print(f"| task | {args.revision} ({commit[:7]}) | {here_name} | this / {args.revision} |")
    print("| --- | ---: | ---: | ---: |")
    for task in TASKS:
        cells = []
        medians = {}
        for side in ("base", "here"):
            seconds = statistics.median(t[task] for t in times[side])
            floor = statistics.median(t[task] / t["orjson.loads"] for t in times[side])
            medians[side] = seconds
            cells.append(f"{seconds:.3f} s ({floor:.2f}× orjson.loads)")
        print(f"| `{task}` | {cells[0]} | {cells[1]} | {medians['here'] / medians['base']:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
