"""The shipped RANHAM 2021–2025 plan."""

from __future__ import annotations

from ranham import io
from ranham.model import ActionPlan, TargetGroup
from ranham.periods import PeriodCode
from ranham.reference import RANHAM_2021_2025, example_catalog


def test_the_plan_is_perpres_53_2021_with_its_four_groups_and_three_periods():
    plan = RANHAM_2021_2025
    assert isinstance(plan, ActionPlan)
    assert (plan.id, plan.legal_basis, plan.timezone) == (
        "ranham-2021-2025",
        "Perpres 53/2021",
        "Asia/Jakarta",
    )
    assert list(plan.years) == [2021, 2022, 2023, 2024, 2025]
    assert set(plan.target_groups) == set(TargetGroup)
    assert plan.periods == (PeriodCode.B04, PeriodCode.B08, PeriodCode.B12)


def test_the_plan_is_written_as_the_format_spec_example_writes_it(spec_dir):
    written = io.to_dict(example_catalog(scale=0.01))["plan"]
    spec = io.to_dict(io.load(spec_dir / "catalog.json"))["plan"]
    assert written == spec
