"""重大行政处罚备案: a major decision opens a filing with a configurable period on the department's to-do; filed
late it is on the overdue list; the office's 纠错 notice reaches the department as a message and a to-do."""

import pytest
from django.urls import reverse

from yifa.core.clocks import clocks_of
from yifa.core.models import Notification
from yifa.core.procedure import fire
from yifa.supervision import rules
from yifa.supervision.flows import FILING_FLOW, NOTICE_FLOW
from yifa.supervision.models import Filing, Notice

from .conftest import D, decided

DECIDED = D(2026, 9, 15)


@pytest.fixture
def filing(cast, body, officers, reviewer):
    decided(cast, body, officers, "江市监处罚〔2026〕40号", decide_on=DECIDED, major=True)
    return Filing.objects.get()


def test_a_minor_decision_is_not_filed(cast, body, officers):
    decided(cast, body, officers, "江市监处罚〔2026〕41号")
    assert not Filing.objects.exists()


def test_a_major_decision_opens_its_filing_clock_on_the_department(cast, filing):
    assert filing.unit == cast["市场监管局"] and filing.decision_number == "江市监处罚〔2026〕40号决"
    clock = clocks_of(filing, rule=rules.MAJOR_PENALTY_FILING).get()
    # 15个工作日自2026-09-15（不计入）：9月16、17、18、20（调休上班）、21、22、23、24、28、29、30日，
    # 中秋节9月25日、国庆节10月1日至7日放假，10月8、9、10（调休上班）、12日 → 2026年10月12日
    assert clock.due == D(2026, 10, 12) and clock.unit == cast["市场监管局"]
    assert "山东省行政执法监督条例" in clock.explanation


def test_the_filing_is_on_the_department_to_do_until_filed(cast, login, filing, travel):
    travel(D(2026, 10, 9))
    page = login(cast["shijian_liaison"]).get(reverse("core:todo")).content.decode()
    assert "重大行政处罚决定待报送备案" in page


def test_filed_late_it_is_on_the_overdue_list_then_closes_late(cast, login, filing, travel):
    travel(D(2026, 10, 13))
    overdue = login(cast["shijian_liaison"]).get(reverse("core:overdue")).content.decode()
    assert "江市监处罚〔2026〕40号决备案" in overdue
    assert (
        "江市监处罚〔2026〕40号决备案"
        not in login(cast["minzheng_liaison"]).get(reverse("core:overdue")).content.decode()
    )
    fire(FILING_FLOW, filing, "file", by=cast["shijian_liaison"], on=D(2026, 10, 14), note="附决定书和法制审核意见")
    assert clocks_of(filing, rule=rules.MAJOR_PENALTY_FILING, open_only=False).get().status == "late"


def test_the_office_correction_notice_reaches_the_department(cast, login, filing, travel):
    fire(FILING_FLOW, filing, "file", by=cast["shijian_liaison"], on=D(2026, 10, 9))
    filing.refresh_from_db()
    travel(D(2026, 10, 20))
    response = login(cast["legal_head"]).post(
        reverse("supervision:filing_act", args=[filing.pk, "review"]),
        {
            "review-version": filing.version,
            "review-outcome": "correct",
            "review-opinion": "罚款未考虑从轻情节，请自行纠正",
        },
    )
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert (notice.unit, notice.kind, notice.source) == (cast["市场监管局"], "correct", "filing")
    # 三十日自2026-10-20起算（山东省行政执法监督条例第二十八条）→ 2026年11月19日（星期四）
    assert clocks_of(notice).get().due == D(2026, 11, 19)
    told = Notification.objects.filter(user=cast["shijian_liaison"], link=notice.get_absolute_url())
    assert told.get().title.startswith("纠错")
    todo = login(cast["shijian_liaison"]).get(reverse("core:todo")).content.decode()
    assert f"{notice.number}" in todo and "待报告整改情况" in todo
    fire(NOTICE_FLOW, notice, "report", by=cast["shijian_liaison"], on=D(2026, 11, 10), report="已重新作出决定")
    notice.refresh_from_db()
    assert notice.state == "done" and notice.on_time is True


def test_a_suggestion_needs_an_opinion_and_writes_nothing_without_one(cast, login, filing):
    fire(FILING_FLOW, filing, "file", by=cast["shijian_liaison"], on=D(2026, 10, 9))
    filing.refresh_from_db()
    response = login(cast["legal_head"]).post(
        reverse("supervision:filing_act", args=[filing.pk, "review"]),
        {"review-version": filing.version, "review-outcome": "suggest", "review-opinion": ""},
    )
    assert response.status_code == 400
    assert "审查意见：发出纠错意见或建议须写明" in response.content.decode()
    filing.refresh_from_db()
    assert filing.state == "filed" and not Notice.objects.exists()


def test_a_department_cannot_review_and_another_cannot_see_the_filing(cast, login, filing):
    response = login(cast["shijian_head"]).post(
        reverse("supervision:filing_act", args=[filing.pk, "review"]),
        {"review-version": filing.version, "review-outcome": "agreed"},
    )
    assert response.status_code == 403
    assert login(cast["minzheng_liaison"]).get(reverse("supervision:filing", args=[filing.pk])).status_code == 403
