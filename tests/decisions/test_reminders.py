"""To-do items and daily reminders of the decisions module."""

from yifa.core.models import Notification
from yifa.decisions import queries, services
from yifa.decisions.tasks import REMIND_DAYS_BEFORE, daily
from yifa.decisions.todo import items_for

from .builders import D, published, reviewed


def test_executing_unit_is_reminded_of_the_execution_report(cast, simple_decision):
    decision = published(cast, reviewed(cast, simple_decision))  # published 2026-05-15, every 90 days
    assert "提醒0条" in daily(D(2026, 8, 5))
    assert (
        "执行情况报告提醒" in daily(D(2026, 8, 6))
        and Notification.objects.filter(user=cast["minzheng_liaison"], title__contains="请报告决策执行情况").exists()
    )
    daily(D(2026, 8, 6))
    assert Notification.objects.filter(user=cast["minzheng_liaison"]).count() == 1
    items = list(items_for(cast["minzheng_liaison"], D(2026, 8, 14)))
    assert any(i["title"].endswith("报告执行情况") and i["due"] == D(2026, 8, 13) and i["rag"] == "red" for i in items)
    services.feedback_file(
        by=cast["minzheng_liaison"], decision=decision, status="on_track", progress=50, on=D(2026, 8, 14)
    )
    assert not any(i["title"].endswith("报告执行情况") for i in items_for(cast["minzheng_liaison"], D(2026, 8, 14)))


def test_unanswered_comments_after_the_period_show_up_as_work(cast, simple_decision):
    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 3, 2), closes=D(2026, 4, 1)
    )
    services.comment_submit(decision=simple_decision, body="意见", on=D(2026, 3, 3))
    assert any("1条公众意见待答复" in i["title"] for i in items_for(cast["minzheng_liaison"], D(2026, 4, 2)))
    assert "意见答复提醒" in daily(D(2026, 4, 2))
    assert Notification.objects.filter(user=cast["minzheng_liaison"], title__contains="待答复").exists()


def test_missed_days_are_caught_up_once_and_each_report_period_is_reminded_once(cast, simple_decision):
    """Published 2026-05-15, a report every 90 days: due 2026-08-13, reminded from 8-06. The job did not run
    until 8-10: it reminds once, then reads nothing. A report on 8-14 starts the next period (due 11-12); the job
    next runs on 11-20, with the report overdue: one reminder for it."""
    decision = published(cast, reviewed(cast, simple_decision))
    mine = Notification.objects.filter(user=cast["minzheng_liaison"], key__startswith="decision-feedback:")
    assert "执行情况报告提醒0条" not in daily(D(2026, 8, 10))  # to the unit's liaison and head
    assert "执行情况报告提醒0条" in daily(D(2026, 8, 11))
    assert not queries.reports_to_remind(D(2026, 8, 11), REMIND_DAYS_BEFORE).exists()  # nothing left to read
    services.feedback_file(
        by=cast["minzheng_liaison"], decision=decision, status="on_track", progress=50, on=D(2026, 8, 14)
    )
    assert "执行情况报告提醒0条" in daily(D(2026, 11, 4))
    assert "执行情况报告提醒0条" not in daily(D(2026, 11, 20))
    assert "执行情况报告提醒0条" in daily(D(2026, 11, 21))
    assert sorted(set(mine.values_list("key", flat=True))) == [
        f"decision-feedback:{decision.pk}:2026-08-13",
        f"decision-feedback:{decision.pk}:2026-11-12",
    ]


def test_unanswered_comments_are_reminded_once_after_the_period_closes(cast, simple_decision):
    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 3, 2), closes=D(2026, 4, 1)
    )
    services.comment_submit(decision=simple_decision, body="意见", on=D(2026, 3, 3))
    assert "意见答复提醒0条" not in daily(D(2026, 4, 7))  # the job missed 4-02 to 4-06
    assert "意见答复提醒0条" in daily(D(2026, 4, 8))
    keys = set(Notification.objects.filter(key__startswith="decision-comments:").values_list("key", flat=True))
    assert keys == {f"decision-comments:{simple_decision.pk}:2026-04-01"}
