"""Every page and endpoint: who sees it, and the lists stay flat as data grows."""

import pytest
from django.urls import reverse

from yifa.core.procedure import fire
from yifa.enforcement.flows import CASE_FLOW

from .conftest import D, file_case

STAFF_PAGES = [
    "enforcement:index",
    "enforcement:officers",
    "enforcement:benchmarks",
    "enforcement:statistics",
    "enforcement:outside",
    "enforcement:bodies",
    "enforcement:new",
    "enforcement:powers",
    "enforcement:power_new",
    "enforcement:body_new",
    "enforcement:officer_new",
    "enforcement:coercion_list",
    "enforcement:coercion_new",
    "enforcement:inspection_list",
    "enforcement:inspection_new",
    "enforcement:transfer_list",
]


def decided_cases(cast, body, officers, n):
    cases = []
    for i in range(n):
        case = file_case(
            cast,
            body,
            officers,
            number=f"江市监处罚〔2026〕{i + 1}号",
            party_kind="person",
            party_name=f"王{i}",
            on=D(2026, 9, 1),
        )
        case = fire(
            CASE_FLOW,
            case,
            "notify",
            by=cast["shijian_officer"],
            on=D(2026, 9, 2),
            penalty_kinds=["warning", "fine"] if i % 2 else ["confiscation", "fine"],
            fine="2000",
        )
        case = fire(
            CASE_FLOW,
            case,
            "decide",
            by=cast["shijian_head"],
            on=D(2026, 9, 3),
            decision_number=f"江市监罚字〔2026〕{i + 1}号",
        )
        cases.append(fire(CASE_FLOW, case, "publish", by=cast["shijian_officer"], on=D(2026, 9, 4)))
    return cases


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_pages_need_a_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/login/" in response.url


def test_case_page_is_scoped_to_its_unit(cast, login, body, officers):
    case = file_case(cast, body, officers)
    url = case.get_absolute_url()
    assert login(cast["shijian_officer"]).get(url).status_code == 200
    assert login(cast["legal_head"]).get(url).status_code == 200
    assert login(cast["minzheng_liaison"]).get(url).status_code == 403
    listing = login(cast["minzheng_liaison"]).get(reverse("enforcement:index")).content.decode()
    assert case.number not in listing


def test_another_unit_cannot_act_on_a_case(cast, login, body, officers):
    case = file_case(cast, body, officers)
    url = reverse("enforcement:act", args=[case.pk, "drop"])
    response = login(cast["minzheng_head"]).post(url, {"drop-version": case.version, "drop-reason": "x"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.state == "filed"


def test_statistics_count_each_case_once_under_its_heaviest_penalty(cast, login, body, officers):
    decided_cases(cast, body, officers, 4)
    page = login(cast["legal_head"]).get(reverse("enforcement:statistics") + "?year=2026").content.decode()
    assert "<tr><td>没收违法所得、没收非法财物</td><td>2</td><td>4000.00</td>" in page
    assert "<tr><td>罚款</td><td>2</td><td>4000.00</td>" in page
    assert "<tr><th>合计</th><th>4</th><th>8000.00</th>" in page
    assert "执法证持证率：100.0%（2/2）" in page


def test_lists_stay_within_the_query_budget(cast, login, body, officers, django_assert_max_num_queries, client):
    decided_cases(cast, body, officers, 12)
    staff = login(cast["legal_head"])
    for name in ("enforcement:index", "enforcement:statistics", "enforcement:outside", "enforcement:officers"):
        with django_assert_max_num_queries(20):
            assert staff.get(reverse(name)).status_code == 200
    with django_assert_max_num_queries(20):
        page = client.get(reverse("portal_enforcement:decisions")).content.decode()
    assert page.count('id="case-') == 12 and "王某" in page and "王1<" not in page


def test_api_lists_scope_and_public_decisions_mask_the_party(cast, login, body, officers, client):
    decided_cases(cast, body, officers, 2)
    mine = login(cast["shijian_officer"]).get("/api/enforcement/cases").json()
    assert len(mine["items"]) == 2
    assert login(cast["minzheng_liaison"]).get("/api/enforcement/cases").json()["items"] == []
    client.logout()
    public = client.get("/api/enforcement/public/decisions").json()["items"]
    assert {d["party"] for d in public} == {"王某"}
    assert client.get("/api/enforcement/cases").status_code == 401


def test_api_certificate_check_shows_nothing_personal(client, officers):
    body = client.get(f"/api/enforcement/public/certificates/{officers[0].code}").json()
    assert body == {
        "number": "37010001",
        "field": "市场监管",
        "issuer": "山东省人民政府",
        "valid_from": "2024-01-01",
        "valid_until": "2028-12-31",
        "status": "有效",
    }


def test_statistics_export_to_excel(cast, login, body, officers):
    from yifa.lib.office import xlsx_rows

    decided_cases(cast, body, officers, 2)
    response = login(cast["legal_head"]).get(reverse("enforcement:statistics") + "?year=2026&format=xlsx")
    assert response["Content-Disposition"].startswith("attachment")
    headers, rows = xlsx_rows(response.content)
    assert headers[:2] == ["处罚种类（按最重处罚计一次）", "案件数"]
    assert ["罚款", 1, 2000] in rows and ["合计", 2, 4000] in rows


def test_record_pages_of_the_demo_stay_within_the_query_budget(cast, login, django_assert_max_num_queries):
    from yifa.enforcement import demo
    from yifa.enforcement.models import Body, CoercionCase, InspectionCase, Officer, Power, Transfer

    demo.load(cast)
    records = [
        *Power.objects.all(),
        *Body.objects.all(),
        *Officer.objects.all(),
        *CoercionCase.objects.all(),
        *InspectionCase.objects.all(),
        *Transfer.objects.all(),
    ]
    for viewer in ("legal_head", "shijian_head"):
        staff = login(cast[viewer])
        for record in records:
            with django_assert_max_num_queries(20):
                response = staff.get(record.get_absolute_url())
            assert response.status_code == 200, (viewer, record)


def test_case_list_pages_forward_and_back_from_a_known_case(cast, login, body, officers):
    import re

    cases = [file_case(cast, body, officers, number=f"江市监处罚〔2026〕{n}号") for n in range(1, 26)]
    staff = login(cast["shijian_officer"])
    first = staff.get(reverse("enforcement:index")).content.decode()
    assert "江市监处罚〔2026〕25号" in first and "江市监处罚〔2026〕6号<" in first and "〔2026〕5号<" not in first
    after = re.search(r"after=(\d+)", first).group(1)
    assert int(after) == cases[5].pk
    second = staff.get(reverse("enforcement:index") + f"?after={after}").content.decode()
    assert "〔2026〕5号<" in second and "〔2026〕1号<" in second and "〔2026〕6号<" not in second
    assert "after=" not in second
    before = re.search(r"before=(\d+)", second).group(1)
    back = staff.get(reverse("enforcement:index") + f"?before={before}").content.decode()
    assert "〔2026〕25号<" in back and "〔2026〕6号<" in back and "〔2026〕5号<" not in back
    assert "before=" not in back
