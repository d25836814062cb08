"""Imports point one way, as the layer table of ``docs/explanation/design.md`` says.

The table is the one statement of the layering: every unit of ``src/ranham`` has a row naming
the units and the libraries it may import, and these tests read it and check every module
against it, imports inside functions and modules named in strings included."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ranham

SRC = Path(ranham.__file__).parent
DESIGN = Path(__file__).parent.parent / "docs" / "explanation" / "design.md"


def _unit(module: str) -> str:
    """The architectural unit of a module: its first component below ``ranham``."""
    parts = module.split(".")
    return parts[1].removesuffix(".py") if len(parts) > 1 else "ranham"


_MODULE_NAME = re.compile(r"ranham(?:\.[a-z_][a-z0-9_]*)+")


def _imports() -> dict[str, set[str]]:
    """Module name -> the modules it imports, ignoring ``if TYPE_CHECKING:`` blocks.

    A string that is exactly the name of a module of the package counts as an import of it
    (``importlib.import_module("ranham.rules")``, a table of lazy imports).
    """
    found: dict[str, set[str]] = {}
    named: dict[str, set[str]] = {}
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
        strings = named[module] = set()
        for node in ast.walk(tree):
            if id(node) in type_checking:
                continue
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _MODULE_NAME.fullmatch(node.value)
            ):
                strings.add(node.value)
            elif isinstance(node, ast.Import):
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
    for module, strings in named.items():
        found[module] |= strings & found.keys()
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
        if _unit(module) == unit
        for name in names
        if name.startswith("ranham.")
    } - {unit}


def _libraries_imported_by(unit: str) -> set[str]:
    return {
        name.partition(".")[0]
        for module, names in IMPORTS.items()
        if _unit(module) == unit
        for name in names
        if name.partition(".")[0] not in sys.stdlib_module_names | {"ranham", "__future__"}
    }


def _cell_names(cell: str) -> set[str]:
    return set(re.findall(r"`([^`]+)`", cell))


def _layer_table() -> dict[str, tuple[set[str], set[str]]]:
    """Unit -> (the units it may import, the libraries it may import), from the design page."""
    text = DESIGN.read_text(encoding="utf-8")
    section = text.split("\n## Layers\n", 1)[1].split("\n## ", 1)[0]
    table: dict[str, tuple[set[str], set[str]]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0].startswith("`"):
            continue
        (unit,) = _cell_names(cells[0])
        assert unit not in table, f"two rows for {unit}"
        table[unit] = (_cell_names(cells[2]), _cell_names(cells[3]))
    return table


LAYERS = _layer_table()
UNITS = sorted({_unit(module) for module in IMPORTS})

# Expert test cases (``rules/cases.py``) read documents; they are moving above the rules.


def test_the_layer_table_was_found():
    assert {"errors", "model", "rules", "cli", "ranham"} <= set(LAYERS)


def test_every_unit_has_a_row_and_every_row_a_unit():
    assert sorted(LAYERS) == UNITS


def test_the_table_names_only_units():
    named = {name for allowed, _ in LAYERS.values() for name in allowed}
    assert named <= set(LAYERS)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in visiting:
            return [*path, node]
        if node in done:
            return None
        visiting.add(node)
        for target in sorted(graph.get(node, ())):
            found = visit(target, [*path, node])
            if found:
                return found
        visiting.discard(node)
        done.add(node)
        return None

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return None


def test_the_table_keeps_the_principles():
    """Loosening the table itself is caught: the edges convert, nothing imports the command."""
    assert not any("cli" in allowed for allowed, _ in LAYERS.values())
    assert {unit for unit, (_, libraries) in LAYERS.items() if "cattrs" in libraries} == {"io"}
    hypothesis_users = {
        unit for unit, (_, libraries) in LAYERS.items() if "hypothesis" in libraries
    }
    assert hypothesis_users == {"strategies", "_hypothesis_hook"}
    for unit in ("rules", "recommendations", "model", "periods", "words", "_process", "errors"):
        allowed, libraries = LAYERS[unit]
        assert allowed.isdisjoint({"io", "validation"}), unit
        assert libraries.isdisjoint({"cattrs", "orjson"}), unit
    assert LAYERS["words"][0] <= {"errors"}
    assert LAYERS["_process"][0] == set()


def test_the_table_is_a_layering():
    """The edges the table allows form no cycle, so the imports it allows cannot either."""
    cycle = _cycle({unit: allowed for unit, (allowed, _) in LAYERS.items()})
    assert cycle is None, " -> ".join(cycle or [])


def test_a_cycle_is_found():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("unit", UNITS)
def test_each_unit_imports_only_what_its_row_allows(unit):
    assert _units_imported_by(unit) <= LAYERS[unit][0]


@pytest.mark.parametrize("unit", UNITS)
def test_each_unit_imports_only_the_libraries_its_row_allows(unit):
    assert _libraries_imported_by(unit) <= LAYERS[unit][1]


def test_the_scan_sees_imports_in_functions_and_in_strings():
    """The dynamic and lazy imports that the table allows are seen, so the check is whole."""
    assert "ranham.rules" in IMPORTS["ranham.recommendations._links"]  # importlib, in a function
    assert "ranham.validation" in IMPORTS["ranham"]  # the root's table of lazy names
    assert "ranham.strategies._registry" in IMPORTS["ranham._hypothesis_hook"]  # in a function
    assert "ranham.validation.issues" not in IMPORTS["ranham.errors"]  # TYPE_CHECKING only


def _loaded_after(statement: str) -> set[str]:
    """The modules that ``statement`` loads in a fresh interpreter."""
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


_JSON_MACHINERY = {"cattrs", "orjson", "ranham.io", "ranham.validation"}


def test_import_ranham_is_cheap():
    heavy = {
        "hypothesis",
        "cattrs",
        "orjson",
        "ranham.io",
        "ranham.validation",
        "ranham.rules",
        "ranham.strategies",
        "ranham.cli",
    }
    assert _loaded_after("import ranham") & heavy == set()


def test_the_rules_load_no_json_machinery():
    assert _loaded_after("import ranham.rules") & _JSON_MACHINERY == set()


def test_the_recommendations_load_no_json_machinery():
    loaded = _loaded_after("import ranham.recommendations")
    assert loaded & (_JSON_MACHINERY | {"ranham.rules"}) == set()
