"""The pages of 年审, 评议考核, the fine's execution, 代履行 and hand-over: what each role sees and may do."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from yifa.core.procedure import fire
from yifa.enforcement.flows import CASE_FLOW
from yifa.enforcement.models import Appraisal, Case, CertificateReview, CoercionCase

from .conftest import file_case


def test_officer_page_shows_an_overdue_review_and_the_legal_office_records_it(cast, login, officers):
    cert = officers[0]  # issued 2024-01-01, never reviewed: overdue since 2025-01-01
    legal = login(cast["legal_head"])
    page = legal.get(reverse("enforcement:officer", args=[cert.officer_id])).content.decode()
    assert "已于2025-01-01到期未审" in page and "第十条第一款" in page
    url = reverse("enforcement:certificate_act", args=[cert.pk, "annual_review"])
    response = legal.post(url, {"annual_review-version": cert.version, "annual_review-passed": "on"})
    assert response.status_code == 302
    cert.refresh_from_db()
    assert cert.last_reviewed_on == timezone.localdate()
    page = legal.get(reverse("enforcement:officer", args=[cert.officer_id])).content.decode()
    assert "到期未审" not in page.split("执法证37010001")[1].split("</section>")[0]
    assert "合格" in page


def test_an_officer_cannot_review_certificates_from_the_page(cast, login, officers):
    cert = officers[0]
    url = reverse("enforcement:certificate_act", args=[cert.pk, "annual_review"])
    response = login(cast["shijian_head"]).post(
        url, {"annual_review-version": cert.version, "annual_review-passed": "on"}
    )
    assert response.status_code == 403 and not CertificateReview.objects.exists()


def test_appraisal_form_names_the_bad_field_and_writes_nothing(cast, login, officers):
    officer = officers[0].officer
    legal = login(cast["legal_head"])
    url = reverse("enforcement:officer", args=[officer.pk])
    data = {"form": "appraisal", "appraisal-year": "1990", "appraisal-grade": "competent"}
    response = legal.post(url, data)
    assert response.status_code == 400
    assert "考核年度：须为2000年至" in response.content.decode() and not Appraisal.objects.exists()
    response = legal.post(url, {**data, "appraisal-year": "2025", "appraisal-remark": "依法履职"})
    assert response.status_code == 302
    page = legal.get(url).content.decode()
    assert "2025" in page and "称职" in page and "依法履职" in page


def test_case_page_shows_the_payment_period_and_the_late_fine(cast, login, body, officers):
    today = timezone.localdate()
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    start = today - dt.timedelta(days=60)
    case = file_case(cast, body, officers, on=start)
    case = fire(CASE_FLOW, case, "notify", by=officer, on=start, penalty_kinds=["fine"], fine="2000")
    case = fire(CASE_FLOW, case, "decide", by=head, on=start, decision_number="江市监罚字〔2026〕5号")
    case = fire(CASE_FLOW, case, "serve", by=officer, on=start)
    staff = login(officer)
    url = reverse("enforcement:act", args=[case.pk, "late_fine"])
    assert staff.post(url, {"late_fine-version": case.version}).status_code == 302
    page = staff.get(case.get_absolute_url()).content.decode()
    case.refresh_from_db()
    assert f"罚款缴纳期限至{case.late_fine_from:%Y-%m-%d}" in page and "第六十七条第三款" in page
    assert f"截至今日{case.late_fine_on(today)}元" in page and "第七十二条第一款第一项" in page
    assert "催告并强制执行或代履行" in page


def test_the_head_hands_a_case_over_from_its_page(cast, login, body, officers):
    case = file_case(cast, body, officers)
    url = reverse("enforcement:act", args=[case.pk, "hand_over"])
    data = {
        "hand_over-version": case.version,
        "hand_over-recipient": "江北市市场监督管理局",
        "hand_over-reason": "发生地在江北市",
    }
    assert login(cast["shijian_officer"]).post(url, data).status_code == 403
    head = login(cast["shijian_head"])
    assert head.post(url, data).status_code == 302
    assert Case.objects.get().handed_to == "江北市市场监督管理局"
    assert "移送江北市市场监督管理局" in head.get(case.get_absolute_url()).content.decode()


def test_execution_of_a_penalty_decision_is_started_from_the_case(cast, login, body, officers):
    case = file_case(cast, body, officers)
    staff = login(cast["shijian_officer"])
    url = reverse("enforcement:coercion_new") + f"?case={case.pk}"
    form = staff.get(url).content.decode()
    assert "执行行政处罚决定" in form and "江临市某某食品有限公司" in form
    comply_by = timezone.localdate() + dt.timedelta(days=10)
    response = staff.post(
        url,
        {
            "body": body.pk,
            "number": "江市监代〔2026〕9号",
            "kind": "substitute",
            "party_kind": "organisation",
            "party_name": "江临市某某食品有限公司",
            "subject": "拆除占道设施，恢复原状",
            "legal_basis": "《中华人民共和国行政强制法》第五十条",
            "comply_by": comply_by.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()
    coercion = CoercionCase.objects.get()
    assert coercion.penalty_case == case and coercion.state == "urged"
    page = staff.get(coercion.get_absolute_url()).content.decode()
    assert str(case) in page


def test_another_unit_cannot_start_execution_of_a_case(cast, login, body, officers):
    case = file_case(cast, body, officers)
    response = login(cast["minzheng_liaison"]).get(reverse("enforcement:coercion_new") + f"?case={case.pk}")
    assert response.status_code in (403, 404)


def test_the_service_of_an_urging_notice_is_recorded_from_the_page_and_a_blank_day_is_refused(cast, login, body):
    from yifa.enforcement import procedures

    today = timezone.localdate()
    case = procedures.coercion_start(
        by=cast["shijian_officer"],
        body=body,
        number="江市监催〔2026〕5号",
        kind="court",
        party_kind="organisation",
        party_name="江临市某某食品有限公司",
        subject="罚款10000元",
        legal_basis="《中华人民共和国行政强制法》第五十四条",
        decision_served_on=today - dt.timedelta(days=200),
        on=today,
    )
    staff = login(cast["shijian_officer"])
    page = staff.get(case.get_absolute_url()).content.decode()
    assert "登记催告书送达" in page and "催告书送达日" in page
    url = reverse("enforcement:coercion_act", args=[case.pk, "serve_urge"])
    refused = staff.post(url, {"serve_urge-version": case.version, "serve_urge-served_on": ""})
    assert refused.status_code == 400 and "催告书送达日：必须填写" in refused.content.decode()
    assert CoercionCase.objects.get().urge_served_on is None
    served = {"serve_urge-version": case.version, "serve_urge-served_on": today.isoformat()}
    assert staff.post(url, served).status_code == 302
    assert CoercionCase.objects.get().urge_served_on == today
    other = login(cast["minzheng_liaison"]).post(url, served)
    assert other.status_code in (403, 404)


def test_an_immediate_substitute_performance_is_recorded_on_its_own_page(cast, login, body):
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff = login(cast["shijian_officer"])
    assert "立即代履行" in staff.get(reverse("enforcement:coercion_list")).content.decode()
    url = reverse("enforcement:coercion_substitute_now")
    form = staff.get(url).content.decode()
    assert "立即实施代履行" in form and "第五十二条" in form and 'enctype="multipart/form-data"' in form
    fields = {
        "body": body.pk,
        "number": "江市监代〔2026〕7号",
        "party_kind": "organisation",
        "party_name": "江临市某某运输有限公司",
        "subject": "滨江路遗洒的砂石",
        "legal_basis": "《中华人民共和国行政强制法》第五十二条",
        "supervisor": "钱执法",
        "cost": "800",
        "party_absent": "on",
    }
    refused = staff.post(url, {**fields, "immediate_reason": ""})
    assert refused.status_code == 400
    assert "立即代履行的理由：须写明需立即清除的遗洒物、障碍物或者污染物" in refused.content.decode()
    assert "签名的执行文书：必须上传" in refused.content.decode()
    assert not CoercionCase.objects.exists()
    record = SimpleUploadedFile("执行文书.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    done = staff.post(url, {**fields, "immediate_reason": "砂石遗洒于主干道，影响通行安全", "signed_record": record})
    assert done.status_code == 302, done.content.decode()
    case = CoercionCase.objects.get()
    assert case.state == "performed" and case.kind == "substitute" and case.signed_record_id and case.party_absent
    assert "事后通知当事人" in staff.get(case.get_absolute_url()).content.decode()
    assert login(cast["minzheng_liaison"]).post(url, fields).status_code in (400, 403)
    assert CoercionCase.objects.count() == 1
