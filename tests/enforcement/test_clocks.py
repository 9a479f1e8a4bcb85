"""Every statutory clock on real dates, each expected date counted by hand against the State Council's 2026
holiday notice (国办发明电〔2025〕7号: 元旦1月1日至3日; 春节2月15日至23日, 2月14日、28日上班; 劳动节5月1日至5日,
5月9日上班; 端午6月19日至21日; 中秋9月25日至27日; 国庆10月1日至7日, 9月20日、10月10日上班)."""

import pytest

from yifa.core.calendar import current_calendar
from yifa.core.clocks import clocks_of
from yifa.core.errors import GateBlocked
from yifa.core.procedure import fire
from yifa.enforcement import guards, rules
from yifa.enforcement.flows import CASE_FLOW
from yifa.enforcement.models import Case

from .conftest import D, file_case


def due(rule, start):
    return rule.due(start, current_calendar()).due


@pytest.mark.django_db
def test_decision_within_ninety_calendar_days_of_filing():
    # 4月30日立案，当日不计：5月1日为第1日 … 7月29日为第90日（周三，工作日）
    assert due(rules.DECISION, D(2026, 4, 30)) == D(2026, 7, 29)
    # 7月3日立案：第90日为10月1日国庆假期，顺延至假期后第一日10月8日
    assert due(rules.DECISION, D(2026, 7, 3)) == D(2026, 10, 8)
    # 延长30日：7月29日后第30日为8月28日（周五）
    assert rules.DECISION.due(D(2026, 4, 30), current_calendar(), extension=30).due == D(2026, 8, 28)


@pytest.mark.django_db
def test_hearing_request_within_five_working_days_of_notice():
    # 9月23日（周三）告知：24日(1)，25–27日中秋，28日(2)，29日(3)，30日(4)，10月1–7日国庆，8日(5)
    assert due(rules.HEARING_REQUEST, D(2026, 9, 23)) == D(2026, 10, 8)


@pytest.mark.django_db
def test_service_within_seven_working_days_of_decision():
    # 4月30日（周四）决定：5月1–5日劳动节，6日(1)7日(2)8日(3)，9日周六调休上班(4)，11日(5)12日(6)13日(7)
    assert due(rules.SERVICE, D(2026, 4, 30)) == D(2026, 5, 13)


@pytest.mark.django_db
def test_publication_seven_and_market_publicity_twenty_working_days():
    # 9月30日决定：10月8日(1)9日(2)，10日周六调休上班(3)，12日(4)13日(5)14日(6)15日(7)
    assert due(rules.PUBLICATION, D(2026, 9, 30)) == D(2026, 10, 15)
    # 续数：16日(8)，19–23日(9–13)，26–30日(14–18)，11月2日(19)3日(20)
    assert due(rules.MARKET_PUBLICATION, D(2026, 9, 30)) == D(2026, 11, 3)


@pytest.mark.django_db
def test_withdrawal_within_three_working_days():
    # 6月18日（周四）撤销：19–21日端午，22日(1)23日(2)24日(3)
    assert due(rules.WITHDRAWAL, D(2026, 6, 18)) == D(2026, 6, 24)


@pytest.mark.django_db
def test_legal_review_ten_working_days():
    # 2月13日（周五）送审：14日周六调休上班(1)，15–23日春节，24–27日(2–5)，28日周六调休上班(6)，3月2–5日(7–10)
    assert due(rules.LEGAL_REVIEW, D(2026, 2, 13)) == D(2026, 3, 5)


@pytest.mark.django_db
def test_hearing_may_be_held_no_earlier_than_seven_working_days_after_notice(cast, body, officers):
    case = _notified(cast, body, officers, on=D(2026, 9, 23), fine="150000")
    case = fire(CASE_FLOW, case, "request_hearing", by=cast["shijian_officer"], on=D(2026, 9, 28))
    # 9月28日通知：29日(1)30日(2)，国庆，10月8日(3)9日(4)，10日周六调休上班(5)，12日(6)13日(7)
    with pytest.raises(GateBlocked, match="2026年9月28日通知的，听证最早于2026年10月13日举行"):
        fire(
            CASE_FLOW,
            case,
            "schedule_hearing",
            by=cast["shijian_officer"],
            on=D(2026, 9, 28),
            hearing_on=D(2026, 10, 12),
        )
    case = fire(
        CASE_FLOW, case, "schedule_hearing", by=cast["shijian_officer"], on=D(2026, 9, 28), hearing_on=D(2026, 10, 13)
    )
    assert case.hearing_on == D(2026, 10, 13)


def _notified(cast, body, officers, *, on, fine, **extra):
    case = file_case(cast, body, officers, on=on, **extra)
    return fire(CASE_FLOW, case, "notify", by=cast["shijian_officer"], on=on, penalty_kinds=["fine"], fine=fine)


def test_hearing_request_refused_after_the_fifth_working_day(cast, body, officers):
    case = _notified(cast, body, officers, on=D(2026, 9, 23), fine="150000")
    assert clocks_of(case, rule=rules.HEARING_REQUEST).get().due == D(2026, 10, 8)
    with pytest.raises(GateBlocked, match="申请听证的期限已于2026年10月8日届满"):
        fire(CASE_FLOW, case, "request_hearing", by=cast["shijian_officer"], on=D(2026, 10, 9))
    case = fire(CASE_FLOW, case, "request_hearing", by=cast["shijian_officer"], on=D(2026, 10, 8))
    assert case.hearing_requested_on == D(2026, 10, 8)
    assert not clocks_of(case, rule=rules.HEARING_REQUEST).exists()  # stopped: met


def test_small_fine_carries_no_hearing_right_and_no_clock(cast, body, officers):
    case = _notified(cast, body, officers, on=D(2026, 9, 23), fine="2000")
    assert not guards.hearing_right(case)
    assert not clocks_of(case, rule=rules.HEARING_REQUEST).exists()
    with pytest.raises(GateBlocked, match="不属于应当告知听证权利的情形"):
        fire(CASE_FLOW, case, "request_hearing", by=cast["shijian_officer"], on=D(2026, 9, 24))


def test_filing_starts_the_ninety_day_clock_and_extension_needs_a_reason(cast, body, officers):
    case = file_case(cast, body, officers, on=D(2026, 7, 3))
    clock = clocks_of(case, rule=rules.DECISION).get()
    assert clock.due == D(2026, 10, 8)
    with pytest.raises(GateBlocked, match="须填写理由"):
        fire(CASE_FLOW, case, "extend", by=cast["shijian_head"], days=30, on=D(2026, 9, 30))
    fire(
        CASE_FLOW, case, "extend", by=cast["shijian_head"], days=30, reason="案情复杂，经负责人批准", on=D(2026, 9, 30)
    )
    # 7月3日起共120日：第120日为10月31日（周六），顺延至11月2日（周一）
    assert clocks_of(case, rule=rules.DECISION).get().due == D(2026, 11, 2)


def test_limitation_two_years_counted_to_the_corresponding_day(cast, body, officers):
    # 2024年2月29日的违法行为：2026年无2月29日，以2月28日为最后一日（民法典第二百零二条）
    case = file_case(cast, body, officers, on=D(2026, 3, 2), violation_on=D(2024, 2, 29), discovered_on=D(2026, 2, 28))
    assert guards.limitation_ends(case) == D(2026, 2, 28)
    with pytest.raises(GateBlocked, match="至2026年2月28日未被发现，不再给予行政处罚"):
        file_case(
            cast,
            body,
            officers,
            number="江市监处罚〔2026〕2号",
            on=D(2026, 3, 2),
            violation_on=D(2024, 2, 29),
            discovered_on=D(2026, 3, 1),
        )
    assert Case.objects.count() == 1


def test_limitation_five_years_for_health_safety_with_harm(cast, body, officers):
    case = file_case(
        cast, body, officers, on=D(2027, 3, 1), grave=True, violation_on=D(2024, 2, 29), discovered_on=D(2027, 2, 1)
    )
    assert guards.limitation_ends(case) == D(2029, 2, 28)


def test_decision_reading_is_calendar_days_and_working_days_per_article_85():
    assert rules.DECISION.unit.value == "calendar"
    for rule in (rules.HEARING_REQUEST, rules.HEARING_NOTICE, rules.SERVICE, rules.WITHDRAWAL):
        assert rule.unit.value == "workday", rule.id


def test_the_hearing_threshold_follows_the_provinces_setting(cast, body, officers, settings):
    case = _notified(cast, body, officers, on=D(2026, 9, 23), fine="60000")
    assert not guards.hearing_right(case)  # 单位：默认十万元
    settings.ENFORCEMENT_LARGE_FINE_ORGANISATION = 50000
    assert guards.hearing_right(case)
    settings.ENFORCEMENT_LARGE_FINE_PERSON = 5000
    case.party_kind = "person"
    assert guards.hearing_right(case)
