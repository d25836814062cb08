"""The shipped region tables: counts per edition, integrity, look-ups, the 2022→2025 re-coding."""

from __future__ import annotations

import csv
import io as stdio
from importlib import resources

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ranham.errors import InvariantError, RanhamError, UnknownNameError
from ranham.model import InstitutionKind
from ranham.reference import (
    DECREES,
    EDITIONS,
    ChangeKind,
    Region,
    changes,
    name_key,
    recoded,
    regions,
)
from ranham.reference._regions import _region

DATA = resources.files("ranham.reference").joinpath("data", "regions")


def _count(edition: str, kind: InstitutionKind) -> int:
    return sum(1 for r in regions(edition) if r.kind is kind)


@pytest.mark.parametrize(("edition", "provinces"), [("2022", 37), ("2025", 38)])
def test_each_edition_has_the_counts_of_its_decree(edition, provinces):
    table = regions(edition)
    assert len(table.provinces()) == _count(edition, InstitutionKind.PROVINCE) == provinces
    assert _count(edition, InstitutionKind.REGENCY) == 416
    assert _count(edition, InstitutionKind.CITY) == 98
    assert len(table.regencies_and_cities()) == 514
    assert len(table.administrative()) == 6
    assert len(table.autonomous()) == 508
    assert len(table) == provinces + 514
    assert table.decree == DECREES[edition]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_administrative_units_are_kepulauan_seribu_and_the_five_jakarta_cities(edition):
    administrative = regions(edition).administrative()
    assert [r.code for r in administrative] == [
        "31.01", "31.71", "31.72", "31.73", "31.74", "31.75",
    ]  # fmt: skip
    assert all(not r.autonomous and r.parent == "31" for r in administrative)
    assert all("Administrasi" in r.name for r in administrative)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_row_is_a_well_formed_institution_under_a_listed_province(edition):
    table = regions(edition)
    provinces = {p.code for p in table.provinces()}
    for region in table:
        institution = region.to_institution()  # the constructor checks code, kind and parent
        assert (institution.code, institution.name, institution.kind) == (
            region.code,
            region.name,
            region.kind,
        )
        assert institution.autonomous is region.autonomous
        if region.kind is not InstitutionKind.PROVINCE:
            assert region.parent in provinces
    codes = [r.code for r in table]
    assert codes == sorted(set(codes))


def test_lookups_find_known_codes():
    table = regions("2025")
    assert table.get("32").name == "Jawa Barat"
    assert table.get("32.16").name == "Kabupaten Bekasi"
    assert table.get("33.73").name == "Kota Salatiga"
    assert "32.16" in table
    assert "32.99" not in table
    assert table.find("32.99") is None
    assert {r.parent for r in table.regencies_and_cities("32")} == {"32"}
    assert len(table.regencies_and_cities("32")) == 27


def test_an_unknown_code_lists_what_exists():
    table = regions("2022")
    with pytest.raises(UnknownNameError, match=r"province 32 has 32\.01, .*32\.79") as info:
        table.get("32.99")
    assert "'32.99'" in str(info.value)
    with pytest.raises(UnknownNameError, match=r"its provinces are 11, 12, .*, 95\.$"):
        table.get("96")
    with pytest.raises(LookupError):  # an UnknownNameError is a LookupError
        table.get("garbage")


def test_an_unknown_edition_lists_the_shipped_ones():
    with pytest.raises(UnknownNameError, match=r"'2023'.*'2022', '2025'"):
        regions("2023")
    with pytest.raises(UnknownNameError):
        regions(2021)


def test_tables_are_parsed_once_and_an_integer_edition_works():
    assert regions(2025) is regions("2025")


def test_papua_barat_daya_is_new_in_2025_with_six_units_recoded_from_92():
    old, new = regions("2022"), regions("2025")
    assert "96" not in old
    assert new.get("96").name == "Papua Barat Daya"
    moved = {
        "92.01": "96.01",  # Kabupaten Sorong
        "92.04": "96.02",  # Kabupaten Sorong Selatan
        "92.05": "96.03",  # Kabupaten Raja Ampat
        "92.09": "96.04",  # Kabupaten Tambrauw
        "92.10": "96.05",  # Kabupaten Maybrat
        "92.71": "96.71",  # Kota Sorong
    }
    assert dict(recoded("2022", "2025")) == moved
    for before, after in moved.items():
        assert before not in new
        assert new.get(after).name == old.get(before).name
        assert new.get(after).parent == "96"
    assert len(old.regencies_and_cities("92")) == 13
    assert len(new.regencies_and_cities("92")) == 7
    assert len(new.regencies_and_cities("96")) == 6
    assert dict(recoded("2025", "2022")) == {v: k for k, v in moved.items()}
    assert dict(recoded("2022", "2022")) == {}


def test_changes_agree_with_the_shipped_comparison_file():
    shipped = list(csv.DictReader(stdio.StringIO(DATA.joinpath("diff-2022-2025.csv").read_text())))
    computed = changes("2022", "2025")
    assert [(c.change.value, c.code) for c in computed] == sorted(
        ((row["change"], row["code"]) for row in shipped), key=lambda pair: pair[1]
    )
    by_key = {(row["change"], row["code"]): row for row in shipped}
    for change in computed:
        row = by_key[(change.change.value, change.code)]
        assert change.old_name == (row["name_2022"] or None)
        assert change.new_name == (row["name_2025"] or None)
        assert change.note == row["note"]


def test_changes_the_other_way_round_are_mirrored_without_notes():
    forward = changes("2022", "2025")
    backward = changes("2025", "2022")
    flip = {ChangeKind.ADDED: ChangeKind.REMOVED, ChangeKind.REMOVED: ChangeKind.ADDED}
    assert [(flip.get(c.change, c.change), c.code, c.new_name, c.old_name) for c in forward] == [
        (c.change, c.code, c.old_name, c.new_name) for c in backward
    ]
    assert all(c.note is None for c in backward)
    assert changes("2025", "2025") == ()


def test_the_data_ships_with_its_attribution():
    text = DATA.joinpath("ATTRIBUTION.md").read_text("utf-8")
    assert "Copyright (c) 2017-2025 Cahya DSN" in text
    assert "MIT License" in text
    assert "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7" in text
    assert "Permission is hereby granted, free of charge" in text


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=1, max_size=8)


@given(words=st.lists(_WORD, min_size=1, max_size=4), prefix=st.sampled_from(["Kabupaten", "Kota"]))
def test_name_key_ignores_case_spaces_hyphens_and_the_kind_prefix(words, prefix):
    assume(words[0].casefold() not in ("kabupaten", "kota"))
    plain = " ".join(words)
    key = name_key(plain)
    assert name_key(f"{prefix} {plain}") == key
    assert name_key(f"  {prefix.upper()}   {plain.upper()} ") == key
    assert name_key("-".join(words).lower()) == key
    assert name_key("".join(words)) == key
    assert " " not in key
    assert "-" not in key


def test_name_key_removes_only_a_whole_leading_kind_word():
    assert name_key("Kabupaten Kotabaru") == name_key("Kotabaru") == "kotabaru"
    assert name_key("Kota Baru") == "baru"
    assert name_key("Kabupaten Pangkajene Kepulauan") != name_key(
        "Kabupaten Pangkajene dan Kepulauan"
    )


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ({"code": "32.16", "kind": InstitutionKind.CITY, "parent": "32"}, "city code"),
        ({"code": "32.16", "kind": InstitutionKind.REGENCY, "parent": "33"}, "'parent'"),
        (
            {"code": "32", "kind": InstitutionKind.PROVINCE, "administrative": True},
            "regency or city",
        ),
        ({"code": "kemensos", "kind": InstitutionKind.MINISTRY}, "provinsi, kabupaten or kota"),
    ],
)
def test_a_region_refuses_what_no_table_can_hold(fields, match):
    with pytest.raises(InvariantError, match=match):
        Region(name="Contoh", **fields)


@pytest.mark.parametrize(
    "row",
    [
        {
            "code": "32",
            "name": "Jawa Barat",
            "kind": "negara",
            "parent": "",
            "administrative": "false",
        },
        {
            "code": "32",
            "name": "Jawa Barat",
            "kind": "provinsi",
            "parent": "",
            "administrative": "no",
        },
        {
            "code": "32.16",
            "name": "Bekasi",
            "kind": "kabupaten",
            "parent": "",
            "administrative": "false",
        },
    ],
)
def test_a_damaged_shipped_row_is_reported_as_a_packaging_error(row):
    with pytest.raises(
        RanhamError, match=r"kepmendagri-2022\.csv line 9: the shipped region table"
    ):
        _region(row, "kepmendagri-2022.csv line 9")


def test_a_region_knows_its_tier():
    table = regions("2022")
    assert table.get("32").tier.value == "provinsi"
    assert table.get("32.16").tier.value == "kabkota"
