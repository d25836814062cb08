"""Hypothesis strategies for property-testing systems that read or write RANHAM data.

Install the extra (``pip install ranham[hypothesis]``). Every strategy here draws values that
the format and the model accept — entities that construct, documents that validate without an
error — and shrinks towards the simplest domain example: one institution, one action, one
measure, the first period. Knobs are keyword-only.

>>> from hypothesis import given, settings
>>> from ranham import io
>>> from ranham.strategies import datasets
>>> @settings(max_examples=10, deadline=None)
... @given(datasets())
... def test_datasets_round_trip(dataset):
...     assert io.loads(io.dumps(dataset)) == dataset
>>> test_datasets_round_trip()

The values
    :func:`period_codes`, :func:`period_schemes`, :func:`reporting_periods`, :func:`windows`,
    :func:`catalog_windows`, :func:`dates`, :func:`timestamps`, :func:`utc_offsets`,
    :func:`slugs`, :func:`texts`, :func:`http_urls`, :func:`institution_codes`,
    :func:`links`, :func:`extensions`.
The entities
    :func:`plans`, :func:`success_measures`, :func:`actions`, :func:`institutions`,
    :func:`evidence_items`, :func:`assessments`, :func:`measure_entries`,
    :func:`action_entries`, :func:`status_changes`, :func:`allegations`, :func:`follow_ups`,
    :func:`recommendations`, :func:`declared_counts`.
The documents
    :func:`catalogs`, :func:`reports`, :func:`datasets`, :func:`forums`, and
    :func:`documents` for their JSON form; :func:`validation_results`.
Broken documents
    :func:`corrupted` draws a :class:`Corruption`: a valid document broken in exactly one
    way, with the issue ``code`` and JSON ``pointer`` that validation must report, for each
    code of :data:`CORRUPTION_CODES` (:data:`CORRUPTION_KINDS` says which document kinds each
    code's families break, :data:`CORRUPTION_FAMILIES` names the families). With
    ``catalog=`` (your :class:`~ranham.Catalog` or :class:`~ranham.Dataset`) it breaks
    reports that fit *your* catalog, as checking against it reveals;
    :func:`applicable` says which families can break a given document.

``st.from_type`` works for every public type of :mod:`ranham` without importing this module:
the package registers these strategies through Hypothesis' ``hypothesis`` entry point (set
``HYPOTHESIS_NO_PLUGINS=1`` to turn that off).
"""

from __future__ import annotations

from ranham.strategies._catalogs import catalogs
from ranham.strategies._corrupt import (
    CORRUPTION_CODES,
    CORRUPTION_FAMILIES,
    CORRUPTION_KINDS,
    Corruption,
    applicable,
    corrupted,
)
from ranham.strategies._datasets import datasets
from ranham.strategies._documents import documents, forums
from ranham.strategies._entities import (
    TIERS,
    actions,
    institutions,
    plans,
    success_measures,
)
from ranham.strategies._parts import (
    action_entries,
    allegations,
    assessments,
    declared_counts,
    evidence_items,
    follow_ups,
    measure_entries,
    recommendations,
    status_changes,
)
from ranham.strategies._registry import validation_results
from ranham.strategies._reports import STATUSES, TIMINGS, reports
from ranham.strategies._values import (
    DEFAULT_YEARS,
    INDONESIAN_ZONES,
    OFFICIAL_SCHEMES,
    catalog_windows,
    dates,
    extensions,
    http_urls,
    institution_codes,
    links,
    period_codes,
    period_schemes,
    reporting_periods,
    slugs,
    texts,
    timestamps,
    utc_offsets,
    windows,
)

__all__ = [
    # values
    "period_codes",
    "period_schemes",
    "reporting_periods",
    "windows",
    "catalog_windows",
    "dates",
    "timestamps",
    "utc_offsets",
    "slugs",
    "texts",
    "http_urls",
    "institution_codes",
    "links",
    "extensions",
    # entities
    "plans",
    "success_measures",
    "actions",
    "institutions",
    "evidence_items",
    "assessments",
    "measure_entries",
    "action_entries",
    "status_changes",
    "allegations",
    "follow_ups",
    "recommendations",
    "declared_counts",
    # documents
    "catalogs",
    "reports",
    "datasets",
    "forums",
    "documents",
    "validation_results",
    # broken documents
    "Corruption",
    "corrupted",
    "applicable",
    "CORRUPTION_CODES",
    "CORRUPTION_FAMILIES",
    "CORRUPTION_KINDS",
    # defaults of the knobs
    "DEFAULT_YEARS",
    "INDONESIAN_ZONES",
    "OFFICIAL_SCHEMES",
    "STATUSES",
    "TIERS",
    "TIMINGS",
]
