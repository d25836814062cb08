"""The tier an institution code implies: cached for short codes, the same answer as computed.

:func:`ranham.model.institution.tier_of_code` is asked once or twice for every report a
catalog checks; a bounded cache keeps the answers of short codes (every valid code is short), so
a hostile stream of long or ever-new codes can neither grow memory nor change an answer.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ranham import strategies
from ranham.model.institution import _tier as _computed  # the uncached computation
from ranham.model.institution import tier_of_code
from tests.conftest import examples

_codes = (
    strategies.institution_codes()
    | st.text(max_size=70)
    | st.text(alphabet="0123456789.", max_size=6)
)


@settings(max_examples=examples(200))
@given(st.lists(_codes, min_size=1, max_size=20))
def test_the_tier_is_the_computed_one_whatever_was_asked_before(codes: list[str]) -> None:
    for code in codes:
        assert tier_of_code(code) is _computed(code)


def test_a_long_code_is_computed_without_the_cache() -> None:
    from ranham.model import institution

    before = institution._cached_tier.cache_info()
    assert before.maxsize is not None  # bounded
    assert tier_of_code("x" * (institution.CACHED_CODE_LENGTH + 1)) is None
    assert tier_of_code("32") is not None
    after = institution._cached_tier.cache_info()
    assert after.misses + after.hits == before.misses + before.hits + 1  # only "32" asked it
