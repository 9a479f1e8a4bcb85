"""问责: opened from a finding, investigated, decided with a sanction under 公职人员政务处分法 or
行政机关公务员处分条例, appealed, published; seen only by the legal office and the named investigators
(every demo role, pages and API)."""

import pytest
from django.urls import reverse

from yifa.core.clocks import clocks_of
from yifa.core.errors import GateBlocked
from yifa.core.procedure import fire
from yifa.supervision import rules, services
from yifa.supervision.flows import ACC_FLOW

from .conftest import D

OPENED = D(2026, 10, 20)


@pytest.fixture
def case(cast):
    return services.accountability_open(
        by=cast["legal_head"],
        unit=cast["市场监管局"],
        person_name="王某",
        person_post="执法大队队员",
        source="review",
        source_link="/staff/supervision/files/1/",
        allegation="案卷评查发现执法证过期仍参与办案",
        investigators=[cast["reviewer"], cast["town1_head"]],
        on=OPENED,
    )


LEGAL = {"admin", "legal_head", "reviewer", "fuyi"}


def test_only_the_legal_office_and_the_investigators_see_the_case(cast, client, case):
    allowed = LEGAL | {"town1_head"}
    for username, person in cast.people.items():
        client.force_login(person)
        page = client.get(reverse("supervision:accountability", args=[case.pk]))
        listing = client.get(reverse("supervision:accountabilities")).content.decode()
        api = client.get(f"/api/supervision/accountability/{case.pk}")
        api_list = client.get("/api/supervision/accountability").content.decode()
        if username in allowed:
            assert page.status_code == 200 and "王某" in page.content.decode(), username
            assert api.status_code == 200 and api.json()["person_name"] == "王某", username
        else:
            assert page.status_code == 404, username
            assert "王某" not in listing and case.number not in listing, username
            assert api.status_code == 404 and "王某" not in api_list, username
    client.logout()
    assert client.get(f"/api/supervision/accountability/{case.pk}").status_code == 401


def test_the_mayor_and_the_persons_unit_do_not_see_it_in_deadlines_or_the_menu(cast, login, case):
    for username in ("mayor", "shijian_head"):
        staff = login(cast[username])
        assert "王某" not in staff.get(reverse("core:deadlines")).content.decode()
        assert "问责案件" not in staff.get(reverse("core:todo")).content.decode()


def test_the_decision_clock_runs_six_months_in_the_legal_office(cast, case):
    clock = clocks_of(case, rule=rules.ACCOUNTABILITY_DECISION).get()
    # 行政机关公务员处分条例第四十四条：立案之日起6个月 → 2027年4月20日（星期二；按月计算，民法典第二百零二条）
    assert clock.due == D(2027, 4, 20) and clock.unit == cast.legal_office
    assert clock.subject_label == case.number


def test_from_investigation_to_appeal_and_publication(cast, case):
    investigator, legal = cast["town1_head"], cast["legal_head"]
    case = fire(ACC_FLOW, case, "record_findings", by=investigator, on=D(2026, 11, 20), findings="经查属实")
    with pytest.raises(GateBlocked) as refused:
        fire(
            ACC_FLOW,
            case,
            "decide",
            by=legal,
            on=D(2026, 12, 1),
            sanction_law="civil_servant",
            sanction="organisational",
            decision_text="x",
        )
    assert any("行政机关公务员处分条例》（2007年）第六条" in p for p in refused.value.unmet)
    case = fire(
        ACC_FLOW,
        case,
        "decide",
        by=legal,
        on=D(2026, 12, 1),
        sanction_law="civil_servant",
        sanction="demerit",
        decision_text="给予记过处分；不服可自知道之日起三十日内申请复核",
    )
    appeal = clocks_of(case, rule=rules.APPEAL).get()
    assert appeal.due == D(2026, 12, 31)  # 公务员法第九十五条：三十日，自2026-12-01起算
    with pytest.raises(GateBlocked):
        fire(ACC_FLOW, case, "appeal", by=legal, on=D(2027, 1, 4))  # 2027-01-04: past the thirty days
    case = fire(ACC_FLOW, case, "appeal", by=legal, on=D(2026, 12, 20))
    # 公务员法第九十六条：三十日 → 2027-01-19
    assert clocks_of(case, rule=rules.APPEAL_DECISION).get().due == D(2027, 1, 19)
    case = fire(ACC_FLOW, case, "decide_appeal", by=legal, on=D(2027, 1, 10), appeal_result="维持原处分")
    case = fire(
        ACC_FLOW,
        case,
        "publish",
        by=legal,
        on=D(2027, 1, 12),
        publication="市场监管局一执法队员持过期证件办案受记过处分",
    )
    assert (case.state, case.sanction, case.published_on) == ("closed", "demerit", D(2027, 1, 12))


def test_an_investigator_cannot_decide_and_opening_needs_an_investigator(cast, case):
    from yifa.core.errors import AccessDenied

    case = fire(ACC_FLOW, case, "record_findings", by=cast["town1_head"], on=D(2026, 11, 20), findings="经查属实")
    with pytest.raises(AccessDenied):
        fire(ACC_FLOW, case, "decide", by=cast["town1_head"], sanction_law="none", sanction="none", decision_text="x")
    with pytest.raises(GateBlocked) as refused:
        services.accountability_open(
            by=cast["legal_head"],
            unit=cast["市场监管局"],
            person_name="李某",
            person_post="科员",
            source="complaint",
            allegation="投诉",
            investigators=[],
        )
    assert any(p.startswith("调查人员：至少指定一人") for p in refused.value.unmet)


def test_six_months_end_on_the_corresponding_day_or_the_month_end_and_roll_past_holidays(package_calendar):
    assert rules.months_after(D(2026, 8, 31), 6) == D(2027, 2, 28)  # no 31 February: the month's last day
    # 2025-10-04 + 6个月 = 2026-04-04（星期六，清明节4月4日至6日放假）→ 顺延至2026年4月7日
    assert rules.accountability_due(D(2025, 10, 4), package_calendar) == D(2026, 4, 7)
