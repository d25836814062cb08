"""The optional extra ``ranham[sheets]``: openpyxl, with defusedxml so that its XML is safe."""

from __future__ import annotations

import importlib
from types import ModuleType

from ranham.errors import RanhamError

__all__ = ["SheetsUnavailableError", "openpyxl"]

EXTRA_HINT = "pip install 'ranham[sheets]'"


class SheetsUnavailableError(RanhamError, ImportError):
    """The spreadsheet extra is not installed (an ``ImportError``): install ``ranham[sheets]``."""


def openpyxl() -> ModuleType:
    """The ``openpyxl`` module, refused unless ``defusedxml`` protects its XML parsing.

    Raises :class:`SheetsUnavailableError` naming the extra when either package is missing.
    """
    try:
        importlib.import_module("defusedxml")
        module = importlib.import_module("openpyxl")
    except ImportError as error:
        raise SheetsUnavailableError(
            f"spreadsheets need the optional extra ranham[sheets] ({error.name} is not "
            f"installed): {EXTRA_HINT}"
        ) from None
    xml = importlib.import_module("openpyxl.xml")
    if not getattr(xml, "DEFUSEDXML", False):  # pragma: no cover - openpyxl found no defusedxml
        raise SheetsUnavailableError(
            f"openpyxl does not parse through defusedxml here: {EXTRA_HINT}"
        )
    return module
