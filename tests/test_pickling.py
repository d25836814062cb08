"""Every value ``ranham`` hands out survives ``pickle`` and ``copy.deepcopy``.

Receiving systems send datasets and scores to worker processes (``multiprocessing``,
``concurrent.futures``), cache them on disk and copy them: all of that is pickling. A value
that cannot be pickled fails only there, far from the code that made it, so each kind of value
is checked here, and every error class too (an exception is pickled when a worker raises it).
"""

from __future__ import annotations

import copy
import importlib
import json
import pickle
import pkgutil
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import ranham
from ranham import errors, io, recommendations, strategies
from ranham.reference import example_dataset, example_reports, regions
from ranham.reference.forums import forums
from ranham.rules import default_ruleset, evaluate_years, score
from ranham.validation import validate
from tests.conftest import examples

PROTOCOLS = sorted({2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL})


def _copies(value: Any) -> list[Any]:
    return [pickle.loads(pickle.dumps(value, protocol)) for protocol in PROTOCOLS] + [
        copy.deepcopy(value)
    ]


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.catalogs() | strategies.reports() | strategies.datasets() | strategies.forums())
def test_every_document_survives_pickle_and_deepcopy(document: Any) -> None:
    for copied in _copies(document):
        assert type(copied) is type(document)
        assert copied == document
        assert io.dumps(copied) == io.dumps(document)


@settings(max_examples=examples(30), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.datasets())
def test_an_unpickled_dataset_answers_its_lookups(dataset: Any) -> None:
    """A dataset's indexes (institutions by code, assignments, reports) come back with it."""
    for copied in _copies(dataset):
        for institution in dataset.institutions:
            assert copied.institution(institution.code) == institution
            assert copied.assigned_actions(institution.code) == dataset.assigned_actions(
                institution.code
            )
        for report in dataset.reports:
            assert copied.report(report.institution, report.period) == report


def test_a_number_kept_with_its_digits_survives_pickle() -> None:
    """A valid document's parsed value keeps an inexact number's digits (``inexact-number``)."""
    document = io.to_dict(_DATASET) | {"extensions": {"n": 1}}
    text = json.dumps(document).replace('"n": 1', '"n": 12345678901234567.89')
    result = validate(text)
    assert "inexact-number" in result.codes
    assert result.valid
    for copied in _copies(result):
        assert copied.value["extensions"]["n"].literal == "12345678901234567.89"


def test_a_shallow_copy_of_a_dataset_is_the_dataset() -> None:
    """Immutable, so a copy is itself (as for a tuple), without checking it again."""
    assert copy.copy(_DATASET) is _DATASET
    assert copy.copy(regions("2025")) is regions("2025")


@settings(max_examples=examples(30), suppress_health_check=[HealthCheck.too_slow])
@given(strategies.validation_results())
def test_every_validation_result_survives_pickle(result: Any) -> None:
    for copied in _copies(result):
        assert copied == result


_DATASET = example_dataset(year=2022, seed=3, scale=0.03)


def _values() -> dict[str, Callable[[], Any]]:
    scores = score(_DATASET)
    return {
        "Scores": lambda: scores,
        "Eligibility": scores.eligibility,
        "Cycles": lambda: evaluate_years(
            [example_dataset(year=year, seed=3, scale=0.03) for year in (2022, 2023)]
        ),
        "RuleSet": lambda: default_ruleset(_DATASET.catalog.plan.id, 2022),
        "RegionTable": lambda: regions("2025"),
        "ValidationResult": lambda: validate(io.dumps(_DATASET)),
        "ValidationResult of a report": lambda: validate(io.dumps(next(iter(example_reports())))),
        "ForumTracking": lambda: recommendations.track(forums()[0], as_of=date(2026, 12, 1)),
        "Summary": lambda: recommendations.summarize(forums(), as_of=date(2026, 12, 1)),
    }


@pytest.mark.parametrize("name", sorted(_values()))
def test_every_result_survives_pickle_and_deepcopy(name: str) -> None:
    value = _values()[name]()
    for copied in _copies(value):
        assert type(copied) is type(value)
        assert copied == value


def _raised(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except errors.RanhamError as error:
        return error
    raise AssertionError("nothing was raised")


def _errors() -> dict[type[BaseException], Callable[[], BaseException]]:
    """One error of each class, raised by ``ranham`` itself where it raises it."""
    from ranham.cli._common import InputSizeError
    from ranham.periods import ReportingPeriod
    from ranham.sheets import SheetsUnavailableError

    scores = score(_DATASET)
    evidence = next(
        e for r in _DATASET.reports for a in r.entries for m in a.measures for e in m.evidence
    )
    return {
        errors.ArgumentTypeError: lambda: _raised(lambda: score("dataset.json")),  # type: ignore[arg-type]
        errors.CycleError: lambda: _raised(lambda: evaluate_years([])),
        errors.DocumentError: lambda: _raised(lambda: io.loads(b'{"kind": "report"}')),
        errors.InvariantError: lambda: _raised(lambda: attrs.evolve(evidence, title=" ")),
        errors.MissingYearsError: lambda: errors.MissingYearsError("no 2021", years=[2021]),
        errors.NaiveDatetimeError: lambda: errors.NaiveDatetimeError("naive"),
        errors.PeriodError: lambda: _raised(lambda: ReportingPeriod.parse("2022-B05")),
        errors.RuleSetError: lambda: _raised(lambda: ranham.rules.loads_ruleset("scoring = 1")),
        errors.RanhamError: lambda: errors.RanhamError("plain"),
        errors.TransitionError: lambda: errors.TransitionError("no", field="history.1.status"),
        errors.UnknownChoiceError: lambda: _raised(lambda: scores.eligibility().ranked("x")),
        errors.UnknownNameError: lambda: _raised(lambda: _DATASET.institution("zz")),
        SheetsUnavailableError: lambda: SheetsUnavailableError("no openpyxl"),
        InputSizeError: lambda: InputSizeError("too large"),
    }


def _subclasses(cls: type[BaseException]) -> set[type[BaseException]]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= _subclasses(sub)
    return found


def test_every_error_class_is_checked() -> None:
    for module in pkgutil.walk_packages(ranham.__path__, "ranham."):
        if "_hypothesis" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)  # every module that may define an error class
    assert _subclasses(errors.RanhamError) <= set(_errors())


@pytest.mark.parametrize(
    "cls", sorted(_errors(), key=lambda c: c.__name__), ids=lambda c: c.__name__
)
def test_every_error_survives_pickle(cls: type[BaseException]) -> None:
    error = _errors()[cls]()
    assert type(error) is cls
    for copied in _copies(error):
        assert type(copied) is cls
        assert (str(copied), copied.args, vars(copied)) == (str(error), error.args, vars(error))
        assert copied.text("id") == error.text("id")  # type: ignore[attr-defined]


def test_every_form_result_survives_pickle(tmp_path: Any) -> None:
    pytest.importorskip("openpyxl")
    from ranham.sheets import read_form, write_form

    institution = next(i for i in _DATASET.institutions if _DATASET.assigned_actions(i.code))
    path = tmp_path / "laporan.xlsx"
    written = write_form(_DATASET, path, institution=institution, period="2022-B04")
    read = read_form(path, _DATASET)
    for value in (written, read, *read.issues[:3]):
        for copied in _copies(value):
            assert type(copied) is type(value)
            assert copied == value
