"""The root conftest's collection hook: slow tests first, and a lost ``xdist_group`` refused."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

ROOT_CONFTEST_FILE = Path(__file__).resolve().parents[1] / "conftest.py"


@pytest.fixture
def hook(pytestconfig: pytest.Config):
    """The root conftest's hook, as pytest loaded it (loading it again would reset the profile)."""
    (module,) = (
        plugin
        for plugin in pytestconfig.pluginmanager.get_plugins()
        if isinstance(plugin, ModuleType)
        and Path(getattr(plugin, "__file__", "") or "").resolve() == ROOT_CONFTEST_FILE
    )
    return module.pytest_collection_modifyitems


def _item(nodeid: str, *markers: str) -> SimpleNamespace:
    return SimpleNamespace(
        nodeid=nodeid, get_closest_marker=lambda name: object() if name in markers else None
    )


def _config(loadgroup: bool) -> SimpleNamespace:
    return SimpleNamespace(option=SimpleNamespace(loadgroup=loadgroup))


def test_slow_tests_go_first_and_keep_their_order(hook):
    items = [_item("a"), _item("b", "slow"), _item("c"), _item("d", "slow")]
    hook(_config(False), items)
    assert [i.nodeid for i in items] == ["b", "d", "a", "c"]


def test_a_group_that_lost_its_name_under_loadgroup_stops_the_run(hook):
    items = [_item("t.py::ok@release", "xdist_group"), _item("t.py::lost", "xdist_group")]
    with pytest.raises(pytest.UsageError, match=r"does not group t\.py::lost \(and 0 more\)"):
        hook(_config(True), items)


def test_groups_are_not_checked_without_loadgroup(hook):
    items = [_item("t.py::lost", "xdist_group")]
    hook(_config(False), items)
    assert [i.nodeid for i in items] == ["t.py::lost"]
