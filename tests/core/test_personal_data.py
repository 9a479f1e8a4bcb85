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
def test_people_page_masks_phone_and_id_number_for_those_without_need(login, cast, zhang, who, full):
    page = login(cast.people[who]).get("/staff/people/?q=张三").content.decode()
    assert "张三" in page
    if full:
        assert PHONE in page and ID_NUMBER in page
    else:
        assert PHONE not in page and ID_NUMBER not in page
        assert "138****8000" in page and "1101**********002X" in page


def test_people_page_lists_only_the_own_unit_for_a_department(login, cast, zhang):
    page = login(cast.people["shijian_officer"]).get("/staff/people/").content.decode()
    assert "张三" not in page and "孙执法" in page
