"""The whole procedure through the staff pages and the portal (Django test client; no chromium on this
machine): 立案 → 告知 → 听证 → 法制审核 → 超出裁量基准并说明理由的决定 → 公开 → 三个工作日内撤回."""

from django.urls import reverse

from yifa.core.clocks import clocks_of
from yifa.enforcement import rules
from yifa.enforcement.models import Case

from .conftest import D


def act(client, case, name, **data):
    case.refresh_from_db()
    return client.post(
        reverse("enforcement:act", args=[case.pk, name]),
        {f"{name}-{k}": v for k, v in {"version": case.version, **data}.items()},
    )


def test_penalty_case_from_filing_to_withdrawal(cast, login, body, officers, reviewer, benchmark, travel):
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    travel(D(2026, 9, 1))
    staff = login(officer)
    response = staff.post(
        reverse("enforcement:new"),
        {
            "body": body.pk,
            "number": "江市监处罚〔2026〕18号",
            "party_kind": "person",
            "party_name": "张三",
            "party_id_number": "370102198001011234",
            "violation": "销售超过保质期的食品",
            "violation_on": "2026-08-10",
            "discovered_on": "2026-08-28",
            "social_impact": "on",
            "certificates": [officers[0].pk, officers[1].pk],
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert clocks_of(case, rule=rules.DECISION).get().due == D(2026, 11, 30)  # 9月1日起第90日（周一）

    travel(D(2026, 9, 23))
    act(staff, case, "notify", penalty_kinds="fine", fine="150000", benchmark=benchmark.pk)
    page = staff.get(case.get_absolute_url()).content.decode()
    assert "已告知（陈述申辩）" in page and "幅度10000.00至100000.00元" in page

    travel(D(2026, 9, 28))
    act(staff, case, "request_hearing")
    refused = act(staff, case, "schedule_hearing", hearing_on="2026-10-12")
    assert refused.status_code == 400 and "听证最早于2026年10月13日举行" in refused.content.decode()
    act(staff, case, "schedule_hearing", hearing_on="2026-10-13")
    travel(D(2026, 10, 13))
    act(staff, case, "hold_hearing")
    case.refresh_from_db()
    assert case.state == "review"

    travel(D(2026, 10, 15))
    boss = login(head)
    early = act(boss, case, "decide", decision_number="江市监罚字〔2026〕18号")
    assert early.status_code == 400  # no decision in the review state: the page does not offer it
    act(login(cast["reviewer"]), case, "review_pass", opinion="事实清楚，证据确凿，程序合法，同意")
    case.refresh_from_db()
    assert case.state == "ready" and case.review_passed

    travel(D(2026, 10, 16))
    boss = login(head)
    refused = act(boss, case, "decide", decision_number="江市监罚字〔2026〕18号")
    assert refused.status_code == 400
    assert "超出裁量基准" in refused.content.decode() and "须书面说明理由" in refused.content.decode()
    act(boss, case, "decide", decision_number="江市监罚字〔2026〕18号", outside_reason="货值金额巨大且多次违法")
    case.refresh_from_db()
    assert case.state == "decided" and case.outside_reason == "货值金额巨大且多次违法"
    # 10月16日（周五）决定：19–23日(1–5)，26日(6)，27日(7)
    assert clocks_of(case, rule=rules.PUBLICATION).get().due == D(2026, 10, 27)
    legal_view = login(cast["legal_head"]).get(reverse("enforcement:outside")).content.decode()
    assert "江市监处罚〔2026〕18号" in legal_view and "货值金额巨大且多次违法" in legal_view

    travel(D(2026, 10, 20))
    act(login(officer), case, "publish")
    portal = staff.get(reverse("portal_enforcement:decisions")).content.decode()
    assert "江市监罚字〔2026〕18号" in portal and "张某" in portal
    assert "张三" not in portal and "370102198001011234" not in portal

    travel(D(2026, 10, 23))
    act(login(head), case, "annul", annulment="revoked", reason="经行政复议决定撤销")
    # 10月23日（周五）撤销：26日(1)27日(2)28日(3)
    assert clocks_of(case, rule=rules.WITHDRAWAL).get().due == D(2026, 10, 28)

    travel(D(2026, 10, 28))
    act(login(officer), case, "withdraw", reason="该处罚决定已被行政复议机关撤销")
    case.refresh_from_db()
    assert case.withdrawn_on == D(2026, 10, 28)
    assert clocks_of(case, rule=rules.WITHDRAWAL, open_only=False).get().status == "met"
    portal = staff.get(reverse("portal_enforcement:decisions")).content.decode()
    assert 'id="case-' not in portal
    assert "江市监罚字〔2026〕18号：2026-10-28撤回。理由：该处罚决定已被行政复议机关撤销" in portal
