"""Phones and ID numbers: encrypted at rest, masked for those without need, never in the audit log."""

import pytest
from django.db import connection

from yifa.core import services
from yifa.core.models import Event, User

pytestmark = pytest.mark.django_db

PHONE, ID_NUMBER = "13800138000", "11010519491231002X"


@pytest.fixture
def zhang(cast):
    return services.person_create(
        by=cast.people["admin"],
        username="zhangsan",
        full_name="张三",
        unit=cast.units["民政局"],
        roles=["liaison"],
        password="long-enough-1",
        phone=PHONE,
        id_number=ID_NUMBER,
    )


def test_phone_and_id_number_are_stored_encrypted(zhang):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT phone, id_number FROM {User._meta.db_table} WHERE username = %s", ["zhangsan"])
        phone, id_number = cursor.fetchone()
    for stored, plain in ((phone, PHONE), (id_number, ID_NUMBER)):
        assert stored.startswith("enc1:")
        assert plain not in stored and plain[-4:] not in stored
    fresh = User.objects.get(username="zhangsan")
    assert (fresh.phone, fresh.id_number) == (PHONE, ID_NUMBER)


def test_personal_data_never_reaches_the_audit_log(zhang):
    for event in Event.objects.all():
        text = str(event.data) + event.subject_label + event.reason
        assert PHONE not in text and ID_NUMBER not in text


@pytest.mark.parametrize(
    "who, full",
    [
        ("minzheng_liaison", False),
        ("minzheng_head", False),
        ("mayor", False),
        ("admin", True),
        ("reviewer", True),
        ("fuyi", True),
    ],
)
def test_people_page_masks_phone_and_id_number_for_everyone(login, cast, zhang, who, full):
    page = login(cast.people[who]).get("/staff/people/?q=张三").content.decode()
    assert "张三" in page
    assert PHONE not in page and ID_NUMBER not in page
    assert "138****8000" in page and "1101**********002X" in page
    assert (f"/staff/people/{zhang.pk}/reveal/phone/" in page) is full


@pytest.mark.parametrize("who", ["admin", "reviewer", "fuyi"])
def test_revealing_a_phone_or_id_number_shows_it_and_is_audited(login, cast, zhang, who):
    client = login(cast.people[who])
    before = Event.objects.filter(action="personal_data.reveal").count()
    response = client.post(f"/staff/people/{zhang.pk}/reveal/id_number/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response.content.decode() == ID_NUMBER
    event = Event.objects.filter(action="personal_data.reveal").latest("id")
    assert Event.objects.filter(action="personal_data.reveal").count() == before + 1
    assert event.actor == cast.people[who] and event.data == {"field": "身份证号"}
    assert ID_NUMBER not in str(event.data) and ID_NUMBER not in event.subject_label


@pytest.mark.parametrize("who", ["mayor", "minzheng_liaison"])
def test_those_without_need_cannot_reveal_and_nothing_is_logged(login, cast, zhang, who):
    response = login(cast.people[who]).post(f"/staff/people/{zhang.pk}/reveal/phone/")
    assert response.status_code in (403, 404)
    assert PHONE not in response.content.decode()
    assert not Event.objects.filter(action="personal_data.reveal").exists()


def test_people_page_lists_only_the_own_unit_for_a_department(login, cast, zhang):
    page = login(cast.people["shijian_officer"]).get("/staff/people/").content.decode()
    assert "张三" not in page and "孙执法" in page
