"""The 通知 link shows how many notices are unread, and the count goes once they are read."""

import pytest

from yifa.core.models import Notification

pytestmark = pytest.mark.django_db


def inbox_link(page: str) -> str:
    nav = page.split('<nav class="sidenav"', 1)[1]
    return nav.split('href="/staff/inbox/"', 1)[1].split("</a>", 1)[0]


def test_the_inbox_link_counts_unread_notices(login, cast):
    person = cast.people["minzheng_liaison"]
    for i in range(3):
        Notification.objects.create(user=person, key=f"t{i}", title=f"通知{i}")
    Notification.objects.create(user=cast.people["reviewer"], key="other", title="别人的通知")
    client = login(person)
    assert 'aria-label="未读3条">3<' in inbox_link(client.get("/staff/").content.decode())
    client.post("/staff/inbox/")
    assert "未读" not in inbox_link(client.get("/staff/").content.decode())


def test_the_top_bar_shows_the_same_count_without_asking_again(login, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = cast.people["minzheng_liaison"]
    for i in range(2):
        Notification.objects.create(user=person, key=f"t{i}", title=f"通知{i}")
    client = login(person)
    with CaptureQueriesContext(connection) as seen:
        page = client.get("/staff/").content.decode()
    topbar = page.split('id="topbar-inbox"', 1)[1].split("</a>", 1)[0]
    assert 'aria-label="未读2条">2<' in topbar
    assert len([q for q in seen.captured_queries if "core_notification" in q["sql"]]) == 1
