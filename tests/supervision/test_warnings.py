"""执法预警 in the nightly sweep: an officer whose certificate expired while on an open case, cases nearing or
past their 90-day limit; sent to the unit and the legal office once; cleared when the data changes."""

import pytest
from django.urls import reverse

from yifa.core.models import Notification
from yifa.core.sweep import run_daily
from yifa.supervision.models import Alert

from .conftest import D, certificate, file_case


@pytest.fixture
def open_case(cast, body, officers, legal):
    """Filed 2026-09-01 with 周将过期, whose certificate ran to 2026-10-31."""
    lapsing = certificate(legal, body, "周将过期", "37010007", until=D(2026, 10, 31))
    return file_case(cast, body, [officers[0], lapsing], on=D(2026, 9, 1))


def test_the_sweep_finds_an_expired_certificate_on_an_open_case(cast, open_case):
    assert run_daily(D(2026, 10, 30)) == []
    assert not Alert.objects.filter(kind="certificate").exists()
    run_daily(D(2026, 11, 2))
    alert = Alert.objects.get(kind="certificate")
    assert alert.unit == cast["市场监管局"] and "周将过期" in alert.title and "已过期" in alert.title
    assert alert.link == f"/staff/enforcement/{open_case.pk}/"
    for person in (cast["shijian_liaison"], cast["shijian_head"], cast["legal_head"]):
        assert Notification.objects.filter(user=person, title__contains="周将过期").count() == 1
    run_daily(D(2026, 11, 3))  # the next night: still one warning, nobody told twice
    assert Alert.objects.filter(kind="certificate").count() == 1
    assert Notification.objects.filter(user=cast["legal_head"], title__contains="周将过期").count() == 1


def test_the_warning_clears_once_the_officer_is_replaced(cast, open_case, officers):
    from yifa.core.procedure import fire
    from yifa.enforcement.flows import CASE_FLOW

    run_daily(D(2026, 11, 2))
    fire(CASE_FLOW, open_case, "assign_officers", by=cast["shijian_officer"], on=D(2026, 11, 3), certificates=officers)
    run_daily(D(2026, 11, 4))
    alert = Alert.objects.get(kind="certificate")
    assert alert.state == "cleared" and alert.cleared_on == D(2026, 11, 4)


def test_cases_nearing_and_past_the_ninety_days(cast, open_case):
    # 九十日自2026-09-01起算（处罚法第六十条）→ 2026年11月30日（星期一）
    run_daily(D(2026, 11, 23))  # 5 working days before: 11月24、25、26、27、30日
    near = Alert.objects.get(kind="limit_near")
    assert "将于2026-11-30届满" in near.title
    run_daily(D(2026, 12, 1))
    assert Alert.objects.get(kind="limit_past").title.endswith("已于2026-11-30届满")
    assert Alert.objects.get(kind="limit_near").state == "cleared"


def test_the_cockpit_shows_the_warnings_in_scope_with_a_chart(cast, login, open_case):
    run_daily(D(2026, 11, 2))
    page = login(cast["legal_head"]).get(reverse("supervision:index")).content.decode()
    assert "周将过期" in page and 'data-chart="warnings-by-unit"' in page and cast["市场监管局"].name in page
    other = login(cast["minzheng_liaison"]).get(reverse("supervision:index")).content.decode()
    assert "周将过期" not in other
