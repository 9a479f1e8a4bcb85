"""Training hours per person per year against the configured requirement; a certificate is not renewed
for an officer below it (the hook the enforcement module asks through core.registry.refusals)."""

import datetime as dt
from decimal import Decimal

import pytest

from yifa.core.errors import AccessDenied, Conflict, InvalidInput
from yifa.core.registry import refusals
from yifa.training import queries, services
from yifa.training.models import Attendance, Course, HoursRequirement, OfficerKind

from .conftest import course

D = dt.date


def test_hours_add_up_per_person_and_year(cast):
    officer = cast["shijian_officer"]
    course(cast, "shijian_liaison", [officer], on=D(2025, 3, 2), hours=Decimal("16"))
    course(cast, "shijian_liaison", [officer, cast["shijian_head"]], on=D(2025, 11, 20), hours=Decimal("6.5"))
    course(cast, "shijian_liaison", [officer], on=D(2026, 1, 8), hours=Decimal("40"))

    assert queries.hours_of(officer.pk, 2025) == Decimal("22.5")
    assert queries.hours_of(cast["shijian_head"].pk, 2025) == Decimal("6.5")
    assert queries.hours_of(officer.pk, 2026) == Decimal("40")


def test_required_hours_default_with_their_basis_and_can_be_set_per_year(cast):
    need = queries.requirements(2025)
    assert need[OfficerKind.GENERAL][0] == 40 and need[OfficerKind.ENFORCEMENT][0] == 80
    assert "《中华人民共和国公务员法》（2018年）第六十八条第二款" in need[OfficerKind.GENERAL][1]

    services.requirement_set(
        by=cast["reviewer"],
        year=2025,
        kind=OfficerKind.ENFORCEMENT,
        hours=Decimal(60),
        basis="市司法局2025年法制培训要点第三条",
    )
    assert queries.requirements(2025)[OfficerKind.ENFORCEMENT] == (Decimal(60), "市司法局2025年法制培训要点第三条")
    assert queries.requirements(2026)[OfficerKind.ENFORCEMENT][0] == 80


def test_only_the_legal_office_sets_the_requirement_and_a_stale_change_is_refused(cast):
    with pytest.raises(AccessDenied):
        services.requirement_set(by=cast["shijian_head"], year=2025, kind="general", hours=20, basis="自定")
    first = services.requirement_set(by=cast["reviewer"], year=2025, kind="general", hours=40, basis="培训要点")
    services.requirement_set(
        by=cast["reviewer"], year=2025, kind="general", hours=48, basis="培训要点（修订）", version=first.version
    )
    with pytest.raises(Conflict):
        services.requirement_set(
            by=cast["reviewer"], year=2025, kind="general", hours=30, basis="旧版", version=first.version
        )
    assert HoursRequirement.objects.get(year=2025, kind="general").hours == 48


def test_bad_course_input_names_each_field_and_writes_nothing(cast):
    with pytest.raises(InvalidInput) as exc:
        services.course_record(
            by=cast["shijian_liaison"],
            unit=cast["市场监管局"],
            topic=" ",
            held_on=D(2025, 3, 2),
            hours=Decimal(0),
            attendees=[],
        )
    assert exc.value.errors == {
        "topic": "培训主题：必须填写",
        "hours": "学时：须大于0且不超过200",
        "attendees": "参训人员：至少选择一人，或设置扫码签到时间",
    }
    assert not Course.objects.exists() and not Attendance.objects.exists()


def test_a_unit_cannot_record_hours_for_people_outside_its_scope(cast):
    with pytest.raises(InvalidInput) as exc:
        course(cast, "shijian_liaison", [cast["minzheng_head"]])
    assert exc.value.errors["attendees"] == "参训人员：民政局长不是您可管理范围内的人员"


def test_an_officer_below_the_required_hours_cannot_have_a_certificate_renewed(cast):
    officer = cast["shijian_officer"]
    course(cast, "shijian_liaison", [officer], on=D(2025, 6, 10), hours=Decimal("72"))

    assert refusals("renewal_refusals", officer=officer, on=D(2026, 3, 1)) == [
        "孙执法2025年度培训学时为72学时，低于要求的80学时（默认值，2025年度未另行设置；"
        "《山东省行政执法监督条例》（2014年）第十条第二款），不能换发执法证"
    ]

    course(cast, "shijian_liaison", [officer], on=D(2025, 12, 5), hours=Decimal("8"))
    assert refusals("renewal_refusals", officer=officer, on=D(2026, 3, 1)) == []


def test_the_hook_reads_the_account_of_another_modules_officer_record(cast):
    """The enforcement module passes its own officer record; only ``user_id`` is read."""

    class EnforcementOfficer:
        def __init__(self, user):
            self.user_id = user.pk if user else None

        def __str__(self):
            return "孙执法"

    assert refusals("renewal_refusals", officer=EnforcementOfficer(cast["shijian_officer"]), on=D(2026, 3, 1))
    assert refusals("renewal_refusals", officer=EnforcementOfficer(None), on=D(2026, 3, 1)) == []


def test_the_units_count_of_people_meeting_their_hours_follows_the_years_requirement(cast):
    from yifa.training.interface import hours_met_by_unit

    market = cast["市场监管局"]
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    course(cast, "shijian_liaison", [officer, head], on=D(2025, 5, 6), hours=Decimal("30"))
    met, total = hours_met_by_unit(2025)[market.pk]
    assert met == 0 and total >= 2  # 30 of the default 40 (general) and 80 (enforcement)
    services.requirement_set(by=cast["reviewer"], year=2025, kind=OfficerKind.GENERAL, hours=24, basis="要点")
    services.requirement_set(by=cast["reviewer"], year=2025, kind=OfficerKind.ENFORCEMENT, hours=30, basis="要点")
    assert hours_met_by_unit(2025)[market.pk] == (2, total)
    assert hours_met_by_unit(2026).get(market.pk, (0, 0))[0] == 0


def test_the_enforcement_modules_renewal_is_refused_below_the_hours_and_allowed_at_them(cast):
    """End to end: the enforcement module's own renewal, asking this module through the registry."""
    from yifa.core.errors import GateBlocked
    from yifa.enforcement import services as enforcement
    from yifa.enforcement.models import Certificate

    legal, officer = cast["legal_head"], cast["shijian_officer"]
    body = enforcement.body_add(
        by=legal,
        unit=cast["市场监管局"],
        name="江临市市场监督管理局",
        fields="市场监管",
        legal_basis="行政处罚法第十七条",
    )
    record = enforcement.officer_add(by=legal, body=body, name="孙执法", user=officer)
    cert = enforcement.certificate_issue(
        by=legal,
        officer=record,
        number="37010009",
        field="市场监管",
        issuer="山东省人民政府",
        valid_from=D(2023, 1, 1),
        valid_until=D(2026, 6, 30),
        on=D(2023, 1, 1),
    )
    course(cast, "shijian_liaison", [officer], on=D(2025, 6, 10), hours=Decimal("72"))
    with pytest.raises(GateBlocked) as exc:
        enforcement.certificate_renew(by=legal, certificate=cert, valid_until=D(2029, 6, 30), on=D(2026, 3, 2))
    assert "2025年度培训学时为72学时，低于要求的80学时" in str(exc.value)
    assert Certificate.objects.get(pk=cert.pk).valid_until == D(2026, 6, 30)

    course(cast, "shijian_liaison", [officer], on=D(2025, 12, 5), hours=Decimal("8"))
    cert.refresh_from_db()
    renewed = enforcement.certificate_renew(
        by=legal, certificate=cert, valid_until=D(2029, 6, 30), expected_version=cert.version, on=D(2026, 3, 2)
    )
    assert renewed.valid_until == D(2029, 6, 30)
