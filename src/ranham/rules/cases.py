"""Expert test cases: TOML files that a domain expert writes without Python.

A case names a rule set, a dataset (a file next to the case, or an inline ``[dataset]`` table)
and the expected values of named quantities::

    name = "national figure is the plain mean of the tier means"
    ruleset = "ranham-2021-2025/default"   # an id, or a path ending in .toml (relative to the case)
    dataset = "b04-2022.json"              # relative to the case file
    source = "mnctrijaya.com, B04 2022"    # optional: where the expected figures come from
    [expected]
    "N(2022-B04)" = "74.81"
    "eligible(32.16)" = false
    "S(31.71)" = "null"                    # TOML has no null: the string "null" stands for it

Instead of ``dataset``, a case may name ``datasets = ["2022.json", "2023.json"]``: the years of
one plan, evaluated together (:func:`~ranham.rules.evaluate_years`); its ``[expected]`` names
quantities across years (``"S(32.16,PLAN)"``, ``"change(2023)"``, ``"N(2022)"``) or names of one
year that hold a period (``"S(32.16,2022-B04)"``).

Scores and percentages are written as in JSON output (strings with ``places`` decimals),
booleans and ranks as such. :func:`run_cases` runs cases and returns, for each, the mismatches
with their explanations, or the error that made the case unreadable.
"""

from __future__ import annotations

import functools
import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from ranham import io
from ranham.errors import RanhamError, RuleSetError
from ranham.model import Dataset
from ranham.rules.cycles import evaluate_years
from ranham.rules.explain import explain
from ranham.rules.loading import load_ruleset, ruleset_for
from ranham.rules.node import Node
from ranham.rules.quantities import CYCLE_FORMS, FORMS, parse_quantity
from ranham.rules.ruleset import RuleSet
from ranham.rules.scoring import Scores, Shown
from ranham.validation import SCHEMA_VERSION

__all__ = ["Case", "CaseResult", "Mismatch", "case_files", "load_case", "run_cases"]

SHIPPED_CASES = Path(__file__).parent / "cases"
"""The folder of the expert cases shipped with the package (and their datasets)."""

_KEYS = {"name", "ruleset", "dataset", "datasets", "expected", "source"}
_REQUIRED = ("name", "ruleset", "expected")


@attrs.frozen(kw_only=True)
class Case:
    """A parsed test case: what to score and what to expect."""

    path: str
    name: str
    ruleset: RuleSet
    dataset: Dataset
    expected: tuple[tuple[str, Shown], ...]
    source: str | None = None
    datasets: tuple[Dataset, ...] = ()
    """The years of a case across years (``datasets = [...]``); empty for one year, whose
    dataset is :attr:`dataset` (for a case across years, the latest year's)."""


@attrs.frozen(kw_only=True)
class Mismatch:
    """An expected value that the rules do not give, with the explanation of the actual one."""

    quantity: str
    expected: Shown
    actual: Shown
    explanation: Node


@attrs.frozen(kw_only=True)
class CaseResult:
    """The outcome of one case: its mismatches, or the error that stopped it."""

    path: str
    name: str
    checked: int = 0
    mismatches: tuple[Mismatch, ...] = ()
    error: str | None = None

    @property
    def passed(self) -> bool:
        """Every expected value matched and the case could be read."""
        return self.error is None and not self.mismatches


def case_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The case files named by ``paths``.

    A file is taken as it is; a directory gives its ``*.toml`` files, sorted, but not those of
    its subdirectories (where the rule sets and data used by cases may live).
    """
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        found += sorted(path.glob("*.toml")) if path.is_dir() else [path]
    return found


def _refuse(where: str, message: str) -> RuleSetError:
    return RuleSetError(message, location=where)


def _expected_value(where: str, value: Any) -> Shown:
    if value == "null":
        return None
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        raise _refuse(
            where,
            f'write a score as a string with the rule set\'s decimals, e.g. "{value}" '
            "(a TOML number would lose its trailing zeros).",
        )
    raise _refuse(
        where,
        'must be a score string such as "74.81", "null", true/false or a whole number '
        f"(got {value!r}).",
    )


def _json_ready(value: Any) -> Any:
    """TOML values as the JSON a document would hold (dates and times become text)."""
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    if isinstance(value, datetime):
        return io.format_timestamp(value) if value.utcoffset() is not None else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _dataset(where: str, value: Any, base: Path, cache: dict[Path, Dataset]) -> Dataset:
    if isinstance(value, str):
        path = (base / value).resolve()
        if path not in cache:
            try:
                cache[path] = io.load(path, kind=Dataset)
            except OSError as error:
                raise _refuse(
                    f"{where}: dataset",
                    f"cannot read {value} ({error.strerror or type(error).__name__}); the path "
                    "is relative to the case file.",
                ) from None
        return cache[path]
    if isinstance(value, dict):
        document = {"kind": "dataset", "schema_version": SCHEMA_VERSION, **_json_ready(value)}
        return io.from_dict(document, kind=Dataset)
    raise _refuse(
        f"{where}: dataset",
        'must be a file name such as "b04-2022.json" or a [dataset] table (got '
        f"{type(value).__name__}).",
    )


def load_case(path: str | os.PathLike[str], *, _cache: dict[Path, Dataset] | None = None) -> Case:
    """Read a case file.

    Raises :class:`~ranham.errors.RuleSetError` (located ``file: key``),
    :class:`~ranham.errors.DocumentError` for an invalid dataset, or :class:`OSError`.
    """
    where = str(path)
    base = Path(path).parent
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise _refuse(where, f"is not valid TOML: {error}. Correct the text there.") from None
    for key in _REQUIRED:
        if key not in data:
            raise _refuse(
                f"{where}: {key}",
                "is required in a case; see the case format in "
                "the scoring docs (name, ruleset, dataset, [expected]).",
            )
    extra = sorted(set(data) - _KEYS)
    if extra:
        raise _refuse(
            f"{where}: {extra[0]}",
            f"is not a key of a case; the keys are: {', '.join(sorted(_KEYS))}.",
        )
    if ("dataset" in data) == ("datasets" in data):
        raise _refuse(
            f"{where}: dataset",
            "a case names either dataset (one year) or datasets = [...] (several years of one "
            "plan), not both and not neither.",
        )
    if not isinstance(data["name"], str) or not data["name"].strip():
        raise _refuse(f"{where}: name", "must be a non-blank string.")
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        raise _refuse(f"{where}: source", "must be a string.")
    expected = data["expected"]
    if not isinstance(expected, dict) or not expected:
        raise _refuse(f"{where}: expected", 'must be a table with at least one "NAME" = VALUE.')
    pairs: list[tuple[str, Shown]] = []
    across = "datasets" in data
    forms = FORMS + CYCLE_FORMS if across else FORMS
    for key, value in expected.items():
        try:
            parse_quantity(key, forms=forms)
        except RanhamError as error:
            raise _refuse(f'{where}: expected."{key}"', str(error)) from None
        pairs.append((key, _expected_value(f'{where}: expected."{key}"', value)))
    cache = {} if _cache is None else _cache
    years: tuple[Dataset, ...] = ()
    if across:
        listed = data["datasets"]
        if not isinstance(listed, list) or not listed:
            raise _refuse(
                f"{where}: datasets",
                'must be a list of dataset files, one per year, such as ["2022.json", '
                '"2023.json"].',
            )
        years = tuple(_dataset(where, item, base, cache) for item in listed)
        dataset = max(years, key=lambda d: d.catalog.year)
    else:
        dataset = _dataset(where, data["dataset"], base, cache)
    reference = data["ruleset"]
    if not isinstance(reference, str):
        raise _refuse(f"{where}: ruleset", "must be a rule set id or a path ending in .toml.")
    if reference.endswith(".toml"):
        reference = str(base / reference)
    catalog = dataset.catalog
    ruleset = load_ruleset(reference)
    for year in years or (dataset,):
        ruleset_for(catalog.plan.id, year.catalog.year, ruleset)  # covers every year
    return Case(
        path=where,
        name=data["name"],
        ruleset=ruleset,
        dataset=dataset,
        expected=tuple(pairs),
        source=source,
        datasets=years,
    )


def _same(expected: Shown, actual: Shown) -> bool:
    return type(expected) is type(actual) and expected == actual


def run_case(case: Case, scores: Scores | None = None) -> CaseResult:
    """Compare every expected value of ``case`` with the rules' answer."""
    if case.datasets:
        try:
            cycles = evaluate_years(case.datasets, case.ruleset)
        except RanhamError as error:
            return CaseResult(path=case.path, name=case.name, error=f"{case.path}: {error}")
        shown: Callable[[str], Shown] = cycles.shown
        why: Callable[[str], Node] = cycles.explain
    else:
        scored = scores or Scores(dataset=case.dataset, ruleset=case.ruleset)
        shown = scored.shown
        why = functools.partial(explain, scored)
    mismatches = []
    for quantity, expected in case.expected:
        try:
            actual = shown(quantity)
        except RanhamError as error:
            return CaseResult(path=case.path, name=case.name, error=f"{case.path}: {error}")
        if not _same(expected, actual):
            mismatches.append(
                Mismatch(
                    quantity=quantity,
                    expected=expected,
                    actual=actual,
                    explanation=why(quantity),
                )
            )
    return CaseResult(
        path=case.path, name=case.name, checked=len(case.expected), mismatches=tuple(mismatches)
    )


def run_cases(paths: Iterable[str | os.PathLike[str]]) -> tuple[CaseResult, ...]:
    """Run every case named by ``paths`` (files, or directories of ``*.toml`` cases).

    A case that cannot be read (bad TOML, unknown key, invalid dataset, unknown rule set or
    quantity) gives a result with ``error`` set; the other cases still run.
    """
    datasets: dict[Path, Dataset] = {}
    scored: dict[tuple[int, RuleSet], Scores] = {}
    results = []
    for path in case_files(paths):
        try:
            case = load_case(path, _cache=datasets)
        except (RanhamError, OSError) as error:
            message = str(error)
            if isinstance(error, OSError):
                message = f"{path}: cannot be read ({error.strerror or type(error).__name__})"
            elif not message.startswith(str(path)):
                message = f"{path}: {message}"
            results.append(CaseResult(path=str(path), name=Path(path).stem, error=message))
            continue
        key = (id(case.dataset), case.ruleset)
        if case.datasets:
            results.append(run_case(case))
            continue
        if key not in scored:
            scored[key] = Scores(dataset=case.dataset, ruleset=case.ruleset)
        results.append(run_case(case, scored[key]))
    return tuple(results)


def expected_text(value: Shown) -> str:
    """An expected or actual value as a case file writes it."""
    if value is None:
        return '"null"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def as_mapping(result: CaseResult) -> Mapping[str, Any]:
    """A case result as JSON-ready data (for tools that run cases)."""
    return {
        "path": result.path,
        "name": result.name,
        "passed": result.passed,
        "checked": result.checked,
        "error": result.error,
        "mismatches": [
            {"quantity": m.quantity, "expected": m.expected, "actual": m.actual}
            for m in result.mismatches
        ],
    }
