"""Institution lists against a region table: each warning where it belongs, and only there."""

from __future__ import annotations

from pathlib import Path

import attrs
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.errors import DocumentError, InvariantError, UnknownNameError
from ranham.model import Institution, InstitutionKind
from ranham.reference import check_institutions, example_dataset, regions
from ranham.validation.codes import REGION_CODES
from tests.conftest import examples


def _institutions(edition: str) -> list[Institution]:
    return [r.to_institution() for r in regions(edition)]


def _raw(institutions: list[Institution]) -> list[dict[str, object]]:
    return [io.converter.unstructure(i) for i in institutions]


@pytest.mark.parametrize("edition", ["2022", "2025"])
def test_a_table_checked_against_itself_has_no_issue(edition):
    assert check_institutions(_institutions(edition), edition) == ()


def test_the_2022_table_against_2025_flags_the_recoded_units_and_one_real_name_change():
    issues = check_institutions(_institutions("2022"), "2025")
    listed = [i.code for i in _institutions("2022")]
    found = {(i.code, listed[int(i.pointer.split("/")[2])]) for i in issues}
    assert found == {
        ("region-unknown", "92.01"),
        ("region-unknown", "92.04"),
        ("region-unknown", "92.05"),
        ("region-unknown", "92.09"),
        ("region-unknown", "92.10"),
        ("region-unknown", "92.71"),
        # "Pangkajene Kepulauan" vs "Pangkajene dan Kepulauan"; the other four spelling
        # differences (Pare Pare / Parepare, Toli Toli / Toli-Toli, ...) compare equal.
        ("region-name-mismatch", "73.10"),
    }
    assert all(i.severity == "warning" for i in issues)


def _dataset_dict(institutions: list[dict[str, object]]) -> dict[str, object]:
    return {"kind": "dataset", "schema_version": "1.0", "institutions": institutions}


BEKASI = {"code": "32.16", "kind": "kabupaten", "name": "Kabupaten Bekasi", "parent": "32"}


@pytest.mark.parametrize(
    ("change", "code", "pointer"),
    [
        ({"code": "32.69", "name": "Kabupaten Khayalan"}, "region-unknown", "/institutions/1/code"),
        ({"name": "Kabupaten Bogor"}, "region-name-mismatch", "/institutions/1/name"),
        ({"parent": "33"}, "region-parent-mismatch", "/institutions/1/parent"),
        ({"autonomous": False}, "region-autonomous-mismatch", "/institutions/1/autonomous"),
    ],
)
def test_each_warning_points_at_the_field_at_fault(change, code, pointer):
    listed = [{"code": "kemensos", "kind": "kementerian", "name": "Kementerian Sosial"}]
    listed.append({**BEKASI, **change})
    issues = check_institutions(_dataset_dict(listed), "2022")
    assert [(i.code, i.pointer) for i in issues] == [(code, pointer)]
    issue = issues[0]
    assert issue.code in REGION_CODES
    for lang in ("en", "id"):
        message = issue.message(lang)
        assert "{" not in message
        assert "2022" in message


def test_messages_name_what_the_table_says_and_what_came():
    listed = [
        {**BEKASI, "name": "Kab. Bekasi"},
        {
            "code": "31.71",
            "kind": "kota",
            "name": "Kota Administrasi Jakarta Pusat",
            "parent": "31",
        },
    ]
    name, autonomy = check_institutions(_dataset_dict(listed), 2025)
    assert name.message("en") == (
        'The 2025 region table names 32.16 "Kabupaten Bekasi", not "Kab. Bekasi": check the name.'
    )
    assert autonomy.pointer == "/institutions/1/autonomous"  # absent: autonomous by default
    assert autonomy.message("en") == (
        "In the 2025 region table, 31.71 is administrative, not autonomous, but the dataset "
        "says autonomous."
    )
    assert "administratif, tidak otonom" in autonomy.message("id")
    assert "menyebut otonom" in autonomy.message("id")


def test_names_compare_without_case_spaces_hyphens_and_kind_prefix():
    same = [
        {**BEKASI, "name": "BEKASI"},
        {"code": "73.72", "kind": "kota", "name": "Kota Pare-Pare", "parent": "73"},
        {"code": "72.04", "kind": "kabupaten", "name": "tolitoli", "parent": "72"},
    ]
    assert check_institutions(_dataset_dict(same), "2025") == ()


def test_ministries_agencies_and_malformed_entries_are_left_to_the_format_checks():
    listed = [
        {"code": "kemensos", "kind": "kementerian", "name": "Bukan nama resmi"},
        {"code": "bnpb", "kind": "lembaga", "name": "Badan"},
        "not an object",
        {"code": 32, "kind": "provinsi", "name": "Jawa Barat"},
        {"code": "32.16", "kind": "kota", "name": "Kota Bekasi", "parent": "32"},  # kind mismatch
        {"code": "32", "kind": "bogus", "name": "Jawa Barat"},
        {"code": "32", "kind": "provinsi", "name": "   "},
        {"code": "32", "kind": "provinsi", "name": "Jawa Barat", "autonomous": False},
        {**BEKASI, "parent": 32, "autonomous": "no"},
    ]
    assert check_institutions(_dataset_dict(listed), "2022") == ()
    assert check_institutions(_dataset_dict([]), "2022") == ()
    assert check_institutions({"kind": "dataset", "institutions": "oops"}, "2022") == ()


def test_a_dataset_object_and_its_file_give_the_same_issues(tmp_path):
    dataset = example_dataset(scale=0.05)
    wrong = attrs.evolve(dataset.institutions[-1], name="Nama Keliru")
    dataset = attrs.evolve(dataset, institutions=(*dataset.institutions[:-1], wrong))
    issues = check_institutions(dataset, "2022")
    assert [(i.code, i.pointer) for i in issues] == [
        ("region-name-mismatch", f"/institutions/{len(dataset.institutions) - 1}/name")
    ]
    path = tmp_path / "dataset.json"
    io.dump(dataset, path)
    assert check_institutions(path, "2022") == issues
    assert check_institutions(io.to_dict(dataset), "2022") == issues
    assert check_institutions(list(dataset.institutions), "2022") == issues


def test_what_cannot_be_checked_is_refused_clearly(tmp_path):
    not_json = tmp_path / "broken.json"
    not_json.write_text("{oops")
    with pytest.raises(DocumentError) as info:
        check_institutions(not_json, "2022")
    assert info.value.issues[0].code == "json-syntax"
    array = tmp_path / "array.json"
    array.write_text("[]")
    with pytest.raises(DocumentError):
        check_institutions(array, "2022")
    report = tmp_path / "report.json"
    report.write_bytes(orjson.dumps({"kind": "report"}))
    with pytest.raises(InvariantError, match="expected a dataset document"):
        check_institutions(report, "2022")
    with pytest.raises(InvariantError, match=r"pathlib\.Path"):
        check_institutions("dataset.json", "2022")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError):
        check_institutions([], "1999")


def test_the_national_examples_match_their_editions():
    assert check_institutions(example_dataset(year=2022), "2022") == ()
    assert check_institutions(example_dataset(year=2022, edition="2025", scale=0.3), "2025") == ()


def test_synthetic_institutions_of_a_large_example_are_unknown_regions():
    dataset = example_dataset(scale=1.05)
    issues = check_institutions(dataset, "2022")
    synthetic = {
        f"/institutions/{n}/code"
        for n, i in enumerate(dataset.institutions)
        if i.kind.is_regional and "(Sintetis" in i.name
    }
    assert synthetic
    assert {i.code for i in issues} == {"region-unknown"}
    assert {i.pointer for i in issues} == synthetic


_TABLE = _institutions("2022")
_REGIONAL_KINDS = (InstitutionKind.REGENCY, InstitutionKind.CITY)


@settings(max_examples=examples(40))
@given(data=st.data())
def test_exactly_the_disturbed_institutions_are_flagged(data):
    indices = data.draw(
        st.lists(st.integers(0, len(_TABLE) - 1), min_size=1, max_size=12, unique=True)
    )
    listed: list[dict[str, object]] = []
    expected: set[tuple[str, str]] = set()
    for n, index in enumerate(indices):
        raw = io.converter.unstructure(_TABLE[index])
        raw.setdefault("autonomous", True)
        fault = data.draw(st.sampled_from(["none", "name", "parent", "autonomous", "code"]))
        region = _TABLE[index]
        if fault == "name":
            raw["name"] = raw["name"] + " Lama"
            expected.add(("region-name-mismatch", f"/institutions/{n}/name"))
        elif fault == "parent" and region.kind in _REGIONAL_KINDS:
            raw["parent"] = "10"
            expected.add(("region-parent-mismatch", f"/institutions/{n}/parent"))
        elif fault == "autonomous" and region.kind in _REGIONAL_KINDS:
            raw["autonomous"] = not raw["autonomous"]
            expected.add(("region-autonomous-mismatch", f"/institutions/{n}/autonomous"))
        elif fault == "code" and region.kind is InstitutionKind.PROVINCE:
            raw["code"] = "10"  # a valid province code that no edition has
            expected.add(("region-unknown", f"/institutions/{n}/code"))
        listed.append(raw)
    issues = check_institutions(_dataset_dict(listed), "2022")
    assert {(i.code, i.pointer) for i in issues} == expected
    assert len(issues) == len(expected)
    assert [i.pointer for i in issues] == sorted(
        (i.pointer for i in issues), key=lambda p: int(p.split("/")[2])
    )


def test_path_input_reads_the_file_not_the_string(tmp_path: Path):
    path = tmp_path / "d.json"
    path.write_bytes(orjson.dumps(_dataset_dict([{**BEKASI, "name": "Salah"}])))
    assert [i.code for i in check_institutions(path, "2022")] == ["region-name-mismatch"]
