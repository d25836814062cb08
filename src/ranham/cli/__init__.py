"""The ``ranham`` command line: a thin layer that parses arguments, calls the library, renders.

Exit status: 0 when everything is fine, 1 when the input has problems (an invalid document, an
expert case that fails), 2 when the command could not run as asked (bad arguments, a path that
cannot be read, an unknown rule set). No input ever produces a traceback: errors are one clear
message on standard error (set ``RANHAM_DEBUG=1`` to see the traceback of an internal error).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import traceback
from collections.abc import Iterator, Sequence

from ranham._version import __version__
from ranham.cli import _help_id
from ranham.cli._common import (
    ARGUMENT_LANG,
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


@contextlib.contextmanager
def _argparse_in(lang: str) -> Iterator[None]:
    """Argparse's own words (usage, headings, its error messages) in ``lang`` meanwhile.

    argparse says everything through gettext's ``_`` and ``ngettext``, looked up in its module
    when a parser is built and when it fails; they are swapped for the Indonesian table of
    :data:`ranham.cli._help_id.ARGPARSE` and put back afterwards. The swap is process-wide
    while it lasts (argparse has no per-parser language), which :func:`main`, one command in
    one thread, can afford. Messages of ``ranham``'s own argument types follow ``lang`` too
    (:class:`ranham.cli._common.ArgumentMessage`).
    """
    token = ARGUMENT_LANG.set("id" if lang == "id" else "en")
    if lang != "id":
        try:
            yield
        finally:
            ARGUMENT_LANG.reset(token)
        return
    words = _help_id.ARGPARSE
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def translated(message: str) -> str:
        return words.get(message, message)

    def translated_n(singular: str, plural: str, count: int) -> str:
        return translated(singular if count == 1 else plural)

    argparse._ = translated  # type: ignore[attr-defined]
    argparse.ngettext = translated_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
        ARGUMENT_LANG.reset(token)


def _parser(chosen: str | None, lang: str = "en") -> argparse.ArgumentParser:
    with _argparse_in(lang):  # the headings and -h's help are argparse's words
        return _build_parser(chosen, lang)


def _build_parser(chosen: str | None, lang: str) -> argparse.ArgumentParser:
    indonesian = lang == "id"
    parser = argparse.ArgumentParser(
        prog="ranham",
        description=_help_id.DESCRIPTION
        if indonesian
        else "RANHAM documents, scores and incentive rules (Perpres 53/2021).",
        epilog=_help_id.EPILOG
        if indonesian
        else "Exit status: 0 fine, 1 problems found in the input, 2 could not run as asked.",
    )
    parser.add_argument("--version", action="version", version=f"ranham {__version__}")
    metavar = _help_id.WORDS["command"] if indonesian else "COMMAND"
    commands = parser.add_subparsers(dest="command", metavar=metavar, required=True)
    for name, (module_name, english) in COMMANDS.items():
        summary = _help_id.SUMMARY.get(name, english) if indonesian else english
        sub = commands.add_parser(name, help=summary, description=summary)
        if name == chosen:
            importlib.import_module(module_name).configure(sub)
    if indonesian:
        _translate("", parser)
    return parser


def _translate(command: str, parser: argparse.ArgumentParser) -> None:
    """Put the Indonesian help texts of ``command`` (see :mod:`ranham.cli._help_id`) in place."""
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue  # its words are argparse's own, said while it builds the parser
        if isinstance(action, argparse._VersionAction):
            action.help = _help_id.WORDS["version"]  # a literal in argparse before Python 3.12
        elif action.help and action.help is not argparse.SUPPRESS:
            action.help = _help_id.HELP.get((command, action.dest)) or _help_id.HELP.get(
                action.dest, action.help
            )
        metavar = action.metavar
        if metavar is None and action.option_strings and action.nargs != 0 and not action.choices:
            metavar = action.dest.upper()  # argparse's own placeholder
        if isinstance(metavar, str):
            action.metavar = _help_id.METAVARS.get(metavar, action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                _translate(f"{command} {name}".strip(), sub)


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
    lang = _lang_of(args_list)
    try:
        with _argparse_in(lang):
            parser = _parser(chosen if chosen in COMMANDS else None, lang)
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
    except RanhamError as error:  # in Indonesian where the raiser wrote it (RuleSetError, …)
        return fail(error.text("id" if lang == "id" else "en"), EXIT_USAGE)
    except OSError as error:
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
