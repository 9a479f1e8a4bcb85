"""Bad input anywhere: a Chinese message naming the field, and nothing half-written."""

import pytest

from yifa.core import services
from yifa.core.errors import InvalidInput, YifaError
from yifa.core.models import CalendarDay, CalendarYear, Event, Unit, User

pytestmark = pytest.mark.django_db

VALID_ID = "11010519491231002X"  # GB 11643-1999 的示例号码，校验码为X


def person(cast, **changes):
    data = dict(
        by=cast.people["admin"],
        username="zhangsan",
        full_name="张三",
        unit=cast.units["民政局"],
        roles=["liaison"],
        password="long-enough-1",
        phone="13800138000",
        id_number=VALID_ID,
    )
    data.update(changes)
    return services.person_create(**data)


def test_a_valid_person_is_created_with_one_event(cast):
    user = person(cast)
    assert user.check_password("long-enough-1") and user.has_role("liaison")
    assert Event.objects.filter(action="person.create").count() == 1


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"id_number": "110105194912310021"}, "id_number", "身份证号：须为18位且校验码正确"),
        ({"id_number": "11010519491231"}, "id_number", "身份证号：须为18位且校验码正确"),
        ({"phone": "1380013800"}, "phone", "电话：须为11位手机号或带区号的固定电话"),
        ({"phone": "call me"}, "phone", "电话：须为11位手机号或带区号的固定电话"),
        ({"username": "张三"}, "username", "登录名：3至40位字母、数字"),
        ({"full_name": "  "}, "full_name", "姓名：必须填写"),
        ({"roles": ["king"]}, "roles", "角色：不认识king"),
        ({"password": "short"}, "password", "密码：至少10位，且须包含大写字母、小写字母、数字、符号中的至少3类"),
    ],
)
def test_person_with_bad_fields_is_refused_naming_the_field(cast, changes, field, message):
    people_before, events_before = User.objects.count(), Event.objects.count()
    with pytest.raises(InvalidInput) as err:
        person(cast, **changes)
    assert err.value.errors[field].startswith(message)
    assert (User.objects.count(), Event.objects.count()) == (people_before, events_before)


def test_all_bad_fields_are_reported_at_once(cast):
    with pytest.raises(InvalidInput) as err:
        person(cast, phone="123", id_number="123")
    assert set(err.value.errors) == {"phone", "id_number"}


def test_a_taken_login_name_is_refused(cast):
    with pytest.raises(YifaError, match="登录名：“minzheng_liaison”已被使用"):
        person(cast, username="minzheng_liaison")


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"name": ""}, "name", "单位名称：必须填写"),
        ({"kind": "empire"}, "kind", "单位类型：须为"),
        ({"name": "江临市民政局"}, "name", "单位名称：上级单位下已有“江临市民政局”"),
        ({"name": "江临市人民政府", "parent": None}, "name", "单位名称：已有名为“江临市人民政府”的顶级单位"),
    ],
)
def test_unit_with_bad_fields_is_refused(cast, changes, field, message):
    data = dict(by=cast.people["admin"], name="江临市统计局", kind="department", parent=cast.city)
    data.update(changes)
    before = Unit.objects.count(), Event.objects.count()
    with pytest.raises(YifaError) as err:
        services.unit_create(**data)
    assert err.value.field == field and err.value.message.startswith(message)
    assert (Unit.objects.count(), Event.objects.count()) == before


def test_person_page_shows_each_error_under_its_field_and_saves_nothing(cast, login):
    before = User.objects.count()
    response = login(cast.people["admin"]).post(
        "/staff/people/",
        {
            "username": "lisi",
            "full_name": "李四",
            "unit": cast.units["民政局"].pk,
            "password": "long-enough-1",
            "phone": "12345",
            "id_number": "110105194912310021",
            "email": "not-an-email",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "有效的" in page  # Django's Chinese message for the e-mail field
    assert User.objects.count() == before
    response = login(cast.people["admin"]).post(
        "/staff/people/",
        {
            "username": "lisi",
            "full_name": "李四",
            "unit": cast.units["民政局"].pk,
            "password": "long-enough-1",
            "phone": "12345",
            "id_number": "110105194912310021",
        },
    )
    page = response.content.decode()
    assert "电话：须为11位手机号或带区号的固定电话" in page
    assert "身份证号：须为18位且校验码正确" in page
    assert User.objects.count() == before


def test_unit_page_refuses_a_duplicate_name(cast, login):
    response = login(cast.people["admin"]).post(
        "/staff/units/", {"name": "江临市民政局", "kind": "department", "parent": cast.city.pk}
    )
    assert response.status_code == 400
    assert "上级单位下已有“江临市民政局”" in response.content.decode()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"date": "2027-02-30", "kind": "holiday"}, "有效的日期"),
        ({"date": "2027-02-08", "kind": "someday"}, "选择一个有效的选项"),
        ({"date": "2027-02-08", "kind": "makeup"}, "日期：2027-02-08是工作日，不能设为调休上班日"),
        ({"date": "1899-02-08", "kind": "holiday"}, "年度：须在2000年至2100年之间"),
        ({"remove": "2027-99-01"}, "日期：“2027-99-01”不是YYYY-MM-DD格式的日期"),
        ({"remove": "2027-03-03"}, "日期：2027-03-03不是节假日或调休上班日"),
        ({"publish": "1", "year": "2027", "source": "x" * 201}, "依据：须填写国务院办公厅通知的文号或名称"),
    ],
)
def test_calendar_editor_refuses_bad_input_in_chinese(cast, login, data, message):
    days, years = CalendarDay.objects.count(), CalendarYear.objects.count()
    response = login(cast.people["admin"]).post("/staff/calendar/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (CalendarDay.objects.count(), CalendarYear.objects.count()) == (days, years)


def test_calendar_editor_saves_removes_and_publishes(cast, login):
    client = login(cast.people["admin"])
    response = client.post("/staff/calendar/", {"date": "2027-02-08", "kind": "holiday", "name": "春节"})
    assert response.status_code == 302 and response["Location"].endswith("?year=2027")
    assert CalendarDay.objects.filter(date="2027-02-08", kind="holiday").exists()
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert client.post("/staff/calendar/", {"remove": "2027-02-08", "year": "2027"}).status_code == 302
    assert not CalendarDay.objects.filter(date="2027-02-08").exists()
    assert (
        client.post("/staff/calendar/", {"publish": "1", "year": "2027", "source": "国办发明电〔2026〕X号"}).status_code
        == 302
    )
    assert CalendarYear.objects.get(year=2027).source == "国办发明电〔2026〕X号"
    assert Event.objects.filter(action__startswith="calendar.").count() == 3


def test_administrator_changes_roles_and_deactivates_with_one_event(cast, login):
    person = cast.people["minzheng_liaison"]
    response = login(cast.people["admin"]).post(
        "/staff/people/", {"action": "update", "upd-user": person.pk, "upd-roles": ["head", "reviewer"]}
    )
    assert response.status_code == 302
    person = User.objects.get(pk=person.pk)
    assert person.role_set == {"head", "reviewer"} and not person.is_active
    event = Event.objects.get(action="person.update")
    assert event.data["before"] == {"roles": ["liaison"], "active": True}
    assert event.data["after"] == {"roles": ["head", "reviewer"], "active": False}


def test_an_administrator_cannot_lock_themself_out(cast, login):
    admin = cast.people["admin"]
    response = login(admin).post("/staff/people/", {"action": "update", "upd-user": admin.pk, "upd-roles": ["admin"]})
    assert response.status_code == 400
    assert "不能停用自己或取消自己的系统管理员角色" in response.content.decode()
    assert User.objects.get(pk=admin.pk).is_active


def test_role_changes_are_refused_to_non_administrators(cast, login):
    person = cast.people["minzheng_liaison"]
    response = login(cast.people["minzheng_head"]).post(
        "/staff/people/", {"action": "update", "upd-user": person.pk, "upd-roles": ["admin"], "upd-is_active": "on"}
    )
    assert response.status_code == 403
    assert User.objects.get(pk=person.pk).role_set == {"liaison"}
