"""``st.from_type`` works for every public type, through the ``hypothesis`` entry point."""

from __future__ import annotations

import subprocess
import sys
import typing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies._internal.types import _global_type_lookup

import ranham
from ranham._hypothesis_hook import _public_types, _resolve
from ranham.model import FrozenMap
from ranham.strategies._registry import REGISTERED, strategy_for
from ranham.validation import Issue
from tests.conftest import examples

PUBLIC_CLASSES = [
    getattr(ranham, name) for name in ranham.__all__ if isinstance(getattr(ranham, name), type)
]


def test_the_hook_covers_every_public_class_and_the_issue():
    assert set(_public_types()) == {*PUBLIC_CLASSES, Issue}


@pytest.mark.parametrize("kind", PUBLIC_CLASSES, ids=lambda k: k.__name__)
def test_every_public_class_is_registered_and_known(kind):
    assert _global_type_lookup.get(kind) is _resolve  # the entry point ran in this venv
    assert kind in REGISTERED


@pytest.mark.parametrize("kind", [*PUBLIC_CLASSES, Issue], ids=lambda k: k.__name__)
@given(data=st.data())
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_from_type_draws_every_public_class(kind, data):
    value = data.draw(st.from_type(kind))
    assert isinstance(value, kind)


@given(st.from_type(FrozenMap[str, int]))
@settings(max_examples=examples(20))
def test_a_parameterised_frozen_map_draws_its_key_and_value_types(mapping):
    assert isinstance(mapping, FrozenMap)
    assert all(type(k) is str and type(v) is int for k, v in mapping.items())


@pytest.mark.parametrize("other", [Exception, ValueError, typing.Mapping, object, int])
def test_types_that_are_not_ranham_s_are_left_alone(other):
    assert strategy_for(other) is NotImplemented
    assert _resolve(other) is NotImplemented


@given(st.from_type(Exception))
@settings(max_examples=examples(30))
def test_resolving_a_base_class_still_works(error):
    assert isinstance(error, Exception)


def _run(code: str, **env: str) -> str:
    import os

    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return result.stdout.strip()


def test_import_ranham_does_not_import_hypothesis():
    code = "import sys, ranham; print('hypothesis' in sys.modules, 'ranham.io' in sys.modules)"
    assert _run(code) == "False False"


def test_import_hypothesis_registers_without_importing_the_strategies():
    code = (
        "import sys, hypothesis, ranham\n"
        "from hypothesis.strategies._internal.types import _global_type_lookup as lookup\n"
        "print(ranham.Report in lookup, 'ranham.strategies' in sys.modules)"
    )
    assert _run(code) == "True False"
    assert _run(code, HYPOTHESIS_NO_PLUGINS="1") == "False False"


# What registering the public types needs: the root (model, periods, errors, words, the version),
# the process helpers and ranham.validation, which holds ValidationResult and Issue.
_HOOK_MAY_LOAD = {
    "ranham",
    "ranham._hypothesis_hook",
    "ranham._process",
    "ranham._version",
    "ranham.errors",
    "ranham.model",
    "ranham.periods",
    "ranham.validation",
    "ranham.words",
}


def _units(modules: list[str]) -> set[str]:
    return {".".join(m.split(".")[:2]) for m in modules}


def test_import_hypothesis_loads_only_what_the_registration_needs():
    code = (
        "import sys, hypothesis\n"
        "print(' '.join(m for m in sorted(sys.modules) if m.partition('.')[0] in "
        "{'ranham', 'cattrs', 'orjson'}))"
    )
    loaded = _run(code).split()
    assert "ranham._hypothesis_hook" in loaded  # the hook ran
    assert "cattrs" not in loaded
    assert _units([m for m in loaded if m.startswith("ranham")]) <= _HOOK_MAY_LOAD
    assert not {"ranham.io", "ranham.rules", "ranham.strategies"} & set(loaded)
