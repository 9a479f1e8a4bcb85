"""The statutory clocks of a request, on 2026 dates counted by hand against the State Council notice
(国办发明电〔2025〕7号: 中秋节9月25日至27日、国庆节10月1日至7日放假；9月20日（周日）、10月10日（周六）上班)."""

import datetime as dt

import pytest

from yifa.core.clocks import clocks_of, open_clock
from yifa.core.errors import AccessDenied, GateBlocked, YifaError
from yifa.disclosure import rules, services
from yifa.disclosure.models import ConsultKind, RequestState

D = dt.date
pytestmark = pytest.mark.django_db


def _due(request, rule):
    return open_clock(request, rule).due


def test_reply_due_20_working_days_across_national_day_counting_make_up_days(register):
    # 9月18日（周五）收到；9月20日（周日调休上班）计1日，跳过中秋、国庆假期，
    # 10月10日（周六）计入，第20个工作日为10月22日。
    r = register(D(2026, 9, 18))
    clock = open_clock(r, rules.REPLY)
    assert clock.due == D(2026, 10, 22)
    assert "计入9月20日、10月10日调休上班日" in clock.explanation
    assert "国庆节" in clock.explanation and "第三十三条第二款" in clock.explanation


def test_extension_by_the_office_head_adds_20_working_days(register, cast):
    r = register(D(2026, 9, 18))
    # 10月23日起再数20个工作日：10月23日、26日至30日、11月2日至6日、9日至13日、16日至19日 → 11月19日。
    with pytest.raises(AccessDenied, match="政府信息公开工作机构负责人"):
        services.request_act(
            r,
            "extend",
            by=cast["minzheng_liaison"],
            expected_version=r.version,
            days=20,
            reason="需调取档案",
            on=D(2026, 10, 20),
        )
    r = services.request_act(
        r,
        "extend",
        by=cast["minzheng_head"],
        expected_version=r.version,
        days=20,
        reason="需调取档案",
        on=D(2026, 10, 20),
    )
    assert _due(r, rules.REPLY) == D(2026, 11, 19)
    assert "延长20个工作日" in open_clock(r, rules.REPLY).explanation


def test_extension_beyond_20_working_days_is_refused(register, cast):
    r = register(D(2026, 9, 18))
    with pytest.raises(YifaError, match="最多不超过20个工作日"):
        services.request_act(
            r,
            "extend",
            by=cast["minzheng_head"],
            expected_version=r.version,
            days=21,
            reason="需调取档案",
            on=D(2026, 10, 20),
        )
    assert _due(r, rules.REPLY) == D(2026, 10, 22)


def test_clarification_notice_due_in_7_working_days_and_reply_restarts_from_the_supplement(register, cast):
    r = register(D(2026, 9, 21))
    # 9月22日至24日、28日至30日、10月8日：第7个工作日为10月8日。
    assert _due(r, rules.CLARIFICATION_NOTICE) == D(2026, 10, 8)
    staff = cast["minzheng_liaison"]
    r = services.request_act(
        r,
        "request_clarification",
        by=staff,
        expected_version=r.version,
        clarification_items="请写明所需资金明细的年份和街道",
        clarification_due=D(2026, 10, 16),
        on=D(2026, 9, 24),
    )
    assert r.state == RequestState.CLARIFYING
    assert clocks_of(r, rule=rules.CLARIFICATION_NOTICE, open_only=False).get().status == "met"
    assert open_clock(r, rules.REPLY).due is None  # 中止计时，待收到补正
    r = services.request_act(r, "receive_supplement", by=staff, expected_version=r.version, on=D(2026, 10, 9))
    # 自10月9日重新起算：10月10日（周六调休）计1日……11月5日为第20个工作日。
    clock = open_clock(r, rules.REPLY)
    assert clock.due == D(2026, 11, 5)
    assert "于2026年10月9日重新起算" in clock.explanation


def test_clarification_is_asked_only_once(register, cast):
    r = register(D(2026, 9, 21))
    staff = cast["minzheng_liaison"]
    r = services.request_act(
        r,
        "request_clarification",
        by=staff,
        expected_version=r.version,
        clarification_items="请写明年份",
        clarification_due=D(2026, 10, 16),
        on=D(2026, 9, 24),
    )
    r = services.request_act(r, "receive_supplement", by=staff, expected_version=r.version, on=D(2026, 10, 9))
    with pytest.raises(GateBlocked, match="此时不能一次性告知补正"):
        services.request_act(
            r,
            "request_clarification",
            by=staff,
            expected_version=r.version,
            clarification_items="再写明街道",
            clarification_due=D(2026, 10, 30),
            on=D(2026, 10, 12),
        )


def test_no_supplement_by_the_deadline_means_withdrawn_but_not_before(register, cast):
    r = register(D(2026, 9, 21))
    staff = cast["minzheng_liaison"]
    r = services.request_act(
        r,
        "request_clarification",
        by=staff,
        expected_version=r.version,
        clarification_items="请写明年份",
        clarification_due=D(2026, 10, 16),
        on=D(2026, 9, 24),
    )
    with pytest.raises(GateBlocked, match="补正期限至2026年10月16日届满"):
        services.request_act(r, "abandon", by=staff, expected_version=r.version, on=D(2026, 10, 16))
    r = services.request_act(r, "abandon", by=staff, expected_version=r.version, on=D(2026, 10, 19))
    assert r.state == RequestState.CLOSED and r.outcome == "no_correction" and r.replied_on == D(2026, 10, 19)
    assert open_clock(r, rules.REPLY) is None


def test_third_party_consultation_is_not_counted_in_the_reply_period(register, cast):
    r = register(D(2026, 11, 2))
    assert _due(r, rules.REPLY) == D(2026, 11, 30)
    staff = cast["minzheng_liaison"]
    r = services.request_act(
        r,
        "consult",
        by=staff,
        expected_version=r.version,
        consult_kind=ConsultKind.THIRD_PARTY,
        consulted="江临市某养老服务公司",
        on=D(2026, 11, 4),
    )
    # 第三方自11月4日起15个工作日：11月5日、6日、9日至13日、16日至20日、23日至25日 → 11月25日。
    assert _due(r, rules.THIRD_PARTY) == D(2026, 11, 25)
    assert open_clock(r, rules.REPLY).due is None
    r = services.request_act(r, "end_consultation", by=staff, expected_version=r.version, on=D(2026, 11, 24))
    # 11月3日计1日；11月4日至23日不计；自11月24日起再数19个工作日 → 12月18日。
    clock = open_clock(r, rules.REPLY)
    assert clock.due == D(2026, 12, 18)
    assert "扣除中止期间11月4日至23日" in clock.explanation
    assert clocks_of(r, rule=rules.THIRD_PARTY, open_only=False).get().status == "met"


def test_proactive_publication_due_20_working_days_after_forming(cast):
    item = services.catalogue_record(
        by=cast["minzheng_liaison"],
        unit=cast["民政局"],
        title="2026年养老服务补贴标准",
        category="20_11",
        formed_on=D(2026, 9, 30),
        on=D(2026, 9, 30),
    )
    # 10月8日起：8、9、10（周六调休）、12至16、19至23、26至30、11月2日、3日 → 第20个工作日为11月3日。
    assert _due(item, rules.PUBLICATION) == D(2026, 11, 3)


def test_the_unit_is_warned_before_the_publication_deadline(cast):
    from yifa.core.models import Notification
    from yifa.core.sweep import run_sweep

    services.catalogue_record(
        by=cast["minzheng_liaison"],
        unit=cast["民政局"],
        title="2026年养老服务补贴标准",
        category="20_11",
        formed_on=D(2026, 9, 30),
        on=D(2026, 9, 30),
    )
    run_sweep(D(2026, 11, 2))  # one working day before 11月3日
    warned = Notification.objects.filter(
        user=cast["minzheng_liaison"], title__startswith="主动公开将于2026年11月03日届满"
    )
    assert warned.exists()
