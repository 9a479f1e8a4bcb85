import pytest

from yifa.plans import services


@pytest.fixture
def draft_plan(cast):
    """民政局's 2026 annual plan, drafted by its liaison."""

    def make(unit="民政局", liaison="minzheng_liaison", kind="plan", year=2026, **extra):
        return services.report_create(
            by=cast[liaison],
            unit=cast[unit],
            year=year,
            kind=kind,
            title=extra.pop("title", f"{cast[unit].name}{year}年依法行政工作计划"),
            body=extra.pop("body", "一、健全依法决策机制。二、规范行政执法。"),
            **extra,
        )

    return make
