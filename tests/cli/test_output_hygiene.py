"""Text from a dataset cannot forge or reorder a line of any text output (issue 13's class).

Every free-text field of a dataset (titles, descriptions, names, notes, references) is given
control and bidirectional-control characters; no text output of ``score``, ``eligibility``,
``explain`` or ``trend`` may then hold one raw.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from ranham.cli import main
from ranham.rules.cases import SHIPPED_CASES

FREE_TEXT = {"title", "description", "name", "note", "legal_basis", "reference"}
HOSTILE = "x\x1b[2J\r\n\u202eEVIL\u2028\x85"
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str) and key in FREE_TEXT:
        return value + HOSTILE
    return value


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> str:
    document = json.loads((SHIPPED_CASES / "bekasi-2022.json").read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("hostile") / "dataset.json"
    path.write_text(json.dumps(_poison(document)), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "argv",
    [
        ["score"],
        ["score", "--by", "action", "--wide"],
        ["score", "--explain", "S(32.16)"],
        ["explain", "N"],
        ["explain", "s(32.16,2022-kabkota-1)"],
        ["eligibility"],
        ["eligibility", "--explain", "32.16"],
        ["trend", "--code", "32.16"],
        ["trend", "--explain", "S(32.16,PLAN)", "--depth", "9"],
    ],
)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_text_output_holds_a_raw_control_character(
    capsys: pytest.CaptureFixture[str], hostile: str, argv: list[str], lang: str
) -> None:
    command, *rest = argv
    status = main([command, hostile, *rest, "--lang", lang])
    out, err = capsys.readouterr()
    assert status in (0, 1), err
    assert out.strip()
    assert not RAW.search(out + err), RAW.findall(out + err)


def test_the_poisoned_dataset_really_carries_the_characters(hostile: str) -> None:
    text = Path(hostile).read_text(encoding="utf-8")
    assert text.count("\\u001b[2J") > 20
