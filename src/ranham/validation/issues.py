"""Validation issues and results.

An :class:`Issue` has a stable ``code``, a ``severity``, an RFC 6901 JSON ``pointer``, the
``line`` and ``column`` in the file when known, and a message in English or Indonesian. A
:class:`ValidationResult` holds the issues of one file (or one JSON Lines archive) in document
order; the file is valid when no issue is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Generic, NotRequired, TypeAlias, TypedDict

import attrs
from typing_extensions import TypeVar

from ranham.errors import DocumentError, InvariantError
from ranham.model import Catalog, Dataset, Forum, FrozenMap, Report
from ranham.validation.codes import CODES, Severity
from ranham.validation.messages import LANGS, Lang, missing_params, render
from ranham.words import fill

__all__ = [
    "LOCAL_CODE",
    "Document",
    "FileJSON",
    "Issue",
    "IssueJSON",
    "SummaryJSON",
    "ValidationJSON",
    "ValidationResult",
]

Document: TypeAlias = Catalog | Report | Dataset | Forum
"""Any document entity."""


def _freeze_params(params: Mapping[str, Any]) -> FrozenMap[str, Any]:
    return params if isinstance(params, FrozenMap) else FrozenMap(params)


class IssueJSON(TypedDict):
    """One issue in the JSON output of ``ranham validate`` (format.md, "Validation results")."""

    code: str
    severity: str
    pointer: str
    line: NotRequired[int]
    column: NotRequired[int]
    message: NotRequired[str]
    cell: NotRequired[str]
    """Only for issues read from a spreadsheet form (sheets.md): ``'Sheet'!C12``."""


class FileJSON(TypedDict):
    """One item of ``files`` in the JSON output of ``ranham validate``."""

    path: str | None
    kind: str | None
    valid: bool
    issues: list[IssueJSON]


class SummaryJSON(TypedDict):
    """The ``summary`` of the JSON output of ``ranham validate``."""

    files: int
    errors: int
    warnings: int


class ValidationJSON(TypedDict):
    """The whole JSON output of ``ranham validate --format json``."""

    valid: bool
    files: list[FileJSON]
    summary: SummaryJSON


LOCAL_CODE = re.compile(r"x-[a-z0-9]++(?:-[a-z0-9]++)*+")
"""The namespace of a receiving system's own issue codes: ``x-`` and a slug (``x-wrong-sender``)."""


@attrs.frozen(kw_only=True)
class Issue:
    """One problem found in a document.

    >>> issue = Issue(code="missing-field", pointer="/plan/title", params={"field": "title"})
    >>> issue.severity, issue.message("en")
    ('error', 'Required field "title" is missing: add it.')

    A code of ``format.md`` needs the parameters its message names (``field`` here); one that
    is missing is refused when the issue is made. A receiving system's own checks use a local
    code, ``x-`` and a slug, with a severity and the message text itself (see :meth:`local`).
    """

    code: str = attrs.field()
    pointer: str = ""
    line: int | None = None
    column: int | None = None
    key: str = attrs.field(default=attrs.Factory(lambda self: self.code, takes_self=True))
    params: FrozenMap[str, Any] = attrs.field(factory=FrozenMap, converter=_freeze_params)
    local_severity: Severity | None = None
    text: FrozenMap[str, str] = attrs.field(factory=FrozenMap, converter=_freeze_params)

    def __attrs_post_init__(self) -> None:
        code = self.code
        if type(code) is not str:
            raise InvariantError(f"'code' must be a str (got {code!r}).", field="code")
        if code in CODES:
            if self.local_severity is not None or self.text:
                raise InvariantError(
                    f"'{code}' is an issue code of format.md: its severity and message are "
                    "fixed (local_severity and text are for local x- codes).",
                    field="code",
                )
            missing = missing_params(self.key, self.params)
            if missing:
                given = ", ".join(sorted(self.params)) or "none"
                raise InvariantError(
                    f"the message {self.key!r} needs the parameter(s) "
                    f"{', '.join(sorted(missing))} (got {given}).",
                    field="params",
                )
            return
        if LOCAL_CODE.fullmatch(code) is None:
            raise InvariantError(
                f"'code' must be an issue code of format.md, or a local code 'x-' and a slug "
                f"such as 'x-wrong-sender' (got {code!r}).",
                field="code",
            )
        if not isinstance(self.local_severity, Severity):
            raise InvariantError(
                f"the local code {code!r} needs local_severity, a Severity.", field="local_severity"
            )
        texts = dict(self.text)
        if (
            not texts
            or not set(texts) <= set(LANGS)
            or not all(type(t) is str and t.strip() for t in texts.values())
        ):
            raise InvariantError(
                f"the local code {code!r} needs its message text in 'en' and/or 'id' "
                f"(got {texts!r}).",
                field="text",
            )

    @classmethod
    def local(
        cls,
        code: str,
        *,
        severity: Severity | str,
        en: str | None = None,
        id: str | None = None,
        pointer: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> Issue:
        """A receiving system's own issue: ``x-`` code, severity, and its message text.

        The text may name ``params`` as ``{name}``; a message asked for in a language it was
        not given in falls back to the other.

        >>> issue = Issue.local("x-wrong-sender", severity="error", pointer="/institution",
        ...                     en="Sent by {sender}, not by the institution itself.",
        ...                     id="Dikirim oleh {sender}, bukan oleh instansinya.",
        ...                     params={"sender": "32.01"})
        >>> issue.is_error, issue.message("id")
        (True, 'Dikirim oleh 32.01, bukan oleh instansinya.')
        """
        text = {lang: t for lang, t in (("en", en), ("id", id)) if t is not None}
        return cls(
            code=code,
            pointer=pointer,
            params=params or {},
            local_severity=Severity(severity),
            text=text,
        )

    @property
    def severity(self) -> str:
        """``"error"`` or ``"warning"``."""
        return self._severity().value

    def _severity(self) -> Severity:
        found = CODES.get(self.code)
        if found is not None:
            return found
        assert self.local_severity is not None
        return self.local_severity

    @property
    def is_error(self) -> bool:
        """Whether this issue makes the document invalid."""
        return self._severity() is Severity.ERROR

    def message(self, lang: Lang = "en") -> str:
        """One sentence: what was expected, what was found, how to fix it."""
        if self.text:
            template = self.text.get(lang) or next(iter(self.text.values()))
            return fill(template, self.params)
        return render(self.key, self.params, lang)

    def to_json(self, lang: Lang = "en") -> IssueJSON:
        """The issue as ``format.md``'s JSON output shows it (``line``/``column`` when known)."""
        out: IssueJSON = {
            "code": self.code,
            "severity": self.severity,
            "pointer": self.pointer,
        }
        if self.line is not None:
            out["line"] = self.line
        if self.column is not None:
            out["column"] = self.column
        out["message"] = self.message(lang)
        return out

    def __str__(self) -> str:
        where = f"{self.line}:{self.column} " if self.line is not None else ""
        return f"{where}{self.pointer or '/'} {self.code}: {self.message()}"


D = TypeVar("D", bound=Document, default=Document)
"""The document type of a result; a bare ``ValidationResult`` holds any :data:`Document`."""


@attrs.frozen(kw_only=True)
class ValidationResult(Generic[D]):
    """The issues of one document (or of every document of a JSON Lines archive).

    ``kind`` is the document kind when ``kind`` itself was valid (``None`` otherwise, or when a
    JSON Lines archive mixes kinds). ``document`` is the entity of a valid document (a
    :class:`~ranham.Report`, …), typed by the ``kind`` asked of
    :func:`~ranham.validation.validate`; :meth:`unwrap` returns it or raises. ``value`` is its
    parsed JSON, so that :mod:`ranham.io` need not parse it again. Both are ``None`` for
    invalid documents and for a whole archive (:func:`~ranham.validation.iter_jsonl` gives each
    line's). ``omitted_errors`` and ``omitted_warnings`` count the issues left out after the
    ``too-many-issues`` notice.
    """

    issues: tuple[Issue, ...] = ()
    kind: str | None = None
    path: str | None = None
    value: Mapping[str, Any] | None = attrs.field(default=None, repr=False, eq=False)
    document: D | None = attrs.field(default=None, repr=False, eq=False)
    omitted_errors: int = 0
    omitted_warnings: int = 0

    @property
    def valid(self) -> bool:
        """No issue is an error, listed or left out (warnings do not make a document invalid)."""
        return self.omitted_errors == 0 and not any(issue.is_error for issue in self.issues)

    def unwrap(self) -> D:
        """The document, or :class:`~ranham.errors.DocumentError` listing every issue.

        One call gives a receiving system both the typed document and its warnings
        (:attr:`warnings`): nothing is validated twice.
        """
        if self.document is None:
            raise DocumentError(self.issues, source=self.path or "")
        return self.document

    @property
    def error_count(self) -> int:
        """The errors found, including those left out after ``too-many-issues``."""
        return sum(1 for issue in self.issues if issue.is_error) + self.omitted_errors

    @property
    def warning_count(self) -> int:
        """The warnings found (the ``too-many-issues`` notice too), including those left out."""
        return sum(1 for issue in self.issues if not issue.is_error) + self.omitted_warnings

    def __iter__(self) -> Iterator[Issue]:
        return iter(self.issues)

    @property
    def errors(self) -> tuple[Issue, ...]:
        """The issues that make the document invalid."""
        return tuple(issue for issue in self.issues if issue.is_error)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """The issues that do not."""
        return tuple(issue for issue in self.issues if not issue.is_error)

    @property
    def codes(self) -> tuple[str, ...]:
        """The issue codes, in document order (handy in tests)."""
        return tuple(issue.code for issue in self.issues)

    def to_json(self, lang: Lang = "en") -> FileJSON:
        """One ``files`` item of ``ranham validate --format json``."""
        return {
            "path": self.path,
            "kind": self.kind,
            "valid": self.valid,
            "issues": [issue.to_json(lang) for issue in self.issues],
        }
