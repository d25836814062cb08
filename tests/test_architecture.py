"""Imports point one way: cli -> (io, validation, rules, recommendations, reference) -> model ->
periods -> errors; only the edges decide what may import cattrs and hypothesis."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import ranham

SRC = Path(ranham.__file__).parent


def _unit(module: str) -> str:
    """The architectural unit of a module: its first component below ``ranham``."""
    parts = module.split(".")
    return parts[1].removesuffix(".py") if len(parts) > 1 else "ranham"


def _imports() -> dict[str, set[str]]:
    """Module name -> the modules it imports, ignoring ``if TYPE_CHECKING:`` blocks."""
    found: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        module = ".".join(parts)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        type_checking = {
            id(node)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for stmt in block.body
            for node in ast.walk(stmt)
        }
        names: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in type_checking:
                continue
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    names.add(".".join([*base, node.module] if node.module else base))
                elif node.module == "ranham":  # from ranham import model -> ranham.model
                    names.update(f"ranham.{alias.name}" for alias in node.names)
                elif node.module:
                    names.add(node.module)
        found[module] = names
    return found


IMPORTS = _imports()


def test_the_source_was_found():
    """Run against an installed wheel, the test must still read the package's own modules."""
    assert len(IMPORTS) > 40
    assert "ranham.model.report" in IMPORTS


def _units_imported_by(unit: str) -> set[str]:
    return {
        _unit(name)
        for module, names in IMPORTS.items()
        if _unit(module) == unit and module != "ranham"
        for name in names
        if name.startswith("ranham.") or name == "ranham"
    } - {unit}


ALLOWED = {
    "errors": set(),
    "_version": set(),
    "periods": {"errors"},
    "model": {"errors", "periods"},
    "validation": {"errors", "periods", "model"},
    "io": {"errors", "periods", "model", "validation"},
}


@pytest.mark.parametrize("unit", sorted(ALLOWED))
def test_lower_layers_import_only_what_lies_below_them(unit):
    assert _units_imported_by(unit) <= ALLOWED[unit]


def test_nothing_imports_the_command_line():
    offenders = [
        m
        for m, names in IMPORTS.items()
        if _unit(m) != "cli" and any(n.startswith("ranham.cli") for n in names)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("library", "allowed"), [("cattrs", {"io"}), ("hypothesis", {"strategies", "_hypothesis_hook"})]
)
def test_only_the_edges_import_a_library(library, allowed):
    below_io = {"errors", "periods", "model", "validation", "_version", "ranham"}
    users = {
        _unit(module)
        for module, names in IMPORTS.items()
        if any(n == library or n.startswith(library + ".") for n in names)
    }
    if library == "cattrs":
        assert users & below_io == set(), "the model and validation must not know cattrs"
    else:
        assert users <= allowed


def test_units_form_no_cycle():
    graph: dict[str, set[str]] = defaultdict(set)
    for module, names in IMPORTS.items():
        if module == "ranham":
            continue
        for name in names:
            if name.startswith("ranham.") and _unit(name) != _unit(module):
                graph[_unit(module)].add(_unit(name))
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> None:
        assert node not in visiting, f"import cycle: {' -> '.join([*path, node])}"
        if node in done:
            return
        visiting.add(node)
        for target in sorted(graph[node]):
            visit(target, [*path, node])
        visiting.discard(node)
        done.add(node)

    for start in sorted(graph):
        visit(start, [])


def test_import_ranham_is_cheap():
    code = (
        "import sys, ranham; "
        "heavy = [m for m in ('hypothesis', 'cattrs', 'ranham.io', 'ranham.validation', "
        "'ranham.rules', 'ranham.strategies', 'ranham.cli') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
