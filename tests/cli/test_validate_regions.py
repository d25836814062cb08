"""``ranham validate --regions``: a dataset's institutions against a region table."""

from __future__ import annotations

import json

import orjson

from ranham import io
from ranham.cli import main
from ranham.reference import example_dataset


def test_region_warnings_are_merged_in_document_order(tmp_path, capsys):
    data = io.to_dict(example_dataset(year=2022, seed=3, scale=0.02))
    data["institutions"][1]["name"] = "Kabupaten Salah Nama"
    data["institutions"].append(
        {"code": "99.99", "kind": "kota", "name": "Kota Tidak Ada", "parent": "99"}
    )
    path = tmp_path / "dataset.json"
    path.write_bytes(orjson.dumps(data))

    assert main(["validate", str(path), "--regions", "2022", "--format", "json"]) == 0
    issues = json.loads(capsys.readouterr().out)["files"][0]["issues"]
    regional = [(i["code"], i["pointer"]) for i in issues if i["code"].startswith("region-")]
    last = len(data["institutions"]) - 1
    assert regional == [
        ("region-name-mismatch", "/institutions/1/name"),
        ("region-unknown", f"/institutions/{last}/code"),
    ]
    pointers = [i["pointer"] for i in issues]
    assert pointers.index("/institutions/1/name") < pointers.index(f"/institutions/{last}/code")


def test_without_the_option_no_region_warning(tmp_path, capsys):
    path = tmp_path / "dataset.json"
    data = io.to_dict(example_dataset(year=2022, seed=3, scale=0.02))
    data["institutions"].append(
        {"code": "99.99", "kind": "kota", "name": "Kota Tidak Ada", "parent": "99"}
    )
    path.write_bytes(orjson.dumps(data))
    main(["validate", str(path), "--format", "json"])
    issues = json.loads(capsys.readouterr().out)["files"][0]["issues"]
    assert not [i for i in issues if i["code"].startswith("region-")]
