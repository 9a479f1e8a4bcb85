"""Deadline fixes on real dates, each checked by hand against the State Council schedule
(2025 国庆中秋 10月1日至8日放假，9月28日（日）、10月11日（六）上班；
2025 劳动节 5月1日至5日，4月27日（日）上班；2025 端午 5月31日至6月2日)."""

import datetime as dt

import pytest

from yifa.core import clocks
from yifa.core.errors import GateBlocked
from yifa.reconsideration import periods, services
from yifa.reconsideration import rules as R
from yifa.reconsideration.models import CaseState

D = dt.date
pytestmark = pytest.mark.django_db


def test_correction_period_runs_from_the_day_the_applicant_received_the_notice(cast, receive):
    case = receive(D(2025, 9, 26))
    case = services.case_request_correction(case=case, by=cast["fuyi"], items="补充身份证明", on=D(2025, 9, 29))
    # 邮寄送达，送达日未知：补正期限未起算，不能视为放弃
    assert periods.correction_due(case) is None
    with pytest.raises(GateBlocked) as err:
        services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 11, 28))
    assert "补正期限未起算" in err.value.message
    case = services.case_serve_correction(case=case, by=cast["fuyi"], served_on=D(2025, 9, 30), on=D(2025, 10, 9))
    # 10 working days from 9/30: 10/9, 10/10, 10/11(六，调休上班), 10/13 … 10/17, 10/20, 10/21
    assert periods.correction_due(case) == D(2025, 10, 21)
    with pytest.raises(GateBlocked):
        services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 10, 21))
    case = services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 10, 22))
    assert case.state == CaseState.ABANDONED


def test_correction_service_date_cannot_precede_the_notice(cast, receive):
    case = receive(D(2025, 9, 26))
    case = services.case_request_correction(case=case, by=cast["fuyi"], items="补充身份证明", on=D(2025, 9, 29))
    with pytest.raises(GateBlocked) as err:
        services.case_serve_correction(case=case, by=cast["fuyi"], served_on=D(2025, 9, 28), on=D(2025, 10, 9))
    assert "不能早于补正通知发出日期" in err.value.message
    assert clocks.open_clock(case, R.CORRECTION_2023) is None


def _outside(case, name="某省某厅"):
    from yifa.reconsideration.models import Case

    Case.objects.filter(pk=case.pk).update(respondent_unit=None, respondent_name=name)
    case.refresh_from_db()
    return case


def test_outside_organ_reply_period_runs_from_the_recorded_service_date(cast, accepted):
    case = _outside(accepted(D(2025, 9, 22), D(2025, 9, 26)))
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 9, 30))
    # 邮寄副本，送达日未登记：答复期限未起算，第七十条后果不发生
    assert periods.reply_clock(case) is None
    assert not periods.reply_lapsed(case, D(2025, 12, 31))
    case = services.case_serve_copy(case=case, by=cast["fuyi"], served_on=D(2025, 10, 9), on=D(2025, 10, 10))
    # 第四十八条：10 working days from 10/9: 10/10, 10/11(六，调休上班), 10/13 … 10/17, 10/20, 10/21, 10/22
    assert periods.reply_clock(case).due == D(2025, 10, 22)
    assert not periods.reply_lapsed(case, D(2025, 10, 22))
    assert periods.reply_lapsed(case, D(2025, 10, 23))


def test_outside_organ_in_simplified_procedure_gets_five_working_days_from_service(cast, accepted):
    case = _outside(accepted(D(2025, 9, 22), D(2025, 9, 26), procedure="simplified", simplified_basis="small_amount"))
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 9, 30), served_on=D(2025, 10, 9))
    # 第五十四条：5 working days from 10/9: 10/10, 10/11(六，调休上班), 10/13, 10/14, 10/15
    assert periods.reply_clock(case).due == D(2025, 10, 15)
    assert periods.reply_clock(case).rule_id == R.REPLY_SIMPLE.id


def test_copy_service_date_must_be_given_and_not_precede_sending(cast, accepted):
    from yifa.core.errors import InvalidInput

    case = _outside(accepted(D(2025, 9, 22), D(2025, 9, 26)))
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 9, 30))
    with pytest.raises(InvalidInput) as err:
        services.case_serve_copy(case=case, by=cast["fuyi"], served_on=D(2025, 9, 29), on=D(2025, 10, 10))
    assert "不能早于发送日期" in err.value.message
    assert periods.reply_clock(case) is None


def test_respondent_in_yifa_receives_the_copy_the_day_it_lands_in_its_inbox(cast, accepted):
    case = accepted(D(2025, 9, 22), D(2025, 9, 26))
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 9, 30))
    assert case.copy_served_on == D(2025, 9, 30)
    # 10 working days from 9/30: 10/9, 10/10, 10/11, 10/13 … 10/17, 10/20, 10/21
    assert periods.reply_clock(case).due == D(2025, 10, 21)


def test_correction_period_can_be_extended_for_a_recorded_reason_up_to_the_city_cap(cast, receive):
    case = receive(D(2025, 9, 26))
    case = services.case_request_correction(
        case=case, by=cast["fuyi"], items="补充身份证明", on=D(2025, 9, 29), served_on=D(2025, 9, 30)
    )
    assert periods.correction_due(case) == D(2025, 10, 21)
    with pytest.raises(GateBlocked) as err:
        services.case_extend_correction(case=case, by=cast["fuyi"], days=5, reason="", on=D(2025, 10, 20))
    case = services.case_extend_correction(case=case, by=cast["fuyi"], days=5, reason="申请人住院", on=D(2025, 10, 20))
    # 10 + 5 working days from 9/30: … 10/21, 10/22, 10/23, 10/24, 10/27, 10/28
    assert periods.correction_due(case) == D(2025, 10, 28)
    with pytest.raises(GateBlocked):
        services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 10, 28))
    with pytest.raises(GateBlocked) as err:
        services.case_extend_correction(case=case, by=cast["fuyi"], days=6, reason="仍在住院", on=D(2025, 10, 27))
    assert "累计不超过10个工作日" in err.value.message and "第三十一条第二款" in err.value.message
    case = services.case_extend_correction(case=case, by=cast["fuyi"], days=5, reason="仍在住院", on=D(2025, 10, 27))
    # + 5 more: 10/29, 10/30, 10/31, 11/3, 11/4
    assert periods.correction_due(case) == D(2025, 11, 4)
    assert case.correction_extension_days == 10
    case = services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 11, 5))
    assert case.state == CaseState.ABANDONED


def test_2017_case_is_accepted_from_the_day_the_office_received_it(cast, accepted):
    # 2017年法第十七条第二款：自法制工作机构收到之日起即为受理（而非工作人员点击受理之日）
    case = accepted(D(2023, 12, 27), D(2023, 12, 29))
    assert case.law_year == 2017 and case.accepted_on == D(2023, 12, 27)
    # 第二十三条 7 working days from 12/27: 12/28, 12/29, (元旦 12/30–1/1), 1/2, 1/3, 1/4, 1/5, 1/8
    assert clocks.open_clock(case, R.COPY_2017).due == D(2024, 1, 8)
    # 第三十一条 60 days from 12/27 = 2024-02-25 (Sunday) → Monday 2/26
    assert periods.decision_clock(case).due == D(2024, 2, 26)


def test_corrected_2017_case_is_accepted_from_the_day_the_corrections_arrived(cast, receive):
    case = receive(D(2023, 12, 27))
    case = services.case_request_correction(
        case=case,
        by=cast["fuyi"],
        items="补充材料",
        on=D(2023, 12, 28),
        served_on=D(2023, 12, 28),
        correction_due_on=D(2024, 1, 12),
    )
    case = services.case_receive_correction(case=case, by=cast["fuyi"], on=D(2024, 1, 3))
    case = services.case_accept(case=case, by=cast["fuyi"], on=D(2024, 1, 5))
    assert case.accepted_on == D(2024, 1, 3)
    # 60 days from 2024-01-03 = 3/3 (Sunday) → Monday 3/4
    assert periods.decision_clock(case).due == D(2024, 3, 4)


def test_2023_case_is_accepted_on_the_day_of_the_decision(cast, accepted):
    case = accepted(D(2025, 9, 22), D(2025, 9, 26))
    assert case.accepted_on == D(2025, 9, 26)


def test_decision_period_can_be_extended_several_times_within_thirty_days_in_total(cast, accepted):
    from yifa.core.audit import timeline
    from yifa.core.errors import AccessDenied, YifaError
    from yifa.reconsideration import documents

    case = accepted(D(2025, 2, 28), D(2025, 3, 3))
    head = cast["legal_head"]
    with pytest.raises(AccessDenied):
        services.case_extend(case=case, by=cast["fuyi"], days=10, reason="案情复杂", on=D(2025, 4, 20))
    case = services.case_extend(case=case, by=head, days=10, reason="需要鉴定", on=D(2025, 4, 20))
    # 70 days from 3/3 = 5/12 (Monday)
    assert periods.decision_clock(case).due == D(2025, 5, 12)
    case = services.case_extend(case=case, by=head, days=15, reason="鉴定尚未完成", on=D(2025, 5, 8))
    # 85 days from 3/3 = 5/27 (Tuesday)
    assert periods.decision_clock(case).due == D(2025, 5, 27)
    with pytest.raises(YifaError) as err:
        services.case_extend(case=case, by=head, days=6, reason="再延", on=D(2025, 5, 20))
    assert "1至5" in err.value.message and "第六十二条第一款" in err.value.message
    case = services.case_extend(case=case, by=head, days=5, reason="专家意见待出具", on=D(2025, 5, 20))
    # 90 days from 3/3 = 6/1 (Sunday); 端午 5/31–6/2 → 6/3
    assert periods.decision_clock(case).due == D(2025, 6, 3)
    assert case.extension_days == 30
    assert [e.action for e in timeline(case)].count("reconsideration.extend") == 3
    text = documents.context(case, today=D(2025, 5, 20))
    assert text["延长天数"] == "5" and text["累计延长天数"] == "30" and text["延长理由"] == "专家意见待出具"


def test_one_year_cap_for_applicants_not_told_their_rights_rolls_off_national_day(receive):
    # 第二十条第三款：知道行政行为内容之日2024-10-01，一年届满于2025-10-01（国庆假期）→ 顺延至10月9日
    case = receive(D(2025, 10, 9), act_date=D(2024, 9, 30), known_on=D(2024, 10, 1), not_informed=True)
    assert case.law_year == 2023
    assert periods.application_due(case) == D(2025, 10, 9)
    assert periods.application_problems(case) == []


def test_one_year_cap_does_not_apply_to_2017_law_cases(receive):
    # 2017年法第九条：自知道该具体行政行为之日起六十日，无“未告知最长一年”的规定
    case = receive(D(2023, 12, 20), act_date=D(2023, 3, 1), known_on=D(2023, 3, 1), not_informed=True)
    assert case.law_year == 2017
    # 60 days from 2023-03-01 = 4/30 (Sunday; 劳动节 4/29–5/3) → 5/4
    assert periods.application_due(case) == D(2023, 5, 4)
    assert any("第九条第一款" in p for p in periods.application_problems(case))


def test_five_year_limit_ending_on_national_day_rolls_to_the_first_working_day(receive):
    # 第二十一条：自行政行为作出之日起五年；2021-10-01 + 5年 = 2026-10-01（国庆假期至10月7日）→ 10月8日
    on_time = receive(D(2026, 10, 8), act_date=D(2021, 10, 1), known_on=D(2026, 9, 30))
    assert not any("超过5年" in p for p in periods.application_problems(on_time))
    late = receive(D(2026, 10, 9), act_date=D(2021, 10, 1), known_on=D(2026, 9, 30))
    assert any("超过5年（2026年10月8日届满）" in p for p in periods.application_problems(late))


def test_accepting_after_the_review_lapsed_records_deemed_acceptance_only_for_staff(cast, receive):
    from yifa.core.errors import AccessDenied

    case = receive(D(2025, 9, 26))  # review period ends 2025-10-10
    with pytest.raises(AccessDenied):
        services.case_accept(case=case, by=cast["minzheng_liaison"], on=D(2025, 10, 13))
    case.refresh_from_db()
    assert case.state == CaseState.REVIEW
    case = services.case_accept(case=case, by=cast["fuyi"], handler_user=cast["fuyi"], on=D(2025, 10, 13))
    assert case.state == CaseState.ACCEPTED and case.deemed_accepted
    assert case.accepted_on == D(2025, 10, 10) and case.handler == cast["fuyi"]
