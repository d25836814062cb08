"""Validation issues and results.

An :class:`Issue` has a stable ``code``, a ``severity``, an RFC 6901 JSON ``pointer``, the
``line`` and ``column`` in the file when known, and a message in English or Indonesian. A
:class:`ValidationResult` holds the issues of one file (or one JSON Lines archive) in document
order; the file is valid when no issue is an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ranham.model import FrozenMap
from ranham.validation.codes import CODES, Severity
from ranham.validation.messages import Lang, render

__all__ = ["Issue", "ValidationResult"]


def _freeze_params(params: Mapping[str, Any]) -> FrozenMap[str, Any]:
    return params if isinstance(params, FrozenMap) else FrozenMap(params)


@attrs.frozen(kw_only=True)
class Issue:
    """One problem found in a document.

    >>> issue = Issue(code="missing-field", pointer="/plan/title", params={"field": "title"})
    >>> issue.severity, issue.message("en")
    ('error', 'Required field "title" is missing: add it.')
    """

    code: str = attrs.field()
    pointer: str = ""
    line: int | None = None
    column: int | None = None
    key: str = attrs.field(default=attrs.Factory(lambda self: self.code, takes_self=True))
    params: FrozenMap[str, Any] = attrs.field(factory=FrozenMap, converter=_freeze_params)

    @code.validator
    def _check_code(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if value not in CODES:
            from ranham.errors import InvariantError

            raise InvariantError(f"'code' must be an issue code of format.md (got {value!r}).")

    @property
    def severity(self) -> str:
        """``"error"`` or ``"warning"``."""
        return CODES[self.code].value

    @property
    def is_error(self) -> bool:
        """Whether this issue makes the document invalid."""
        return CODES[self.code] is Severity.ERROR

    def message(self, lang: Lang = "en") -> str:
        """One sentence: what was expected, what was found, how to fix it."""
        return render(self.key, self.params, lang)

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:
        """The issue as ``format.md``'s JSON output shows it (``line``/``column`` when known)."""
        out: dict[str, Any] = {
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


@attrs.frozen(kw_only=True)
class ValidationResult:
    """The issues of one document (or of every document of a JSON Lines archive).

    ``kind`` is the document kind when ``kind`` itself was valid (``None`` otherwise, or when a
    JSON Lines archive mixes kinds). ``value`` is the parsed JSON of a single valid document, so
    that :mod:`ranham.io` need not parse it twice, and ``document`` the entity built from it
    (a :class:`~ranham.Report`, …) when the fast path built one; both are ``None`` for archives
    and for invalid documents.
    """

    issues: tuple[Issue, ...] = ()
    kind: str | None = None
    path: str | None = None
    value: Mapping[str, Any] | None = attrs.field(default=None, repr=False, eq=False)
    document: Any = attrs.field(default=None, repr=False, eq=False)

    @property
    def valid(self) -> bool:
        """No issue is an error (warnings do not make a document invalid)."""
        return not any(issue.is_error for issue in self.issues)

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

    def to_json(self, lang: Lang = "en") -> dict[str, Any]:
        """One ``files`` item of ``ranham validate --format json``."""
        return {
            "path": self.path,
            "kind": self.kind,
            "valid": self.valid,
            "issues": [issue.to_json(lang) for issue in self.issues],
        }
