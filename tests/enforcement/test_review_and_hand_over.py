"""执法证年审 (the province's 资格管理 article; frequency and effect are settings), the yearly 评议考核
(处罚法第七十五条), and handing a case to the competent administrative organ (处罚法第二十二条、第二十三条)."""

import pytest

from yifa.core.clocks import clocks_of
from yifa.core.errors import AccessDenied, GateBlocked, InvalidInput
from yifa.core.models import Event
from yifa.core.procedure import fire
from yifa.enforcement import rules, services
from yifa.enforcement.flows import CASE_FLOW, CERTIFICATE_FLOW
from yifa.enforcement.models import Appraisal, Case, CertificateReview

from .conftest import D, file_case

LETTER = ("移送函.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def test_overdue_annual_review_keeps_an_officer_off_new_cases_when_the_city_so_chooses(
    cast, legal, body, officers, settings
):
    settings.ENFORCEMENT_REVIEW_BLOCKS = True
    # 2024年1月1日发证，十二个月后（2025年1月1日）年审到期，未年审
    assert officers[0].review_due == D(2025, 1, 1) and officers[0].review_overdue_on(D(2026, 9, 1))
    with pytest.raises(GateBlocked) as refused:
        file_case(cast, body, officers, on=D(2026, 9, 1))
    text = "；".join(refused.value.unmet)
    assert "孙执法的执法证37010001年审已于2025年1月1日到期未审，不能承办新案件" in text
    assert "（《山东省行政执法监督条例》（2014年）第十条第一款）" in text
    assert not Case.objects.exists()

    officers = [
        fire(CERTIFICATE_FLOW, cert, "annual_review", by=legal, on=D(2026, 8, 20), passed=True, opinion="")
        for cert in officers
    ]
    assert officers[0].review_due == D(2027, 8, 20)
    assert file_case(cast, body, officers, on=D(2026, 9, 1)).officers.count() == 2


def test_overdue_review_is_shown_but_does_not_block_by_default(cast, body, officers):
    assert rules.review_blocks() is False
    assert officers[0].review_overdue_on(D(2026, 9, 1))
    assert file_case(cast, body, officers, on=D(2026, 9, 1)).state == "filed"


def test_review_frequency_is_a_setting(officers, settings):
    settings.ENFORCEMENT_REVIEW_MONTHS = 24
    assert officers[0].review_due == D(2026, 1, 1)


def test_a_failed_review_needs_a_reason_and_leaves_the_certificate_overdue(legal, officers):
    with pytest.raises(GateBlocked, match="年审不合格的须写明理由"):
        fire(CERTIFICATE_FLOW, officers[0], "annual_review", by=legal, on=D(2026, 8, 20), passed=False, opinion="")
    assert not CertificateReview.objects.exists()
    cert = fire(
        CERTIFICATE_FLOW, officers[0], "annual_review", by=legal, on=D(2026, 8, 20), passed=False, opinion="未完成培训"
    )
    assert cert.last_reviewed_on is None and cert.review_overdue_on(D(2026, 8, 21))
    review = CertificateReview.objects.get()
    assert (review.passed, review.opinion, review.reviewer) == (False, "未完成培训", legal)
    assert Event.objects.filter(action="certificate.annual_review").get().data["passed"] is False


def test_only_the_legal_office_reviews_certificates(cast, officers):
    with pytest.raises(AccessDenied):
        fire(CERTIFICATE_FLOW, officers[0], "annual_review", by=cast["shijian_head"], passed=True)


def test_yearly_appraisal_once_per_officer_and_year(legal, officers):
    officer = officers[0].officer
    services.appraisal_add(by=legal, officer=officer, year=2025, grade="excellent", remark="规范", on=D(2026, 1, 20))
    with pytest.raises(InvalidInput) as refused:
        services.appraisal_add(by=legal, officer=officer, year=2025, grade="competent", on=D(2026, 1, 21))
    assert "孙执法的2025年度评议考核已登记" in refused.value.errors["year"]
    assert "第七十五条第一款" in refused.value.errors["year"]
    with pytest.raises(InvalidInput) as refused:
        services.appraisal_add(by=legal, officer=officer, year=2026, grade="great", on=D(2026, 1, 21))
    grade = refused.value.errors["grade"]
    assert grade.startswith("评议考核结果（《中华人民共和国行政处罚法》（2021年）第七十五条第一款）：须为优秀")
    assert list(Appraisal.objects.values_list("year", "grade")) == [(2025, "excellent")]
    assert Event.objects.filter(action="enforcement.appraisal_add").count() == 1


def test_only_the_legal_office_records_appraisals(cast, officers):
    with pytest.raises(AccessDenied):
        services.appraisal_add(by=cast["shijian_head"], officer=officers[0].officer, year=2025, grade="competent")
    assert not Appraisal.objects.exists()


def test_a_case_outside_the_organs_competence_is_handed_over_with_receiving_organ_and_date(cast, body, officers):
    case = file_case(cast, body, officers, on=D(2026, 9, 1))
    head = cast["shijian_head"]
    with pytest.raises(GateBlocked, match="接收机关：必须填写"):
        fire(CASE_FLOW, case, "hand_over", by=head, on=D(2026, 9, 3), recipient="", reason="违法行为发生地在外市")
    with pytest.raises(AccessDenied):
        fire(CASE_FLOW, case, "hand_over", by=cast["shijian_officer"], recipient="x", reason="y")
    case = fire(
        CASE_FLOW,
        case,
        "hand_over",
        by=head,
        on=D(2026, 9, 3),
        recipient="江北市市场监督管理局",
        reason="违法行为发生地在江北市（处罚法第二十二条）",
        letter=LETTER,
    )
    assert (case.state, case.handed_to, case.handed_on) == ("handed", "江北市市场监督管理局", D(2026, 9, 3))
    assert case.hand_over_letter is not None
    assert clocks_of(case, rule=rules.DECISION, open_only=False).get().status == "cancelled"
    event = Event.objects.filter(action="penalty_case.hand_over").get()
    assert event.data["recipient"] == "江北市市场监督管理局" and "江北市" in event.reason
