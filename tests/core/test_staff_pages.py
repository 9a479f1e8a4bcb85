"""The staff workspace in Chinese: login, to-do, deadlines with RAG, overdue, rules, audit log, inbox."""

import datetime as dt

import pytest
from django.utils import timezone

from yifa.core import clocks
from yifa.core.models import Notification
from yifa.core.procedure import fire

from .memo import MEMO_FLOW, Memo

pytestmark = pytest.mark.django_db


def test_login_page_is_in_chinese_and_a_wrong_password_says_so(client, cast):
    assert "登录工作台" in client.get("/login/").content.decode()
    response = client.post("/login/", {"username": "minzheng_liaison", "password": "wrong"})
    assert "登录名、密码或动态口令不正确" in response.content.decode()
    response = client.post("/login/", {"username": "minzheng_liaison", "password": "yifa-demo-2026"})
    assert response.status_code == 302 and response["Location"] == "/staff/"


@pytest.fixture
def three_clocks(cast, reply_rule):
    today = timezone.localdate()
    unit = cast.units["民政局"]
    made = {}
    for label, start in (("red", today - dt.timedelta(days=60)), ("amber", None), ("green", today)):
        d = clocks.start_clock(subject=unit, rule=reply_rule, start=start or today, unit=unit, title=f"{label}期限")
        if start is None:  # due in two days, whatever the calendar says
            type(d).objects.filter(pk=d.pk).update(due=today + dt.timedelta(days=2))
        made[label] = d
    return made


def test_deadlines_page_shows_status_colours_and_the_explanation(login, cast, three_clocks):
    page = login(cast.people["minzheng_liaison"]).get("/staff/deadlines/").content.decode()
    assert 'rag rag-red">逾期' in page and 'rag rag-amber">临近' in page and 'rag rag-green">正常' in page
    assert "（当日不计入）" in page


def test_overdue_page_lists_only_overdue_deadlines(login, cast, three_clocks):
    page = login(cast.people["reviewer"]).get("/staff/overdue/").content.decode()
    assert "red期限" in page and "amber期限" not in page and "green期限" not in page


def test_htmx_filter_returns_only_the_rows(login, cast, three_clocks):
    response = login(cast.people["minzheng_liaison"]).get("/staff/deadlines/?status=open", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<table>" in page and "<html" not in page and "green期限" in page


def test_todo_lists_my_units_clocks_soonest_first(login, cast, three_clocks):
    page = login(cast.people["minzheng_head"]).get("/staff/").content.decode()
    assert page.index("red期限") < page.index("amber期限")
    assert "我的待办" in page


def test_rules_page_cites_law_and_article(login, cast, reply_rule):
    page = login(cast.people["expert"]).get("/staff/rules/").content.decode()
    assert "《中华人民共和国民法典》（2020年）第二百零一条" in page
    assert "testcore.reply" in page and "10个工作日" in page


def test_audit_log_shows_state_labels_in_chinese(login, cast):
    memo = Memo.objects.create(title="请示", body="正文", legal_review_done=True, unit=cast.units["民政局"])
    fire(MEMO_FLOW, memo, "submit", by=cast.people["minzheng_liaison"])
    page = login(cast.people["reviewer"]).get("/staff/audit/").content.decode()
    assert "起草中 → 已报送" in page and "报送" in page


def test_inbox_marks_everything_read(login, cast):
    user = cast.people["minzheng_liaison"]
    Notification.objects.create(user=user, key="k1", title="请及时报送")
    client = login(user)
    assert "未读" in client.get("/staff/inbox/").content.decode()
    client.post("/staff/inbox/")
    assert not Notification.objects.filter(user=user, read_at__isnull=True).exists()


def test_a_refused_service_call_shows_its_chinese_message_not_a_server_error(rf, cast):
    from yifa.core.errors import Conflict, GateBlocked
    from yifa.core.views import staff_view

    @staff_view
    def stale(request):
        raise Conflict("“请示”已被他人修改，本次保存未生效，请刷新后重试", field="version")

    @staff_view
    def gated(request):
        raise GateBlocked("报送", ["尚未填写正文", "尚未完成合法性审查"])

    request = rf.post("/staff/x/")
    request.user = cast.people["minzheng_liaison"]
    response = stale(request)
    assert response.status_code == 409 and "已被他人修改" in response.content.decode()
    page = gated(request).content.decode()
    assert "<li>尚未填写正文</li>" in page and "<li>尚未完成合法性审查</li>" in page
