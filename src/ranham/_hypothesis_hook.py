"""The ``hypothesis`` entry point: makes ``st.from_type`` work for ``ranham``'s public types.

``pyproject.toml`` declares ``[project.entry-points.hypothesis]``, so Hypothesis calls
:func:`_hypothesis_setup_hook` when it is imported (unless ``HYPOTHESIS_NO_PLUGINS`` is set).
The hook registers, for every public class of :mod:`ranham` (entities, values, enums, errors,
:class:`~ranham.validation.ValidationResult`) and for :class:`~ranham.validation.Issue`, a
*function* that imports :mod:`ranham.strategies` on first use. So ``import hypothesis`` costs
only ``import ranham`` (plus :mod:`ranham.validation`, which holds two of the types), and
``ranham.strategies`` is imported only when a strategy is first needed. Importing it eagerly
would also make an import cycle: ``ranham.strategies`` imports Hypothesis.
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
    import ranham
    from ranham.validation import Issue

    found = [getattr(ranham, name) for name in ranham.__all__]
    return [value for value in (*found, Issue) if isinstance(value, type)]


def _hypothesis_setup_hook() -> None:
    """Register :func:`_resolve` for every public type of ``ranham`` (Hypothesis calls this)."""
    from hypothesis import strategies as st

    for public in _public_types():
        st.register_type_strategy(public, _resolve)
