"""The execution stage, on real dates: the fine's fifteen days (处罚法第六十七条第三款), 加处罚款 at 3% a day capped at
the fine (第七十二条; 行政强制法第四十五条), execution only after it has run thirty days (强制法第四十六条), and 代履行
(第五十条至第五十二条). Holidays from the State Council's 2026 notice: 中秋 9月25日至27日; 国庆 10月1日至7日放假,
10月10日（星期六）上班."""

from decimal import Decimal

import pytest

from yifa.core.clocks import clocks_of
from yifa.core.errors import GateBlocked
from yifa.core.models import Event
from yifa.core.procedure import fire
from yifa.enforcement import procedures, rules
from yifa.enforcement.coercion_flow import COERCION_FLOW
from yifa.enforcement.flows import CASE_FLOW
from yifa.enforcement.models import CoercionCase

from .conftest import D, file_case

RECORD = ("代履行执行文书.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def served_fine(cast, officers, body, *, served_on, fine="10000"):
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    case = file_case(cast, body, officers, on=D(2026, 9, 1))
    case = fire(CASE_FLOW, case, "notify", by=officer, on=D(2026, 9, 2), penalty_kinds=["fine"], fine=fine)
    case = fire(CASE_FLOW, case, "decide", by=head, on=D(2026, 9, 14), decision_number="江市监罚字〔2026〕9号")
    return fire(CASE_FLOW, case, "serve", by=officer, on=served_on)


def test_fine_is_due_fifteen_calendar_days_after_service_rolled_past_national_day(cast, body, officers):
    case = served_fine(cast, officers, body, served_on=D(2026, 9, 16))
    # 9月16日送达，第十五日为10月1日（国庆假期），顺延至假期后第一个工作日10月8日
    assert clocks_of(case, rule=rules.FINE_PAYMENT).get().due == D(2026, 10, 8)


def test_late_fine_only_after_the_period_then_three_percent_a_day_capped_at_the_fine(cast, body, officers):
    officer = cast["shijian_officer"]
    case = served_fine(cast, officers, body, served_on=D(2026, 9, 16))
    with pytest.raises(GateBlocked) as refused:
        fire(CASE_FLOW, case, "late_fine", by=officer, on=D(2026, 10, 8))
    assert "罚款缴纳期限至2026年10月8日届满" in refused.value.unmet[0]
    assert "第六十七条第三款" in refused.value.unmet[0]
    case = fire(CASE_FLOW, case, "late_fine", by=officer, on=D(2026, 10, 9))
    assert case.late_fine_from == D(2026, 10, 8)
    assert case.late_fine_on(D(2026, 10, 18)) == Decimal("3000.00")  # 10月9日至18日，十日×3%×10000
    assert case.late_fine_on(D(2026, 11, 20)) == Decimal("10000")  # 四十三日应为12900元，以罚款数额为限
    case = fire(CASE_FLOW, case, "pay", by=officer, on=D(2026, 10, 12))
    assert case.late_fine_on(D(2026, 12, 31)) == Decimal("1200.00")  # 10月9日至11日加上缴纳当日前共四日
    assert Event.objects.filter(action="penalty_case.pay").get().data["late_fine"] == "1200.00"


def test_a_fine_is_executed_only_after_late_fine_ran_more_than_thirty_days(cast, body, officers):
    officer = cast["shijian_officer"]
    case = served_fine(cast, officers, body, served_on=D(2026, 9, 16))

    def urge(on):
        return procedures.coercion_start(
            by=officer,
            body=body,
            number="江市监强执〔2026〕2号",
            kind="execution",
            party_kind="organisation",
            party_name=case.party_name,
            subject="罚款10000元及加处罚款",
            legal_basis="《中华人民共和国行政处罚法》第七十二条",
            comply_by=on.replace(day=28),
            penalty_case=case,
            on=on,
        )

    with pytest.raises(GateBlocked, match="罚款缴纳期限届满后须先告知并加处罚款"):
        urge(D(2026, 10, 12))
    case = fire(CASE_FLOW, case, "late_fine", by=officer, on=D(2026, 10, 9))
    with pytest.raises(GateBlocked) as refused:
        urge(D(2026, 11, 7))
    assert "加处罚款自2026年10月8日次日起算，至2026年11月7日满三十日" in refused.value.unmet[0]
    assert "《中华人民共和国行政强制法》（2011年）第四十六条第一款" in refused.value.unmet[0]
    assert not CoercionCase.objects.exists()
    assert urge(D(2026, 11, 8)).state == "urged"  # 第三十一日：满三十日不因休息日顺延


def test_a_served_fine_case_cannot_close_unpaid(cast, body, officers):
    case = served_fine(cast, officers, body, served_on=D(2026, 9, 16))
    with pytest.raises(GateBlocked) as refused:
        fire(CASE_FLOW, case, "close", by=cast["shijian_officer"], on=D(2026, 9, 20))
    assert any("罚款尚未缴纳" in p and "第七十二条第一款第一项" in p for p in refused.value.unmet)


def _urged_substitute(cast, body):
    return procedures.coercion_start(
        by=cast["shijian_officer"],
        body=body,
        number="江市监代〔2026〕1号",
        kind="substitute",
        party_kind="organisation",
        party_name="江临市某某化工有限公司",
        subject="清除堆放于河道的废渣，恢复原状",
        legal_basis="《中华人民共和国水污染防治法》第八十五条",
        comply_by=D(2026, 9, 28),
        on=D(2026, 9, 21),
    )


def test_substitute_performance_after_the_urging_lapses_with_its_decision_and_three_working_day_urge(
    cast, body, officers
):
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    case = _urged_substitute(cast, body)
    decision = {"decision_number": "江市监代决〔2026〕1号", "performer": "江临市环卫服务有限公司"}
    with pytest.raises(GateBlocked) as refused:
        fire(COERCION_FLOW, case, "decide_substitute", by=head, on=D(2026, 9, 28), substitute_on=D(2026, 10, 10))
    text = "；".join(refused.value.unmet)
    lapse = "履行期限至2026年9月28日，期满当事人仍不履行的方可代履行"
    assert lapse + "（《中华人民共和国行政强制法》（2011年）第五十条）" in text
    assert "不履行的后果：须写明" in text and "费用预算：必须填写" in text and "第五十一条第一款第一项" in text
    case = fire(
        COERCION_FLOW,
        case,
        "decide_substitute",
        by=head,
        on=D(2026, 9, 29),
        danger="废渣随雨水进入河道，造成水体污染",
        substitute_on=D(2026, 10, 9),
        budget=Decimal("8000"),
        **decision,
    )
    assert case.state == "substituting" and case.performer == "江临市环卫服务有限公司"

    # 9月30日催告：国庆假期不计，10月8日、9日、10日（调休上班）为三个工作日，最早10月10日代履行
    with pytest.raises(GateBlocked) as refused:
        fire(COERCION_FLOW, case, "urge_substitute", by=officer, on=D(2026, 9, 30), substitute_on=D(2026, 10, 9))
    earliest = refused.value.unmet[0]
    assert "代履行最早于2026年10月10日实施" in earliest and "第五十一条第一款第二项" in earliest
    case = fire(COERCION_FLOW, case, "urge_substitute", by=officer, on=D(2026, 9, 30), substitute_on=D(2026, 10, 10))

    with pytest.raises(GateBlocked) as refused:
        fire(COERCION_FLOW, case, "perform_substitute", by=officer, on=D(2026, 10, 10))
    text = "；".join(refused.value.unmet)
    assert "到场监督的工作人员：必须填写" in text and "签名的执行文书：必须上传" in text
    with pytest.raises(GateBlocked, match="代履行定于2026年10月10日实施，尚未到期"):
        fire(COERCION_FLOW, case, "perform_substitute", by=officer, on=D(2026, 10, 9))
    case = fire(
        COERCION_FLOW,
        case,
        "perform_substitute",
        by=officer,
        on=D(2026, 10, 10),
        supervisor="孙执法",
        cost=Decimal("7650"),
        signed_record=RECORD,
    )
    assert case.state == "performed" and case.signed_record is not None and case.cost == Decimal("7650")
    assert fire(COERCION_FLOW, case, "close", by=officer, on=D(2026, 10, 12)).state == "closed"


def test_party_who_complies_before_substitute_performance_stops_it(cast, body):
    case = _urged_substitute(cast, body)
    case = fire(COERCION_FLOW, case, "complied", by=cast["shijian_officer"], on=D(2026, 9, 25))
    assert case.state == "closed" and not clocks_of(case, rule=rules.URGE).exists()


def test_immediate_substitute_for_an_absent_party_closes_only_after_they_are_told(cast, body):
    officer = cast["shijian_officer"]
    start = {
        "by": officer,
        "body": body,
        "number": "江市监代〔2026〕2号",
        "party_kind": "organisation",
        "party_name": "江临市某某运输有限公司",
        "subject": "清除道路遗洒的砂石",
        "legal_basis": "《中华人民共和国行政强制法》第五十二条",
        "supervisor": "钱执法",
        "cost": Decimal("1200"),
        "signed_record": RECORD,
        "party_absent": True,
        "on": D(2026, 10, 12),
    }
    with pytest.raises(GateBlocked, match="立即代履行的理由：须写明需立即清除的遗洒物"):
        procedures.substitute_now(immediate_reason="", **start)
    case = procedures.substitute_now(immediate_reason="砂石遗洒于主干道，影响通行安全", **start)
    assert case.state == "performed"
    with pytest.raises(GateBlocked, match="当事人不在场的，应当在事后立即通知当事人（.*第五十二条）"):
        fire(COERCION_FLOW, case, "close", by=officer, on=D(2026, 10, 12))
    case = fire(COERCION_FLOW, case, "notify_party", by=officer, on=D(2026, 10, 12))
    assert fire(COERCION_FLOW, case, "close", by=officer, on=D(2026, 10, 13)).state == "closed"


def test_an_application_to_the_court_does_not_wait_for_the_late_fine(cast, body, officers):
    case = served_fine(cast, officers, body, served_on=D(2026, 9, 16))
    applied = procedures.coercion_start(
        by=cast["shijian_officer"],
        body=body,
        number="江市监催〔2026〕3号",
        kind="court",
        party_kind="organisation",
        party_name=case.party_name,
        subject="罚款10000元",
        legal_basis="《中华人民共和国行政强制法》第五十四条",
        penalty_case=case,
        on=D(2026, 10, 12),
    )
    assert applied.state == "urged" and applied.penalty_case == case
