"""Inputs that used to give a server error: control characters anywhere (PostgreSQL refuses NUL) and
numbers beyond any range. Each now gets a Chinese 400/422, or is clamped, and nothing is written."""

import json

import pytest
from django.test import RequestFactory

from yifa.core.middleware import first_control_character_field
from yifa.core.models import Unit
from yifa.decisions.models import Comment

pytestmark = pytest.mark.django_db


def test_anonymous_search_with_a_nul_gets_a_chinese_400(client):
    response = client.get("/search/?q=a%00b")
    assert response.status_code == 400
    assert "“q”含有不允许的控制字符（如 NUL）" in response.content.decode()


def test_a_public_comment_with_a_nul_is_refused_and_not_stored(client, cast):
    response = client.post(
        "/api/decisions/public/1/comments", json.dumps({"body": "a\u0000b"}), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "“body”含有不允许的控制字符（如 NUL），请删除后重新提交", "field": "body"}
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "url", ["/staff/people/?q=a%00b", "/staff/deadlines/?status=%00", "/api/core/deadlines?status=%00"]
)
def test_staff_filters_with_a_nul_get_a_400_not_a_500(cast, login, url):
    assert login(cast["legal_head"]).get(url).status_code == 400


def test_a_staff_form_with_a_control_character_writes_nothing(cast, login):
    before = Unit.objects.count()
    response = login(cast["admin"]).post("/staff/units/", {"name": "新单位\x1b[31m", "kind": "department"})
    assert response.status_code == 400 and "“name”含有不允许的控制字符" in response.content.decode()
    assert Unit.objects.count() == before


def test_nested_json_names_the_field(client):
    body = {"start": "2025-01-01", "days": 5, "pauses": [["2025-01-02", "2025-01-03\u0000"]]}
    response = client.post("/api/core/deadline", json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "pauses"


@pytest.mark.parametrize(
    "text, bad",
    [
        ("第一段\n第二段\r\n\t缩进", None),
        ("响铃\x07", "body"),
        ("删除\x7f", "body"),
        ("换页\x0c", "body"),
    ],
)
def test_tabs_and_line_breaks_pass_other_controls_do_not(text, bad):
    form = RequestFactory().post("/x/", {"body": text})
    assert first_control_character_field(form) == bad
    as_json = RequestFactory().post("/x/", json.dumps({"body": text}), content_type="application/json")
    assert first_control_character_field(as_json) == bad


def test_control_characters_in_a_parameter_name_or_the_path(client):
    assert client.get("/search/?a%01=1").status_code == 400
    assert client.get("/search/%00").status_code == 400


@pytest.mark.parametrize(
    "url, message",
    [
        ("/api/core/units?page=9223372036854775808", "page：数值过大"),
        ("/api/core/deadlines?within_days=100000000", "within_days：数值过大"),
        ("/api/core/deadlines?within_days=-1.2e23", "within_days：须为整数"),
        ("/api/core/deadlines?unit=99999999999999999999", "unit：数值过大"),
    ],
)
def test_out_of_range_api_numbers_get_a_chinese_422(cast, login, url, message):
    response = login(cast["reviewer"]).get(url)
    assert response.status_code == 422 and message in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/staff/deadlines/?page=9223372036854775808",
        "/staff/deadlines/?unit=99999999999999999999",
        "/staff/overdue/?page=-5",
        "/staff/audit/?page=99999999999999999999999",
        "/staff/people/?page=1e9",
        "/staff/inbox/?page=9223372036854775808",
    ],
)
def test_out_of_range_page_numbers_on_staff_pages_are_clamped(cast, login, url):
    assert login(cast["admin"]).get(url).status_code == 200
