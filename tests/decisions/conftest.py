import pytest

from .builders import drafted


@pytest.fixture
def simple_decision(cast):
    """Not of public interest, not technical, no hearing: only drafting is required."""
    return drafted(cast)
