"""The right person sees the work: the 复议机构's people see their cases' deadlines, an approval waits on the
复议机关's head (to-do and inbox), and new online applications, replies and approval requests reach the handler."""

import datetime as dt

from django.urls import reverse

from yifa.core.models import Notification
from yifa.reconsideration import services
from yifa.reconsideration.models import Channel
from yifa.reconsideration.todo import items_for

D = dt.date


def _titles(user, today):
    return [i["title"] for i in items_for(user, today)]


def test_the_reconsideration_division_sees_an_overdue_decision_deadline(cast, accepted, login):
    case = accepted(D(2025, 2, 28), D(2025, 3, 3))  # decided by 2025-05-06
    today = D(2025, 5, 20)
    items = [i for i in items_for(cast["fuyi"], today) if case.number in i["title"]]
    assert [i["rag"] for i in items if "作出行政复议决定" in i["title"]] == ["red"]
    page = login(cast["fuyi"]).get(reverse("core:todo")).content.decode()
    assert case.number in page
    assert not [t for t in _titles(cast["minzheng_liaison"], today) if case.number in t]


def test_an_approval_waits_on_the_mayor_not_on_the_justice_bureau_head(cast, accepted):
    fuyi = cast["fuyi"]
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = services.case_send_copy(case=case, by=fuyi, on=D(2025, 3, 5))
    case = services.case_reply(case=case, by=cast["minzheng_liaison"], text="处罚合法", on=D(2025, 3, 12))
    assert Notification.objects.filter(user=fuyi, key=f"fuyi-reply:{case.pk}").exists()
    services.case_record_hearing(case=case, by=fuyi, kind="hear", held_on=D(2025, 3, 20))
    services.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=case,
        by=fuyi,
        decision_type="uphold",
        decision_text="合法",
        on=D(2025, 4, 1),
    )
    assert [t for t in _titles(cast["mayor"], D(2025, 4, 1)) if "决定待审批" in t and case.number in t]
    assert not [t for t in _titles(cast["legal_head"], D(2025, 4, 1)) if "决定待审批" in t]
    assert Notification.objects.filter(user=cast["mayor"], key=f"fuyi-approval:{case.pk}").exists()
    assert not Notification.objects.filter(user=cast["legal_head"], key=f"fuyi-approval:{case.pk}").exists()


def test_an_online_application_notifies_the_division(cast, receive):
    case = receive(D(2025, 3, 3), channel=Channel.ONLINE)
    note = Notification.objects.get(user=cast["fuyi"], key=f"fuyi-online:{case.pk}")
    assert case.number in note.title and note.link.endswith(f"/cases/{case.pk}/")
    counter = receive(D(2025, 3, 4))
    assert not Notification.objects.filter(key=f"fuyi-online:{counter.pk}").exists()
