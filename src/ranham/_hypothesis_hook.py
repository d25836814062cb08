"""The ``hypothesis`` entry point: makes ``st.from_type`` work for ``ranham``'s public types.

``pyproject.toml`` declares ``[project.entry-points.hypothesis]``, so Hypothesis calls
:func:`_hypothesis_setup_hook` when it is imported (unless ``HYPOTHESIS_NO_PLUGINS`` is set).
The hook registers, for every public class of :mod:`ranham` (entities, values, enums, errors,
:class:`~ranham.validation.ValidationResult`) and for :class:`~ranham.validation.Issue`, a
*function* that imports :mod:`ranham.strategies` on first use.

So ``import hypothesis`` loads only what the registration needs: the package root with the
model, periods and errors, and :mod:`ranham.validation`, which holds two of the types. It does
not load the rules, ``ranham.io``, cattrs or the strategies. The hook reads the classes the
root already holds and never asks the root for a name it loads on first use (``score``,
``validate``, …), since asking would import the rules; the one such class,
``ValidationResult``, is taken from :mod:`ranham.validation` directly. Importing
``ranham.strategies`` eagerly would also make an import cycle: it imports Hypothesis.
"""

from __future__ import annotations

from typing import Any


def _resolve(thing: Any) -> Any:
    """The strategy for ``thing`` from :mod:`ranham.strategies`; ``NotImplemented`` if unknown.

    Hypothesis also calls this with a *base* class of a registered type (``Exception`` for
    ``RanhamError``, ``Mapping`` for ``FrozenMap``) when resolving that base class; returning
    ``NotImplemented`` leaves those to other strategies.
    """
    from ranham.strategies._registry import strategy_for

    return strategy_for(thing)


def _public_types() -> list[type]:
    """Every public class of ``ranham``, without loading what the root loads on first use."""
    import ranham
    from ranham.validation import Issue, ValidationResult

    held = vars(ranham)
    found = [held[name] for name in ranham.__all__ if name in held]
    classes = [value for value in (*found, ValidationResult, Issue) if isinstance(value, type)]
    return list(dict.fromkeys(classes))


def _hypothesis_setup_hook() -> None:
    """Register :func:`_resolve` for every public type of ``ranham`` (Hypothesis calls this)."""
    from hypothesis import strategies as st

    for public in _public_types():
        st.register_type_strategy(public, _resolve)
