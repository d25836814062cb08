"""The RANHAM 2021–2025 plan (Perpres 53/2021) as a shipped :class:`~ranham.model.ActionPlan`.

The fifth-generation national action plan on human rights was set by *Peraturan Presiden*
53/2021, signed and in force on 8 June 2021. It names four target groups (Pasal 3) and has
implementers report every four months (Pasal 8): periods B04, B08 and B12, whose windows are
calendar dates in Jakarta time.

>>> from ranham.reference import RANHAM_2021_2025
>>> RANHAM_2021_2025.id, RANHAM_2021_2025.legal_basis
('ranham-2021-2025', 'Perpres 53/2021')
>>> [str(code) for code in RANHAM_2021_2025.periods]
['B04', 'B08', 'B12']
>>> [str(group) for group in RANHAM_2021_2025.target_groups]
['perempuan', 'anak', 'penyandang_disabilitas', 'masyarakat_adat']
"""

from __future__ import annotations

from ranham.model import ActionPlan, TargetGroup
from ranham.periods import PeriodCode

__all__ = ["RANHAM_2021_2025"]

RANHAM_2021_2025 = ActionPlan(
    id="ranham-2021-2025",
    title="Rencana Aksi Nasional Hak Asasi Manusia Tahun 2021-2025",
    legal_basis="Perpres 53/2021",
    start_year=2021,
    end_year=2025,
    target_groups=(
        TargetGroup.WOMEN,
        TargetGroup.CHILDREN,
        TargetGroup.PERSONS_WITH_DISABILITIES,
        TargetGroup.INDIGENOUS_COMMUNITIES,
    ),
    periods=(PeriodCode.B04, PeriodCode.B08, PeriodCode.B12),
    timezone="Asia/Jakarta",
)
"""RANHAM 2021–2025 (Perpres 53/2021): four target groups, periods B04/B08/B12, Asia/Jakarta."""
