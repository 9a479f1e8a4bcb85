"""Shared with the core tests: statutory rules to run clocks on."""

from tests.core.conftest import reply_rule  # noqa: F401
