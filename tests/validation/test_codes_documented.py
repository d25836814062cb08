"""Every issue code is documented in docs/reference/issue-codes.md, in English and Indonesian."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ranham.validation.codes import CODES

PAGE = Path(__file__).parent.parent.parent / "docs" / "reference" / "issue-codes.md"
TEXT = PAGE.read_text(encoding="utf-8")
HEADING = re.compile(r"^### `([a-z0-9-]+)` — (error|warning)$", re.MULTILINE)
PARTS = ("**Meaning.**", "**Example.**", "**Fix.**", "**Arti.**", "**Contoh.**", "**Perbaikan.**")


def _sections() -> dict[str, tuple[str, str]]:
    """Code -> (severity in the heading, text of the section)."""
    matches = list(HEADING.finditer(TEXT))
    sections: dict[str, tuple[str, str]] = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(TEXT)
        assert match[1] not in sections, f"{match[1]} is documented twice"
        sections[match[1]] = (match[2], TEXT[match.end() : end])
    return sections


SECTIONS = _sections()


def test_every_code_is_documented_and_nothing_else() -> None:
    assert sorted(SECTIONS) == sorted(CODES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_section(code: str) -> None:
    severity, body = SECTIONS[code]
    assert severity == CODES[code].value
    positions = [body.find(part) for part in PARTS]
    assert -1 not in positions, f"{code}: needs {PARTS}"
    assert positions == sorted(positions), f"{code}: parts out of order"
    assert "Pointer:" in body
    assert "pointer" in body.split("**Contoh.**")[1]


def test_json_examples_are_json() -> None:
    """The ``json`` examples are well-formed (the others are marked ``text`` or ``console``)."""
    blocks = re.findall(r"```json\n(.*?)\n```", TEXT, flags=re.DOTALL)
    assert len(blocks) >= 30
    for block in blocks:
        json.loads(block)


def _parameters(code: str) -> set[str]:
    from ranham.validation.messages import EN, placeholders

    names: set[str] = set()
    for key, template in EN.items():
        if key == code or key.startswith(code + "."):
            names |= placeholders(template)
    return names


@pytest.mark.parametrize("code", sorted(CODES))
def test_parameters_are_documented(code: str) -> None:
    """Each code lists exactly the parameters its messages read (receiving systems read them)."""
    _, body = SECTIONS[code]
    match = re.search(r"^\*\*Parameters / Parameter\.\*\* (.*)\.$", body, flags=re.MULTILINE)
    assert match is not None, f"{code}: no parameter line"
    listed = set(re.findall(r"`([a-z_]+)`", match[1]))
    assert listed == _parameters(code)
