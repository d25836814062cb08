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

Scores and percentages are written as in JSON output (strings with ``places`` decimals),
booleans and ranks as such. :func:`run_cases` runs cases and returns, for each, the mismatches
with their explanations, or the error that made the case unreadable.

Cases read documents (through :mod:`ranham.io`), so they sit above the rules: ``ranham.rules``
loads no JSON machinery for them. (They lived in ``ranham.rules.cases`` before; the names
imported from ``ranham.rules`` still work, with a :class:`DeprecationWarning`.)

A case file is read as a rule-set file is: a regular file (never a FIFO or a device), at most
:data:`CASE_MAX_SIZE` bytes (``max_size=`` changes it), UTF-8, nested at most 64 levels deep;
a quantity name is ASCII and at most :data:`MAX_QUANTITY_NAME` characters long. A dataset file
named by a case must be a regular file too.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from ranham import io
from ranham.errors import ArgumentTypeError, RanhamError, RuleSetError
from ranham.model import Dataset
from ranham.rules import (
    Node,
    RuleSet,
    Scores,
    evaluate_years,
    explain,
    load_ruleset,
    parse_quantity,
)
from ranham.rules._toml import (
    LongNumber,
    check_arguments,
    describe,
    parse_toml,
    read_text_file,
    show_path,
)
from ranham.rules.cases import SHIPPED_CASES
from ranham.rules.loading import ruleset_for
from ranham.rules.quantities import CYCLE_FORMS, FORMS
from ranham.rules.scoring import Shown
from ranham.validation import SCHEMA_VERSION

__all__ = [
    "CASE_MAX_SIZE",
    "MAX_QUANTITY_NAME",
    "SHIPPED_CASES",
    "Case",
    "CaseResult",
    "Mismatch",
    "as_mapping",
    "case_files",
    "expected_text",
    "load_case",
    "run_case",
    "run_cases",
]

CASE_MAX_SIZE = 16 * 1024 * 1024
"""The largest case file read, in bytes (16 MiB: room for an inline dataset; the largest
shipped case is under 2 KB, its datasets are separate files)."""

MAX_QUANTITY_NAME = 200
"""The longest quantity name a case may expect (``"S(32.16,2022-B04)"`` is 17 characters)."""

_QUANTITY_TEXT = re.compile(r"[\x21-\x7e]++")
_WHAT = ("a case file", "berkas kasus")

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
    error_id: str | None = attrs.field(default=None, eq=False)
    """``error`` in Indonesian, when the error has an Indonesian text (a rule-set or case-file
    problem); ``None`` otherwise."""

    @property
    def passed(self) -> bool:
        """Every expected value matched and the case could be read."""
        return self.error is None and not self.mismatches


def case_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The case files named by ``paths``.

    A file is taken as it is; a directory gives its ``*.toml`` files, sorted, but not those of
    its subdirectories (where the rule sets and data used by cases may live).
    """
    if isinstance(paths, str | bytes | os.PathLike):
        raise ArgumentTypeError(
            f"case_files() and run_cases() take a list of paths (got one {type(paths).__name__}: "
            "write [path])."
        )
    found: list[Path] = []
    for item in paths:
        check_arguments(item, 1, function="run_cases")
        path = Path(item)
        found += sorted(path.glob("*.toml")) if path.is_dir() else [path]
    return found


def _refuse(where: str, message: str, message_id: str = "") -> RuleSetError:
    return RuleSetError(message, location=where, message_id=message_id)


def _expected_value(where: str, value: Any) -> Shown:
    if value == "null":
        return None
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal | LongNumber):
        shown = describe(value)
        raise _refuse(
            where,
            f'write a score as a string with the rule set\'s decimals, e.g. "{shown}" '
            "(a TOML number would lose its trailing zeros).",
            f'tulis skor sebagai teks dengan desimal aturannya, misalnya "{shown}" '
            "(bilangan TOML akan kehilangan nol di belakangnya).",
        )
    raise _refuse(
        where,
        'must be a score string such as "74.81", "null", true/false or a whole number '
        f"(got {describe(value)}).",
        'harus teks skor seperti "74.81", "null", true/false atau bilangan bulat '
        f"(tertulis {describe(value)}).",
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
    if isinstance(value, LongNumber):
        return float(value.text.replace("_", ""))  # what a JSON reader makes of it
    return value


def _dataset(where: str, value: Any, base: Path, cache: dict[Path, Dataset]) -> Dataset:
    if isinstance(value, str):
        path = (base / value).resolve()
        if path not in cache:
            _regular_dataset(where, value, path)
            try:
                cache[path] = io.load(path, kind=Dataset)
            except OSError as error:
                reason = error.strerror or type(error).__name__
                raise _refuse(
                    f"{where}: dataset",
                    f"cannot read {_file(value)} ({reason}); the path is relative to the "
                    "case file.",
                    f"tidak dapat membaca {_file(value)} ({reason}); jalurnya relatif "
                    "terhadap berkas kasus.",
                ) from None
        return cache[path]
    if isinstance(value, dict):
        document = {"kind": "dataset", "schema_version": SCHEMA_VERSION, **_json_ready(value)}
        return io.from_dict(document, kind=Dataset)
    raise _refuse(
        f"{where}: dataset",
        'must be a file name such as "b04-2022.json" or a [dataset] table (got '
        f"{describe(value)}).",
        'harus nama berkas seperti "b04-2022.json" atau tabel [dataset] (tertulis '
        f"{describe(value)}).",
    )


def _regular_dataset(where: str, value: str, path: Path) -> None:
    """Refuse a dataset path that is not a regular file, without opening it."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise _refuse(
            f"{where}: dataset",
            f"cannot read {_file(value)} ({reason}); the path is relative to the case file.",
            f"tidak dapat membaca {_file(value)} ({reason}); jalurnya relatif terhadap "
            "berkas kasus.",
        ) from None
    if not stat.S_ISREG(mode):
        raise _refuse(
            f"{where}: dataset",
            f"{_file(value)} is not a regular file; expected a dataset file (.json).",
            f"{_file(value)} bukan berkas biasa; yang diharapkan berkas dataset (.json).",
        )


def _file(name: str) -> str:
    return f'"{show_path(name)}"'


def _quantity(where: str, name: str, forms: Any = FORMS) -> str:
    """A quantity name of ``[expected]``: short, printable ASCII, and known to the rules."""
    key = f"{where}: expected.{describe(name)}"
    if len(name) > MAX_QUANTITY_NAME or not _QUANTITY_TEXT.fullmatch(name):
        raise _refuse(
            key,
            f"must be a quantity name of at most {MAX_QUANTITY_NAME} printable ASCII "
            'characters, such as "S(32.16,2022-B04)" (digits 0-9 only).',
            f"harus nama besaran paling banyak {MAX_QUANTITY_NAME} karakter ASCII yang "
            'tercetak, misalnya "S(32.16,2022-B04)" (hanya angka 0-9).',
        )
    try:
        parse_quantity(name, forms=forms)
    except RanhamError as error:
        raise _refuse(key, str(error)) from None
    return name


def load_case(
    path: str | os.PathLike[str],
    *,
    max_size: int = CASE_MAX_SIZE,
    _cache: dict[Path, Dataset] | None = None,
) -> Case:
    """Read a case file.

    Raises :class:`~ranham.errors.RuleSetError` (located ``file: key``) for a case that is not a
    regular file, is larger than ``max_size`` bytes, is not UTF-8 TOML or is malformed, and
    :class:`~ranham.errors.DocumentError` for an invalid dataset.
    """
    check_arguments(path, max_size, function="load_case")
    where = show_path(path)
    base = Path(path).parent
    text = read_text_file(path, max_size=max_size, what=_WHAT[0], what_id=_WHAT[1])
    data = parse_toml(
        text, source=os.fsdecode(path), max_size=max_size, what=_WHAT[0], what_id=_WHAT[1]
    )
    for key in _REQUIRED:
        if key not in data:
            raise _refuse(
                f"{where}: {key}",
                "is required in a case; see the case format in "
                "the scoring docs (name, ruleset, dataset, [expected]).",
                "wajib ada dalam kasus; lihat format kasus di dokumentasi penilaian "
                "(name, ruleset, dataset, [expected]).",
            )
    extra = sorted(set(data) - _KEYS)
    if extra:
        raise _refuse(
            f"{where}: {describe(extra[0])[1:-1]}",
            f"is not a key of a case; the keys are: {', '.join(sorted(_KEYS))}.",
            f"bukan kunci kasus; kuncinya: {', '.join(sorted(_KEYS))}.",
        )
    if ("dataset" in data) == ("datasets" in data):
        raise _refuse(
            f"{where}: dataset",
            "a case names either dataset (one year) or datasets = [...] (several years of one "
            "plan), not both and not neither.",
            "sebuah kasus menyebut dataset (satu tahun) atau datasets = [...] (beberapa tahun "
            "dari satu rencana), tidak keduanya dan tidak juga tanpa keduanya.",
        )
    if not isinstance(data["name"], str) or not data["name"].strip():
        raise _refuse(
            f"{where}: name", "must be a non-blank string.", "harus teks yang tidak kosong."
        )
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        raise _refuse(f"{where}: source", "must be a string.", "harus teks.")
    expected = data["expected"]
    if not isinstance(expected, dict) or not expected:
        raise _refuse(
            f"{where}: expected",
            'must be a table with at least one "NAME" = VALUE.',
            'harus tabel dengan paling sedikit satu "NAMA" = NILAI.',
        )
    pairs: list[tuple[str, Shown]] = []
    across = "datasets" in data
    forms = FORMS + CYCLE_FORMS if across else FORMS
    for key, value in expected.items():
        _quantity(where, key, forms)
        pairs.append((key, _expected_value(f"{where}: expected.{describe(key)}", value)))
    reference = data["ruleset"]
    if not isinstance(reference, str):
        raise _refuse(
            f"{where}: ruleset",
            "must be a rule set id or a path ending in .toml.",
            "harus id aturan atau jalur yang berakhiran .toml.",
        )
    cache: dict[Path, Dataset] = {} if _cache is None else _cache
    years: tuple[Dataset, ...] = ()
    if across:
        listed = data["datasets"]
        if not isinstance(listed, list) or not listed:
            raise _refuse(
                f"{where}: datasets",
                'must be a list of dataset files, one per year, such as ["2022.json", '
                '"2023.json"].',
                'harus daftar berkas dataset, satu per tahun, misalnya ["2022.json", "2023.json"].',
            )
        years = tuple(_dataset(where, item, base, cache) for item in listed)
        dataset = max(years, key=lambda d: d.catalog.year)
    else:
        dataset = _dataset(where, data["dataset"], base, cache)
    if reference.endswith(".toml"):
        reference = str(base / reference)
    catalog = dataset.catalog
    ruleset = load_ruleset(reference)
    for year in years or (dataset,):
        ruleset_for(catalog.plan.id, year.catalog.year, ruleset)  # covers every year
    return Case(
        path=str(path),
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


def run_cases(
    paths: Iterable[str | os.PathLike[str]], *, max_size: int = CASE_MAX_SIZE
) -> tuple[CaseResult, ...]:
    """Run every case named by ``paths`` (files, or directories of ``*.toml`` cases).

    A case that cannot be read (not a regular file, larger than ``max_size`` bytes, bad TOML,
    unknown key, invalid dataset, unknown rule set or quantity) gives a result with ``error``
    set; the other cases still run.
    """
    check_arguments("", max_size, function="run_cases")
    datasets: dict[Path, Dataset] = {}
    scored: dict[tuple[int, RuleSet], Scores] = {}
    results = []
    for path in case_files(paths):
        try:
            case = load_case(path, max_size=max_size, _cache=datasets)
        except (RanhamError, OSError) as error:
            where = show_path(path)
            message = str(error)
            if isinstance(error, OSError):
                message = f"{where}: cannot be read ({error.strerror or type(error).__name__})"
            elif not message.startswith(where):
                message = f"{where}: {message}"
            message_id = None
            if isinstance(error, RuleSetError):
                message_id = error.text("id")
                message_id = (
                    message_id if message_id.startswith(where) else f"{where}: {message_id}"
                )
            results.append(
                CaseResult(path=str(path), name=Path(path).stem, error=message, error_id=message_id)
            )
            continue
        except Exception as error:  # a bug met on one case must not end the run
            detail = describe(str(error), limit=200)
            message = (
                f"{show_path(path)}: internal error ({type(error).__name__}: {detail}); this is a "
                "bug in ranham, please report it with the case file"
            )
            results.append(CaseResult(path=str(path), name=Path(path).stem, error=message))
            continue
        key = (id(case.dataset), case.ruleset)
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
        "path": show_path(result.path),
        "name": result.name,
        "passed": result.passed,
        "checked": result.checked,
        "error": result.error,
        "mismatches": [
            {"quantity": m.quantity, "expected": m.expected, "actual": m.actual}
            for m in result.mismatches
        ],
    }
