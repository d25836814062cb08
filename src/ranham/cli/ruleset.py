"""``ranham ruleset show|diff|check``: print, compare and check rule sets.

``show [ID]`` prints a shipped rule set as its TOML file (or ``--format json``), or, without an
id, the table of shipped rule sets; ``diff A B`` prints the parameters that differ between two
rule sets (ids or paths) with the source of each value; ``check FILE...`` checks rule-set files
and reports every problem of each at once.

Exit status: 0 when everything is fine (``diff`` exits 0 whether or not the rule sets differ),
1 when ``check`` finds a problem in a file, 2 when a rule set cannot be found or read.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from importlib import resources
from typing import Any

from ranham.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    ArgumentMessage,
    add_format,
    add_lang,
    clean,
    fail,
    print_json,
    render_table,
)
from ranham.errors import RuleSetError, UnknownNameError
from ranham.rules import RuleSet, load_ruleset, loads_ruleset, shipped_rulesets
from ranham.rules._toml import printable, read_text_file, show_path
from ranham.rules.loading import RULESET_MAX_SIZE
from ranham.rules.ruleset import parameter_keys_of
from ranham.validation.messages import Lang

__all__ = ["configure", "parse_size", "run"]

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "show": "print a shipped rule set (TOML, or --format json); without ID, list them",
        "diff": "the parameters that differ between two rule sets, with their sources",
        "check": "check rule-set files; report every problem of each at once",
        "id_help": "a shipped rule set id such as ranham-2021-2025/default, or a path ending "
        "in .toml (default: list the shipped rule sets)",
        "a_help": "the first rule set: a shipped id or a path ending in .toml",
        "b_help": "the second rule set: a shipped id or a path ending in .toml",
        "files_help": "rule-set files (.toml)",
        "max_size_help": "largest file read, in bytes (default: {default})",
        "parameter": "parameter",
        "source": "source",
        "no_source": "(no source)",
        "absent": "(none)",
        "same": "{a} and {b} have the same parameters.",
        "differ": "{count} parameter(s) differ between {a} and {b}:",
        "ok": "ok {path}: {id} (version {version}), {count} parameters",
        "unsourced": "  {count} parameter(s) without a source: {keys}",
        "problems": "{path}: {count} problem(s)",
        "summary": "{total} file(s): {ok} ok, {bad} with problems, {unreadable} unreadable",
        "unknown": "{name} is not a shipped rule set id (PLAN/NAME) nor a path ending in .toml; "
        "shipped rule sets: {shipped}.",
        "version": "version",
        "plan": "plan",
        "years": "years",
    },
    "id": {
        "show": "cetak aturan bawaan (TOML, atau --format json); tanpa ID, daftar semuanya",
        "diff": "parameter yang berbeda antara dua aturan, beserta sumbernya",
        "check": "periksa berkas aturan; laporkan semua masalah setiap berkas sekaligus",
        "id_help": "id aturan bawaan seperti ranham-2021-2025/default, atau jalur berakhiran "
        ".toml (bawaan: daftar aturan bawaan)",
        "a_help": "aturan pertama: id bawaan atau jalur berakhiran .toml",
        "b_help": "aturan kedua: id bawaan atau jalur berakhiran .toml",
        "files_help": "berkas aturan (.toml)",
        "max_size_help": "ukuran berkas terbesar yang dibaca, dalam bita (bawaan: {default})",
        "parameter": "parameter",
        "source": "sumber",
        "no_source": "(tanpa sumber)",
        "absent": "(tidak ada)",
        "same": "{a} dan {b} memiliki parameter yang sama.",
        "differ": "{count} parameter berbeda antara {a} dan {b}:",
        "ok": "baik {path}: {id} (versi {version}), {count} parameter",
        "unsourced": "  {count} parameter tanpa sumber: {keys}",
        "problems": "{path}: {count} masalah",
        "summary": "{total} berkas: {ok} baik, {bad} bermasalah, {unreadable} tidak terbaca",
        "unknown": "{name} bukan id aturan bawaan (PLAN/NAMA) dan bukan jalur berakhiran .toml; "
        "aturan bawaan: {shipped}.",
        "version": "versi",
        "plan": "rencana aksi",
        "years": "tahun",
    },
}


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ranham ruleset``: one sub-command each for show, diff and check."""
    t = TEXT["en"]
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help=t["show"], description=t["show"])
    show.add_argument("ruleset", nargs="?", metavar="ID", help=t["id_help"])
    add_format(show, ("toml", "json"), "toml")
    add_lang(show)
    diff = actions.add_parser("diff", help=t["diff"], description=t["diff"])
    diff.add_argument("a", metavar="A", help=t["a_help"])
    diff.add_argument("b", metavar="B", help=t["b_help"])
    add_format(diff, ("text", "json"), "text")
    add_lang(diff)
    check = actions.add_parser("check", help=t["check"], description=t["check"])
    check.add_argument("files", nargs="+", metavar="FILE", help=t["files_help"])
    check.add_argument(
        "--max-size",
        type=parse_size,
        default=RULESET_MAX_SIZE,
        metavar="BYTES",
        help=t["max_size_help"].format(default=RULESET_MAX_SIZE),
    )
    add_format(check, ("text", "json"), "text")
    add_lang(check)


def parse_size(text: str) -> int:
    """A byte count from 1 to 2**40, written with ASCII digits."""
    if not (text.isascii() and text.isdigit() and len(text) <= 13) or not 1 <= int(text) <= 2**40:
        shown = clean(text[:20])
        raise ArgumentMessage(
            f"must be a whole number of bytes from 1 to {2**40} (got {shown!r})",
            f"harus bilangan bulat jumlah bita dari 1 sampai {2**40} (ditemukan {shown!r})",
        )
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Run the chosen action."""
    lang: Lang = args.lang
    try:
        if args.action == "show":
            return _show(args.ruleset, args.format, lang)
        if args.action == "diff":
            return _diff(args.a, args.b, args.format, lang)
        return _check(args.files, args.max_size, args.format, lang)
    except RuleSetError as error:
        return fail(error.text(lang), EXIT_USAGE)
    except UnknownNameError as error:
        return fail(_unknown_text(str(error), lang), EXIT_USAGE)


def _unknown_text(name: str, lang: Lang) -> str:
    return TEXT[lang]["unknown"].format(
        name=f'"{show_path(name)[:200]}"', shipped=", ".join(shipped_rulesets())
    )


def _load(name: str) -> RuleSet:
    """A shipped id, or a path ending in .toml; an unknown id raises ``UnknownNameError(name)``."""
    try:
        return load_ruleset(name)
    except UnknownNameError:
        raise UnknownNameError(name) from None


def _show(name: str | None, output: str, lang: Lang) -> int:
    if name is None:
        rows = [load_ruleset(ruleset_id) for ruleset_id in shipped_rulesets()]
        if output == "json":
            print_json({"rulesets": [_identity(rules) for rules in rows]})
        else:
            t = TEXT[lang]
            print(
                render_table(
                    ("id", t["version"], t["plan"], t["years"]),
                    [(r.id, r.version, r.plan, f"{r.first_year}–{r.last_year}") for r in rows],
                )
            )
        return EXIT_OK
    rules = _load(name)
    if output == "json":
        print_json(
            {
                **_identity(rules),
                "parameters": rules.parameters(),
                "sources": dict(rules.sources),
            }
        )
        return EXIT_OK
    if name in shipped_rulesets():
        plan, _, file = name.partition("/")
        item = resources.files("ranham.rules") / "rulesets" / plan / f"{file}.toml"
        print(item.read_text(encoding="utf-8"), end="")
    else:
        text = read_text_file(
            name, max_size=RULESET_MAX_SIZE, what="a rule-set file", what_id="berkas aturan"
        )
        print(printable(text, keep="\n\t"), end="")
    return EXIT_OK


def _identity(rules: RuleSet) -> dict[str, Any]:
    return {
        "id": rules.id,
        "version": rules.version,
        "plan": rules.plan,
        "years": list(rules.years),
    }


def _exact(rules: RuleSet) -> dict[str, Any]:
    """Every parameter as an exact value, so that ``80`` with 2 places equals ``80`` with 3."""
    values: dict[str, Any] = {
        "plan": rules.plan,
        "years": rules.years,
        "scoring.basis": rules.scoring.basis,
        "scoring.late": rules.scoring.late,
        "scoring.missing_period": rules.scoring.missing_period,
        "scoring.achieved_min": rules.scoring.achieved_min,
        "scoring.places": rules.scoring.places,
    }
    values.update({f"targets.{year}": dict(tiers) for year, tiers in rules.targets.items()})
    values["eligibility.criteria"] = rules.eligibility.criteria
    values["eligibility.annual_score_min"] = rules.eligibility.annual_score_min
    values["eligibility.allegation_cutoff"] = rules.eligibility.allegation_cutoff
    return values


def _differences(a: RuleSet, b: RuleSet) -> list[dict[str, Any]]:
    """Every parameter (and plan, years) whose value differs, in file order, as shown."""
    exact_a, exact_b = _exact(a), _exact(b)
    shown_a: dict[str, Any] = {"plan": a.plan, "years": list(a.years), **a.parameters()}
    shown_b: dict[str, Any] = {"plan": b.plan, "years": list(b.years), **b.parameters()}
    years = sorted(set(a.targets) | set(b.targets))
    keys = ["plan", "years", *parameter_keys_of(years)]
    return [
        {
            "parameter": key,
            "a": shown_a.get(key),
            "b": shown_b.get(key),
            "a_source": a.sources.get(key),
            "b_source": b.sources.get(key),
        }
        for key in keys
        if exact_a.get(key) != exact_b.get(key)
    ]


def _diff(first: str, second: str, output: str, lang: Lang) -> int:
    a, b = _load(first), _load(second)
    differences = _differences(a, b)
    if output == "json":
        print_json({"a": _identity(a), "b": _identity(b), "differences": differences})
        return EXIT_OK
    t = TEXT[lang]
    name_a, name_b = f"{a.id} ({t['version']} {a.version})", f"{b.id} ({t['version']} {b.version})"
    if a.id == b.id and a.version == b.version:
        name_a, name_b = f"A: {name_a}", f"B: {name_b}"
    if not differences:
        print(t["same"].format(a=name_a, b=name_b))
        return EXIT_OK
    print(t["differ"].format(count=len(differences), a=name_a, b=name_b))
    rows = [
        (
            item["parameter"],
            _value(item["a"], t),
            _value(item["b"], t),
            _source(item["a_source"], item["parameter"], item["a"], t),
            _source(item["b_source"], item["parameter"], item["b"], t),
        )
        for item in differences
    ]
    print(render_table((t["parameter"], "A", "B", f"{t['source']} A", f"{t['source']} B"), rows))
    return EXIT_OK


def _value(value: Any, t: dict[str, str]) -> str:
    if value is None:
        return t["absent"]
    if isinstance(value, dict):
        return ", ".join(f"{key} {item}" for key, item in value.items()) or t["absent"]
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "[]"
    return printable(str(value))


def _source(source: str | None, key: str, value: Any, t: dict[str, str]) -> str:
    if key in ("plan", "years") or value is None:
        return ""
    return printable(source) if source is not None else t["no_source"]


def _check(files: Sequence[str], max_size: int, output: str, lang: Lang) -> int:
    t = TEXT[lang]
    reports: list[dict[str, Any]] = []
    unreadable = bad = 0
    for name in files:
        shown = show_path(name)
        try:
            text = read_text_file(
                name, max_size=max_size, what="a rule-set file", what_id="berkas aturan"
            )
        except RuleSetError as error:
            unreadable += 1
            reports.append(
                {
                    "path": shown,
                    "readable": False,
                    "valid": False,
                    "problems": _problems(error, lang),
                }
            )
            continue
        try:
            rules = loads_ruleset(text, name=name, max_size=max_size)
        except RuleSetError as error:
            bad += 1
            reports.append(
                {
                    "path": shown,
                    "readable": True,
                    "valid": False,
                    "problems": _problems(error, lang),
                }
            )
            continue
        reports.append(
            {
                "path": shown,
                "readable": True,
                "valid": True,
                **_identity(rules),
                "parameters": len(rules.parameter_keys),
                "missing_sources": list(rules.missing_sources),
                "problems": [],
            }
        )
    summary = {
        "files": len(reports),
        "ok": len(reports) - bad - unreadable,
        "problems": bad,
        "unreadable": unreadable,
    }
    if output == "json":
        print_json({"valid": bad == 0 and unreadable == 0, "files": reports, "summary": summary})
    else:
        for report in reports:
            _print_report(report, t)
        print(
            t["summary"].format(
                total=len(reports), ok=summary["ok"], bad=bad, unreadable=unreadable
            )
        )
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if bad else EXIT_OK


def _problems(error: RuleSetError, lang: Lang) -> list[dict[str, str]]:
    return [{"key": problem.key, "message": problem.message(lang)} for problem in error.problems]


def _print_report(report: dict[str, Any], t: dict[str, str]) -> None:
    if report["valid"]:
        print(
            t["ok"].format(
                path=report["path"],
                id=report["id"],
                version=report["version"],
                count=report["parameters"],
            )
        )
        if report["missing_sources"]:
            keys = ", ".join(report["missing_sources"])
            print(t["unsourced"].format(count=len(report["missing_sources"]), keys=keys))
        return
    problems = report["problems"]
    if len(problems) == 1 and not problems[0]["key"]:
        print(f"{report['path']}: {problems[0]['message']}")
        return
    print(t["problems"].format(path=report["path"], count=len(problems)))
    for problem in problems:
        print("  " + ": ".join(part for part in (problem["key"], problem["message"]) if part))
