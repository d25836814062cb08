"""``ranham demo`` runs the whole chain and tells the story in either language."""

from __future__ import annotations

import pytest

from ranham.cli import main


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "1. Generate",
                "2. Validate",
                "valid: 0 errors",
                "National",
                "Participation (%)",
                "5. Incentive eligibility",
                "6. Why is",
                "7. The trend across 2021-2025",
                "Change from the year before",
                "Done in",
            ],
        ),
        (
            "id",
            [
                "1. Membuat",
                "2. Memvalidasi",
                "sah: 0 galat",
                "Nasional",
                "Partisipasi",
                "5. Kelayakan insentif",
                "6. Mengapa",
                "7. Tren 2021-2025",
                "Perubahan dari tahun sebelumnya",
                "Selesai dalam",
            ],
        ),
    ],
)
def test_demo_prints_each_step(capsys, lang, expected):
    assert main(["demo", "--scale", "0.05", "--lang", lang]) == 0
    out = capsys.readouterr().out
    positions = [out.index(text) for text in expected]
    assert positions == sorted(positions)


def test_demo_explains_the_institution_asked_for(capsys):
    assert main(["demo", "--scale", "0.05", "--explain", "11", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "6. Why is Aceh (11)" in out
    assert "eligible(11) =" in out


def test_demo_says_when_the_institution_asked_for_is_not_there(capsys):
    assert main(["demo", "--scale", "0.05", "--explain", "99.99", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "99.99 has no assigned actions in this example; explaining" in out


@pytest.mark.slow
@pytest.mark.xdist_group("default-demo")
def test_the_default_demo_explains_why_bekasi_gets_no_incentive(default_demo):
    out = default_demo
    assert "6. Why is Kabupaten Bekasi (32.16) not eligible?" in out
    assert "eligible(32.16) = no" in out
    assert "S(32.16) = 44.44" in out


def test_demo_ends_with_the_trend_of_the_years_asked_for(capsys):
    assert main(["demo", "--scale", "0.05", "--years", "2022-2024", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    trend = out[out.index("7. The trend across 2022-2024") :]
    header = next(line for line in trend.splitlines() if line.split()[:1] == ["2022"])
    assert header.split() == ["2022", "2023", "2024", "Plan"]
    assert "National" in trend
