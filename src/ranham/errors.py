"""Every exception that ``ranham`` raises.

Each one derives from :class:`RanhamError` *and* from the builtin exception that a caller would
catch without knowing ``ranham``: a refused value is a :class:`ValueError`, a name that is not
known is a :class:`LookupError`. So ``except ValueError`` keeps working, and ``except
ranham.RanhamError`` catches everything this library raises on purpose.

Messages follow the attrs style: they name the field, what was expected and what came, e.g.
``'number' must be >= 1 (got 0).``
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:  # pragma: no cover - typing only
    from ranham.validation.issues import Issue

__all__ = [
    "ArgumentTypeError",
    "CycleError",
    "DocumentError",
    "InvariantError",
    "MissingYearsError",
    "NaiveDatetimeError",
    "PeriodError",
    "RanhamError",
    "RuleSetError",
    "RuleSetProblem",
    "TransitionError",
    "UnknownChoiceError",
    "UnknownNameError",
]


class RanhamError(Exception):
    """Base class of every error that ``ranham`` raises on purpose.

    ``message_id`` is the message in Indonesian where the raiser wrote one (empty otherwise);
    :meth:`text` gives the message in a language, as the command line prints it with
    ``--lang``.
    """

    message_id: str = ""

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"en"`` or ``"id"``): Indonesian when written, else English.

        >>> error = UnknownNameError("no such tier", message_id="tidak ada tingkat itu")
        >>> error.text("id"), error.text("en"), str(error)
        ('tidak ada tingkat itu', 'no such tier', 'no such tier')
        """
        return self.message_id if lang == "id" and self.message_id else str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the message and every attribute, without calling ``__init__`` again.

        An error crosses to another process when a worker raises it; the default pickling
        calls the class with ``args`` alone, which fails for the errors whose constructor takes
        other arguments (a :class:`DocumentError`'s issues, a :class:`MissingYearsError`'s years).
        """
        return (_restore, (type(self), self.args, self.__dict__))


def _restore(cls: type[RanhamError], args: tuple[Any, ...], state: dict[str, Any]) -> RanhamError:
    """An unpickled error: its class, its ``args`` and its attributes, as they were."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class InvariantError(RanhamError, ValueError):
    """A constructor refused a value: an invariant of the domain does not hold.

    ``code`` is the validation issue code (``format.md``) that describes the same defect in a
    document, and ``field`` the attribute at fault (a dotted path below the object, such as
    ``windows.B08`` or ``history.2.status``), so that programs can react without parsing the
    message.
    """

    def __init__(self, message: str, *, code: str = "invalid-value", field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.field = field


class TransitionError(InvariantError):
    """A report status change that the reporting workflow does not allow."""

    def __init__(self, message: str, *, field: str = "status") -> None:
        super().__init__(message, code="invalid-transition", field=field)


class NaiveDatetimeError(InvariantError):
    """A timestamp without a time zone offset, where the domain needs an instant."""

    def __init__(self, message: str, *, field: str = "at") -> None:
        super().__init__(message, code="naive-timestamp", field=field)


class ArgumentTypeError(RanhamError, TypeError):
    """A function was given an argument of a type it does not take (a ``TypeError``)."""


class PeriodError(RanhamError, ValueError):
    """A reporting period (``"2022-B04"``) or period code that cannot be understood."""


class DocumentError(RanhamError, ValueError):
    """A document failed validation; ``issues`` holds every problem that was found.

    ``str(error)`` lists the errors (the first twenty), each with its JSON Pointer, so a
    traceback alone tells what to fix.
    """

    def __init__(self, issues: Sequence[Issue], *, source: str = "") -> None:
        self.issues = tuple(issues)
        self.source = source
        errors = [issue for issue in self.issues if issue.severity == "error"]
        where = f" {source}" if source else ""
        lines = [f"the document{where} is not valid: {len(errors)} error(s)"]
        lines += [
            f"  {issue.code} at {issue.pointer or '/'}: {issue.message()}" for issue in errors[:20]
        ]
        if len(errors) > 20:
            lines.append(f"  … and {len(errors) - 20} more")
        super().__init__("\n".join(lines))


@attrs.frozen(kw_only=True)
class RuleSetProblem:
    """One problem of a rule-set or case file: the key at fault and the message in both languages.

    ``key`` is the TOML key path (``scoring.places``, ``targets.2022.kl``; empty for the file as
    a whole); ``en`` and ``id`` say, in English and Indonesian, what was expected and what came.
    """

    key: str
    en: str
    id: str

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"en"`` or ``"id"``), without the key."""
        return self.id if lang == "id" else self.en

    def line(self, lang: str = "en", source: str = "") -> str:
        """``source: key: message``, leaving out what is empty."""
        return ": ".join(part for part in (source, self.key, self.message(lang)) if part)


class RuleSetError(RanhamError, ValueError):
    """A rule set file that is malformed, or a rule set that does not apply to the data.

    ``problems`` holds every problem that was found, each with its key and its message in
    English and Indonesian; ``source`` is the file (empty for a rule set built in Python).
    ``location`` names the file and key of the first problem (``default.toml: scoring.places``)
    and ``str(error)`` lists every problem, one per line after the first.
    """

    def __init__(
        self,
        message: str = "",
        *,
        location: str = "",
        message_id: str = "",
        problems: Sequence[RuleSetProblem] = (),
        source: str = "",
    ) -> None:
        self.problems: tuple[RuleSetProblem, ...] = tuple(problems) or (
            RuleSetProblem(key=location, en=message, id=message_id or message),
        )
        self.source = source
        first = self.problems[0].key
        self.location = f"{source}: {first}" if source and first else (source or first)
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """Every problem in ``lang``: one line, or a count followed by one line per problem."""
        if len(self.problems) == 1:
            return self.problems[0].line(lang, self.source)
        count = len(self.problems)
        head = f"{count} masalah" if lang == "id" else f"{count} problems"
        lines = [f"{self.source}: {head}" if self.source else head]
        lines += [f"  {problem.line(lang)}" for problem in self.problems]
        return "\n".join(lines)


class UnknownNameError(RanhamError, LookupError):
    """A name that ``ranham`` does not know: a rule set id, a quantity, a region code, an edition.

    Unlike :class:`KeyError`, its message is shown as written, without quotes around it.
    ``message_id`` is the message in Indonesian, when the raiser gives one.
    """

    def __init__(self, *args: object, message_id: str = "") -> None:
        super().__init__(*args)
        self.message_id = message_id

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownChoiceError(UnknownNameError, ValueError):
    """A text that is none of the values an argument takes (a tier other than the three).

    ``Eligibility.ranked("x")`` raises it, as does every method of the rules given, for a tier,
    a text that is not ``kl``, ``provinsi`` or ``kabkota``. It is both builtins at once: a
    :class:`ValueError`, as ``Tier("x")`` is, and a :class:`LookupError`, as every
    :class:`UnknownNameError` is; so ``except ValueError`` and ``except LookupError`` both keep
    working.
    """


class CycleError(RanhamError, ValueError):
    """Datasets that cannot be evaluated together as the years of one plan.

    Raised for datasets of different plans, two datasets of the same year, or a dataset that
    lists both an old region code and the new code it was re-coded to.
    """


class MissingYearsError(RanhamError, LookupError):
    """A look-back criterion needs the datasets of years that were not given.

    ``years`` names them, oldest first, so a caller can fetch exactly those.
    """

    def __init__(self, message: str, *, years: Sequence[int]) -> None:
        super().__init__(message)
        self.years = tuple(years)

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
