"""Explanation trees as indented text (English or Indonesian) and as JSON.

``depth`` limits how far down a rendering goes: a node whose children are cut says how many it
has. ``None`` (the default) renders the whole tree.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ranham.rules.node import Node, NodeValue
from ranham.rules.numbers import exact_text
from ranham.rules.texts import TEXTS, text
from ranham.words import LANGS, Lang

__all__ = ["node_to_json", "render_text"]


def _word(key: str, lang: Lang) -> str:
    return TEXTS.template(key, lang)


def _value_text(node: Node, lang: Lang) -> str:
    value = node.value
    if isinstance(value, bool):
        return _word("word.yes" if value else "word.no", lang)
    if isinstance(value, Fraction):
        exact = exact_text(value)
        shown = node.rounded if node.rounded is not None else exact
        return f"{shown} ({_word('word.exact', lang)} {exact})"
    if value is None:
        return _word("word.undefined", lang)
    return str(value)


def _step_text(step: str, lang: Lang) -> str:
    name = _word(f"step.{step}", lang)
    return f"{_word('word.step', lang)} {step}, {name}" if step.isdigit() else name


def _line(node: Node, lang: Lang) -> str:
    parts = [f"{node.quantity} = {_value_text(node, lang)}"]
    detail = []
    if node.step is not None:
        detail.append(_step_text(node.step, lang))
    if node.why is not None:
        detail.append(node.why.text(lang))
    if detail:
        parts.append(" · " + ": ".join(detail))
    if node.params:
        parts.append(" [" + ", ".join(f"{k}={v}" for k, v in node.params.items()) + "]")
    return "".join(parts)


def render_text(node: Node, lang: Lang = "en", *, depth: int | None = None) -> str:
    """The tree as indented lines, two spaces per level, in ``lang`` (``"en"`` or ``"id"``)."""
    lines: list[str] = []
    if node.ruleset is not None:
        ruleset_id, version = node.ruleset
        lines.append(
            f"{_word('word.ruleset', lang)} {ruleset_id}, {_word('word.version', lang)} {version}"
        )

    def visit(current: Node, level: int) -> None:
        indent = "  " * level
        lines.append(indent + _line(current, lang))
        if not current.children:
            return
        if depth is not None and level >= depth:
            more = text("word.more", {"count": len(current.children)}, lang)
            lines.append(f"{indent}  {more}")
            return
        for child in current.children:
            visit(child, level + 1)

    visit(node, 0)
    return "\n".join(lines)


def _value_json(value: NodeValue) -> str | bool | int | None:
    if isinstance(value, Fraction):
        return exact_text(value)
    return value


def node_to_json(node: Node, *, depth: int | None = None) -> dict[str, Any]:
    """The tree as JSON-ready dicts; texts in both languages (``{"en": …, "id": …}``).

    ``value`` is exact (``"400/9"`` for a fraction), ``rounded`` the shown value or ``null``.
    A node whose children were cut by ``depth`` has ``"children": []`` and ``"more": N``.
    """

    def convert(current: Node, level: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if current.ruleset is not None:
            out["ruleset"] = {"id": current.ruleset[0], "version": current.ruleset[1]}
        out["quantity"] = current.quantity
        out["value"] = _value_json(current.value)
        out["rounded"] = current.rounded
        out["step"] = current.step
        out["rule"] = (
            None
            if current.step is None
            else {lang: TEXTS.template(f"step.{current.step}", lang) for lang in LANGS}
        )
        out["params"] = dict(current.params)
        out["why"] = (
            None
            if current.why is None
            else {"en": current.why.text("en"), "id": current.why.text("id")}
        )
        if depth is not None and level >= depth and current.children:
            out["children"] = []
            out["more"] = len(current.children)
        else:
            out["children"] = [convert(child, level + 1) for child in current.children]
        return out

    return convert(node, 0)
