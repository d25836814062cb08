"""Sphinx configuration of the ranham documentation."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

from ranham import __version__

project = "ranham"
author = "The ranham developers"
copyright = "2026, The ranham developers"
release = __version__
version = ".".join(__version__.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "ranham_cli",  # docs/_ext: the command-line reference, rendered from the parsers
    "ranham_schemas",  # docs/_ext: the JSON Schemas, written from the model at build time
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "**/_*.md"]  # _format-spec.md is included, not a page
html_theme = "furo"
html_title = f"ranham {release}"
html_static_path = ["_static"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
nitpicky = False
# No intersphinx: the build runs offline (CI has no network beyond the package registries).
# Re-exports (ranham.validation.Issue is ranham.validation.issues.Issue) make some short names
# ambiguous to Sphinx; the API pages document each object once, in its defining module.
suppress_warnings = ["ref.python"]
# Option values, codes and JSON are quoted literally; typographic quotes would change them.
smartquotes = False
