"""Another module adds indicators through its ``scores.py`` (interface.py): one computed from its own data
(a case-file review's points), one kept from the facts its acts leave; both count in the cockpit, their
records are linked on the unit's page, and the legal office can re-weight them like any other."""

import datetime as dt
import importlib
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse

from yifa.assessment import interface, queries, system
from yifa.core import bus

from .records import records_shown

D = dt.date
AS_OF = D(2025, 12, 31)


@pytest.fixture
def supervision(cast, monkeypatch):
    """A stand-in for yifa/supervision/scores.py: review points by unit, and a fact per concluded review."""
    reviewed = {cast["民政局"].pk: interface.Tally(Decimal("170"), Decimal("200"))}  # two files: 85 + 85

    def review_rows(unit_id, year, as_of):
        return [
            {
                "label": "案卷评查：民政局2025-001",
                "link": "/staff/supervision/reviews/1/",
                "good": False,
                "on": D(2025, 6, 1),
                "detail": "85分",
            }
        ]

    def concluded(*, obj, by, on, **_):
        return interface.FactIn("rectified", obj.unit, f"supervision:{obj.pk}", obj.title, "/staff/x/", obj.ok, on)

    module = SimpleNamespace(
        INDICATORS=[
            interface.Indicator(
                "case_file_review",
                "行政执法案卷评查得分",
                "严格执法",
                Decimal(10),
                "山东省行政执法监督条例第十六条",
                "评查案卷平均得分率",
                lambda year, as_of: reviewed,
                review_rows,
            ),
            interface.Indicator(
                "rectified",
                "监督意见按期整改",
                "严格执法",
                Decimal(10),
                "山东省行政执法监督条例",
                "按期整改的比例",
                interface.fact_tally("rectified"),
                interface.fact_rows("rectified"),
            ),
        ],
        FACTS={"supervision_notice.conclude": concluded},
    )
    real = system.contributions
    monkeypatch.setattr(system, "contributions", lambda name: [*real(name), ("supervision", module)])
    system.declared.cache_clear()
    system.fact_events.cache_clear()
    importlib.reload(importlib.import_module("yifa.assessment.receivers"))
    monkeypatch.setattr(bus, "_receivers", None)
    yield module
    monkeypatch.undo()
    system.declared.cache_clear()
    system.fact_events.cache_clear()
    importlib.reload(importlib.import_module("yifa.assessment.receivers"))
    bus._receivers = None


def _line(cast, code, unit_key="民政局"):
    row = next(r for r in queries.scores(cast["mayor"], year=2025, as_of=AS_OF) if r.unit == cast[unit_key])
    return next(line for line in row.lines if line.indicator.code == code)


def test_a_computed_indicator_from_another_module_counts_and_links_its_records(cast, supervision, login):
    line = _line(cast, "case_file_review")
    assert (line.points, line.indicator.source) == (Decimal("8.5"), "supervision")
    assert _line(cast, "case_file_review", "市场监管局").points == 10  # nothing reviewed: full points
    records = records_shown(login(cast["minzheng_head"]), cast["民政局"], "case_file_review", 2025)
    assert 'href="/staff/supervision/reviews/1/"' in records
    indicators = login(cast["reviewer"]).get(reverse("assessment:indicators") + "?year=2025").content.decode()
    assert "行政执法案卷评查得分" in indicators and "平台计算（supervision）" in indicators


def test_facts_from_another_modules_events_are_kept_once_per_record(cast, supervision):
    notice = SimpleNamespace(pk=7, unit=cast["民政局"], title="整改通知书7", ok=False)
    bus.emit("supervision_notice.conclude", obj=notice, by=cast["reviewer"], on=D(2025, 5, 6))
    assert _line(cast, "rectified").points == 0
    notice.ok = True
    bus.emit("supervision_notice.conclude", obj=notice, by=cast["reviewer"], on=D(2025, 5, 8))
    assert _line(cast, "rectified").points == 10


def test_a_code_used_twice_is_refused_at_start(cast, supervision, monkeypatch):
    twice = SimpleNamespace(INDICATORS=[supervision.INDICATORS[0]])
    real = system.contributions
    monkeypatch.setattr(system, "contributions", lambda name: [*real(name), ("other", twice)])
    system.declared.cache_clear()
    with pytest.raises(Exception, match="考核指标代码重复"):
        system.declared()
