"""Concurrent edits never silently overwrite each other; guards list everything missing; nothing half-written."""

import datetime as dt

import pytest

from yifa.core.audit import timeline
from yifa.core.clocks import clocks_of
from yifa.core.concurrency import save_versioned
from yifa.core.errors import AccessDenied, Conflict, GateBlocked
from yifa.core.procedure import Transition, fire

from .memo import MEMO_FLOW, Memo, MemoState

pytestmark = pytest.mark.django_db


@pytest.fixture
def memo(cast):
    return Memo.objects.create(
        title="关于调整低保标准的请示", body="正文", legal_review_done=True, unit=cast.units["民政局"]
    )


def test_the_second_of_two_editors_gets_a_clear_conflict_and_nothing_is_written(cast, memo):
    mine, theirs = Memo.objects.get(pk=memo.pk), Memo.objects.get(pk=memo.pk)
    mine.body = "我的修改"
    save_versioned(mine, expected_version=1, fields=["body"])
    theirs.body = "他人的修改"
    with pytest.raises(Conflict) as err:
        save_versioned(theirs, expected_version=1, fields=["body"])
    assert err.value.message == (
        "“关于调整低保标准的请示”已被他人修改（您打开的是第1版，当前为第2版），"
        "为避免覆盖他人的修改，本次保存未生效，请刷新后重试"
    )
    assert err.value.field == "version" and err.value.status == 409
    memo.refresh_from_db()
    assert (memo.body, memo.version) == ("我的修改", 2)


def test_a_stale_transition_is_refused_without_state_change_event_or_clock(cast, memo, reply_rule):
    liaison = cast.people["minzheng_liaison"]
    memo.body = "新正文"
    save_versioned(memo, expected_version=1, fields=["body"])
    with pytest.raises(Conflict, match="您打开的是第1版，当前为第2版"):
        fire(MEMO_FLOW, memo, "submit", by=liaison, expected_version=1)
    memo.refresh_from_db()
    assert (memo.state, memo.version) == (MemoState.DRAFT, 2)
    assert not timeline(memo).exists()


def test_a_transition_writes_state_clock_and_exactly_one_event(cast, memo, reply_rule):
    flow = MEMO_FLOW
    submit = flow.by_name["submit"]
    flow.by_name["submit"] = Transition(**{**submit.__dict__, "starts": (reply_rule,)})
    try:
        fire(flow, memo, "submit", by=cast.people["minzheng_liaison"], expected_version=1, on=dt.date(2026, 9, 24))
    finally:
        flow.by_name["submit"] = submit
    memo.refresh_from_db()
    assert (memo.state, memo.version) == (MemoState.SUBMITTED, 2)
    events = list(timeline(memo))
    assert len(events) == 1
    assert (events[0].from_state, events[0].to_state, events[0].action_label) == ("draft", "submitted", "报送")
    assert [d.due for d in clocks_of(memo)] == [dt.date(2026, 10, 15)]


def test_guards_report_every_unmet_condition_at_once_and_write_nothing(cast, memo):
    Memo.objects.filter(pk=memo.pk).update(body="", legal_review_done=False)
    memo.refresh_from_db()
    with pytest.raises(GateBlocked) as err:
        fire(MEMO_FLOW, memo, "submit", by=cast.people["minzheng_liaison"])
    assert err.value.unmet == ["尚未填写正文", "尚未完成合法性审查"]
    assert err.value.message == "不能报送：尚未填写正文；尚未完成合法性审查"
    memo.refresh_from_db()
    assert (memo.state, memo.version) == (MemoState.DRAFT, 1)
    assert not timeline(memo).exists()


def test_wrong_state_and_missing_reason_are_listed_together(cast, memo):
    with pytest.raises(GateBlocked) as err:
        fire(MEMO_FLOW, memo, "approve", by=cast.people["mayor"])
    assert err.value.unmet == ["当前状态为“起草中”，不能批准", "批准须填写理由"]


@pytest.mark.parametrize("who", ["shijian_officer", "town1_liaison", "expert", "reviewer"])
def test_only_the_own_units_liaison_or_head_may_submit(cast, memo, who):
    with pytest.raises(AccessDenied, match="您无权报送（需本单位联络员或负责人）"):
        fire(MEMO_FLOW, memo, "submit", by=cast.people[who])
    memo.refresh_from_db()
    assert memo.state == MemoState.DRAFT and not timeline(memo).exists()


def test_available_transitions_follow_role_and_state(cast, memo):
    assert [t.name for t in MEMO_FLOW.available(cast.people["minzheng_head"], memo)] == ["submit"]
    assert MEMO_FLOW.available(cast.people["shijian_liaison"], memo) == []
    Memo.objects.filter(pk=memo.pk).update(state=MemoState.SUBMITTED)
    memo.refresh_from_db()
    assert [t.name for t in MEMO_FLOW.available(cast.people["mayor"], memo)] == ["approve"]
