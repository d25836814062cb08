"""The ``ranham`` command line: a thin layer that parses arguments, calls the library, renders.

Exit status: 0 when everything is fine, 1 when the input has problems (an invalid document, an
expert case that fails), 2 when the command could not run as asked (bad arguments, a path that
cannot be read, an unknown rule set). No input ever produces a traceback: errors are one clear
message on standard error (set ``RANHAM_DEBUG=1`` to see the traceback of an internal error).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Iterable, Sequence

from ranham._version import __version__
from ranham.cli import _help_id
from ranham.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    default_lang,
    fail,
    warn_unknown_lang,
)
from ranham.errors import DocumentError, RanhamError

__all__ = ["COMMANDS", "main"]

COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("ranham.cli.validate", "check documents against the format, every issue at once"),
    "schema": ("ranham.cli.schema", "print the JSON Schema of a document kind"),
    "score": ("ranham.cli.score", "completion scores of a dataset, from measure to nation"),
    "explain": ("ranham.cli.explain", "explain one score or decision, down to the measures"),
    "eligibility": ("ranham.cli.eligibility", "incentive eligibility and ranking per tier"),
    "trend": ("ranham.cli.trend", "the plan's years side by side: per year, plan period, change"),
    "check": ("ranham.cli.check", "run expert test cases of the rules (TOML)"),
    "ruleset": ("ranham.cli.ruleset", "show, compare (diff) and check rule sets (TOML)"),
    "recommendations": (
        "ranham.cli.recommendations",
        "status, overdue and coverage of forum recommendations",
    ),
    "example": ("ranham.cli.example", "write example documents of every kind"),
    "template": ("ranham.cli.template", "write report forms (.xlsx) to fill in Excel/LibreOffice"),
    "import": ("ranham.cli.import_forms", "read filled forms (.xlsx) back into reports"),
    "demo": ("ranham.cli.demo", "run the whole chain on a generated national example"),
}
"""Each command's module (imported only when the command runs) and one-line summary."""


class _IndonesianFormatter(argparse.HelpFormatter):
    """argparse's own words in Indonesian (its "usage: " prefix)."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(
            usage, actions, groups, _help_id.WORDS["usage"] if prefix is None else prefix
        )


def _parser(chosen: str | None, lang: str = "en") -> argparse.ArgumentParser:
    indonesian = lang == "id"
    formatter = _IndonesianFormatter if indonesian else argparse.HelpFormatter
    parser = argparse.ArgumentParser(
        prog="ranham",
        description=_help_id.DESCRIPTION
        if indonesian
        else "RANHAM documents, scores and incentive rules (Perpres 53/2021).",
        epilog=_help_id.EPILOG
        if indonesian
        else "Exit status: 0 fine, 1 problems found in the input, 2 could not run as asked.",
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"ranham {__version__}")
    metavar = _help_id.WORDS["command"] if indonesian else "COMMAND"
    commands = parser.add_subparsers(dest="command", metavar=metavar, required=True)
    for name, (module_name, english) in COMMANDS.items():
        summary = _help_id.SUMMARY.get(name, english) if indonesian else english
        sub = commands.add_parser(
            name, help=summary, description=summary, formatter_class=formatter
        )
        if name == chosen:
            importlib.import_module(module_name).configure(sub)
        if indonesian:
            _translate(name, sub)
    if indonesian:
        _translate("", parser)
    return parser


def _translate(command: str, parser: argparse.ArgumentParser) -> None:
    """Put the Indonesian help texts of ``command`` (see :mod:`ranham.cli._help_id`) in place."""
    parser._positionals.title = _help_id.WORDS["positionals"]
    parser._optionals.title = _help_id.WORDS["options"]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = _help_id.WORDS["help"]
        elif isinstance(action, argparse._VersionAction):
            action.help = _help_id.WORDS["version"]
        elif action.help and action.help is not argparse.SUPPRESS:
            action.help = _help_id.HELP.get((command, action.dest)) or _help_id.HELP.get(
                action.dest, action.help
            )


def _lang_of(args: Sequence[str]) -> str:
    """The language asked for by ``--lang`` in ``args``, else the default one."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return default_lang()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    chosen = next((a for a in args_list if not a.startswith("-")), None)
    warn_unknown_lang()
    try:
        parser = _parser(chosen if chosen in COMMANDS else None, _lang_of(args_list))
        args = parser.parse_args(args_list)
        module = importlib.import_module(COMMANDS[args.command][0])
        status: int = module.run(args)
        return status
    except SystemExit as exit_:  # argparse: --help, --version, bad arguments
        code = exit_.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    except BrokenPipeError:  # a closed pipe (| head) is not an error
        _silence_stdout()
        return EXIT_OK
    except DocumentError as error:
        return fail(str(error), EXIT_FINDINGS)
    except (RanhamError, OSError) as error:
        return fail(str(error), EXIT_USAGE)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except Exception as error:
        if os.environ.get("RANHAM_DEBUG"):
            traceback.print_exc()
        return fail(
            f"internal error: {type(error).__name__}: {error} "
            "(this is a bug in ranham; set RANHAM_DEBUG=1 to see the traceback and report it)",
            EXIT_USAGE,
        )


def _silence_stdout() -> None:
    """After a broken pipe, send what Python flushes at exit nowhere instead of failing again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - no real file descriptor (captured output)
        pass


def run() -> None:  # pragma: no cover - the console script
    """Entry point of the ``ranham`` script."""
    sys.exit(main())
