"""The national example generator: valid, realistic, deterministic, scalable."""

from __future__ import annotations

import collections
import hashlib
import json
import os
import subprocess
import sys
from datetime import timedelta
from functools import cache
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.errors import InvariantError, UnknownNameError
from ranham.model import Dataset, EvidenceKind, InstitutionKind, ReportStatus, Tier
from ranham.periods import Timing
from ranham.reference import (
    ACTION_COUNTS,
    MAX_SCALE,
    RANHAM_2021_2025,
    example_catalog,
    example_dataset,
    example_institutions,
    example_reports,
    regions,
)
from ranham.validation import validate
from tests.conftest import examples


@cache
def national(year: int = 2022, seed: int = 0) -> Dataset:
    return example_dataset(year=year, seed=seed)


def _tier_counts(dataset: Dataset) -> collections.Counter[Tier]:
    return collections.Counter(
        i.tier for i in dataset.institutions if dataset.assigned_actions(i.code)
    )


def _targets(dataset: Dataset) -> collections.Counter[Tier]:
    found: collections.Counter[Tier] = collections.Counter()
    for institution in dataset.institutions:
        found[institution.tier] += len(dataset.assigned_actions(institution.code))
    return found


def test_the_national_2022_example_validates_without_error():
    result = validate(io.to_dict(national()))
    assert result.errors == ()
    assert result.valid
    assert set(result.codes) <= {"late-submission", "early-submission"}


def test_the_2022_institutions_are_the_ones_the_published_targets_count():
    dataset = national()
    provinces = [i for i in dataset.institutions if i.kind is InstitutionKind.PROVINCE]
    regional = [i for i in dataset.institutions if i.tier is Tier.REGENCY_CITY]
    agencies = [i for i in dataset.institutions if i.tier is Tier.KL]
    assert len(provinces) == 34
    assert {p.code for p in provinces} == {
        p.code for p in regions("2022").provinces() if p.code not in ("93", "94", "95")
    }
    assert len(regional) == 514
    assert sum(1 for i in regional if i.autonomous) == 508
    assert {i.code for i in regional if not i.autonomous} == {
        r.code for r in regions("2022").administrative()
    }
    assert any(i.parent == "93" for i in regional)  # regencies keep their 2022 codes
    assert len(agencies) == 28
    assert len({i.code for i in dataset.institutions}) == len(dataset.institutions)


def test_assignment_counts_are_institutions_times_actions_of_their_tier():
    dataset = national()
    catalog = dataset.catalog
    per_tier = {tier: len(catalog.actions_of(tier)) for tier in Tier}
    assert per_tier == dict(ACTION_COUNTS[2022])
    provinces = sum(1 for i in dataset.institutions if i.kind is InstitutionKind.PROVINCE)
    autonomous = sum(
        1 for i in dataset.institutions if i.tier is Tier.REGENCY_CITY and i.autonomous
    )
    targets = _targets(dataset)
    assert targets[Tier.PROVINCE] == provinces * per_tier[Tier.PROVINCE] == 34 * 8 == 272
    assert targets[Tier.REGENCY_CITY] == autonomous * per_tier[Tier.REGENCY_CITY] == 3048
    assert targets[Tier.KL] == 210
    assert _tier_counts(dataset)[Tier.KL] == 28  # every ministry/agency carries actions
    administrative = [i for i in dataset.institutions if not i.autonomous]
    assert all(dataset.assigned_actions(i.code) == () for i in administrative)


@pytest.mark.slow
@pytest.mark.parametrize("year", [2021, 2023, 2024, 2025])
def test_every_plan_year_validates_and_follows_its_action_counts(year):
    dataset = national(year)
    assert validate(io.to_dict(dataset)).errors == ()
    assert {t: len(dataset.catalog.actions_of(t)) for t in Tier} == dict(ACTION_COUNTS[year])
    provinces = sum(1 for i in dataset.institutions if i.kind is InstitutionKind.PROVINCE)
    assert provinces == (34 if year <= 2022 else 38)
    targets = _targets(dataset)
    assert targets[Tier.PROVINCE] == provinces * ACTION_COUNTS[year][Tier.PROVINCE]
    assert targets[Tier.REGENCY_CITY] == 508 * ACTION_COUNTS[year][Tier.REGENCY_CITY]


def test_the_published_counts_are_the_ones_domain_md_gives():
    assert ACTION_COUNTS[2021][Tier.PROVINCE] == ACTION_COUNTS[2021][Tier.REGENCY_CITY] == 9
    assert (ACTION_COUNTS[2022][Tier.PROVINCE], ACTION_COUNTS[2022][Tier.REGENCY_CITY]) == (8, 6)
    assert ACTION_COUNTS[2022][Tier.KL] == 210
    assert ACTION_COUNTS[2023][Tier.REGENCY_CITY] == 7


def test_the_same_arguments_give_the_same_bytes_and_another_seed_does_not():
    first = io.dumps(national())
    assert io.dumps(example_dataset(year=2022, seed=0)) == first
    assert io.dumps(example_dataset(year=2022, seed=1)) != first
    small = io.dumps(example_dataset(scale=0.05, seed=7))
    assert io.dumps(example_dataset(scale=0.05, seed=7)) == small
    assert io.dumps(example_dataset(scale=0.06, seed=7)) != small


@pytest.mark.slow
def test_the_bytes_do_not_depend_on_the_process_or_its_hash_seed():
    code = (
        "import hashlib; from ranham import io; from ranham.reference import example_dataset; "
        "print(hashlib.sha256(io.dumps(example_dataset(scale=0.2, seed=5))).hexdigest())"
    )
    digests = set()
    for hash_seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        digests.add(out.stdout.strip())
    here = hashlib.sha256(io.dumps(example_dataset(scale=0.2, seed=5))).hexdigest()
    assert digests == {here}


def test_the_streamed_reports_are_the_datasets_reports():
    dataset = example_dataset(year=2025, seed=3, scale=0.2)
    streamed = example_reports(year=2025, seed=3, scale=0.2)
    assert iter(streamed) is streamed  # a generator, not a list
    assert tuple(streamed) == dataset.reports
    assert example_institutions(year=2025, seed=3, scale=0.2) == dataset.institutions
    assert example_catalog(year=2025, seed=3, scale=0.2) == dataset.catalog


def test_an_institutions_reports_do_not_depend_on_which_others_are_listed():
    small = example_dataset(scale=0.1, seed=2)
    large = national(seed=2)
    for report in small.reports:
        if report.institution.islower():  # K/L actions depend on the scale; regions do not
            continue
        assert large.report(report.institution, report.period) == report


def test_the_mix_of_reports_is_realistic():
    dataset = national()
    catalog = dataset.catalog
    statuses = collections.Counter(r.status for r in dataset.reports)
    assert set(statuses) == set(ReportStatus)
    assert statuses[ReportStatus.VERIFIED] > 0.8 * len(dataset.reports)
    timing = collections.Counter(
        r.timing(catalog.windows[r.period.code], catalog.plan.tz) for r in dataset.reports
    )
    assert timing[Timing.ON_TIME] > 0.8 * len(dataset.reports)
    assert timing[Timing.LATE] > 0
    assert timing[Timing.EARLY] > 0
    assert timing[None] == statuses[ReportStatus.DRAFT]
    expected = sum(3 for i in dataset.institutions if dataset.assigned_actions(i.code))
    missing = expected - len(dataset.reports)
    assert 0.005 * expected < missing < 0.1 * expected
    returned_then_verified = [
        r
        for r in dataset.reports
        if r.status is ReportStatus.VERIFIED
        and [c.status for c in r.history]
        == [
            ReportStatus.SUBMITTED,
            ReportStatus.RETURNED,
            ReportStatus.SUBMITTED,
            ReportStatus.VERIFIED,
        ]
    ]
    assert returned_then_verified
    assert all(r.history[1].note for r in returned_then_verified)
    assert dataset.allegations


def test_the_volume_is_that_of_a_national_year():
    dataset = national()
    entries = [e for r in dataset.reports for e in r.entries]
    measures = [m for e in entries for m in e.measures]
    evidence = [x for m in measures for x in m.evidence]
    assert 8_000 < len(entries) < 12_000
    assert 18_000 < len(measures) < 30_000
    assert 35_000 < len(evidence) < 60_000
    for action in dataset.catalog.actions:
        for code in RANHAM_2021_2025.periods:
            assert 1 <= len(action.measures_for(code)) <= 3


def test_evidence_and_assessments_look_like_the_real_thing():
    dataset = national()
    measures = [(r.status, m) for r in dataset.reports for e in r.entries for m in e.measures]
    evidence = [x for _, m in measures for x in m.evidence]
    assert any(not x.letterhead for x in evidence if x.kind is not EvidenceKind.PHOTO)
    assert any(not x.signed for x in evidence if x.kind is not EvidenceKind.PHOTO)
    assert any(x.uri is None for x in evidence)
    assert {x.kind for x in evidence} == set(EvidenceKind)
    verified = [m for status, m in measures if status is ReportStatus.VERIFIED]
    agree = sum(
        m.assessment.met == (m.claimed and any(x.is_formal for x in m.evidence))
        for m in verified
        if m.assessment is not None
    )
    assert agree > 0.85 * len(verified)
    assert any(m.claimed and not m.assessment.met for m in verified if m.assessment)
    assert all(
        m.assessment is None
        for status, m in measures
        if status in (ReportStatus.DRAFT, ReportStatus.SUBMITTED)
    )


def test_submissions_carry_the_offset_of_the_institutions_time_zone():
    dataset = national()
    offsets = collections.defaultdict(set)
    for report in dataset.reports:
        if report.submitted_at is not None:
            offsets[report.institution[:2]].add(report.submitted_at.utcoffset())
    assert offsets["32"] == {timedelta(hours=7)}  # Jawa Barat, WIB
    assert offsets["73"] == {timedelta(hours=8)}  # Sulawesi Selatan, WITA
    assert offsets["91"] == {timedelta(hours=9)}  # Papua, WIT


def test_the_dataset_says_it_is_synthetic_and_what_is_real():
    dataset = national()
    meta = dataset.extensions["ranham"]
    assert meta["synthetic"] is True
    assert meta["generator"] == "ranham.reference.example_dataset"
    assert (meta["year"], meta["seed"], meta["edition"]) == (2022, 0, "2022")
    assert meta["synthetic_institutions"] == 0
    assert "Cahya DSN" in meta["note"]
    assert dataset.catalog.extensions["ranham"]["synthetic"] is True


def test_the_2022_windows_are_the_published_ones():
    windows = national().catalog.windows
    b08, b12 = windows[RANHAM_2021_2025.periods[1]], windows[RANHAM_2021_2025.periods[2]]
    assert (b08.opens.isoformat(), b08.closes.isoformat()) == ("2022-08-30", "2022-09-06")
    assert (b12.opens.isoformat(), b12.closes.isoformat()) == ("2022-11-28", "2022-12-05")


def test_the_2025_regency_city_aksi_1_uses_the_published_measures_verbatim():
    source = json.loads(
        resources.files("ranham.reference")
        .joinpath("data", "actions", "2025-kabkota-aksi-1.json")
        .read_text("utf-8")
    )
    catalog = example_catalog(year=2025, scale=0.01)
    action = catalog.action("2025-kabkota-1")
    assert action.tier is Tier.REGENCY_CITY
    assert action.target_group.value == source["target_group"]
    assert action.title == source["title"]
    for code in RANHAM_2021_2025.periods:
        assert [m.description for m in action.measures_for(code)] == source["success_measures"][
            code.value
        ]
    assert action.extensions["ranham"]["synthetic"] is False
    assert action.extensions["ranham"]["source"] == source["source"]
    others = [a for a in catalog.actions if a.id != "2025-kabkota-1"]
    assert all(not a.extensions for a in others)


def test_an_explicit_edition_lists_all_of_its_provinces():
    for edition, count in (("2022", 37), ("2025", 38)):
        listed = example_institutions(year=2022, edition=edition)
        assert sum(1 for i in listed if i.kind is InstitutionKind.PROVINCE) == count
    later = example_institutions(year=2024)
    assert "96.01" in {i.code for i in later}
    assert "92.01" not in {i.code for i in later}


def test_a_scale_above_one_adds_synthetic_institutions_with_valid_codes():
    dataset = example_dataset(scale=1.5, seed=4)
    synthetic = [i for i in dataset.institutions if "(Sintetis" in i.name]
    regional = [i for i in synthetic if i.tier is Tier.REGENCY_CITY]
    agencies = [i for i in synthetic if i.tier is Tier.KL]
    assert len(regional) == round(508 * 1.5) - 508
    assert len(agencies) == 42 - 28
    assert dataset.extensions["ranham"]["synthetic_institutions"] == len(synthetic)
    assert all(i.autonomous for i in synthetic)
    assert not {i.code for i in regional} & {r.code for r in regions("2022")}
    assert len(dataset.catalog.actions_of(Tier.KL)) == 315
    assert _targets(dataset)[Tier.REGENCY_CITY] == (508 + len(regional)) * 6
    assert validate(io.to_dict(dataset)).errors == ()


def test_a_scale_below_one_keeps_at_least_one_of_everything():
    dataset = example_dataset(scale=0.001)
    kinds = collections.Counter(i.kind for i in dataset.institutions)
    assert kinds[InstitutionKind.PROVINCE] == 1
    assert kinds[InstitutionKind.REGENCY] + kinds[InstitutionKind.CITY] == 2  # one administrative
    assert sum(1 for i in dataset.institutions if not i.autonomous) == 1
    assert kinds[InstitutionKind.MINISTRY] + kinds[InstitutionKind.AGENCY] == 1
    assert len(dataset.catalog.actions_of(Tier.KL)) == 1


@pytest.mark.parametrize(
    ("arguments", "error", "match"),
    [
        ({"year": 2020}, InvariantError, "'year' must be a year of RANHAM 2021-2025"),
        ({"year": "2022"}, InvariantError, "'year'"),
        ({"seed": 1.5}, InvariantError, "'seed' must be an integer"),
        ({"scale": 0}, InvariantError, "'scale' must be a number above 0"),
        ({"scale": -1.0}, InvariantError, "'scale'"),
        ({"scale": MAX_SCALE * 2}, InvariantError, f"at most {MAX_SCALE}"),
        ({"scale": True}, InvariantError, "'scale'"),
        ({"edition": "2019"}, UnknownNameError, "no region table edition '2019'"),
    ],
)
def test_arguments_out_of_range_are_refused(arguments, error, match):
    with pytest.raises(error, match=match):
        example_dataset(**arguments)


@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    year=st.integers(2021, 2025),
    seed=st.integers(-(2**40), 2**40),
    scale=st.floats(0.001, 0.06),
    edition=st.sampled_from([None, "2022", "2025"]),
)
def test_any_small_example_is_valid(year, seed, scale, edition):
    dataset = example_dataset(year=year, seed=seed, scale=scale, edition=edition)
    result = validate(io.to_dict(dataset))
    assert result.errors == ()
    assert io.loads(io.dumps(dataset)) == dataset
