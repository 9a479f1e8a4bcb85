"""The REST API: token authentication, Chinese JSON errors naming the field, pagination, OpenAPI."""

import re

import pytest

from yifa.core.models import ApiToken, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(cast):
    _, raw = ApiToken.issue(user=cast.people["minzheng_liaison"], name="办公系统对接")
    return raw


def test_a_system_calls_the_api_with_its_bearer_token(client, cast, token):
    response = client.get("/api/core/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json() == {
        "username": "minzheng_liaison",
        "full_name": "民政联络员",
        "unit": "江临市民政局",
        "roles": ["liaison"],
        "sees_everything": False,
    }
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize("header", ["Bearer yf_wrong", "Bearer ", "Token abc", "yf_nothing"])
def test_a_bad_token_gets_401_in_chinese(client, cast, token, header):
    response = client.get("/api/core/me", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json() == {"detail": "未登录或令牌无效", "field": None}
    assert "未登录" in response.content.decode()  # readable Chinese, not \\u escapes


def test_a_revoked_token_or_inactive_user_is_refused(client, cast, token):
    ApiToken.objects.update(revoked=True)
    assert client.get("/api/core/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    ApiToken.objects.update(revoked=False)
    cast.people["minzheng_liaison"].is_active = False
    cast.people["minzheng_liaison"].save()
    assert client.get("/api/core/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_token_sees_only_what_its_person_may_see(client, cast, token, reply_rule):
    from datetime import date

    from yifa.core.clocks import start_clock

    for name in ("民政局", "市场监管局"):
        start_clock(subject=cast.units[name], rule=reply_rule, start=date(2026, 9, 24), unit=cast.units[name])
    items = client.get("/api/core/deadlines", HTTP_AUTHORIZATION=f"Bearer {token}").json()["items"]
    assert [i["unit_id"] for i in items] == [cast.units["民政局"].pk]
    assert items[0]["due"] == "2026-10-15"


def test_lists_are_paginated_by_page_and_size(client, cast, token):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    total = Unit.objects.count()
    first = client.get("/api/core/units?size=5", **auth).json()
    assert (len(first["items"]), first["page"], first["size"], first["has_next"]) == (5, 1, 5, True)
    last_page = (total + 4) // 5
    last = client.get(f"/api/core/units?size=5&page={last_page}", **auth).json()
    assert len(last["items"]) == total - 5 * (last_page - 1) and last["has_next"] is False
    names = [
        u["name"]
        for p in range(1, last_page + 1)
        for u in client.get(f"/api/core/units?size=5&page={p}", **auth).json()["items"]
    ]
    assert len(names) == len(set(names)) == total


@pytest.mark.parametrize(
    "query, field, message",
    [
        ("page=0", "page", "page：数值过小"),
        ("size=500", "size", "size：数值过大"),
        ("page=abc", "page", "page：须为整数"),
    ],
)
def test_bad_query_parameters_get_422_naming_the_field(client, cast, token, query, field, message):
    response = client.get(f"/api/core/units?{query}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 422
    assert response.json()["detail"] == message and response.json()["field"] == field


def test_the_deadline_calculator_answers_with_the_explanation(client, cast):
    response = client.post(
        "/api/core/deadline", {"start": "2025-09-26", "days": 20, "workdays": True}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["due"] == "2025-10-30"
    assert response.json()["explanation"][-1] == "届满日为2025年10月30日"


def test_bad_calculator_input_names_every_bad_field(client, cast):
    response = client.post(
        "/api/core/deadline", {"start": "2025-13-01", "days": "abc"}, content_type="application/json"
    )
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "start"
    assert body["errors"] == {"start": "start：须为日期（YYYY-MM-DD）", "days": "days：须为整数"}


def test_an_impossible_period_is_refused_in_chinese(client, cast):
    response = client.post("/api/core/deadline", {"start": "2025-01-01", "days": 0}, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "期限计算：期限天数必须为正整数", "field": "days"}


def test_a_body_that_is_not_json_is_refused_in_chinese(client, cast):
    response = client.post("/api/core/deadline", "{bad", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "请求体不是合法的JSON", "field": "body"}


def test_rules_are_public(client, db):
    rules = client.get("/api/core/rules").json()
    assert any(r["id"] == "core.start_day_not_counted" and r["article"] == "第二百零一条第一款" for r in rules)


def test_openapi_schema_and_docs_are_served_without_a_cdn(client, db):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "依法 yifa API"
    assert "/api/core/deadlines" in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "swagger-ui-bundle.js" in page
    external = re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert external == [] and "https://" not in page
