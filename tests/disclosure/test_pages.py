"""Staff pages: each unit sees its own requests, the applicant's identity is masked for those without need,
and the lists stay flat as they grow."""

import datetime as dt

import pytest

from yifa.core.models import Deadline
from yifa.disclosure.models import Request

D = dt.date
pytestmark = pytest.mark.django_db


def test_unit_staff_register_a_counter_request_and_see_its_clock(cast, login):
    c = login(cast["minzheng_liaison"])
    response = c.post(
        "/staff/disclosure/requests/new/",
        {
            "unit": cast["民政局"].pk,
            "channel": "counter",
            "submitted_on": "2026-11-25",
            "received_on": "2026-11-25",
            "applicant_kind": "person",
            "applicant_name": "周九",
            "applicant_id_number": "110101199003071233",
            "applicant_phone": "13700001111",
            "content": "2026年低保资金发放明细",
        },
    )
    r = Request.objects.get()
    assert response.status_code == 302 and response["Location"] == r.get_absolute_url()
    page = c.get(r.get_absolute_url()).content.decode()
    assert "答复申请" in page and "110101199003071233" in page and "act/request_clarification/" in page
    assert Deadline.objects.filter(rule_id="disclosure.reply").get().due == D(2026, 12, 23)


def test_counter_request_received_on_another_day_is_refused_naming_article_31(cast, login):
    c = login(cast["minzheng_liaison"])
    response = c.post(
        "/staff/disclosure/requests/new/",
        {
            "unit": cast["民政局"].pk,
            "channel": "counter",
            "submitted_on": "2026-11-20",
            "received_on": "2026-11-25",
            "applicant_kind": "person",
            "applicant_name": "周九",
            "content": "低保资金",
        },
    )
    assert response.status_code == 400
    assert "当面提交的申请以提交之日为收到申请之日" in response.content.decode()
    assert "第三十一条" in response.content.decode()
    assert not Request.objects.exists()


def test_another_department_cannot_open_the_request(cast, login, register):
    r = register(D(2026, 11, 2))
    response = login(cast["jiaotong_liaison"]).get(r.get_absolute_url())
    assert response.status_code == 403


def test_the_legal_office_watches_with_the_applicant_masked(cast, login, register):
    r = register(D(2026, 11, 2))
    page = login(cast["reviewer"]).get(r.get_absolute_url()).content.decode()
    assert "110101199003071233" not in page and "13700001111" not in page
    assert "答复申请" in page
    assert "act/request_clarification/" not in page  # watching, not handling


def test_pages_need_a_login(client, cast, register):
    r = register(D(2026, 11, 2))
    for url in ("/staff/disclosure/", "/staff/disclosure/requests/", r.get_absolute_url()):
        assert client.get(url).status_code == 302


def test_request_list_stays_flat(cast, login, register, django_assert_max_num_queries):
    for day in range(2, 27):
        register(D(2026, 11, day if D(2026, 11, day).weekday() < 5 else 2), content=f"第{day}号文件")
    c = login(cast["minzheng_liaison"])
    with django_assert_max_num_queries(14):
        response = c.get("/staff/disclosure/requests/")
    assert response.status_code == 200 and response.content.decode().count("答复申请") >= 20


def test_board_shows_late_clocks_in_red(cast, login, register):
    register(D(2026, 9, 18))  # due 2026-10-22, today is later
    page = login(cast["reviewer"]).get("/staff/disclosure/").content.decode()
    assert "rag-red" in page and "民政局" in page


def test_board_stays_flat(cast, login, register, django_assert_max_num_queries):
    for month in range(1, 11):
        register(D(2026, month, 12), content=f"{month}月资金明细")
    c = login(cast["reviewer"])
    with django_assert_max_num_queries(18):  # 16, the unread count of the 通知 link and the menu's intake check
        assert c.get("/staff/disclosure/").status_code == 200


def test_staff_cannot_register_an_online_request_themselves(cast, register):
    from yifa.core.errors import GateBlocked

    with pytest.raises(GateBlocked, match="第三十一条第三项"):
        register(D(2026, 11, 2), channel="online")
    assert not Request.objects.exists()
