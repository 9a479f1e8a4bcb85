"""Pages and endpoints: who may see what, and what they show."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.conftest import solve_captcha
from yifa.lib.office import xlsx_rows
from yifa.reconsideration import services
from yifa.reconsideration.demo import load
from yifa.reconsideration.models import Case, CaseState

D = dt.date
pytestmark = pytest.mark.django_db

STAFF_PAGES = ["board", "cases", "intake", "inbox", "committee", "opinions", "stats", "settings"]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_pages_need_login(client, name):
    response = client.get(reverse(f"reconsideration:{name}"))
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_legal_office_opens_every_page(cast, login, name):
    load(cast)
    assert login(cast["fuyi"]).get(reverse(f"reconsideration:{name}")).status_code == 200


@pytest.mark.parametrize("name", ["intake", "committee", "settings"])
def test_department_staff_cannot_open_office_pages(cast, login, name):
    assert login(cast["minzheng_liaison"]).get(reverse(f"reconsideration:{name}")).status_code == 403


def test_board_shows_red_for_an_overdue_case_and_asks_for_justification(cast, login):
    load(cast)
    page = login(cast["fuyi"]).get(reverse("reconsideration:board")).content.decode()
    assert "rag-red" in page and "须记录理由" in page and "江自然资源字" in page


def test_respondent_sees_its_own_case_with_masked_personal_data(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    page = login(cast["minzheng_liaison"]).get(case.get_absolute_url()).content.decode()
    assert case.number in page and "1101**********1233" in page and "110101199003071233" not in page
    assert "13812345678" not in page and "查询码" not in page


def test_other_department_cannot_open_the_case(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    assert login(cast["shijian_officer"]).get(case.get_absolute_url()).status_code == 403


def test_case_handler_sees_masked_personal_data_and_the_lookup_code(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    page = login(cast["fuyi"]).get(case.get_absolute_url()).content.decode()
    assert "110101199003071233" not in page and "1101**********1233" in page and case.lookup_code in page


def test_counter_intake_through_the_page(cast, login):
    client = login(cast["fuyi"])
    response = client.post(
        reverse("reconsideration:intake"),
        {
            "channel": "post",
            "received_on": "2025-03-03",
            "applicant_kind": "person",
            "applicant_name": "钱八",
            "respondent_unit": cast.units["人社局"].pk,
            "act_title": "工伤认定决定",
            "act_type": "confirmation",
            "act_date": "2025-02-01",
            "known_on": "2025-02-05",
            "requests": "撤销",
            "facts_reasons": "认定错误",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    assert case.channel == "post" and case.respondent_unit == cast.units["人社局"]


def test_action_form_shows_every_unmet_condition(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4), is_major=True)
    client = login(cast["fuyi"])
    response = client.post(
        reverse("reconsideration:act", args=[case.pk, "propose"]),
        {
            "propose-decision_type": "uphold",
            "propose-decision_text": "维持",
            "propose-findings": "被申请人于2025年1月作出处罚决定",
            "propose-on": "2025-03-10",
            "propose-version": case.version,
        },
        follow=True,
    )
    page = response.content.decode()
    assert "第四十九条" in page and "第五十条第一款" in page and "第五十二条第二款" in page
    case.refresh_from_db()
    assert case.state == CaseState.ACCEPTED


def test_department_cannot_fire_office_actions(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    client = login(cast["minzheng_liaison"])
    client.post(
        reverse("reconsideration:act", args=[case.pk, "suspend"]), {"suspend-ground": "7", "suspend-on": "2025-03-10"}
    )
    case.refresh_from_db()
    assert case.state == CaseState.ACCEPTED


def test_respondent_replies_from_its_inbox_page(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    client = login(cast["minzheng_liaison"])
    assert case.number in client.get(reverse("reconsideration:inbox")).content.decode()
    case.refresh_from_db()
    client.post(
        reverse("reconsideration:reply", args=[case.pk]), {"text": "事实清楚，证据确凿", "version": case.version}
    )
    case.refresh_from_db()
    assert case.reply_text == "事实清楚，证据确凿"


def test_document_download_is_docx_for_the_office_only(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    url = reverse("reconsideration:document", args=[case.pk, "acceptance"])
    response = login(cast["fuyi"]).get(url)
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert login(cast["minzheng_liaison"]).get(url).status_code == 403


def test_statistics_show_correction_rate_and_export(cast, login):
    load(cast)
    client = login(cast["fuyi"])
    year = Case.objects.filter(state="decided").get().closed_on.year
    page = client.get(reverse("reconsideration:stats"), {"year": year}).content.decode()
    assert "100.0%" in page and "江临市交通运输局" in page
    export = client.get(reverse("reconsideration:stats"), {"year": year, "format": "xlsx"})
    headers, rows = xlsx_rows(export.content)
    assert headers == ["项目", "数值"] and ["纠错率（%）", 100] in [list(r) for r in rows]


def test_public_pages_show_only_published_decisions_without_personal_data(cast, client):
    load(cast)
    page = client.get(reverse("portal_reconsideration:decisions")).content.decode()
    case = Case.objects.get(published_on__isnull=False)
    assert case.number in page
    assert not any(c.number in page for c in Case.objects.filter(published_on__isnull=True))
    text = client.get(reverse("portal_reconsideration:decision", args=[case.pk])).content.decode()
    assert "孙某" in text and "孙七" not in text and "13900001111" not in text
    unpublished = Case.objects.filter(published_on__isnull=True).first()
    assert client.get(reverse("portal_reconsideration:decision", args=[unpublished.pk])).status_code == 404
    assert case.number in client.get("/").content.decode()


def test_status_lookup_needs_both_number_and_code(cast, client, receive):
    case = receive(D(2025, 3, 3))
    url = reverse("portal_reconsideration:status")
    wrong = client.post(url, {"number": case.number, "code": "WRONG123"}).content.decode()
    assert "案号或查询码不正确" in wrong and "受理审查中" not in wrong
    right = {"number": case.number, "code": case.lookup_code.lower(), **solve_captcha(wrong)}
    assert "受理审查中" in client.post(url, right).content.decode()


def test_api_lists_only_cases_in_scope(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    assert login(cast["fuyi"]).get("/api/reconsideration/cases").json()["items"][0]["number"] == case.number
    assert login(cast["shijian_officer"]).get("/api/reconsideration/cases").json()["items"] == []
    assert login(cast["shijian_officer"]).get(f"/api/reconsideration/cases/{case.pk}").status_code == 403
    detail = login(cast["minzheng_liaison"]).get(f"/api/reconsideration/cases/{case.pk}").json()
    assert detail["parties"][0]["id_number"] == "1101**********1233"
    assert {c["rule_id"] for c in detail["clocks"]} >= {"reconsideration.decision.2023"}


def test_api_intake_reports_bad_input_in_chinese(cast, login):
    response = login(cast["fuyi"]).post(
        "/api/reconsideration/cases",
        {
            "channel": "post",
            "received_on": "2025-03-03",
            "parties": [{"name": ""}],
            "act_title": "",
            "act_type": "penalty",
            "act_date": "2025-02-01",
            "known_on": "2025-02-05",
            "requests": "",
            "facts_reasons": "x",
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and "申请人" in response.json()["detail"]
    assert not Case.objects.exists()


def test_api_needs_login_except_public_status(client, cast, receive):
    assert client.get("/api/reconsideration/cases").status_code == 401
    case = receive(D(2025, 3, 3))
    response = client.get("/api/reconsideration/status", {"number": case.number, "code": case.lookup_code})
    assert response.status_code == 200 and response.json()["state_label"] == "受理审查中"
    assert client.get("/api/reconsideration/status", {"number": case.number, "code": "X"}).status_code == 404


def test_status_page_hides_internal_deliberation(cast, client, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    services.case_justify_overdue(case=case, by=cast["fuyi"], reason="内部说明")
    page = client.post(
        reverse("portal_reconsideration:status"), {"number": case.number, "code": case.lookup_code}
    ).content.decode()
    assert "受理" in page and "记录超审限理由" not in page


def test_remaining_pages_and_endpoints_refuse_the_wrong_people(cast, login, accepted, client):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    other = login(cast["shijian_officer"])
    assert other.get(reverse("reconsideration:reply", args=[case.pk])).status_code == 403
    assert other.get(reverse("reconsideration:template", args=["decision"])).status_code == 403
    assert other.get(reverse("reconsideration:document", args=[case.pk, "decision"])).status_code == 403
    response = other.post(
        "/api/reconsideration/cases",
        {
            "channel": "post",
            "received_on": "2025-03-03",
            "parties": [{"name": "甲"}],
            "act_title": "决定",
            "act_type": "penalty",
            "act_date": "2025-02-01",
            "known_on": "2025-02-05",
            "requests": "撤销",
            "facts_reasons": "理由",
            "respondent_name": "某局",
        },
        content_type="application/json",
    )
    assert response.status_code == 403
    assert other.get("/api/reconsideration/statistics?year=2025").json()["received"] == 0
    client.logout()
    assert client.get("/api/reconsideration/statistics").status_code == 401
    office = login(cast["fuyi"])
    assert office.get(reverse("reconsideration:template", args=["decision"])).content[:2] == b"PK"
    assert office.get("/api/reconsideration/statistics?year=2025").json()["received"] == 1


def test_staff_record_service_dates_and_a_correction_extension_on_the_case_page(cast, login, receive, accepted):
    case = receive(D(2025, 9, 26))
    services.case_request_correction(case=case, by=cast["fuyi"], items="补充身份证明", on=D(2025, 9, 29))
    outsider = login(cast["minzheng_liaison"])
    outsider.post(
        reverse("reconsideration:act", args=[case.pk, "serve_correction"]),
        {"serve_correction-served_on": "2025-09-30", "serve_correction-on": "2025-10-09"},
    )
    case.refresh_from_db()
    assert case.correction_served_on is None
    client = login(cast["fuyi"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert "登记补正通知送达日" in page
    client.post(
        reverse("reconsideration:act", args=[case.pk, "serve_correction"]),
        {
            "serve_correction-served_on": "2025-09-30",
            "serve_correction-on": "2025-10-09",
            "serve_correction-version": case.version,
        },
    )
    case.refresh_from_db()
    assert case.correction_served_on == D(2025, 9, 30)
    client.post(
        reverse("reconsideration:act", args=[case.pk, "extend_correction"]),
        {
            "extend_correction-days": "3",
            "extend_correction-reason": "申请人出差",
            "extend_correction-on": "2025-10-20",
            "extend_correction-version": case.version,
        },
    )
    case.refresh_from_db()
    assert case.correction_extension_days == 3

    other = accepted(D(2025, 9, 22), D(2025, 9, 26))
    Case.objects.filter(pk=other.pk).update(respondent_unit=None, respondent_name="某省某厅")
    other.refresh_from_db()
    services.case_send_copy(case=other, by=cast["fuyi"], on=D(2025, 9, 30))
    other.refresh_from_db()
    assert "登记外部机关收到副本日期" in client.get(other.get_absolute_url()).content.decode()
    client.post(
        reverse("reconsideration:act", args=[other.pk, "serve_copy"]),
        {"serve_copy-served_on": "2025-10-09", "serve_copy-on": "2025-10-10", "serve_copy-version": other.version},
    )
    other.refresh_from_db()
    assert other.copy_served_on == D(2025, 10, 9)


def test_api_intake_answers_201_with_the_new_case(cast, login):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        response = login(cast["fuyi"]).post(
            "/api/reconsideration/cases",
            {
                "channel": "post",
                "received_on": "2025-03-03",
                "parties": [{"name": "钱八"}],
                "respondent_unit_id": cast.units["人社局"].pk,
                "act_title": "工伤认定决定",
                "act_type": "confirmation",
                "act_date": "2025-02-01",
                "known_on": "2025-02-05",
                "requests": "撤销",
                "facts_reasons": "认定错误",
            },
            content_type="application/json",
        )
    assert response.status_code == 201
    case = Case.objects.get()
    assert response.json()["number"] == case.number and case.respondent_name == "江临市人社局"
