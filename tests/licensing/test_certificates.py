"""Certificates: validity from the item, the renewal date (第五十条), renewal, 撤销 and 注销 with their grounds."""

import datetime as dt

import pytest

from yifa.core import clocks
from yifa.core.errors import GateBlocked
from yifa.core.procedure import fire
from yifa.licensing import rules
from yifa.licensing.flows import APPLICATIONS, CERTIFICATES
from yifa.licensing.models import Certificate

D = dt.date


@pytest.fixture
def certificate(cast, receive):
    liaison = cast["shijian_liaison"]
    app = receive(D(2026, 2, 24))
    for name, on, inputs in [
        ("accept", D(2026, 2, 24), {}),
        ("grant", D(2026, 2, 27), {"decision_number": "江市监许〔2026〕3号"}),
        ("issue", D(2026, 3, 2), {"number": "JY0001"}),
    ]:
        app.refresh_from_db()
        fire(APPLICATIONS, app, name, by=liaison, on=on, expected_version=app.version, **inputs)
    return Certificate.objects.get(application=app)


def test_five_years_from_issue_and_renewal_due_thirty_days_before_expiry(certificate):
    assert certificate.valid_until == D(2031, 3, 1)
    # 届满日2031年3月1日不计入，往前数三十日：1月30日
    assert rules.last_renewal_day(D(2031, 3, 1)) == D(2031, 1, 30)
    clock = clocks.clocks_of(certificate, rule=rules.RENEWAL_DUE).get()
    assert clock.due == D(2031, 1, 30)


def test_renewal_application_stops_the_clock_and_renewal_starts_a_new_one(cast, certificate):
    liaison = cast["shijian_liaison"]
    cert = fire(CERTIFICATES, certificate, "apply_renewal", by=liaison, on=D(2031, 1, 20), expected_version=1)
    assert clocks.clocks_of(cert, rule=rules.RENEWAL_DUE, open_only=False).get().status == "met"
    cert = fire(CERTIFICATES, cert, "renew", by=liaison, expected_version=cert.version, valid_until=D(2036, 3, 1))
    assert cert.state == "valid" and cert.valid_until == D(2036, 3, 1)
    assert clocks.clocks_of(cert, rule=rules.RENEWAL_DUE).get().due == D(2036, 1, 31)


def test_revocation_needs_reasons_and_cancels_the_renewal_clock(cast, certificate):
    liaison = cast["shijian_liaison"]
    ground = "第六十九条第二款 被许可人以欺骗、贿赂等不正当手段取得许可（含告知承诺不实）"
    with pytest.raises(GateBlocked, match="须填写理由"):
        fire(CERTIFICATES, certificate, "revoke", by=liaison, expected_version=1, ground=ground)
    cert = fire(
        CERTIFICATES, certificate, "revoke", by=liaison, expected_version=1, ground=ground, reason="承诺的场所不存在"
    )
    assert cert.state == "revoked" and cert.ground.startswith("第六十九条第二款")
    assert clocks.clocks_of(cert, rule=rules.RENEWAL_DUE, open_only=False).get().status == "cancelled"
    cert = fire(
        CERTIFICATES, cert, "deregister", by=liaison, expected_version=cert.version,
        ground="第七十条第（四）项 许可依法被撤销、撤回，或者证件依法被吊销", reason="已撤销",
    )  # fmt: skip
    assert cert.state == "deregistered"


def test_another_department_cannot_revoke(cast, certificate, login):
    response = login(cast["minzheng_liaison"]).post(
        f"/staff/licensing/certificates/{certificate.pk}/act/revoke/",
        {"revoke-version": 1, "revoke-ground": "x", "revoke-reason": "y"},
    )
    assert response.status_code == 403
    assert Certificate.objects.get(pk=certificate.pk).state == "valid"


def test_exclusion_must_name_a_kind_other_than_hearing(cast, receive):
    app = receive(D(2025, 11, 3))
    app = fire(APPLICATIONS, app, "accept", by=cast["shijian_liaison"], on=D(2025, 11, 3), expected_version=app.version)
    with pytest.raises(GateBlocked, match="听证按听证程序登记"):
        fire(APPLICATIONS, app, "exclude", by=cast["shijian_liaison"], on=D(2025, 11, 4),
             expected_version=app.version, kind="hearing", notice="约需十日")  # fmt: skip


def test_counter_intake_refuses_bad_input_naming_the_field_and_writes_nothing(cast, food_item, login):
    from yifa.licensing.models import Application

    response = login(cast["shijian_liaison"]).post(
        "/staff/licensing/applications/new/",
        {"item": food_item.pk, "received_on": "2099-01-01", "applicant_name": "某公司",
         "applicant_id_number": "12", "summary": "申请"},
    )  # fmt: skip
    body = response.content.decode()
    assert "收到日期：不能晚于今天" in body and "证件号码：应为身份证号或统一社会信用代码" in body
    assert not Application.objects.exists()


def test_statistics_count_the_year_by_unit_and_item(cast, certificate, receive, login):
    liaison = cast["shijian_liaison"]
    refused = receive(D(2026, 3, 2))
    refused = fire(APPLICATIONS, refused, "accept", by=liaison, on=D(2026, 3, 2), expected_version=refused.version)
    fire(APPLICATIONS, refused, "refuse", by=liaison, on=D(2026, 3, 5), expected_version=refused.version,
         decision_number="不许1号", reason="场所不符合条件")  # fmt: skip
    receive(D(2025, 12, 30))
    cert = fire(CERTIFICATES, certificate, "revoke", by=liaison, expected_version=1, on=D(2026, 6, 1),
                ground="第六十九条第二款", reason="以欺骗手段取得")  # fmt: skip
    fire(CERTIFICATES, cert, "deregister", by=liaison, expected_version=cert.version, on=D(2026, 6, 2),
         ground="第七十条第（四）项", reason="已撤销")  # fmt: skip
    page = login(cast["legal_head"]).get("/staff/licensing/statistics/", {"year": 2026}).content.decode()
    assert "<td>江临市市场监管局</td><td>食品经营许可</td><td>2</td><td>2</td><td>1</td><td>1</td><td>1</td>" in page
    assert (
        "本年没有记录" in login(cast["minzheng_liaison"]).get("/staff/licensing/statistics/?year=2026").content.decode()
    )


def test_no_renewal_decision_before_expiry_means_renewed_by_the_sweep(cast, certificate):
    from yifa.licensing import tasks

    liaison = cast["shijian_liaison"]
    cert = fire(CERTIFICATES, certificate, "apply_renewal", by=liaison, on=D(2031, 1, 20), expected_version=1)
    decision = clocks.clocks_of(cert, rule=rules.RENEWAL_DECISION).get()
    assert decision.due == D(2031, 3, 1)
    assert "视为准予延续0件" in tasks.daily(D(2031, 3, 1))  # the last day is still the organ's
    assert "视为准予延续1件" in tasks.daily(D(2031, 3, 2))
    cert.refresh_from_db()
    # the same five-year term from 2 March 2031
    assert cert.state == "valid" and cert.valid_until == D(2036, 3, 1) and cert.renewal_applied_on is None
    assert clocks.clocks_of(cert, rule=rules.RENEWAL_DECISION, open_only=False).get().status == "late"
    assert clocks.clocks_of(cert, rule=rules.RENEWAL_DUE).get().due == D(2036, 1, 31)
    assert "视为准予延续0件" in tasks.daily(D(2031, 3, 3))


def test_a_late_renewal_application_is_not_deemed_renewed(cast, certificate):
    from yifa.licensing import tasks

    liaison = cast["shijian_liaison"]
    # the last day was 30 January 2031
    cert = fire(CERTIFICATES, certificate, "apply_renewal", by=liaison, on=D(2031, 1, 31), expected_version=1)
    assert "视为准予延续0件" in tasks.daily(D(2031, 3, 2))
    cert.refresh_from_db()
    assert cert.state == "renewal" and cert.valid_until == D(2031, 3, 1)
    with pytest.raises(GateBlocked, match="延续申请未在有效期届满三十日前提出"):
        fire(CERTIFICATES, cert, "deem_renew", by=None, on=D(2031, 3, 2), expected_version=cert.version)


def test_a_refused_renewal_stops_the_decision_clock_and_is_not_deemed(cast, certificate):
    from yifa.licensing import tasks

    liaison = cast["shijian_liaison"]
    cert = fire(CERTIFICATES, certificate, "apply_renewal", by=liaison, on=D(2031, 1, 20), expected_version=1)
    with pytest.raises(GateBlocked, match="须填写理由"):
        fire(CERTIFICATES, cert, "refuse_renewal", by=liaison, on=D(2031, 2, 20), expected_version=cert.version)
    cert = fire(CERTIFICATES, cert, "refuse_renewal", by=liaison, on=D(2031, 2, 20), expected_version=cert.version,
                reason="经营场所已不符合条件")  # fmt: skip
    assert clocks.clocks_of(cert, rule=rules.RENEWAL_DECISION, open_only=False).get().status == "met"
    assert "视为准予延续0件" in tasks.daily(D(2031, 3, 2))
    cert.refresh_from_db()
    assert cert.valid_until == D(2031, 3, 1) and cert.expired_on(D(2031, 3, 2))
