"""The English and Indonesian message catalogs: complete, alike, and one sentence each."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ranham import model
from ranham.model import _checks as checks
from ranham.model.forum import LINK, RULESET_ID
from ranham.validation import Issue, validate
from ranham.validation.codes import CODES
from ranham.validation.messages import (
    EN,
    EXPECTED,
    ID,
    LANGS,
    PYTHON_TYPE,
    TYPE_NAMES,
    placeholders,
    render,
)

SRC = Path(model.__file__).parent.parent
CORPUS = Path(__file__).parent / "corpus"
CATALOGS = {"en": EN, "id": ID}
# Two sentences: an end mark, white space, then a capital letter (inside the message).
_SECOND_SENTENCE = re.compile(r"[.?!;]\s+[A-Z]")


def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _strings(node: ast.AST | None) -> list[str]:
    """The message keys an argument can be: a literal, or both branches of ``a if c else b``."""
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    text = _string(node)
    return [text] if text is not None else []


def _keys_used() -> Iterator[tuple[str, str]]:
    """Every message key that the source passes literally, with where it is passed.

    ``Walk.add(code, path, key=None, ...)`` (the key defaults to the code), ``Walk.invalid(
    parent, key, variant, ...)`` (key ``invalid-value.VARIANT``), ``RawIssue(code, key, ...)``,
    ``Fatal(code, key, ...)``, ``Issue(code=..., key=...)``, the cross-field predicates'
    ``Problem(code, key, ...)`` (in ``ranham.model._invariants``) and their ``duplicates(values,
    where, text, key=duplicate-id.value, ...)``.
    """
    for path in sorted(SRC.rglob("*.py")):
        validation = "validation" in path.parts or path.name == "validate.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            args = node.args
            keywords = {k.arg: k.value for k in node.keywords}
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            keys: list[str] = []
            if validation and name == "add" and args and _string(args[0]):
                if len(args) > 2 and not (isinstance(args[2], ast.Constant) and not args[2].value):
                    keys = _strings(args[2])  # a computed key is checked where it is built
                else:
                    keys = _strings(args[0])
            elif name == "duplicates":  # duplicate-id: the key, or its default
                keys = _strings(args[3]) if len(args) > 3 else []
                keys = keys or ["duplicate-id.value"]
            elif validation and name == "invalid" and len(args) > 2 and _string(args[2]):
                keys = [f"invalid-value.{_string(args[2])}"]
            elif name in ("RawIssue", "Fatal", "Problem") and len(args) > 1:
                keys = _strings(args[1])
            elif name == "Issue":
                keys = _strings(keywords.get("key", keywords.get("code")))
            for key in keys:
                yield key, where


USED = sorted(set(_keys_used()))


def test_both_languages_have_the_same_keys() -> None:
    assert set(EN) == set(ID)
    assert set(EXPECTED["en"]) == set(EXPECTED["id"])
    assert set(TYPE_NAMES["en"]) == set(TYPE_NAMES["id"])
    assert set(PYTHON_TYPE) == set(LANGS)


@pytest.mark.parametrize("key", sorted(EN))
def test_same_placeholders(key: str) -> None:
    assert placeholders(EN[key]) == placeholders(ID[key])


@pytest.mark.parametrize("key", sorted(EN))
def test_every_key_belongs_to_a_code(key: str) -> None:
    assert key.partition(".")[0] in CODES


def test_the_scan_finds_the_keys() -> None:
    """The source scan below is not vacuous: it sees the keys of many codes."""
    codes = {key.partition(".")[0] for key, _ in USED}
    assert len(codes) >= 35
    assert ("invalid-value.enum", "validation/_walk.py") in {
        (key, where.partition(":")[0]) for key, where in USED
    }


@pytest.mark.parametrize(("key", "where"), USED)
def test_every_key_used_exists(key: str, where: str) -> None:
    assert key in EN, f"{where} uses message key {key!r}, which the catalogs do not have"
    assert key in ID


def test_every_message_is_used() -> None:
    """No dead message: each key of the catalog is passed somewhere (or is a code's default)."""
    used = {key for key, _ in USED}
    assert set(EN) - used == set()


def _dummy(template: str) -> dict[str, str]:
    return {name: f"X{index}" for index, name in enumerate(sorted(placeholders(template)))}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", sorted(EN))
def test_one_sentence(key: str, lang: str) -> None:
    template = CATALOGS[lang][key]
    message = render(key, _dummy(template), lang)  # type: ignore[arg-type]
    assert message.endswith("."), message
    assert message[0].isupper() or message[0] in '"X', message
    assert _SECOND_SENTENCE.search(message[:-1]) is None, message
    assert "{" not in message.replace("{...}", ""), message


def test_pattern_names_are_explained() -> None:
    """Each pattern of the model that a value can fail has a description in both languages."""
    patterns = [v for v in vars(checks).values() if isinstance(v, checks.Pattern)]
    patterns += [LINK, RULESET_ID]
    for pattern in patterns:
        for lang in LANGS:
            assert pattern.name in EXPECTED[lang], pattern.name


def test_indonesian_parameters_stand_for_their_names() -> None:
    params = {"code": "31.71", "edition": "2022", "expected": "autonomous", "got": "x"}
    params |= {"expected_id": "otonom", "got_id": "y"}
    assert "autonomous" in render("region-autonomous-mismatch", params, "en")
    assert "otonom" in render("region-autonomous-mismatch", params, "id")
    assert "autonomous" not in render("region-autonomous-mismatch", params, "id")


def test_type_names_are_translated() -> None:
    params = {"field": "claimed", "expected_type": "boolean", "got_type": "python:tuple"}
    assert render("wrong-type", params, "en") == (
        '"claimed" must be true or false, but it is a Python tuple, which is not JSON: '
        "change its type."
    )
    assert "tuple Python, yang bukan JSON" in render("wrong-type", params, "id")


def test_an_unknown_placeholder_stays_visible() -> None:
    """A message never fails to render, even when a parameter is missing."""
    assert render("missing-field", {}, "en") == 'Required field "{field}" is missing: add it.'


def _corpus_issues() -> Iterator[Issue]:
    expected: dict[str, Any] = tomllib.loads((CORPUS / "expected.toml").read_text())
    for name, case in expected.items():
        options: dict[str, Any] = {}
        if "catalog" in case:
            options["catalog"] = (CORPUS / case["catalog"]).resolve()
        if "max_size" in case:
            options["max_size"] = case["max_size"]
        yield from validate(CORPUS / name, **options).issues


CORPUS_ISSUES = list(_corpus_issues())


@pytest.mark.parametrize("lang", LANGS)
def test_real_issues_fill_every_placeholder(lang: str) -> None:
    """Every issue of the corpus passes each parameter its message names, in both languages."""
    assert len(CORPUS_ISSUES) > 100
    for issue in CORPUS_ISSUES:
        template = CATALOGS[lang].get(issue.key)
        assert template is not None, issue.key
        given = set(issue.params) | {p.removesuffix(f"_{lang}") for p in issue.params}
        assert placeholders(template) <= given, (issue.key, issue.params)
        message = issue.message(lang)  # type: ignore[arg-type]
        assert message.endswith("."), message
        assert "{" not in message.replace("{...}", "").replace("{{", ""), message
