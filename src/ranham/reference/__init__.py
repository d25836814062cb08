"""Shipped reference data and realistic examples.

- **Region tables** of the Home Affairs decrees (:func:`regions`, editions ``"2022"`` and
  ``"2025"``): look up a code, list provinces, regencies/cities and the administrative ones,
  and see what changed between editions (:func:`changes`, :func:`recoded`). Extracted from the
  MIT-licensed repository cahyadsn/wilayah, © 2017–2025 Cahya DSN (the licence and the details
  ship in ``ranham/reference/data/regions/ATTRIBUTION.md``).
- **Institution checks** against a table (:func:`check_institutions`): region codes that the
  edition lacks, names, parents and autonomy that disagree, as validation warnings.
- **The RANHAM 2021–2025 plan** (:data:`RANHAM_2021_2025`, Perpres 53/2021).
- **Forum records**: the 2022 Bekasi coordination forum and its public recommendations
  (:func:`bekasi_2022`; all shipped records in :mod:`ranham.reference.forums`).
- **Example datasets** (:func:`example_dataset`): one national year with the real institution
  lists and synthetic outcomes, deterministic for a seed, scalable for benchmarks; with
  ``anchor``, one year of a series in which every institution keeps its level from year to
  year, moving by a small drift (:func:`example_levels`).

>>> from ranham.reference import regions, RANHAM_2021_2025
>>> regions("2025").get("33.73").name
'Kota Salatiga'
>>> RANHAM_2021_2025.timezone
'Asia/Jakarta'
"""

from __future__ import annotations

from ranham.reference import forums
from ranham.reference._regions import (
    DECREES,
    EDITIONS,
    ChangeKind,
    Region,
    RegionChange,
    RegionTable,
    changes,
    recoded,
    regions,
)
from ranham.reference.checks import check_institutions, name_key
from ranham.reference.forums import bekasi_2022
from ranham.reference.generator import (
    ACTION_COUNTS,
    COMPLETION_DRIFT,
    DILIGENCE_DRIFT,
    MAX_SCALE,
    Level,
    example_catalog,
    example_dataset,
    example_institutions,
    example_levels,
    example_reports,
    series_key,
)
from ranham.reference.plan import RANHAM_2021_2025

__all__ = [
    # the plan
    "RANHAM_2021_2025",
    # region tables
    "DECREES",
    "EDITIONS",
    "ChangeKind",
    "Region",
    "RegionChange",
    "RegionTable",
    "changes",
    "recoded",
    "regions",
    # institution checks
    "check_institutions",
    "name_key",
    # forum records
    "bekasi_2022",
    "forums",
    # examples
    "ACTION_COUNTS",
    "COMPLETION_DRIFT",
    "DILIGENCE_DRIFT",
    "MAX_SCALE",
    "Level",
    "example_catalog",
    "example_dataset",
    "example_institutions",
    "example_levels",
    "example_reports",
    "series_key",
]
