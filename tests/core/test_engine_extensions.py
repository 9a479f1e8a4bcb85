"""Calendar edits touch only the clocks they can move; system transitions; rules chosen per record."""

import datetime as dt

import pytest

from yifa.core import clocks, services
from yifa.core.errors import AccessDenied
from yifa.core.models import Deadline, Event, Role
from yifa.core.procedure import Flow, Transition, fire, with_role

from .memo import Memo, MemoState

pytestmark = pytest.mark.django_db
D = dt.date


def test_holiday_entry_recomputes_clocks_running_over_it_and_leaves_others(cast, reply_rule):
    unit = cast.units["民政局"]
    # 2027 has no schedule yet: weekends and the days 放假办法第二条 fixes (中秋 Wed 9-15, 国庆 10-1…3).
    # From Fri 2027-09-24: 9-27…30 (4), 10-1 off, 10-4…8 (9), 10-11 (10).
    over = clocks.start_clock(subject=unit, rule=reply_rule, start=D(2027, 9, 24), unit=unit)
    # From Wed 2027-09-01: 9-2, 9-3 (2), 9-6…10 (7), 9-13, 9-14 (9), 9-15 中秋 off, 9-16 (10).
    before = clocks.start_clock(subject=cast.units["人社局"], rule=reply_rule, start=D(2027, 9, 1), unit=unit)
    assert over.due == D(2027, 10, 11) and before.due == D(2027, 9, 16)
    changed = services.calendar_day_set(by=cast.people["admin"], date=D(2027, 10, 4), kind="holiday", name="国庆节")
    assert changed.date == D(2027, 10, 4)
    over.refresh_from_db()
    before.refresh_from_db()
    assert over.due == D(2027, 10, 12)  # 10-04 no longer counts
    assert before.due == D(2027, 9, 16)
    assert clocks.clocks_touching(day=D(2027, 10, 4)).filter(pk=before.pk).count() == 0


def test_only_system_transitions_run_without_a_person(cast):
    flow = Flow(
        name="memo_sys",
        states=MemoState,
        transitions=[
            Transition(
                "lapse",
                "视为批准",
                (MemoState.SUBMITTED,),
                MemoState.APPROVED,
                who=with_role(Role.LEADER),
                by_system=True,
            ),
            Transition(
                "approve",
                "批准",
                (MemoState.SUBMITTED,),
                MemoState.APPROVED,
                who=with_role(Role.LEADER),
            ),
        ],
    )
    memo = Memo.objects.create(title="备忘", body="正文", state=MemoState.SUBMITTED, unit=cast.units["民政局"])
    with pytest.raises(AccessDenied, match="须由工作人员办理"):
        fire(flow, memo, "approve", by=None)
    memo = fire(flow, memo, "lapse", by=None)
    assert memo.state == MemoState.APPROVED
    assert Event.objects.filter(action="memo_sys.lapse").get().actor_name == "系统"


def test_transition_starts_the_clock_its_record_calls_for(cast, reply_rule, decision_rule):
    flow = Flow(
        name="memo_rules",
        states=MemoState,
        transitions=[
            Transition(
                "submit",
                "报送",
                (MemoState.DRAFT,),
                MemoState.SUBMITTED,
                who=with_role(Role.LIAISON),
                starts=(lambda memo: reply_rule if memo.legal_review_done else decision_rule,),
            ),
        ],
    )
    memo = Memo.objects.create(title="备忘", body="正文", legal_review_done=True, unit=cast.units["民政局"])
    fire(flow, memo, "submit", by=cast.people["minzheng_liaison"], on=D(2025, 9, 26))
    deadline = Deadline.objects.get(subject_id=str(memo.pk), rule_id=reply_rule.id)
    # 9-28 (make-up Sunday), 9-29, 9-30, 10-9, 10-10, 10-11 (make-up Saturday), 10-13 … 10-16
    assert deadline.due == D(2025, 10, 16)
