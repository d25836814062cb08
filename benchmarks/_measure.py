"""Timing and peak memory, measured the same way for every contender.

Time (:func:`alternate`): all contenders of a group run in **one process**, **alternating**: each
round runs every contender once, the order rotated by one each round so that no contender is
always first or always after the same neighbour. Before every timed call the harness runs
``gc.collect()`` (not timed), so every call starts from the same collector state; the collector
itself keeps the interpreter's default setting (enabled, default thresholds) for every
contender. A contender that manages the collector itself (``ranham.io`` pauses it during bulk
loads) does so in every call, and that is part of what is measured. A call's result is released
after the clock stops. One untimed warm-up call per contender first checks that it accepts its
input (a benchmark of a contender that refuses the input would measure an error path).

Peak memory (:func:`peak_memory`): a fresh ``python`` subprocess per contender and input runs
this file as a script (``--child``); after its imports it notes its own peak resident set size
(the baseline), reads the input, runs the contender once and reports its peak again: the peak
of the whole process, interpreter included (see :func:`_maxrss` for why this is ``VmHWM``).
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Stage:
    """One step of a contender: a call that takes the previous step's result."""

    key: str
    """A stable identifier, e.g. ``"ranham.validate"``; ``""`` for an untimed step."""
    label: str
    run: Callable[[Any], Any]
    """Called with the previous stage's result (``None`` for the first stage)."""
    check: Callable[[Any], None] | None = None
    """Raises if the result shows that the input was not accepted (checked once)."""

    @property
    def timed(self) -> bool:
        return bool(self.key)


@dataclass(frozen=True)
class Contender:
    """One way of doing a group's task: one or more stages, run in order, each timed apart.

    A stage's input stays alive while it runs and is released (untimed) after it: a dump is
    timed with its own loaded document alive, and nothing else of the group.
    """

    stages: tuple[Stage, ...]

    @classmethod
    def of(
        cls,
        key: str,
        label: str,
        run: Callable[[], Any],
        check: Callable[[Any], None] | None = None,
    ) -> Contender:
        """A contender of one timed call."""
        return cls((Stage(key, label, lambda _: run(), check),))

    @property
    def name(self) -> str:
        return "+".join(s.key for s in self.stages if s.timed)


@dataclass
class Timing:
    """The times of one timed stage, in seconds."""

    key: str
    label: str
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def min(self) -> float:
        return min(self.times)


def gc_state() -> str:
    """The collector's setting, as the results show it."""
    state = "enabled" if gc.isenabled() else "DISABLED"
    return f"{state}, thresholds {gc.get_threshold()}"


def _run(contender: Contender, timings: dict[str, Timing] | None, check: bool) -> None:
    value: Any = None
    for stage in contender.stages:
        gc.collect()
        started = time.perf_counter()
        result = stage.run(value)
        elapsed = time.perf_counter() - started
        value = result  # the previous stage's result is released here, after the clock stopped
        del result
        if not gc.isenabled():
            raise RuntimeError(f"{stage.key or stage.label} left the garbage collector disabled")
        if check and stage.check is not None:
            stage.check(value)
        if timings is not None and stage.timed:
            timings[stage.key].times.append(elapsed)
    del value


def alternate(
    contenders: Sequence[Contender],
    rounds: int,
    *,
    warmup: bool = True,
    log: Callable[[str], None] = print,
) -> dict[str, Timing]:
    """Time ``contenders`` in ``rounds`` alternating rounds.

    With ``warmup``, one untimed call of each contender comes first and its results are
    checked; without, the results of the first timed round are checked (for groups whose code
    an earlier group has already warmed up).
    """
    if not gc.isenabled():
        raise RuntimeError("the garbage collector is disabled: the benchmark needs its default")
    if rounds < 1:
        raise ValueError("rounds must be at least 1")
    timings = {s.key: Timing(s.key, s.label) for c in contenders for s in c.stages if s.timed}
    if warmup:
        for contender in contenders:
            _run(contender, None, check=True)
    for index in range(rounds):
        shift = index % len(contenders)
        for contender in [*contenders[shift:], *contenders[:shift]]:
            _run(contender, timings, check=not warmup and index == 0)
        log(
            f"    round {index + 1}/{rounds}: "
            + ", ".join(f"{key} {t.times[-1]:.3f}s" for key, t in timings.items())
        )
    return timings


# --- peak memory --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Memory:
    """Peak resident set size of one subprocess, in bytes."""

    task: str
    input: str
    baseline: int
    """After the imports, before reading the input."""
    peak: int
    """The whole process's maximum."""
    seconds: float

    @property
    def added(self) -> int:
        return self.peak - self.baseline


def _maxrss() -> int:
    """This process's peak resident set size in bytes.

    On Linux this is ``VmHWM`` of ``/proc/self/status``, not ``getrusage().ru_maxrss``: the
    kernel carries ``ru_maxrss`` over ``fork``/``exec``, so a child started by a large parent
    (this harness, after its timing rounds) would report the parent's peak as its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    # Elsewhere: ru_maxrss (kibibytes on Linux, bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _setup(task: str) -> Callable[[Path, Path | None], object]:
    """Import what ``task`` needs; return the call that runs it on a file."""
    if task == "orjson.loads":
        import orjson

        return lambda path, _: orjson.loads(path.read_bytes())
    if task == "msgspec.decode":
        import msgspec

        return lambda path, _: msgspec.json.decode(path.read_bytes())
    if task == "msgspec.typed":
        from baseline_pydantic import msgspec_decode

        return lambda path, _: msgspec_decode(path.read_bytes())
    if task == "pydantic":
        from baseline_pydantic import Document

        return lambda path, _: Document.model_validate_json(path.read_bytes())
    if task == "ranham.validate":
        from ranham.validation import validate

        def run_validate(path: Path, _: Path | None) -> object:
            result = validate(path.read_bytes())
            if not result.valid:
                raise RuntimeError(f"{path.name}: {result.codes[:5]}")
            return result

        return run_validate
    if task == "ranham.loads":
        from ranham import io

        return lambda path, _: io.loads(path.read_bytes())
    if task == "ranham.validate-stream":
        from ranham.validation import validate

        def run_stream(path: Path, catalog: Path | None) -> object:
            result = validate(path, catalog=catalog)
            if not result.valid:
                raise RuntimeError(f"{path.name}: {result.codes[:5]}")
            return result

        return run_stream
    if task == "ranham.validate-jsonl-bytes":
        from ranham.validation import validate

        def run_bytes(path: Path, catalog: Path | None) -> object:
            result = validate(path.read_bytes(), jsonl=True, catalog=catalog)
            if not result.valid:
                raise RuntimeError(f"{path.name}: {result.codes[:5]}")
            return result

        return run_bytes
    if task == "ranham.iter_documents":
        from ranham import io

        return lambda path, catalog: sum(1 for _ in io.iter_documents(path, catalog=catalog))
    raise ValueError(f"unknown memory task {task!r}")


MEMORY_TASKS = (
    "ranham.validate",
    "ranham.loads",
    "pydantic",
    "orjson.loads",
    "msgspec.decode",
    "msgspec.typed",
    "ranham.validate-stream",
    "ranham.validate-jsonl-bytes",
    "ranham.iter_documents",
)


def _child(task: str, path: Path, catalog: Path | None) -> None:
    run = _setup(task)
    baseline = _maxrss()
    started = time.perf_counter()
    result = run(path, catalog)
    seconds = time.perf_counter() - started
    peak = _maxrss()
    del result
    print(json.dumps({"baseline": baseline, "peak": peak, "seconds": seconds}))


def peak_memory(task: str, path: Path, catalog: Path | None = None) -> Memory:
    """Run ``task`` on ``path`` in a fresh subprocess; its peak RSS."""
    command = [sys.executable, str(HERE / "_measure.py"), "--child", task, str(path)]
    if catalog is not None:
        command.append(str(catalog))
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=HERE)
    if done.returncode != 0:
        raise RuntimeError(f"memory task {task} on {path.name} failed:\n{done.stderr.strip()}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return Memory(task, path.name, report["baseline"], report["peak"], report["seconds"])


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5) or sys.argv[1] != "--child":
        sys.exit("usage: _measure.py --child TASK PATH [CATALOG]")
    _child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]) if len(sys.argv) == 5 else None)
