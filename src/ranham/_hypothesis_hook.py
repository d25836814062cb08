"""The ``hypothesis`` entry point: makes ``st.from_type`` work for ``ranham``'s public types."""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Called by Hypothesis on import; registers ranham's types (filled in by the strategies)."""
