"""Sphinx extension: the command-line reference, rendered from ``ranham.cli``'s own parsers.

``{ranham-cli}`` without an argument renders the table of commands; ``{ranham-cli} validate``
renders one command: its usage line and a table of every argument and option with its help
text, exactly as ``ranham validate --help`` knows them. The parsers are built the way the
``ranham`` script builds them (``ranham.cli.COMMANDS`` names each command's module, whose
``configure(parser)`` adds the arguments), so the page cannot drift from the code. When the
build ends, every command of ``COMMANDS`` must have been rendered somewhere, and a command
whose module cannot be imported is a warning (an error under ``sphinx-build -W``).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

LOGGER = logging.getLogger(__name__)
WIDTH = 88
"""Line width of the rendered usage lines (fixed, so the page does not depend on a terminal)."""


def commands() -> dict[str, tuple[str, str]]:
    """``ranham.cli.COMMANDS``: each command's module and one-line summary."""
    from ranham.cli import COMMANDS

    return dict(COMMANDS)


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=WIDTH)


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of ``ranham NAME``, built as the ``ranham`` script builds it."""
    module_name, summary = commands()[name]
    parser = argparse.ArgumentParser(
        prog=f"ranham {name}", description=summary, formatter_class=_formatter
    )
    importlib.import_module(module_name).configure(parser)
    return parser


def argument_rows(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    """``(invocation, help)`` for every argument and option, in the parser's order.

    argparse has no public API for one action's invocation (``--format {text,json}``) or its
    expanded help text; these private helpers are the ones ``--help`` itself uses.
    """
    formatter = parser._get_formatter()
    rows: list[tuple[str, str]] = []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS:
            continue
        invocation = formatter._format_action_invocation(action)
        help_text = formatter._expand_help(action) if action.help else ""
        rows.append((invocation, " ".join(help_text.split())))
    return rows


def _table(headers: tuple[str, str], rows: list[tuple[nodes.Node, nodes.Node]]) -> nodes.table:
    table = nodes.table(classes=["ranham-cli"])
    group = nodes.tgroup(cols=2)
    table += group
    for width in (35, 65):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row((nodes.Text(headers[0]), nodes.Text(headers[1])))
    body = nodes.tbody()
    group += body
    for row in rows:
        body += _row(row)
    return table


def _row(cells: Iterable[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        paragraph = nodes.paragraph()
        paragraph += cell
        entry = nodes.entry()
        entry += paragraph
        row += entry
    return row


def command_nodes(name: str) -> list[nodes.Node]:
    """The usage of ``ranham NAME`` and the table of its arguments, as docutils nodes."""
    parser = command_parser(name)
    usage = parser.format_usage().strip()
    block = nodes.literal_block(usage, usage, language="text")
    rows: list[tuple[nodes.Node, nodes.Node]] = [
        (nodes.literal(invocation, invocation), nodes.Text(help_text))
        for invocation, help_text in argument_rows(parser)
    ]
    return [block, _table(("argument", "meaning"), rows), *_subcommand_nodes(parser)]


def _subcommand_nodes(parser: argparse.ArgumentParser) -> list[nodes.Node]:
    """The usage and arguments of each sub-command (``ranham ruleset show``), in order."""
    found: list[nodes.Node] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for sub in action.choices.values():
            sub.formatter_class = _formatter
            usage = sub.format_usage().strip()
            rows: list[tuple[nodes.Node, nodes.Node]] = [
                (nodes.literal(invocation, invocation), nodes.Text(help_text))
                for invocation, help_text in argument_rows(sub)
            ]
            found += [
                nodes.literal_block(usage, usage, language="text"),
                _table(("argument", "meaning"), rows),
            ]
    return found


def overview_nodes() -> list[nodes.Node]:
    """The table of every command, its summary and a link to its section (label cli-NAME)."""
    rows: list[tuple[nodes.Node, nodes.Node]] = []
    for name, (_module, summary) in commands().items():
        link = addnodes.pending_xref(
            "",
            refdomain="std",
            reftype="ref",
            reftarget=f"cli-{name}",
            refexplicit=True,
            refwarn=True,
        )
        link += nodes.literal(f"ranham {name}", f"ranham {name}")
        rows.append((link, nodes.Text(summary)))
    return [_table(("command", "what it does"), rows)]


class RanhamCliDirective(SphinxDirective):
    """``{ranham-cli} [COMMAND]``: the command table, or one command's usage and options."""

    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        known = commands()
        if not self.arguments:
            return overview_nodes()
        name = self.arguments[0]
        if name not in known:
            LOGGER.warning(
                "ranham-cli: %r is not a ranham command; the commands are: %s",
                name,
                ", ".join(known),
                location=self.get_location(),
            )
            return []
        try:
            rendered = command_nodes(name)
        except ImportError as error:
            LOGGER.warning(
                "ranham-cli: the module of `ranham %s` cannot be imported (%s)",
                name,
                error,
                location=self.get_location(),
            )
            return []
        _rendered(self.env).setdefault(self.env.docname, set()).add(name)
        return rendered


def _rendered(env: BuildEnvironment) -> dict[str, set[str]]:
    if not hasattr(env, "ranham_cli_rendered"):
        env.ranham_cli_rendered = {}  # type: ignore[attr-defined]
    found: dict[str, set[str]] = env.ranham_cli_rendered  # type: ignore[attr-defined]
    return found


def _purge(_app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _rendered(env).pop(docname, None)


def _merge(_app: Sphinx, env: BuildEnvironment, _docnames: Any, other: BuildEnvironment) -> None:
    _rendered(env).update(_rendered(other))


def _check_complete(_app: Sphinx, env: BuildEnvironment) -> None:
    shown = set().union(*_rendered(env).values()) if _rendered(env) else set()
    missing = [name for name in commands() if name not in shown]
    if missing and _rendered(env):
        LOGGER.warning(
            "ranham-cli: no page renders %s; add a {ranham-cli} directive for each to "
            "docs/reference/cli.md",
            ", ".join(f"`ranham {name}`" for name in missing),
        )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``ranham-cli`` directive and the completeness check."""
    app.add_directive("ranham-cli", RanhamCliDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", _check_complete)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
