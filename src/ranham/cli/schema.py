"""``ranham schema KIND``: the JSON Schema (draft 2020-12) of a document kind."""

from __future__ import annotations

import argparse

from ranham.cli._common import EXIT_OK, print_json
from ranham.io.schema import json_schema
from ranham.validation import KINDS


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham schema``."""
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=f"one of: {', '.join(KINDS)}")


def run(args: argparse.Namespace) -> int:
    """Print the schema as indented JSON."""
    print_json(json_schema(args.kind))
    return EXIT_OK
