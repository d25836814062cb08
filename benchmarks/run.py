"""Run the ranham benchmarks and write ``benchmarks/RESULTS.md`` (issue 9).

    python benchmarks/run.py [--quick] [--rounds N] [--out benchmarks/RESULTS.md]

Inputs are generated once and cached (``_data.py``); times are taken in this one process with
the contenders alternating (``_measure.py``); peak memory in a fresh subprocess per contender.
Every ratio and every PASS/MISS is computed from the numbers of this run. See README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import msgspec
import orjson
from _data import DATA_DIR, Input, Inputs, prepare
from _measure import Contender, Memory, Stage, Timing, alternate, gc_state, peak_memory
from baseline_pydantic import Document, msgspec_decode

from ranham import io
from ranham._process import paused_gc
from ranham.model import Dataset
from ranham.rules import score
from ranham.validation import ValidationResult, validate

# ``python benchmarks/run.py`` puts this directory first on ``sys.path``: the modules above are
# the files next to this one.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

GROUPS = ("national", "dump", "scaling", "years", "stream", "memory")
PACKAGES = (
    "ranham",
    "attrs",
    "cattrs",
    "orjson",
    "python-dateutil",
    "pydantic",
    "pydantic-core",
    "msgspec",
)

# The goals of issue 9, as limits on ratios measured in the same run.
GOAL_VS_PYDANTIC = 0.5
GOAL_VS_ORJSON = 3.0
GOAL_DUMP = 1.0
GOAL_SCORE_VS_LOAD = 0.5
GOAL_LINEAR = 1.2
GOAL_MEMORY_FLAT = 1.2
GOAL_THROUGHPUT = 1.2


# --- the contenders ---------------------------------------------------------------------------


def _valid(result: ValidationResult) -> None:
    if not result.valid:
        raise RuntimeError(f"ranham refused a benchmark input: {result.codes[:10]}")


def _all_valid(results: list[ValidationResult]) -> None:
    for result in results:
        _valid(result)


def _is_dataset(value: Any) -> None:
    if not isinstance(value, Dataset):
        raise RuntimeError(f"expected a Dataset, got {type(value).__name__}")


def _same_bytes(expected: bytes) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        got = value.encode() if isinstance(value, str) else value
        if got != expected:
            raise RuntimeError("a dump differs from ranham.io.dumps of the same document")

    return check


def _same_json(expected: bytes) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if orjson.loads(value) != orjson.loads(expected):
            raise RuntimeError("a dump differs from the input's JSON")

    return check


def score_and_eligibility(dataset: Dataset) -> tuple[dict[str, Any], Any]:
    """What is timed as scoring: the JSON of ``score(ds)`` and of its eligibility decisions.

    ``scores.eligibility()`` reuses the scores; ``eligibility(ds)`` would score the year again.
    """
    scores = score(dataset)
    return scores.to_json(), scores.eligibility().to_json()


def _paused_loads(data: bytes) -> Any:
    """``orjson.loads`` inside the collector pause that ``validate`` and ``io.loads`` make."""
    with paused_gc():
        return orjson.loads(data)


def national_contenders(data: bytes) -> list[Contender]:
    """Load and check one national year, every contender on the same bytes."""
    return [
        Contender.of(
            "ranham.validate", "ranham `validation.validate`", lambda: validate(data), _valid
        ),
        Contender.of("ranham.loads", "ranham `io.loads`", lambda: io.loads(data), _is_dataset),
        Contender.of(
            "pydantic",
            "pydantic v2 `model_validate_json`",
            lambda: Document.model_validate_json(data),
        ),
        Contender.of("orjson", "`orjson.loads` (floor)", lambda: orjson.loads(data)),
        Contender.of(
            "orjson.paused",
            "`orjson.loads`, collector paused as ranham pauses it",
            lambda: _paused_loads(data),
        ),
        Contender.of("msgspec", "`msgspec.json.decode` untyped", lambda: msgspec.json.decode(data)),
        Contender.of("msgspec.typed", "msgspec typed Structs", lambda: msgspec_decode(data)),
    ]


def dump_contenders(data: bytes) -> list[Contender]:
    """Write the loaded document back; each dump runs with only its own loaded input alive."""
    canonical = data  # the input was written by ranham.io.dumps: the canonical bytes
    return [
        Contender(
            (
                Stage("", "load", lambda _: io.loads(data)),
                Stage("ranham.dumps", "ranham `io.dumps`", io.dumps, _same_bytes(canonical)),
            )
        ),
        Contender(
            (
                Stage("", "load", lambda _: Document.model_validate_json(data)),
                Stage(
                    "pydantic.dump",
                    "pydantic v2 `model_dump_json`",
                    lambda m: m.model_dump_json(exclude_defaults=True),
                    _same_bytes(canonical),
                ),
            )
        ),
        Contender(
            (
                Stage("", "load", lambda _: orjson.loads(data)),
                Stage("orjson.dumps", "`orjson.dumps` of the plain dict (floor)", orjson.dumps),
            )
        ),
        Contender(
            (
                Stage("", "load", lambda _: msgspec_decode(data)),
                Stage(
                    "msgspec.encode",
                    "`msgspec.json.encode` of the typed Structs",
                    msgspec.json.encode,
                    _same_json(canonical),
                ),
            )
        ),
    ]


def scaling_contenders(inputs: Inputs) -> list[Contender]:
    """Load, then score and judge, at each size: both stages timed, the load's result scored."""
    contenders = []
    for multiple, item in inputs.scaled:
        data = item.read()
        contenders.append(
            Contender(
                (
                    Stage(
                        f"loads@{multiple:g}", f"load {multiple:g}×", lambda _, d=data: io.loads(d)
                    ),
                    Stage(f"score@{multiple:g}", f"score {multiple:g}×", score_and_eligibility),
                )
            )
        )
    return contenders


def years_contenders(inputs: Inputs) -> list[Contender]:
    """Five years at once: each contender loads all five files and keeps the five results."""
    datas = [item.read() for item in inputs.years]
    return [
        Contender.of(
            "ranham.validate",
            "ranham `validation.validate`",
            lambda: [validate(d) for d in datas],
            _all_valid,
        ),
        Contender(
            (
                Stage("ranham.loads", "ranham `io.loads`", lambda _: [io.loads(d) for d in datas]),
                Stage(
                    "score5",
                    "score + eligibility of the five loaded years",
                    lambda ds: [score_and_eligibility(d) for d in ds],
                ),
            )
        ),
        Contender.of(
            "pydantic",
            "pydantic v2 `model_validate_json`",
            lambda: [Document.model_validate_json(d) for d in datas],
        ),
        Contender.of("orjson", "`orjson.loads` (floor)", lambda: [orjson.loads(d) for d in datas]),
    ]


def stream_contenders(inputs: Inputs) -> list[Contender]:
    """The archives streamed (1× and 5×), the 1× read whole, and its reports in a dataset file."""
    archives = {m: item.path for m, item in inputs.archives}
    catalogs = {m: item.path for m, item in inputs.catalogs}
    whole = inputs.national.path
    contenders = []
    for multiple in (1.0, 5.0):
        archive, catalog = archives[multiple], catalogs[multiple]
        size = f"{multiple:g}×"
        contenders += [
            Contender.of(
                f"stream@{multiple:g}",
                f"{size} `validate(Path(archive.jsonl))` (streaming)",
                lambda a=archive: validate(a),
                _valid,
            ),
            Contender.of(
                f"stream+catalog@{multiple:g}",
                f"{size} `validate(Path(archive.jsonl), catalog=Path(catalog.json))`",
                lambda a=archive, c=catalog: validate(a, catalog=c),
                _valid,
            ),
        ]
    archive = archives[1.0]
    contenders += [
        Contender.of(
            "jsonl-bytes@1",
            "1× `validate(archive bytes, jsonl=True)` (whole archive in memory)",
            lambda: validate(archive.read_bytes(), jsonl=True),
            _valid,
        ),
        Contender.of(
            "whole",
            "1× `validate(Path(dataset.json))` (the same reports in one dataset file)",
            lambda: validate(whole),
            _valid,
        ),
    ]
    return contenders


# --- a run --------------------------------------------------------------------------------------


@dataclass
class Run:
    """Everything one run measured."""

    inputs: Inputs
    rounds: int
    started: datetime
    load_before: str
    load_after: str = "unknown"
    timings: dict[str, dict[str, Timing]] = field(default_factory=dict)
    memory: list[Memory] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def median(self, group: str, key: str) -> float | None:
        timing = self.timings.get(group, {}).get(key)
        return None if timing is None else timing.median

    def peak(self, task: str, name: str) -> Memory | None:
        return next((m for m in self.memory if m.task == task and m.input == name), None)


def measure(inputs: Inputs, rounds: int, groups: Sequence[str], log: Callable[[str], None]) -> Run:
    """Run the chosen groups."""
    run = Run(inputs, rounds, datetime.now(UTC), _load())
    plan: list[tuple[str, Callable[[], list[Contender]], bool]] = [
        ("national", lambda: national_contenders(inputs.national.read()), True),
        ("dump", lambda: dump_contenders(inputs.national.read()), True),
        ("scaling", lambda: scaling_contenders(inputs), True),
        ("years", lambda: years_contenders(inputs), False),
        ("stream", lambda: stream_contenders(inputs), True),
    ]
    for name, make, warmup in plan:
        if name not in groups:
            continue
        log(f"[{name}] {rounds} rounds{' after a warm-up call each' if warmup else ''}")
        started = time.perf_counter()
        contenders = make()
        # Without a warm-up, the code must have been warmed by an earlier group.
        run.timings[name] = alternate(
            contenders, rounds, warmup=warmup or "national" not in groups, log=log
        )
        del contenders
        run.seconds[name] = time.perf_counter() - started
    if "memory" in groups:
        log("[memory] one subprocess per contender and input")
        started = time.perf_counter()
        for task in ("ranham.validate", "ranham.loads", "pydantic", "orjson.loads"):
            run.memory.append(_peak(task, inputs.national, None, log))
        for task in ("msgspec.decode", "msgspec.typed"):
            run.memory.append(_peak(task, inputs.national, None, log))
        for multiple, archive in inputs.archives:
            catalog = dict(inputs.catalogs)[multiple]
            run.memory.append(_peak("ranham.validate-stream", archive, None, log))
            run.memory.append(_peak("ranham.validate-stream", archive, catalog, log))
            run.memory.append(_peak("ranham.validate-jsonl-bytes", archive, None, log))
            run.memory.append(_peak("ranham.iter_documents", archive, None, log))
        run.seconds["memory"] = time.perf_counter() - started
    run.load_after = _load()
    return run


def _load() -> str:
    """The system's load averages (1, 5, 15 minutes): other work running meanwhile."""
    try:
        return " / ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def _peak(task: str, item: Input, catalog: Input | None, log: Callable[[str], None]) -> Memory:
    found = peak_memory(task, item.path, None if catalog is None else catalog.path)
    if catalog is not None:
        found = Memory(f"{task}+catalog", found.input, found.baseline, found.peak, found.seconds)
    log(f"    {found.task} {found.input}: peak {found.peak / 2**20:.0f} MiB")
    return found


# --- the report ---------------------------------------------------------------------------------


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A Markdown table; ``align`` has one letter per column, ``l`` or ``r`` (default: the
    first column left, the others right)."""
    align = align or "l" + "r" * (len(headers) - 1)
    lines = [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    return "\n".join(lines)


def _s(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds:.3f}"


def _x(ratio: float | None) -> str:
    return "–" if ratio is None else f"{ratio:.2f}×"


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def _mib(value: int) -> str:
    return f"{value / 2**20:.0f}"


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _git() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"`{head}`" + (" with uncommitted changes in `src/`" if dirty else "")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


@dataclass(frozen=True)
class Goal:
    """One goal of issue 9: a measured ratio against its limit."""

    text: str
    measured: float | None
    limit: float
    detail: str = ""

    @property
    def verdict(self) -> str:
        if self.measured is None:
            return "not measured"
        return "PASS" if self.measured <= self.limit else "MISS"


def goals(run: Run) -> list[Goal]:
    """Every goal of issue 9, computed from this run."""
    national = "national"
    pyd = run.median(national, "pydantic")
    floor = run.median(national, "orjson")
    found = [
        Goal(
            "load + validate a national year (`validate`) vs pydantic",
            _ratio(run.median(national, "ranham.validate"), pyd),
            GOAL_VS_PYDANTIC,
        ),
        Goal(
            "load + validate a national year (`io.loads`, objects built) vs pydantic",
            _ratio(run.median(national, "ranham.loads"), pyd),
            GOAL_VS_PYDANTIC,
        ),
        Goal(
            "load + validate a national year (`validate`) vs `orjson.loads`",
            _ratio(run.median(national, "ranham.validate"), floor),
            GOAL_VS_ORJSON,
        ),
        Goal(
            "load + validate a national year (`io.loads`) vs `orjson.loads`",
            _ratio(run.median(national, "ranham.loads"), floor),
            GOAL_VS_ORJSON,
        ),
        Goal(
            "dump a national year (`io.dumps`) vs pydantic `model_dump_json`",
            _ratio(run.median("dump", "ranham.dumps"), run.median("dump", "pydantic.dump")),
            GOAL_DUMP,
        ),
        Goal(
            "score + eligibility of a loaded national year vs its load (`io.loads`)",
            _ratio(run.median("scaling", "score@1"), run.median("scaling", "loads@1")),
            GOAL_SCORE_VS_LOAD,
        ),
    ]
    per_target = _per_target(run, "score")
    if per_target:
        (small, _, t_small), (big, _, t_big) = per_target[0], per_target[-1]
        found.append(
            Goal(
                f"score + eligibility linear in size: time per target at {big:g}× / at {small:g}×",
                _ratio(t_big, t_small),
                GOAL_LINEAR,
            )
        )
    else:
        found.append(Goal("score + eligibility linear in size", None, GOAL_LINEAR))
    archives = dict(run.inputs.archives)
    one = run.peak("ranham.validate-stream", archives[1.0].name)
    five = run.peak("ranham.validate-stream", archives[5.0].name)
    found.append(
        Goal(
            "streaming `.jsonl` validation: peak RSS of the 5× archive / the 1× archive",
            None if one is None or five is None else five.peak / one.peak,
            GOAL_MEMORY_FLAT,
        )
    )
    for key, what in (
        ("stream@1", "1× archive"),
        ("stream+catalog@1", "1× archive with a catalog"),
        ("stream@5", "5× archive"),
    ):
        found.append(
            Goal(
                f"streaming `.jsonl` validation ({what}): whole-file throughput "
                "(MB/s) / streaming throughput",
                _ratio(_per_mb(run, key), _per_mb(run, "whole")),
                GOAL_THROUGHPUT,
            )
        )
    return found


def _stream_size(run: Run, key: str) -> tuple[int, int]:
    """Bytes and documents (reports) that a stream contender reads."""
    if key == "whole":
        national = run.inputs.national
        return national.size, national.stats["reports"]
    archive = dict(run.inputs.archives)[float(key.rsplit("@", 1)[1])]
    return archive.size, archive.stats["documents"]


def _per_mb(run: Run, key: str) -> float | None:
    """Seconds per MB (the inverse of throughput)."""
    median = run.median("stream", key)
    return None if median is None else median / (_stream_size(run, key)[0] / 1e6)


def _per_target(run: Run, stage: str) -> list[tuple[float, int, float]]:
    """(size multiple, targets, seconds per target) of a scaling stage, smallest first."""
    rows = []
    for multiple, item in run.inputs.scaled:
        median = run.median("scaling", f"{stage}@{multiple:g}")
        if median is not None:
            rows.append((multiple, item.stats["targets"], median / item.stats["targets"]))
    return rows


def render(run: Run) -> str:
    """RESULTS.md."""
    inputs = run.inputs
    out: list[str] = [
        "# Benchmark results",
        "",
        (
            "Generated by `python benchmarks/run.py` (`make bench`); do not edit by hand. Every "
            "ratio and every PASS/MISS below comes from the numbers of this one run. How the "
            "numbers are taken: `benchmarks/README.md`."
        ),
        "",
        "<!-- results-start -->",
        "",
        "## Run",
        "",
        _table(
            ["what", "value"],
            [
                ["date (UTC)", run.started.strftime("%Y-%m-%d %H:%M")],
                ["machine", f"{_cpu()}, {os.cpu_count()} cores, {_ram()} RAM"],
                ["system", platform.platform()],
                ["Python", f"{platform.python_implementation()} {platform.python_version()}"],
                ["garbage collector", gc_state() + " for every contender"],
                [
                    "system load (1/5/15 min)",
                    (
                        f"{run.load_before} at the start, {run.load_after} at the end "
                        f"({os.cpu_count()} cores; above that, other work competed for them)"
                    ),
                ],
                ["ranham source", _git()],
                ["packages", ", ".join(f"{p} {_version(p)}" for p in PACKAGES)],
                [
                    "rounds",
                    f"{run.rounds} per group, contenders alternating (median and min shown)",
                ],
                [
                    "duration",
                    ", ".join(f"{g} {s:.0f} s" for g, s in run.seconds.items())
                    + f"; total {sum(run.seconds.values()):.0f} s",
                ],
            ],
            "ll",
        ),
        "",
        "## Inputs",
        "",
        (
            f"Generated by `ranham.reference` (seed 0, run scale {inputs.scale:g}) and written by "
            "`ranham.io` in canonical compact JSON. The five-year set is five `dataset` files, "
            "one per year 2021–2025 (not one file at 5× scale). The 1× archive holds exactly the "
            "reports of the national year."
        ),
        "",
        _inputs_table(inputs),
        "",
    ]
    out += _national_section(run)
    out += _dump_section(run)
    out += _scaling_section(run)
    out += _years_section(run)
    out += _stream_section(run)
    out += _memory_section(run)
    out += [
        "## Goals of issue 9",
        "",
        _table(
            ["goal", "measured", "limit", "result"],
            [[g.text, _x(g.measured), f"≤ {g.limit:.2f}×", f"**{g.verdict}**"] for g in goals(run)],
            "lrrl",
        ),
        "",
        (
            "Linearity is judged on the time per target (an institution and one of its assigned "
            f"actions): at the largest size it may be at most {GOAL_LINEAR:.1f}× that at the "
            "smallest. Streaming throughput, at 1× and 5×, is compared with validating the 1× "
            "archive's reports inside one `dataset` file read from disk, in MB/s."
        ),
        "",
        "<!-- results-end -->",
        "",
        NOTES,
    ]
    return "\n".join(out)


def _inputs_table(inputs: Inputs) -> str:
    rows = []
    for item in inputs.all():
        st = item.stats
        if "reports" in st:
            what = (
                f"{st['institutions']} institutions, {st['actions']} actions, "
                f"{st['targets']} targets, {st['reports']} reports, "
                f"{st['action_entries']} action entries, {st['measure_entries']} measure "
                f"entries, {st['evidence']} evidence items"
            )
        elif "documents" in st:
            what = f"{st['documents']} report documents, one per line"
        else:
            what = f"catalog of {st['actions']} actions"
        rows.append([f"`{item.name}`", _mb(item.size), what])
    return _table(["file", "size", "holds"], rows, "lrl")


def _national_section(run: Run) -> list[str]:
    timings = run.timings.get("national")
    if not timings:
        return []
    size = run.inputs.national.size
    pyd = run.median("national", "pydantic")
    floor = run.median("national", "orjson")
    rows = [
        [
            t.label,
            _s(t.median),
            _s(t.min),
            f"{size / 1e6 / t.median:.0f}",
            _x(_ratio(t.median, pyd)),
            _x(_ratio(t.median, floor)),
        ]
        for t in timings.values()
    ]
    return [
        f"## Load and check a national year ({_mb(size)})",
        "",
        _table(["contender", "median s", "min s", "MB/s", "× pydantic", "× orjson"], rows),
        "",
    ]


def _dump_section(run: Run) -> list[str]:
    timings = run.timings.get("dump")
    if not timings:
        return []
    pyd = run.median("dump", "pydantic.dump")
    rows = [[t.label, _s(t.median), _s(t.min), _x(_ratio(t.median, pyd))] for t in timings.values()]
    return [
        "## Dump a loaded national year",
        "",
        (
            "Each dump is timed with only its own loaded document alive. ranham's and pydantic's "
            "outputs are checked to be byte-identical (the canonical form)."
        ),
        "",
        _table(["contender", "median s", "min s", "× pydantic"], rows),
        "",
    ]


def _scaling_section(run: Run) -> list[str]:
    if not run.timings.get("scaling"):
        return []
    rows = []
    for multiple, item in run.inputs.scaled:
        load = run.median("scaling", f"loads@{multiple:g}")
        scored = run.median("scaling", f"score@{multiple:g}")
        targets = item.stats["targets"]
        rows.append(
            [
                f"{multiple:g}× (`{item.name}`)",
                str(targets),
                _mb(item.size),
                _s(load),
                "–" if load is None else f"{load / targets * 1e6:.0f}",
                _s(scored),
                "–" if scored is None else f"{scored / targets * 1e6:.0f}",
                _x(_ratio(scored, load)),
            ]
        )
    return [
        "## Score and eligibility, and linearity",
        "",
        (
            "Each size is loaded (`io.loads`, timed) and the loaded dataset then scored, timed "
            "apart: `score(ds).to_json()` and `.eligibility().to_json()` of the same scores. "
            "Medians."
        ),
        "",
        _table(
            [
                "size",
                "targets",
                "file",
                "load s",
                "load µs/target",
                "score + eligibility s",
                "score µs/target",
                "score ÷ load",
            ],
            rows,
        ),
        "",
    ]


def _years_section(run: Run) -> list[str]:
    timings = run.timings.get("years")
    if not timings:
        return []
    size = sum(item.size for item in run.inputs.years)
    pyd = run.median("years", "pydantic")
    floor = run.median("years", "orjson")
    rows = [
        [
            t.label,
            _s(t.median),
            _s(t.min),
            _x(_ratio(t.median, pyd)) if t.key != "score5" else "–",
            _x(_ratio(t.median, floor)) if t.key != "score5" else "–",
        ]
        for t in timings.values()
    ]
    per_mb = []
    for key in ("ranham.validate", "ranham.loads", "pydantic", "orjson"):
        five, one = run.median("years", key), run.median("national", key)
        if five is not None and one is not None:
            factor = (five / size) / (one / run.inputs.national.size)
            per_mb.append(f"{key} {factor:.2f}×")
    growth = (
        [
            "Time per MB here relative to the national year: "
            + ", ".join(per_mb)
            + ". Above 1, the collector's passes over the results kept alive grow with them; "
            "a contender that pauses the collector while it builds (`ranham.io`) avoids them.",
            "",
        ]
        if per_mb
        else []
    )
    return [
        f"## Five years at once (five files, {_mb(size)})",
        "",
        (
            "Each contender reads all five years and keeps the five results alive, as an analyst "
            "holding five years does; scoring runs on the five datasets that `io.loads` built."
        ),
        "",
        _table(["contender", "median s", "min s", "× pydantic", "× orjson"], rows),
        "",
        *growth,
    ]


def _stream_section(run: Run) -> list[str]:
    timings = run.timings.get("stream")
    rows = []
    if timings:
        whole = _per_mb(run, "whole")
        for key, t in timings.items():
            size, documents = _stream_size(run, key)
            rows.append(
                [
                    t.label,
                    _mb(size),
                    str(documents),
                    _s(t.median),
                    f"{size / 1e6 / t.median:.1f}",
                    f"{documents / t.median:.0f}",
                    _x(_ratio(_per_mb(run, key), whole)),
                ]
            )
    if not rows:
        return []
    return [
        "## Streaming validation of a `.jsonl` archive",
        "",
        (
            "The whole-file reference is the national year's `dataset` file, which holds "
            "exactly the reports of the 1× archive (documents: reports). Peak memory of the "
            "same calls: next section."
        ),
        "",
        _table(
            [
                "contender",
                "input",
                "documents",
                "median s",
                "MB/s",
                "documents/s",
                "s/MB ÷ whole file",
            ],
            rows,
        ),
        "",
    ]


def _memory_section(run: Run) -> list[str]:
    if not run.memory:
        return []
    rows = [
        [
            f"`{m.task}`",
            f"`{m.input}`",
            _mib(m.baseline),
            _mib(m.peak),
            _mib(m.added),
            f"{m.seconds:.2f}",
        ]
        for m in run.memory
    ]
    return [
        "## Peak memory",
        "",
        (
            "One fresh subprocess per row: its peak resident set size (`VmHWM`) after the "
            "imports (baseline) and at the end (the whole process, interpreter and the input's "
            "bytes included where it is read whole). *One cold run* is that single call, the "
            "first of its process: slower than the warm medians above."
        ),
        "",
        _table(
            [
                "contender",
                "input",
                "baseline MiB",
                "peak MiB",
                "peak − baseline MiB",
                "one cold run s",
            ],
            rows,
            "llrrrr",
        ),
        "",
    ]


NOTES = """## What each contender checks

- **ranham `validation.validate`** — the path of `ranham validate`: bytes in, every rule of
  format 1.0 (`format.md`): encoding, JSON syntax, duplicate keys, finite numbers, depth, every
  field's type, value set and pattern, every cross reference and document rule (ids, windows,
  workflow, assignments, …), with a position and a message for every issue (warnings such as
  `late-submission` included). Returns the result, not objects.
- **ranham `io.loads`** — the same validation, then the frozen attrs entities (`Dataset`).
- **pydantic v2** — `benchmarks/baseline_pydantic.py`: the schema layer of format 1.0 (unknown
  keys refused, strict types, the value sets as enums, the patterns, non-empty text, dates and
  RFC 3339 timestamps with offset, every document kind); builds model objects. It checks **less
  than ranham**: no cross references, unique ids, windows, workflow, history order,
  assessments against status, `parent` against the code, period order or time-zone existence;
  its JSON parser keeps the last of two duplicate keys without a word and lets `Infinity` or
  `1e400` through inside `extensions`; its errors carry no line or column. Dumped with
  `model_dump_json(exclude_defaults=True)`, which gives ranham's canonical bytes exactly.
- **`orjson.loads`** — parsing only: the floor of any Python reader of these files. The
  `× orjson` column (and issue 9's goal) divides by it as a caller gets it, with the collector
  on. `ranham` pauses the collector while it parses and builds, and so, in the row after it,
  does `orjson.loads` with the same pause: without the collector's passes over the parsed
  objects it is about 45 % faster. Divided by that row, `ranham`'s ratios are correspondingly
  higher; it is the floor of the parse alone, without the collector's share.
- **msgspec** — `msgspec.json.decode` untyped (parsing only), and typed into msgspec Structs
  of the same schema layer as the pydantic baseline (its timestamp parser also takes a space
  for the `T`): the limit of what a compiled schema library does.
- **Streaming** — `validate(Path("….jsonl"))` validates line by line in bounded memory, without
  a catalog (each report alone) or with one (`catalog=`, as `ranham validate --catalog`).
- **Score + eligibility** — `ranham.rules.score(ds).to_json()` and the JSON of `.eligibility()`
  with the plan's default rule set, on the dataset `io.loads` built.

## How the goals are read

Where issue 9 leaves a reading open, this harness decides, and says so here:

- "load + validate" is judged for both ranham paths: `validate` (what `ranham validate` runs)
  and `io.loads` (validation and objects, like pydantic's `model_validate_json`).
- "linear in size": the time per target at 2× is at most 1.2× that at 0.5×.
- Streaming throughput is compared with `validate(Path(dataset.json))` of the national year,
  which holds the same reports as the 1× archive, per MB; the 5× archive is compared with the
  same reference.
- Peak memory is the whole process's peak resident set size (interpreter included), in a fresh
  process per measurement.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 rounds instead of 5")
    parser.add_argument("--rounds", type=int, help="rounds per group (default 5; --quick 2)")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="the results file")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="input size (1: a real national year)"
    )
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="the input cache")
    parser.add_argument("--regenerate", action="store_true", help="make the inputs again")
    parser.add_argument(
        "--groups",
        default=",".join(GROUPS),
        help=f"comma-separated subset of {','.join(GROUPS)} (default: all)",
    )
    args = parser.parse_args(argv)
    rounds = args.rounds if args.rounds is not None else (2 if args.quick else 5)
    groups = [g.strip() for g in args.groups.split(",") if g.strip()]
    unknown = sorted(set(groups) - set(GROUPS))
    if unknown or rounds < 1:
        parser.error(f"unknown groups {unknown}" if unknown else "--rounds must be at least 1")

    def log(message: str) -> None:
        print(message, flush=True)

    started = time.perf_counter()
    log("[inputs]")
    inputs = prepare(scale=args.scale, directory=args.data_dir, regenerate=args.regenerate, log=log)
    run = measure(inputs, rounds, groups, log)
    text = render(run)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    log("")
    log("\n".join(_national_section(run)))
    for goal in goals(run):
        log(f"{goal.verdict:12} {_x(goal.measured):>8}  (≤ {goal.limit:.2f}×)  {goal.text}")
    log(f"\nwrote {args.out} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
