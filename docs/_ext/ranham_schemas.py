"""Sphinx extension: the JSON Schema of every document kind, generated at build time.

When the builder starts, the schema of each kind (``ranham.io.schema.json_schema(kind)``) is
written to ``docs/_static/schema/VERSION/KIND.schema.json``, byte for byte what
``ranham schema KIND`` prints, so the published files are the ones the installed library
generates, at the URL their ``$id`` names (``…/_static/schema/1.0/report.schema.json``). The
``{ranham-schemas}`` directive renders a table linking to them. The generated files are build
output: they are rewritten on every build and need not be committed.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

import orjson
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

LOGGER = logging.getLogger(__name__)


def schema_files() -> dict[str, bytes]:
    """``{"KIND.schema.json": bytes}`` for every document kind, as ``ranham schema`` prints it."""
    from ranham.io.schema import json_schema
    from ranham.validation import KINDS

    return {
        f"{kind}.schema.json": orjson.dumps(json_schema(kind), option=orjson.OPT_INDENT_2) + b"\n"
        for kind in KINDS
    }


def static_folder() -> PurePosixPath:
    """Where the schemas go, relative to the static root: ``schema/1.0``."""
    from ranham.validation import SCHEMA_VERSION

    return PurePosixPath("schema") / SCHEMA_VERSION


def write_schemas(app: Sphinx) -> None:
    """Write every schema into ``_static/schema/VERSION/`` of the documentation sources."""
    folder = Path(app.srcdir) / "_static" / static_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in schema_files().items():
        path = folder / name
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    LOGGER.info("ranham-schemas: wrote %d JSON Schemas to %s", len(schema_files()), folder)


class RanhamSchemasDirective(SphinxDirective):
    """``{ranham-schemas}``: a table of the document kinds with links to their schemas."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from ranham.io.schema import schema_id
        from ranham.validation import KINDS

        here = self.env.app.builder.get_target_uri(self.env.docname)
        table = nodes.table(classes=["ranham-schemas"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (15, 35, 50):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        head += self._row([nodes.Text("kind"), nodes.Text("schema"), nodes.Text("$id")])
        body = nodes.tbody()
        group += body
        for kind in KINDS:
            name = f"{kind}.schema.json"
            target = f"_static/{static_folder() / name}"
            link = nodes.reference("", "", internal=False, refuri=relative_uri(here, target))
            link += nodes.literal(name, name)
            body += self._row(
                [nodes.literal(kind, kind), link, nodes.literal(schema_id(kind), schema_id(kind))]
            )
        return [table]

    @staticmethod
    def _row(cells: list[nodes.Node]) -> nodes.row:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            paragraph = nodes.paragraph()
            paragraph += cell
            entry += paragraph
            row += entry
        return row


def setup(app: Sphinx) -> dict[str, Any]:
    """Generate the schemas when the builder starts; register ``{ranham-schemas}``."""
    app.connect("builder-inited", write_schemas)
    app.add_directive("ranham-schemas", RanhamSchemasDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
