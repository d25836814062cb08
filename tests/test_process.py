"""Bulk reads pause the garbage collector and leave it as they found it."""

from __future__ import annotations

import gc

import pytest

from ranham._process import paused_gc


@pytest.fixture
def collector():
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    yield
    gc.unfreeze()
    if frozen:  # pragma: no cover - nothing in the test session freezes objects
        gc.freeze()
    (gc.enable if enabled else gc.disable)()


def test_an_enabled_collector_is_paused_and_enabled_again(collector):
    gc.enable()
    with paused_gc():
        assert not gc.isenabled()
        made = [{"x": [i]} for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert gc.is_tracked(made[0])


def test_a_disabled_collector_stays_disabled(collector):
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_objects_the_caller_froze_stay_frozen(collector):
    gc.enable()
    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    with paused_gc():
        made = [{"x": [i]} for i in range(1000)]
    after = gc.get_freeze_count()
    # Frozen objects may die meanwhile (pytest-xdist's thread frees a few), so the count may
    # drop a little; freezing the 2,000 containers made would raise it, unfreezing zero it.
    assert frozen // 2 < after <= frozen
    assert gc.is_tracked(made[0])
    assert gc.isenabled()


def test_the_collector_is_restored_when_the_work_fails(collector):
    gc.enable()
    with pytest.raises(ZeroDivisionError), paused_gc():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_the_old_home_re_exports_the_one_helper():
    from ranham.validation import _json

    assert _json.paused_gc is paused_gc
