"""The “待催办” to-do opens the task board, where the legal office ticks overdue shares and urges them
in one go, after a confirmation; the flash says what happened."""

import pytest

from yifa.core.models import Notification
from yifa.plans.models import Assignment

from .test_supervision import confirmed_small_plan

pytestmark = pytest.mark.django_db


def test_the_legal_office_urges_the_ticked_overdue_shares_from_the_board(login, cast):
    plan, task = confirmed_small_plan(cast)
    shares = list(task.assignments.order_by("pk"))
    client = login(cast["reviewer"])
    page = client.get("/staff/plans/board/").content.decode()
    assert 'hx-confirm="向所选逾期事项的责任单位发出催办通知，确定吗？"' in page
    for share in shares:
        assert f'name="pk" value="{share.pk}"' in page
    response = client.post(
        "/staff/plans/board/urge/", {"pk": [shares[0].pk, shares[1].pk], "urge-reason": "请本周内报送"}, follow=True
    )
    assert "已向2个逾期事项的责任单位发出催办通知" in response.content.decode()
    assert [a.urge_count for a in Assignment.objects.filter(pk__in=[s.pk for s in shares]).order_by("pk")] == [1, 1]
    assert Notification.objects.filter(user=cast["minzheng_liaison"], title__startswith="催办").exists()


def test_a_liaison_sees_no_checkboxes_and_cannot_urge(login, cast):
    plan, task = confirmed_small_plan(cast)
    share = task.assignments.get(unit=cast["民政局"])
    client = login(cast["minzheng_liaison"])
    assert 'name="pk"' not in client.get("/staff/plans/board/").content.decode()
    response = client.post("/staff/plans/board/urge/", {"pk": [share.pk]}, follow=True)
    assert "您无权催办" in response.content.decode()
    share.refresh_from_db()
    assert share.urge_count == 0


def test_urging_nothing_ticked_says_so(login, cast):
    confirmed_small_plan(cast)
    response = login(cast["reviewer"]).post("/staff/plans/board/urge/", {}, follow=True)
    assert "请先勾选要办理的事项" in response.content.decode()


def test_the_overdue_to_do_opens_the_board_with_the_urge_action(login, cast):
    confirmed_small_plan(cast)
    client = login(cast["reviewer"])
    todo = client.get("/staff/").content.decode()
    assert "待催办" in todo and 'href="/staff/plans/board/"' in todo
    assert "催办所选" in client.get("/staff/plans/board/").content.decode()
