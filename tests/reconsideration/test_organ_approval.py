"""第六十一条第一款：决定经复议机关（市政府）负责人同意或者集体讨论通过；复议机构（司法局）负责人只批准延长
（第六十二条）和转为普通程序（第五十五条）。2017年法第三十一条第一款：延长由复议机关负责人批准。"""

import datetime as dt

import pytest

from yifa.core.errors import AccessDenied, GateBlocked
from yifa.reconsideration import documents, services
from yifa.reconsideration.models import CaseState

D = dt.date


def _proposed(cast, accepted):
    accepted_on = D(2025, 3, 4)
    case = accepted(D(2025, 3, 3), accepted_on)
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=accepted_on)
    case = services.case_reply(
        case=case, by=cast["minzheng_liaison"], text="处罚合法", on=accepted_on + dt.timedelta(3)
    )
    services.case_record_hearing(case=case, by=cast["fuyi"], kind="hear", held_on=accepted_on + dt.timedelta(10))
    return services.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=case,
        by=cast["fuyi"],
        decision_type="revoke",
        decision_text="主要事实不清",
        on=accepted_on + dt.timedelta(20),
    )


def test_the_justice_bureau_head_cannot_decide_but_the_mayor_can(cast, accepted):
    case = _proposed(cast, accepted)
    with pytest.raises(AccessDenied) as err:
        services.case_approve(case=case, by=cast["legal_head"], on=D(2025, 4, 2))
    assert "复议机关负责人" in err.value.message
    case.refresh_from_db()
    assert case.state == CaseState.APPROVAL
    case = services.case_approve(case=case, by=cast["mayor"], on=D(2025, 4, 2))
    assert case.state == CaseState.DECIDED and case.approved_by == cast["mayor"]
    text = documents.context(case)
    assert text["审批方式"] == "本机关负责人同意"
    assert text["审批依据"] == "《中华人民共和国行政复议法》（2023年）第六十一条第一款"
    assert text["复议机关"] == "江临市人民政府"


def test_a_leader_of_another_organ_is_not_the_organs_head(cast, accepted):
    case = _proposed(cast, accepted)
    with pytest.raises(AccessDenied):
        services.case_approve(case=case, by=cast["minzheng_head"], on=D(2025, 4, 2))


def test_collective_discussion_needs_a_meeting_record(cast, accepted):
    case = _proposed(cast, accepted)
    with pytest.raises(GateBlocked) as err:
        services.case_approve(case=case, by=cast["fuyi"], approval_mode="collective", on=D(2025, 4, 2))
    assert "会议记录" in err.value.message and "第六十一条第一款" in err.value.message
    case.refresh_from_db()
    assert case.state == CaseState.APPROVAL and not case.closed_on
    case = services.case_approve(
        case=case,
        by=cast["fuyi"],
        approval_mode="collective",
        meeting="市政府第12次常务会议",
        meeting_on=D(2025, 4, 1),
        meeting_record="会议同意撤销",
        on=D(2025, 4, 2),
    )
    assert case.state == CaseState.DECIDED and case.collective_on == D(2025, 4, 1)
    assert documents.context(case)["审批方式"] == "2025年4月1日市政府第12次常务会议集体讨论通过"


def test_extension_is_approved_by_the_office_head_under_the_2023_law(cast, accepted):
    case = accepted(D(2025, 2, 28), D(2025, 3, 3))
    with pytest.raises(GateBlocked) as err:
        services.case_extend(case=case, by=cast["mayor"], days=10, reason="案情复杂", on=D(2025, 4, 20))
    assert "复议机构负责人" in err.value.message and "第六十二条第一款" in err.value.message
    case = services.case_extend(case=case, by=cast["legal_head"], days=10, reason="案情复杂", on=D(2025, 4, 20))
    assert case.extension_days == 10


def test_extension_approved_in_2023_needs_the_organ_head(cast, accepted):
    case = accepted(D(2023, 10, 9), D(2023, 10, 9))
    with pytest.raises(GateBlocked) as err:
        services.case_extend(case=case, by=cast["legal_head"], days=10, reason="案情复杂", on=D(2023, 12, 1))
    assert "复议机关负责人" in err.value.message and "第三十一条第一款" in err.value.message
    case = services.case_extend(case=case, by=cast["mayor"], days=10, reason="案情复杂", on=D(2023, 12, 1))
    assert case.extension_days == 10


def test_a_case_received_in_december_2023_is_extended_in_2024_by_the_office_head(cast, accepted):
    """程序从新：2024年批准的延长适用2023年法第六十二条；审理期限仍自受理之日（2017年法）计算。"""
    case = accepted(D(2023, 12, 18), D(2023, 12, 18))
    with pytest.raises(GateBlocked):
        services.case_extend(case=case, by=cast["mayor"], days=10, reason="案情复杂", on=D(2024, 2, 5))
    case = services.case_extend(case=case, by=cast["legal_head"], days=10, reason="案情复杂", on=D(2024, 2, 5))
    from yifa.reconsideration import periods

    # 60 + 10 = 70 calendar days from 2023-12-18: 2024-02-26 (Monday)
    assert periods.decision_clock(case).due == D(2024, 2, 26)
