"""行政强制 and 行政检查 cases and the transfer of a suspected crime, on real dates. Holidays from the State Council's
2026 notice: 中秋 9月25日至27日; 国庆 10月1日至7日放假, 10月10日（星期六）上班."""

import pytest

from yifa.core.clocks import clocks_of
from yifa.core.errors import GateBlocked
from yifa.core.procedure import fire
from yifa.enforcement import procedures, rules
from yifa.enforcement.coercion_flow import COERCION_FLOW
from yifa.enforcement.inspection_flow import INSPECTION_FLOW
from yifa.enforcement.models import CoercionCase, InspectionCase, Transfer
from yifa.enforcement.transfer_flow import TRANSFER_FLOW

from .conftest import D, file_case

PDF = ("移送书.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def due(record, rule):
    return clocks_of(record, rule=rule).get().due


MONDAY = D(2026, 10, 12)


def measure(cast, body, certs, kind="seize", on=MONDAY, **extra):
    return procedures.coercion_start(
        by=cast["shijian_officer"],
        body=body,
        number="江市监强〔2026〕1号",
        kind=kind,
        party_kind="organisation",
        party_name="江临市某某食品有限公司",
        subject="过期食品一批（清单附后）",
        legal_basis="《中华人民共和国食品安全法》第一百一十条",
        certificates=certs,
        on=on,
        **extra,
    )


def test_a_seizure_runs_thirty_days_extendable_once_by_thirty(cast, body, officers):
    case = measure(cast, body, officers)
    assert due(case, rules.SEIZURE) == D(2026, 11, 11)  # 10月12日起算三十日
    case = fire(COERCION_FLOW, case, "extend", by=cast["shijian_head"], on=D(2026, 11, 2), days=30, reason="情况复杂")
    assert due(case, rules.SEIZURE) == D(2026, 12, 11)
    with pytest.raises(GateBlocked) as refused:
        fire(COERCION_FLOW, case, "extend", by=cast["shijian_head"], on=D(2026, 11, 3), days=5, reason="再延")
    assert "期限已延长过一次，延长期限不得超过30日（《中华人民共和国行政强制法》（2011年）第二十五条第一款）" in str(
        refused.value.unmet
    )
    case = fire(COERCION_FLOW, case, "dispose", by=cast["shijian_head"], on=D(2026, 11, 20), disposal="confiscate")
    assert case.state == "disposed" and clocks_of(case, rule=rules.SEIZURE, open_only=False).get().status == "met"


def test_a_seizure_needs_two_certified_officers(cast, body, officers, expired):
    with pytest.raises(GateBlocked) as refused:
        measure(cast, body, [officers[0], expired])
    text = "；".join(refused.value.unmet)
    assert "周过期的执法证37010003已过期" in text
    assert "（《中华人民共和国行政强制法》（2011年）第十八条第二项、第三项）" in text
    assert not CoercionCase.objects.exists()


def test_a_freeze_notice_is_due_in_three_working_days_across_national_day(cast, body, officers):
    case = measure(cast, body, officers, kind="freeze", on=D(2026, 9, 29))
    assert due(case, rules.FREEZE_NOTICE) == D(2026, 10, 9)  # 9月30日、10月8日、10月9日
    assert due(case, rules.FREEZE) == D(2026, 10, 29)


def test_execution_waits_for_the_period_in_the_urging_notice(cast, body, officers):
    case = measure(cast, body, [], kind="execution", on=D(2026, 11, 2), comply_by=D(2026, 11, 16))
    assert case.state == "urged" and due(case, rules.URGE) == D(2026, 11, 16)
    head = cast["shijian_head"]
    with pytest.raises(GateBlocked) as refused:
        fire(COERCION_FLOW, case, "execute", by=head, on=D(2026, 11, 16), decision_number="江市监强执〔2026〕1号")
    assert "履行期限至2026年11月16日" in refused.value.unmet[0] and "第三十七条第一款" in refused.value.unmet[0]
    immediate = fire(
        COERCION_FLOW,
        case,
        "execute",
        by=head,
        on=D(2026, 11, 10),
        decision_number="江市监强执〔2026〕1号",
        immediate_reason="有证据证明当事人正在转移财物",
    )
    assert immediate.state == "executing"


def test_an_urging_notice_without_a_period_is_refused(cast, body):
    with pytest.raises(GateBlocked) as refused:
        measure(cast, body, [], kind="execution", on=D(2026, 11, 2), comply_by=None)
    assert "第三十五条" in refused.value.unmet[0]
    assert not CoercionCase.objects.exists()


COURT = "《中华人民共和国行政强制法》（2011年）"


def court_case(cast, body, *, on, decision_served_on):
    return measure(cast, body, [], kind="court", on=on, decision_served_on=decision_served_on)


def serve(cast, case, served_on, **extra):
    return fire(
        COERCION_FLOW, case, "serve_urge", by=cast["shijian_officer"], on=served_on, served_on=served_on, **extra
    )


def apply_court(cast, case, on, **extra):
    return fire(COERCION_FLOW, case, "apply_court", by=cast["shijian_head"], on=on, decision_number="申1号", **extra)


def test_the_court_is_asked_only_ten_working_days_after_the_urging_notice_was_served(cast, body):
    case = court_case(cast, body, on=D(2026, 9, 28), decision_served_on=D(2026, 3, 10))
    case = serve(cast, case, D(2026, 9, 30))
    # 自送达日9月30日起算：10月8日、9日、10日（调休上班）、12日至16日、19日、20日，第十个工作日为10月20日
    # （自制作催告书的9月28日起算则为10月16日）
    assert case.urge_served_on == D(2026, 9, 30) and due(case, rules.COURT_URGE) == D(2026, 10, 20)
    with pytest.raises(GateBlocked) as refused:
        apply_court(cast, case, D(2026, 10, 19))
    assert refused.value.unmet == [
        f"催告书于2026年9月30日送达，送达十日（至2026年10月20日）后当事人仍未履行的，方可申请人民法院强制执行（{COURT}第五十四条）"
    ]
    assert apply_court(cast, case, D(2026, 10, 21)).state == "applied"


def test_without_a_recorded_service_of_the_urging_notice_the_court_is_not_asked(cast, body):
    case = court_case(cast, body, on=D(2026, 9, 1), decision_served_on=D(2026, 3, 10))
    with pytest.raises(GateBlocked) as refused:
        apply_court(cast, case, D(2026, 11, 2))
    assert refused.value.unmet == [
        f"催告书送达日：尚未登记。催告书送达十日后当事人仍未履行的，方可申请人民法院强制执行（{COURT}第五十四条）"
    ]
    with pytest.raises(GateBlocked) as refused:
        serve(cast, case, D(2026, 8, 31))
    assert refused.value.unmet == [f"催告书送达日：须在催告日2026年9月1日至今日之间（{COURT}第五十四条）"]
    assert CoercionCase.objects.get().urge_served_on is None and CoercionCase.objects.get().state == "urged"


def test_the_court_is_asked_within_three_months_after_the_periods_for_reconsideration_and_suit(cast, body):
    # 行政决定2026年1月12日送达：复议期限六十日至3月13日，起诉期限六个月至7月12日（星期日）顺延至7月13日；
    # 申请期限自7月13日起三个月，届满日10月13日（星期二）
    case = court_case(cast, body, on=D(2026, 9, 1), decision_served_on=D(2026, 1, 12))
    case = serve(cast, case, D(2026, 9, 2))
    assert due(case, rules.COURT_APPLICATION) == D(2026, 10, 13)
    assert apply_court(cast, case, D(2026, 10, 13)).state == "applied"


def test_a_late_application_to_the_court_is_refused_unless_a_good_reason_is_recorded(cast, body):
    case = court_case(cast, body, on=D(2026, 9, 1), decision_served_on=D(2026, 1, 12))
    case = serve(cast, case, D(2026, 9, 2))
    with pytest.raises(GateBlocked) as refused:
        apply_court(cast, case, D(2026, 10, 14))
    assert refused.value.unmet == [
        f"申请期限：自2026年7月13日起三个月，已于2026年10月13日届满（{COURT}第五十三条）；逾期申请的，除有正当理由外，"
        "人民法院不予受理（《最高人民法院关于适用《中华人民共和国行政诉讼法》的解释》（2018年）第一百五十六条），"
        "确有正当理由的，须写明逾期申请的正当理由"
    ]
    case = apply_court(cast, case, D(2026, 10, 14), late_reason="当事人住所地受洪灾影响，申请材料无法按期送达法院")
    assert case.state == "applied" and case.late_reason.startswith("当事人住所地受洪灾影响")
    assert clocks_of(case, rule=rules.COURT_APPLICATION, open_only=False).get().status == "late"


def test_the_court_is_not_asked_while_the_party_may_still_sue(cast, body):
    case = court_case(cast, body, on=D(2026, 9, 1), decision_served_on=D(2026, 6, 1))
    case = serve(cast, case, D(2026, 9, 2))
    with pytest.raises(GateBlocked) as refused:
        apply_court(cast, case, D(2026, 10, 12))
    text = refused.value.unmet[0]
    assert "行政决定于2026年6月1日送达" in text and "的期限至2026年12月1日届满" in text
    assert "《中华人民共和国行政诉讼法》（2017年）第四十六条第一款" in text and f"{COURT}第五十三条" in text


def test_the_decision_service_day_is_required_when_the_urging_notice_is_served(cast, body):
    case = court_case(cast, body, on=D(2026, 9, 1), decision_served_on=None)
    with pytest.raises(GateBlocked) as refused:
        serve(cast, case, D(2026, 9, 2))
    assert refused.value.unmet == [f"行政决定送达日：必须填写，据以计算申请期限（{COURT}第五十三条）"]
    case = serve(cast, case, D(2026, 9, 2), decision_served_on=D(2026, 1, 12))
    assert case.decision_served_on == D(2026, 1, 12) and due(case, rules.COURT_APPLICATION) == D(2026, 10, 13)


def test_inspection_by_two_officers_is_written_up(cast, body, officers):
    record = procedures.inspection_start(
        by=cast["shijian_officer"],
        body=body,
        number="江市监检〔2026〕1号",
        party_name="江临市某某超市",
        scope_text="食品经营日常检查",
        certificates=officers,
        on=D(2026, 11, 2),
    )
    with pytest.raises(GateBlocked) as refused:
        fire(INSPECTION_FLOW, record, "conclude", by=cast["shijian_officer"], on=D(2026, 11, 2), outcome="order")
    assert any("检查应当制作笔录" in p for p in refused.value.unmet)
    record = fire(
        INSPECTION_FLOW,
        record,
        "conclude",
        by=cast["shijian_officer"],
        on=D(2026, 11, 2),
        record_reference="检查笔录第12号",
        finding="货架有过期食品",
        outcome="file",
    )
    assert InspectionCase.objects.get().state == "closed"


def test_a_suspected_crime_is_transferred_within_the_regulations_periods(cast, body, officers):
    case = file_case(cast, body, officers)
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    transfer = procedures.transfer_report(
        by=officer,
        case=case,
        suspected_crime="生产、销售不符合安全标准的食品罪",
        report="货值金额较大",
        on=D(2026, 9, 30),
    )
    # 3日届满于10月3日，为国庆假期，顺延至10月8日
    assert due(transfer, rules.TRANSFER_APPROVAL) == D(2026, 10, 8)
    transfer = fire(TRANSFER_FLOW, transfer, "approve", by=head, on=D(2026, 10, 8))
    with pytest.raises(GateBlocked) as refused:
        fire(TRANSFER_FLOW, transfer, "send", by=officer, on=D(2026, 10, 8), recipient="江临市公安局")
    assert "涉嫌犯罪案件移送书：必须上传" in refused.value.unmet[0]
    transfer = fire(
        TRANSFER_FLOW, transfer, "send", by=officer, on=D(2026, 10, 9), recipient="江临市公安局", letter=PDF
    )
    assert transfer.letter is not None
    transfer = fire(TRANSFER_FLOW, transfer, "police_filed", by=officer, on=D(2026, 10, 12))
    assert due(transfer, rules.TRANSFER_MATERIALS) == D(2026, 10, 15)
    transfer = fire(TRANSFER_FLOW, transfer, "hand_over", by=officer, on=D(2026, 10, 14))
    assert Transfer.objects.get().state == "closed"


def test_a_refused_transfer_keeps_its_reason(cast, body, officers):
    case = file_case(cast, body, officers)
    transfer = procedures.transfer_report(
        by=cast["shijian_officer"], case=case, suspected_crime="销售伪劣产品罪", report="x", on=D(2026, 11, 2)
    )
    with pytest.raises(GateBlocked):
        fire(TRANSFER_FLOW, transfer, "refuse", by=cast["shijian_head"], on=D(2026, 11, 3))
    transfer = fire(
        TRANSFER_FLOW, transfer, "refuse", by=cast["shijian_head"], on=D(2026, 11, 3), reason="货值未达立案追诉标准"
    )
    assert transfer.state == "refused"


def test_staff_file_a_seizure_on_the_page_and_other_units_cannot_see_it(cast, login, body, officers):
    from django.urls import reverse

    staff = login(cast["shijian_officer"])
    data = {
        "body": body.pk,
        "number": "江市监扣〔2026〕9号",
        "kind": "seize",
        "party_kind": "organisation",
        "party_name": "江临市某某食品有限公司",
        "subject": "过期食品一批",
        "legal_basis": "《中华人民共和国食品安全法》第一百一十条",
        "certificates": [officers[0].pk],
    }
    refused = staff.post(reverse("enforcement:coercion_new"), data)
    assert refused.status_code == 400 and "承办执法人员须至少两名持有效执法证的人员" in refused.content.decode()
    assert not CoercionCase.objects.exists()
    response = staff.post(reverse("enforcement:coercion_new"), {**data, "certificates": [o.pk for o in officers]})
    case = CoercionCase.objects.get()
    assert response.url == case.get_absolute_url()
    page = login(cast["shijian_head"]).get(case.get_absolute_url()).content.decode()
    assert "依据《中华人民共和国行政强制法》（2011年）第二十五条第一款" in page and 'id="action-extend"' in page
    assert login(cast["minzheng_liaison"]).get(case.get_absolute_url()).status_code == 403
    assert (
        "江市监扣〔2026〕9号"
        not in login(cast["minzheng_liaison"]).get(reverse("enforcement:coercion_list")).content.decode()
    )


def test_a_transfer_is_reported_from_the_case_page(cast, login, body, officers):
    from django.urls import reverse

    case = file_case(cast, body, officers)
    staff = login(cast["shijian_officer"])
    url = reverse("enforcement:transfer_new") + f"?case={case.pk}"
    bad = staff.post(url, {"suspected_crime": "销售伪劣产品罪", "report": ""})
    assert (
        bad.status_code == 400
        and "书面报告：必须填写（《行政执法机关移送涉嫌犯罪案件的规定》（2020年）第五条第一款）"
        in (bad.content.decode())
    )
    response = staff.post(url, {"suspected_crime": "销售伪劣产品罪", "report": "货值金额五万元以上"})
    transfer = Transfer.objects.get()
    assert response.url == transfer.get_absolute_url()
    assert 'id="action-approve"' not in staff.get(response.url).content.decode()  # the head decides
    assert 'id="action-approve"' in login(cast["shijian_head"]).get(response.url).content.decode()
    assert login(cast["minzheng_liaison"]).post(url, {"suspected_crime": "x", "report": "y"}).status_code == 403
