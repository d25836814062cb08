"""No public module is hidden by a same-named attribute of its package.

``ranham.rules.eligibility`` used to be both a module and the function its package re-exports,
so ``import ranham.rules.eligibility as m`` gave the function and the module's other names were
out of reach (issue 15). A package may re-export a function named like one of its modules only
when that module is private (``ranham.rules._eligibility``).
"""

from __future__ import annotations

import ast
import importlib
import pickle
import pkgutil
from pathlib import Path
from types import FunctionType, ModuleType

import pytest

import ranham

SRC = Path(ranham.__file__).parent


def _public_packages() -> list[str]:
    """``ranham`` and every subpackage whose name has no private part, found on disk."""
    names = []
    for init in sorted(SRC.rglob("__init__.py")):
        parts = init.parent.relative_to(SRC.parent).parts
        if not any(part.startswith("_") for part in parts):
            names.append(".".join(parts))
    return names


PACKAGES = _public_packages()


def _public_modules(package: ModuleType) -> list[str]:
    return [
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    ]


def test_the_packages_were_found():
    assert {"ranham", "ranham.rules", "ranham.reference", "ranham.recommendations"} <= set(PACKAGES)


@pytest.mark.parametrize("name", PACKAGES)
def test_each_public_module_is_what_its_package_holds_under_its_name(name):
    """After importing the module, ``package.module`` is that module, not a re-export."""
    package = importlib.import_module(name)
    for leaf in _public_modules(package):
        module = importlib.import_module(f"{name}.{leaf}")
        held = getattr(package, leaf)
        assert held is module, (
            f"{name}.{leaf} is hidden by {held!r}: make the module private (_{leaf}.py) "
            "and import the public names from there"
        )


def _bindings(tree: ast.Module) -> dict[str, ast.stmt]:
    """The names a module's top level binds, each with the statement that binds it."""
    bound: dict[str, ast.stmt] = {}
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                bound[(alias.asname or alias.name).partition(".")[0]] = node
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound[node.name] = node
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                bound.update((n.id, node) for n in ast.walk(target) if isinstance(n, ast.Name))
    return bound


@pytest.mark.parametrize("name", PACKAGES)
def test_no_package_binds_a_public_module_name_to_anything_else(name):
    """Checked in the source too: a package that binds a module's name to a function would
    lose the function as soon as the module is imported, whatever the import order."""
    package = importlib.import_module(name)
    init = Path(package.__file__ or "")
    for leaf, node in _bindings(ast.parse(init.read_text(encoding="utf-8"))).items():
        if leaf not in _public_modules(package):
            continue
        # the one allowed binding: the module itself (``from ranham.reference import forums``)
        itself = isinstance(node, ast.ImportFrom) and node.module == name and not node.level
        assert itself, f"{name}/__init__.py binds {leaf!r}, the name of its module {name}.{leaf}"


def _exported_from_private_modules() -> list[tuple[str, str]]:
    found = []
    for name in PACKAGES:
        package = importlib.import_module(name)
        for export in getattr(package, "__all__", ()):
            value = getattr(package, export)
            module = getattr(value, "__module__", "")
            if isinstance(value, type | FunctionType) and module.startswith(f"{name}._"):
                found.append((name, export))
    return found


EXPORTED = _exported_from_private_modules()


def test_the_renamed_modules_export_through_their_packages():
    assert {
        ("ranham.rules", "eligibility"),
        ("ranham.rules", "Eligibility"),
        ("ranham.rules", "explain"),
        ("ranham.reference", "regions"),
        ("ranham.reference", "RegionTable"),
        ("ranham.recommendations", "links"),
        ("ranham.recommendations", "LinkState"),
    } <= set(EXPORTED)


@pytest.mark.parametrize(("package", "export"), EXPORTED, ids="{0[0]}.{0[1]}".format)
def test_a_name_exported_from_a_private_module_is_found_by_its_module_and_pickles(package, export):
    """Pickle finds a class or function by ``__module__`` and ``__qualname__``."""
    value = getattr(importlib.import_module(package), export)
    assert getattr(importlib.import_module(value.__module__), value.__qualname__) is value
    assert pickle.loads(pickle.dumps(value)) is value
