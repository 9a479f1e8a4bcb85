"""Staff pages within scope, the portal without personal data, list pages within a query budget."""

import datetime as dt

import pytest
from django.utils import timezone

from yifa.core.procedure import fire
from yifa.licensing.flows import APPLICATIONS
from yifa.licensing.models import Application

D = dt.date


def test_the_organ_sees_its_application_with_personal_data_another_department_does_not(cast, receive, login):
    app = receive(D(2025, 11, 3))
    page = login(cast["shijian_liaison"]).get(app.get_absolute_url())
    assert page.status_code == 200
    assert "91330100MA2B3C4D5E" in page.content.decode() and "13812345678" in page.content.decode()
    assert login(cast["minzheng_liaison"]).get(app.get_absolute_url()).status_code == 403
    assert app.number not in login(cast["minzheng_liaison"]).get("/staff/licensing/applications/").content.decode()


def test_the_legal_office_sees_the_application_masked_only_where_it_has_no_need(cast, receive, login):
    app = receive(D(2025, 11, 3))
    body = login(cast["mayor"]).get(app.get_absolute_url()).content.decode()
    assert "91330100MA2B3C4D5E" in body  # the mayor's unit (the city) contains the organ: its staff
    body = login(cast["expert"]).get("/staff/licensing/applications/")
    assert app.number not in body.content.decode()


def test_personal_data_is_encrypted_at_rest(cast, receive):
    from django.db import connection

    app = receive(D(2025, 11, 3))
    with connection.cursor() as cursor:
        cursor.execute("select applicant_id_number, applicant_phone from licensing_application where id = %s", [app.pk])
        stored = cursor.fetchone()
    assert "91330100MA2B3C4D5E" not in stored[0] and "13812345678" not in stored[1]


def test_actions_on_the_page_follow_the_flow(cast, receive, login):
    app = receive(timezone.localdate())
    client = login(cast["shijian_liaison"])
    body = client.get(app.get_absolute_url()).content.decode()
    assert "一次告知补正" in body and "受理并出具受理凭证" in body and "作出准予行政许可决定" not in body
    response = client.post(
        f"/staff/licensing/applications/{app.pk}/act/request_correction/",
        {"request_correction-version": app.version, "request_correction-items": "补交营业执照"},
    )
    assert response.status_code == 302
    assert Application.objects.get(pk=app.pk).state == "correction"
    stale = client.post(
        f"/staff/licensing/applications/{app.pk}/act/receive_correction/", {"receive_correction-version": app.version}
    )
    assert stale.status_code == 400 and "已被" in stale.content.decode()


def test_another_department_cannot_act(cast, receive, login):
    app = receive(D(2025, 11, 3))
    response = login(cast["minzheng_liaison"]).post(
        f"/staff/licensing/applications/{app.pk}/act/accept/", {"accept-version": app.version}
    )
    assert response.status_code == 403
    assert Application.objects.get(pk=app.pk).state == "received"


def test_pages_need_a_login(client, food_item):
    for url in LISTS:
        assert client.get(url).status_code == 302


LISTS = [
    "/staff/licensing/applications/",
    "/staff/licensing/certificates/",
    "/staff/licensing/",
    "/staff/licensing/statistics/?year=2025",
]


@pytest.mark.parametrize("url", LISTS)
def test_lists_stay_flat(cast, receive, login, django_assert_max_num_queries, url):
    liaison = cast["shijian_liaison"]
    for i in range(12):
        app = receive(D(2025, 11, 3))
        fire(APPLICATIONS, app, "accept", by=liaison, on=D(2025, 11, 3), expected_version=app.version)
        app.refresh_from_db()
        fire(
            APPLICATIONS,
            app,
            "grant",
            by=liaison,
            on=D(2025, 11, 4),
            expected_version=app.version,
            decision_number=f"决{i}",
        )
        app.refresh_from_db()
        fire(
            APPLICATIONS, app, "issue", by=liaison, on=D(2025, 11, 5), expected_version=app.version, number=f"JY{i:04d}"
        )
    client = login(liaison)
    client.get(url)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_portal_list_stays_flat(client, food_item, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get("/licensing/").status_code == 200
