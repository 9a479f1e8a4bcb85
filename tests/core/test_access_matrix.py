"""The role matrix: who may open which staff page and API endpoint, and what each one sees."""

import datetime as dt

import pytest
from django.db import transaction

from yifa.core import clocks
from yifa.core.models import CalendarDay, Event, Unit, User
from yifa.core.uploads import store_upload

pytestmark = pytest.mark.django_db
D = dt.date

PEOPLE = [
    "mayor",
    "reviewer",
    "fuyi",
    "minzheng_liaison",
    "minzheng_head",
    "shijian_officer",
    "town1_liaison",
    "expert",
    "admin",
]
STAFF_PAGES = [
    "/staff/",
    "/staff/deadlines/",
    "/staff/overdue/",
    "/staff/units/",
    "/staff/people/",
    "/staff/calendar/",
    "/staff/rules/",
    "/staff/audit/",
    "/staff/inbox/",
]
API_ENDPOINTS = ["/api/core/me", "/api/core/units", "/api/core/deadlines"]
ADMIN_WRITES = {
    "/staff/units/": {"name": "新设局", "kind": "department"},
    "/staff/people/": {"username": "newbie", "full_name": "新人", "unit": "", "password": "long-enough-1"},
    "/staff/calendar/": {"date": "2027-02-08", "kind": "holiday", "name": "春节"},
}


@pytest.fixture
def clocks_in_two_units(cast, reply_rule):
    made = {}
    for name in ("民政局", "市场监管局", "青石镇"):
        unit = cast.units[name]
        made[name] = clocks.start_clock(
            subject=unit, rule=reply_rule, start=D(2026, 9, 24), unit=unit, title=f"{name}的答复期限"
        )
    return made


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_anonymous_visitors_are_sent_to_login(client, cast, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


@pytest.mark.parametrize("path", API_ENDPOINTS)
def test_anonymous_api_calls_get_401_in_chinese(client, cast, path):
    response = client.get(path)
    assert response.status_code == 401
    assert response.json() == {"detail": "未登录或令牌无效", "field": None}


@pytest.mark.parametrize("who", PEOPLE)
def test_every_staff_member_may_read_the_workspace_pages(login, cast, who):
    client = login(cast.people[who])
    for path in STAFF_PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "依法行政工作平台" in response.content.decode(), path


@pytest.mark.parametrize("who", PEOPLE)
def test_every_staff_member_may_call_the_core_api(login, cast, who):
    client = login(cast.people[who])
    for path in API_ENDPOINTS:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("path", list(ADMIN_WRITES))
def test_only_administrators_may_change_units_people_and_the_calendar(client, cast, path):
    data = dict(ADMIN_WRITES[path])
    if "unit" in data:
        data["unit"] = str(cast.units["民政局"].pk)
    if path == "/staff/units/":
        data["parent"] = str(cast.city.pk)
    for who in PEOPLE:
        client.force_login(cast.people[who])
        counts = Unit.objects.count(), User.objects.count(), CalendarDay.objects.count(), Event.objects.count()
        response = client.post(path, data)
        if who == "admin":
            assert response.status_code == 302, response.content.decode()
        else:
            assert response.status_code == 403, who
            assert "此操作需要系统管理员角色" in response.content.decode()
            assert (
                Unit.objects.count(),
                User.objects.count(),
                CalendarDay.objects.count(),
                Event.objects.count(),
            ) == counts, who


@pytest.mark.parametrize("who, shown", [(p, p == "admin") for p in PEOPLE])
def test_administration_menu_is_shown_to_administrators_only(login, cast, who, shown):
    page = login(cast.people[who]).get("/staff/").content.decode()
    assert ("系统管理" in page) is shown
    assert ('href="/staff/calendar/"' in page) is shown
    assert 'href="/staff/rules/"' in page


SEES = {
    "minzheng_liaison": {"民政局"},
    "minzheng_head": {"民政局"},
    "shijian_officer": {"市场监管局"},
    "town1_liaison": {"青石镇"},
    "expert": set(),
    "reviewer": {"民政局", "市场监管局", "青石镇"},
    "fuyi": {"民政局", "市场监管局", "青石镇"},
    "mayor": {"民政局", "市场监管局", "青石镇"},
    "admin": {"民政局", "市场监管局", "青石镇"},
}


@pytest.mark.parametrize("who", PEOPLE)
def test_departments_see_their_own_deadlines_legal_office_and_leaders_see_all(login, cast, clocks_in_two_units, who):
    client = login(cast.people[who])
    page = client.get("/staff/deadlines/").content.decode()
    api = client.get("/api/core/deadlines").json()["items"]
    for name, deadline in clocks_in_two_units.items():
        visible = name in SEES[who]
        assert (deadline.title in page) is visible, name
        assert (deadline.pk in {d["id"] for d in api}) is visible, name


def test_a_department_cannot_filter_its_way_into_another_units_deadlines(login, cast, clocks_in_two_units):
    client = login(cast.people["minzheng_liaison"])
    other = cast.units["市场监管局"].pk
    assert client.get(f"/api/core/deadlines?unit={other}").json()["items"] == []
    assert "市场监管局的答复期限" not in client.get(f"/staff/deadlines/?unit={other}").content.decode()


@pytest.fixture
def minzheng_file(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with transaction.atomic():
        return store_upload(content="民政局的内部材料".encode(), name="材料.txt", by=cast.people["minzheng_liaison"])


@pytest.mark.parametrize(
    "who, status",
    [
        ("minzheng_liaison", 200),
        ("minzheng_head", 200),
        ("reviewer", 200),
        ("mayor", 200),
        ("admin", 200),
        ("shijian_officer", 403),
        ("town1_liaison", 403),
        ("expert", 403),
    ],
)
def test_attachment_download_only_within_scope(login, cast, minzheng_file, who, status):
    response = login(cast.people[who]).get(f"/staff/attachments/{minzheng_file.pk}/")
    assert response.status_code == status
    if status == 403:
        assert "无权访问该记录" in response.content.decode()


def test_attachment_download_needs_login(client, minzheng_file):
    response = client.get(f"/staff/attachments/{minzheng_file.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_missing_attachment_is_404_in_chinese(login, cast):
    response = login(cast.people["admin"]).get("/staff/attachments/999999/")
    assert response.status_code == 404 and "记录不存在" in response.content.decode()
