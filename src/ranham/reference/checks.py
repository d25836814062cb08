"""Check a dataset's institution list against a shipped region table.

A dataset lists its own institutions (the 2022 targets still counted 34 provinces, although the
November 2022 decree had 37), so the shipped tables are a *reference* to compare with, not a
rule of the format. The differences are validation **warnings**, each pointing at the
institution's field:

- ``region-unknown`` (``/institutions/N/code``): the edition has no such code;
- ``region-name-mismatch`` (``/institutions/N/name``): the names differ after case-folding and
  removing spaces, hyphens and a leading ``Kabupaten``/``Kota``;
- ``region-parent-mismatch`` (``/institutions/N/parent``): the table puts the region in another
  province;
- ``region-autonomous-mismatch`` (``/institutions/N/autonomous``): the dataset's ``autonomous``
  (``true`` when absent) disagrees with the table's administrative flag.

Ministries and agencies have no official code and are not checked. Neither is an institution
whose kind or code is malformed: the format's own checks report those.

>>> from ranham.model import Institution, InstitutionKind
>>> from ranham.reference import check_institutions
>>> listed = [
...     Institution(code="32.16", kind=InstitutionKind.REGENCY, name="Kab. Bekasi", parent="32"),
...     Institution(code="96", kind=InstitutionKind.PROVINCE, name="Papua Barat Daya"),
... ]
>>> for issue in check_institutions(listed, "2022"):
...     print(issue.pointer, issue.code)
/institutions/0/name region-name-mismatch
/institutions/1/code region-unknown
>>> print(check_institutions(listed, "2022")[1].message("id"))
Kode wilayah 96 tidak ada dalam tabel wilayah edisi 2022.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

from ranham.errors import DocumentError, InvariantError
from ranham.model import Dataset, Institution, InstitutionKind, code_fits_kind
from ranham.reference._regions import RegionTable, regions
from ranham.validation import validate
from ranham.validation.issues import Issue
from ranham.words import Catalog, Lang

__all__ = ["check_institutions", "name_key"]

_PREFIX = re.compile(r"(?:kabupaten|kota)\s++")
_DROPPED = re.compile(r"[\s-]++")
_REGIONAL = {kind.value: kind for kind in InstitutionKind if kind.is_regional}

_AUTONOMY = Catalog(
    "region autonomy",
    en={"autonomous": "autonomous", "administrative": "administrative, not autonomous"},
    id={"autonomous": "otonom", "administrative": "administratif, tidak otonom"},
)

Source = Dataset | Mapping[str, Any] | os.PathLike[str] | Iterable[Institution]


def name_key(name: str) -> str:
    """The form in which two region names are compared.

    Case-folded, without a leading ``Kabupaten``/``Kota`` and without spaces and hyphens, so
    that ``Kota Pare Pare``, ``Parepare`` and ``KOTA PARE-PARE`` compare equal.

    >>> name_key("Kota Pare-Pare") == name_key("parepare")
    True
    >>> name_key("Kabupaten Kotabaru")
    'kotabaru'
    """
    folded = name.casefold().strip()
    return _DROPPED.sub("", _PREFIX.sub("", folded, count=1) if _PREFIX.match(folded) else folded)


def check_institutions(source: Source, edition: str | int) -> tuple[Issue, ...]:
    """The region warnings of a dataset's institution list against region table ``edition``.

    ``source`` is a :class:`~ranham.model.Dataset`, a sequence of
    :class:`~ranham.model.Institution`, an already-parsed dataset document (a ``dict``) or the
    path of a dataset file (an :class:`os.PathLike`). A parsed or read document need not be
    valid: institutions that the format's checks refuse are skipped, the others are checked.
    Pointers are ``/institutions/N/FIELD`` with ``N`` the index in the list. Issues are in
    document order.

    Raises :class:`~ranham.errors.UnknownNameError` for an edition that is not shipped,
    :class:`~ranham.errors.DocumentError` for a file that is not JSON, and
    :class:`~ranham.errors.InvariantError` for a document that is not a dataset.
    """
    table = regions(edition)
    issues: list[Issue] = []
    for index, item in enumerate(_raw_institutions(source)):
        issues.extend(_check_one(table, index, item))
    return tuple(issues)


def _raw_institutions(source: Source) -> Iterator[Any]:
    if isinstance(source, Dataset):
        yield from (_as_raw(i) for i in source.institutions)
    elif isinstance(source, Mapping):
        yield from _listed(source, "the given document")
    elif isinstance(source, os.PathLike):
        yield from _listed(_read(Path(source)), str(source))
    else:
        for item in source:
            if not isinstance(item, Institution):
                raise InvariantError(
                    "check_institutions() takes a Dataset, Institution objects, a parsed "
                    f"dataset or a pathlib.Path (got an item {item!r}); pass a file name as "
                    "pathlib.Path."
                )
            yield _as_raw(item)


def _as_raw(institution: Institution) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "code": institution.code,
        "kind": institution.kind.value,
        "name": institution.name,
        "autonomous": institution.autonomous,
    }
    if institution.parent is not None:
        raw["parent"] = institution.parent
    return raw


def _listed(document: Mapping[str, Any], where: str) -> Sequence[Any]:
    if document.get("kind", "dataset") != "dataset":
        raise InvariantError(
            f"expected a dataset document in {where}, got kind {document.get('kind')!r}."
        )
    listed = document.get("institutions", [])
    return listed if isinstance(listed, list | tuple) else []


def _read(path: Path) -> Mapping[str, Any]:
    data = path.read_bytes()
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        raise DocumentError(validate(data).issues, source=str(path)) from None
    if not isinstance(value, dict):
        raise DocumentError(validate(data).issues, source=str(path))
    return value


def _check_one(table: RegionTable, index: int, item: Any) -> Iterator[Issue]:
    if not isinstance(item, Mapping):
        return
    code, kind = item.get("code"), _REGIONAL.get(item.get("kind"))  # type: ignore[arg-type]
    if kind is None or not isinstance(code, str) or not code_fits_kind(code, kind):
        return
    here = f"/institutions/{index}"
    edition = table.edition
    row = table.find(code)
    if row is None:
        yield Issue(
            code="region-unknown", pointer=f"{here}/code", params={"code": code, "edition": edition}
        )
        return
    name = item.get("name")
    if isinstance(name, str) and name.strip() and name_key(name) != name_key(row.name):
        yield Issue(
            code="region-name-mismatch",
            pointer=f"{here}/name",
            params={
                "code": code,
                "edition": edition,
                "expected": _show(row.name),
                "got": _show(name),
            },
        )
    parent = item.get("parent")
    if row.parent is not None and isinstance(parent, str) and parent != row.parent:
        yield Issue(
            code="region-parent-mismatch",
            pointer=f"{here}/parent",
            params={
                "code": code,
                "edition": edition,
                "expected": _show(row.parent),
                "got": _show(parent),
            },
        )
    autonomous = item.get("autonomous", True)
    if (
        kind is not InstitutionKind.PROVINCE
        and type(autonomous) is bool
        and autonomous is not row.autonomous
    ):
        yield Issue(
            code="region-autonomous-mismatch",
            pointer=f"{here}/autonomous",
            params={
                "code": code,
                "edition": edition,
                "expected": _autonomy(row.autonomous, "en"),
                "expected_id": _autonomy(row.autonomous, "id"),
                "got": _autonomy(autonomous, "en"),
                "got_id": _autonomy(autonomous, "id"),
            },
        )


def _autonomy(autonomous: bool, lang: Lang) -> str:
    return _AUTONOMY.template("autonomous" if autonomous else "administrative", lang)


def _show(text: str) -> str:
    return orjson.dumps(text).decode()
