"""Every clock of an application on real dates. Expected dates counted by hand against the State
Council's 2025 holiday notice (国办发明电〔2024〕12号): 国庆、中秋 10月1日至8日 off, Sunday 28 September
and Saturday 11 October worked."""

import datetime as dt

import pytest

from yifa.core import clocks
from yifa.core.errors import AccessDenied, GateBlocked, YifaError
from yifa.core.procedure import fire
from yifa.licensing import rules, tasks
from yifa.licensing.flows import APPLICATIONS
from yifa.licensing.models import AppState

D = dt.date


def act(app, name, by, on, **inputs):
    app.refresh_from_db()
    return fire(APPLICATIONS, app, name, by=by, on=on, expected_version=app.version, **inputs)


def due(app, rule):
    return clocks.clocks_of(app, rule=rule, open_only=False).order_by("-id").first().due


def test_correction_notice_runs_five_working_days_over_the_national_day_holiday(cast, receive):
    app = receive(D(2025, 9, 26))  # Friday
    # 9月28日(日,调休上班)1, 29日2, 30日3, 10月1日至8日放假, 9日4, 10日5
    assert due(app, rules.CORRECTION_NOTICE) == D(2025, 10, 10)
    act(app, "request_correction", cast["shijian_liaison"], D(2025, 10, 10), items="补交食品安全管理制度")
    app.refresh_from_db()
    assert app.state == AppState.CORRECTION and app.correction_notice_on == D(2025, 10, 10)


def test_no_correction_notice_within_five_working_days_means_accepted_from_receipt(cast, receive):
    app = receive(D(2025, 9, 26))
    with pytest.raises(GateBlocked) as late:
        act(app, "request_correction", cast["shijian_liaison"], D(2025, 10, 11), items="补交营业执照")
    assert "补正告知期限已于2025年10月10日届满" in late.value.unmet[0]
    assert "自收到申请材料之日起即为受理" in late.value.unmet[0]
    assert "第三十二条第一款第（四）项" in late.value.unmet[0]

    assert tasks.lapsed_notices(D(2025, 10, 10)) == []
    tasks.daily(D(2025, 10, 11))
    app.refresh_from_db()
    assert app.state == AppState.ACCEPTED and app.deemed_accepted
    assert app.accepted_on == D(2025, 9, 26)
    # 20 working days from receipt: 9月28日, 29, 30, 10月9日, 10, 11(六,调休), 13 … 30日 is the 20th
    assert due(app, rules.DECISION) == D(2025, 10, 30)
    assert tasks.lapsed_notices(D(2025, 10, 12)) == []


def test_staff_accepting_after_the_notice_lapsed_dates_acceptance_from_receipt(cast, receive):
    app = receive(D(2025, 9, 26))
    act(app, "accept", cast["shijian_liaison"], D(2025, 10, 13))
    app.refresh_from_db()
    assert app.accepted_on == D(2025, 9, 26) and app.deemed_accepted
    assert app.voucher_number == f"{app.number}-受"


def test_correction_is_asked_once_and_in_full_and_the_decision_runs_from_acceptance(cast, receive):
    app = receive(D(2025, 11, 3))
    liaison = cast["shijian_liaison"]
    with pytest.raises(GateBlocked, match="须列明需要补正的全部内容"):
        act(app, "request_correction", liaison, D(2025, 11, 5), items=" ")
    act(app, "request_correction", liaison, D(2025, 11, 5), items="补交营业执照复印件")
    act(app, "receive_correction", liaison, D(2025, 11, 10))
    with pytest.raises(GateBlocked) as again:
        act(app, "request_correction", liaison, D(2025, 11, 10), items="再补交场所平面图")
    assert "须一次告知全部内容" in again.value.unmet[0]
    act(app, "accept", liaison, D(2025, 11, 10))
    app.refresh_from_db()
    assert app.accepted_on == D(2025, 11, 10) and not app.deemed_accepted
    # 11月11日起：11–14(4), 17–21(9), 24–28(14), 12月1–5(19), 8日(20)
    assert due(app, rules.DECISION) == D(2025, 12, 8)


def test_expert_review_is_not_counted_and_the_head_extends_by_ten(cast, receive):
    app = receive(D(2025, 9, 26))
    liaison, head = cast["shijian_liaison"], cast["shijian_head"]
    act(app, "accept", liaison, D(2025, 9, 26))
    assert due(app, rules.DECISION) == D(2025, 10, 30)
    with pytest.raises(GateBlocked, match="书面告知申请人"):
        act(app, "exclude", liaison, D(2025, 10, 13), kind="expert_review", notice="")
    act(app, "exclude", liaison, D(2025, 10, 13), kind="expert_review", notice="专家评审约需5个工作日")
    with pytest.raises(GateBlocked, match="专家评审尚未结束"):
        act(app, "grant", liaison, D(2025, 10, 15), decision_number="江市监许〔2025〕1号")
    act(app, "end_exclusion", liaison, D(2025, 10, 20))  # review 13–17 October; counting again from the 20th
    # counted: 9月28, 29, 30, 10月9, 10, 11 (6); 13–19 excluded; 20–24 (11), 27–31 (16), 11月3–6 (20)
    assert due(app, rules.DECISION) == D(2025, 11, 6)

    with pytest.raises(AccessDenied, match="本行政机关负责人"):
        act(app, "extend", liaison, D(2025, 11, 3), days=10, reason="需现场核查")
    with pytest.raises(YifaError, match="延长天数须为1至10个工作日"):
        act(app, "extend", head, D(2025, 11, 3), days=11, reason="需现场核查")
    act(app, "extend", head, D(2025, 11, 3), days=10, reason="需现场核查")
    # 11月7日(21), 10–14 (26), 17–20 (30)
    assert due(app, rules.DECISION) == D(2025, 11, 20)
    clock = clocks.clocks_of(app, rule=rules.DECISION).get()
    assert "扣除中止期间10月13日至19日共7日" in clock.explanation
    assert "延长10个工作日" in clock.explanation
    app.refresh_from_db()
    assert not any(o.name == "extend" for o in _offered(head, app))


def _offered(user, app):
    from yifa.licensing.actions import APPLICATION_ACTIONS

    return APPLICATION_ACTIONS.offered(user, app)


def test_certificate_within_ten_working_days_of_the_decision(cast, receive):
    app = receive(D(2025, 9, 26))
    liaison = cast["shijian_liaison"]
    act(app, "accept", liaison, D(2025, 9, 26))
    act(app, "grant", liaison, D(2025, 9, 30), decision_number="江市监许〔2025〕8号")
    # 10月9日(1), 10(2), 11(六,调休)(3), 13–17 (8), 20(9), 21(10)
    assert due(app, rules.CERTIFICATE) == D(2025, 10, 21)
    assert clocks.clocks_of(app, rule=rules.DECISION, open_only=False).get().status == "met"


def test_hearing_request_within_five_days_and_notice_seven_days_ahead(cast, receive):
    app = receive(D(2025, 11, 3))
    liaison = cast["shijian_liaison"]
    act(app, "accept", liaison, D(2025, 11, 3))
    act(app, "tell_hearing_rights", liaison, D(2025, 11, 3))
    # five calendar days (not 第八十二条's working days): 4–8 November, the 8th a Saturday, so Monday the 10th
    assert due(app, rules.HEARING_REQUEST) == D(2025, 11, 10)
    with pytest.raises(GateBlocked, match="申请听证的期限至2025年11月10日届满"):
        act(app, "grant", liaison, D(2025, 11, 7), decision_number="江市监许〔2025〕9号")
    act(app, "request_hearing", liaison, D(2025, 11, 10))
    assert due(app, rules.HEARING_ORGANISE) == D(2025, 12, 8)  # 11月11日起第20个工作日
    assert clocks.clocks_of(app, rule=rules.DECISION).get().status == "paused"
    with pytest.raises(GateBlocked, match="最早于2025年11月21日举行"):
        act(app, "hold_hearing", liaison, D(2025, 11, 21), notice_on=D(2025, 11, 12), held_on=D(2025, 11, 20))
    act(app, "hold_hearing", liaison, D(2025, 11, 24), notice_on=D(2025, 11, 12), held_on=D(2025, 11, 21))
    # decision clock from 11月3日, hearing 10–23 November not counted:
    # 4–7 (4), 24–28 (9), 12月1–5 (14), 8–12 (19), 15 (20)
    assert due(app, rules.DECISION) == D(2025, 12, 15)


@pytest.mark.parametrize(
    ("told_on", "last_day"),
    [
        # 9月27日至10月1日 is five days; 10月1日至8日 is the National Day holiday, so the 9th (working days: 10 October)
        (D(2025, 9, 26), D(2025, 10, 9)),
        # 5–9 November, the 9th a Sunday: Monday the 10th (working days: Tuesday the 11th)
        (D(2025, 11, 4), D(2025, 11, 10)),
        # 6–10 November, the 10th a Monday: no roll-over (working days: the 12th)
        (D(2025, 11, 5), D(2025, 11, 10)),
    ],
)
def test_hearing_request_counts_five_calendar_days_rolled_past_rest_days(cast, receive, told_on, last_day):
    app = receive(told_on)
    liaison = cast["shijian_liaison"]
    act(app, "accept", liaison, told_on)
    act(app, "tell_hearing_rights", liaison, told_on)
    assert due(app, rules.HEARING_REQUEST) == last_day
    with pytest.raises(GateBlocked, match=f"申请听证的期限已于{last_day.year}年{last_day.month}月{last_day.day}日届满"):
        act(app, "request_hearing", liaison, last_day + dt.timedelta(days=1))
    act(app, "request_hearing", liaison, last_day)
    assert app.__class__.objects.get(pk=app.pk).hearing_requested_on == last_day


def test_late_hearing_request_is_refused(cast, receive):
    app = receive(D(2025, 11, 3))
    liaison = cast["shijian_liaison"]
    act(app, "accept", liaison, D(2025, 11, 3))
    act(app, "tell_hearing_rights", liaison, D(2025, 11, 3))
    with pytest.raises(GateBlocked, match="申请听证的期限已于2025年11月10日届满"):
        act(app, "request_hearing", liaison, D(2025, 11, 11))


def test_refusal_needs_reasons(cast, receive):
    app = receive(D(2025, 11, 3))
    liaison = cast["shijian_liaison"]
    act(app, "accept", liaison, D(2025, 11, 3))
    with pytest.raises(GateBlocked, match="须填写理由"):
        act(app, "refuse", liaison, D(2025, 11, 5), decision_number="江市监不许〔2025〕1号")
    act(app, "refuse", liaison, D(2025, 11, 5), decision_number="江市监不许〔2025〕1号", reason="经营场所不符合条件")
    app.refresh_from_db()
    assert app.state == AppState.REFUSED and app.outcome_reason == "经营场所不符合条件"


def test_joint_handling_runs_forty_five_working_days_and_the_government_head_extends_by_fifteen(cast, higher_list):
    from tests.licensing.conftest import HIGHER, item_row, items_xlsx
    from yifa.licensing import importer, services
    from yifa.licensing.flows import ITEMS
    from yifa.licensing.models import Channel

    liaison = cast["shijian_liaison"]
    code, name, basis, _ = HIGHER[1]
    row = item_row(code=code, name=name, basis=basis, statutory=45, promised=30)
    row[11] = "统一、联合或者集中办理"
    (item,) = importer.commit_items(by=liaison, rows=importer.parse_items(by=liaison, content=items_xlsx(row)))
    item = fire(ITEMS, item, "publish", by=liaison, expected_version=item.version, on=D(2025, 9, 1))
    app = services.receive(by=liaison, item=item, channel=Channel.COUNTER, received_on=D(2025, 9, 26),
                           applicant_name="江临市锅炉有限公司", applicant_id_number="91330100MA2B3C4D5E",
                           summary="特种设备使用登记")  # fmt: skip
    act(app, "accept", liaison, D(2025, 9, 26))
    # 9月28日(日,调休)1, 29–30 (3), 10月9–11 (6), 13–17 (11), 20–24 (16), 27–31 (21), 11月3–7 (26), 10–14 (31),
    # 17–21 (36), 24–28 (41), 12月1–4 (45)
    assert due(app, rules.JOINT_DECISION) == D(2025, 12, 4)
    with pytest.raises(GateBlocked, match="须经本级人民政府负责人批准延长"):
        act(app, "extend", cast["shijian_head"], D(2025, 11, 28), days=15, reason="需多部门联合踏勘")
    act(app, "extend", cast["mayor"], D(2025, 11, 28), days=15, reason="需多部门联合踏勘")
    # 12月5日(1), 8–12 (6), 15–19 (11), 22–25 (15)
    assert due(app, rules.JOINT_DECISION) == D(2025, 12, 25)


def test_the_lower_organ_reviews_within_twenty_working_days_then_the_decision_runs_from_its_report(cast, higher_list):
    from tests.licensing.conftest import HIGHER, item_row, items_xlsx
    from yifa.lib.office import docx_text
    from yifa.licensing import documents, importer, services
    from yifa.licensing.flows import ITEMS
    from yifa.licensing.models import Channel

    liaison = cast["shijian_liaison"]
    code, name, basis, _ = HIGHER[2]
    row = item_row(code=code, name=name, basis=basis, statutory=20, promised=15)
    row[11] = "下级初审"
    (item,) = importer.commit_items(by=liaison, rows=importer.parse_items(by=liaison, content=items_xlsx(row)))
    item = fire(ITEMS, item, "publish", by=liaison, expected_version=item.version, on=D(2025, 9, 1))
    app = services.receive(by=liaison, item=item, channel=Channel.COUNTER, received_on=D(2025, 9, 26),
                           applicant_name="江临市好梦宾馆有限公司", applicant_id_number="91330100MA2B3C4D5E",
                           summary="公共场所卫生许可")  # fmt: skip
    app = act(app, "accept", liaison, D(2025, 9, 26))
    # 第四十三条: 9月28日(日,调休)1, 29–30 (3), 10月9–11 (6), 13–17 (11), 20–24 (16), 27–30 (20)
    assert due(app, rules.PRELIMINARY_REVIEW) == D(2025, 10, 30)
    assert "2025年10月30日前审查完毕" in docx_text(documents.generate(app, "acceptance")[1])
    with pytest.raises(GateBlocked, match="须先经下级行政机关审查"):
        act(app, "grant", liaison, D(2025, 10, 15), decision_number="江市监许〔2025〕2号")
    act(app, "report_preliminary", liaison, D(2025, 10, 20))
    assert clocks.clocks_of(app, rule=rules.PRELIMINARY_REVIEW, open_only=False).get().status == "met"
    # 第四十二条 from the report: 10月21–24 (4), 27–31 (9), 11月3–7 (14), 10–14 (19), 17 (20)
    assert due(app, rules.DECISION) == D(2025, 11, 17)
    act(app, "grant", liaison, D(2025, 11, 3), decision_number="江市监许〔2025〕2号")
    assert clocks.clocks_of(app, rule=rules.DECISION, open_only=False).get().status == "met"
    # 办理用时 spans both: 12 working days of review to 20 October, then 10月21日至11月3日 10
    app.refresh_from_db()
    assert app.working_days_taken == 22


def test_the_statistics_page_charts_each_organs_on_time_rate(cast, receive, login):
    liaison = cast["shijian_liaison"]
    on_time = act(receive(D(2025, 9, 26)), "accept", liaison, D(2025, 9, 26))
    act(on_time, "grant", liaison, D(2025, 10, 30), decision_number="江市监许〔2025〕3号")  # the last day
    late = act(receive(D(2025, 9, 26)), "accept", liaison, D(2025, 9, 26))
    act(late, "grant", liaison, D(2025, 10, 31), decision_number="江市监许〔2025〕4号")
    body = login(cast["mayor"]).get("/staff/licensing/statistics/?year=2025").content.decode()
    assert 'id="on-time-by-unit"' in body and "vendor/echarts/echarts.min.js" in body
    assert "<td>1</td><td>1</td><td>50.0%</td>" in body
    other = login(cast["minzheng_liaison"]).get("/staff/licensing/statistics/?year=2025").content.decode()
    assert "50.0%" not in other  # another department sees only its own organs
