"""The procedure kit: acts that keep the state, clocks by declaration, messages after commit, module
events, records without a procedure, and the one generic action view."""

import datetime as dt

import pytest
from django.core import mail

from yifa.core import bus, clocks
from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, Conflict, GateBlocked, YifaError
from yifa.core.models import Event, Notification, Role, Unit, User
from yifa.core.procedure import (
    INPUT,
    NEW,
    ON,
    Clock,
    Extend,
    Flow,
    Message,
    Transition,
    add,
    assign,
    change,
    create,
    fire,
    in_unit_of,
    with_role,
)

from .memo import MEMO_FLOW, Memo, MemoState

pytestmark = pytest.mark.django_db
D = dt.date
liaison_of_unit = in_unit_of(Role.LIAISON, label="本单位联络员")


@pytest.fixture
def memo(cast):
    return Memo.objects.create(title="请示", body="正文", legal_review_done=True, unit=cast.units["民政局"])


@pytest.fixture
def annotate_flow(reply_rule, decision_rule):
    return Flow(
        name="memo_kit",
        states=MemoState,
        transitions=[
            Transition(
                "annotate",
                "批注",
                (MemoState.DRAFT, MemoState.SUBMITTED),
                who=liaison_of_unit,
                when=(lambda memo: not memo.legal_review_done,),
                apply=assign(body=INPUT("note")),
                starts=(Clock(reply_rule, start=lambda memo, *, served_on=None, **_: served_on),),
            ),
            Transition(
                "submit",
                "报送",
                (MemoState.DRAFT,),
                MemoState.SUBMITTED,
                who=liaison_of_unit,
                starts=(reply_rule, decision_rule),
                notifies=lambda memo, **_: [
                    Message(
                        users=User.objects.filter(unit=memo.unit, role_grants__role=Role.HEAD),
                        key=f"memo-{memo.pk}",
                        title=f"请审阅“{memo.title}”",
                    )
                ],
            ),
            Transition("restart", "重新起算", (MemoState.SUBMITTED,), who=liaison_of_unit, restarts=(reply_rule,)),
            Transition(
                "extend",
                "延长",
                (MemoState.SUBMITTED,),
                who=liaison_of_unit,
                extends=(Extend(decision_rule, max_times=None),),
            ),
            Transition(
                "withdraw",
                "撤回",
                (MemoState.SUBMITTED,),
                MemoState.DRAFT,
                who=liaison_of_unit,
                cancels=(reply_rule, decision_rule),
                apply=assign(body=lambda memo, context: f"撤回于{ON(memo, context)}"),
            ),
        ],
    )


def test_an_act_that_keeps_the_state_writes_fields_version_and_one_event(cast, memo, annotate_flow):
    Memo.objects.filter(pk=memo.pk).update(legal_review_done=False)
    liaison = cast.people["minzheng_liaison"]
    memo = fire(annotate_flow, memo, "annotate", by=liaison, expected_version=1, note=" 补充说明 ")
    assert (memo.state, memo.body, memo.version) == (MemoState.DRAFT, "补充说明", 2)
    [event] = timeline(memo)
    assert (event.from_state, event.to_state, event.action_label) == ("draft", "draft", "批注")
    with pytest.raises(Conflict, match="您打开的是第1版，当前为第2版"):
        fire(annotate_flow, memo, "annotate", by=liaison, expected_version=1, note="覆盖")
    assert Memo.objects.get(pk=memo.pk).body == "补充说明"


def test_when_decides_what_is_offered_and_refuses_the_act_otherwise(cast, memo, annotate_flow):
    liaison = cast.people["minzheng_liaison"]
    assert [t.name for t in annotate_flow.available(liaison, memo)] == ["submit"]
    with pytest.raises(GateBlocked, match="此时不能批注"):
        fire(annotate_flow, memo, "annotate", by=liaison, note="x")
    with pytest.raises(AccessDenied, match=r"您无权报送（需本单位联络员）"):
        fire(annotate_flow, memo, "submit", by=cast.people["shijian_liaison"])


def test_clock_start_can_wait_for_a_date_the_act_supplies(cast, memo, annotate_flow, reply_rule):
    Memo.objects.filter(pk=memo.pk).update(legal_review_done=False)
    liaison = cast.people["minzheng_liaison"]
    memo = fire(annotate_flow, memo, "annotate", by=liaison, note="未送达")
    assert not clocks.clocks_of(memo).exists()
    fire(annotate_flow, memo, "annotate", by=liaison, note="已送达", served_on=D(2026, 9, 24))
    # 10 working days from 2026-09-24 across National Day with the 10-10 make-up Saturday
    assert [d.due for d in clocks.clocks_of(memo)] == [D(2026, 10, 15)]


def test_declared_clocks_restart_extend_and_cancel(cast, memo, annotate_flow, reply_rule, decision_rule):
    liaison = cast.people["minzheng_liaison"]
    memo = fire(annotate_flow, memo, "submit", by=liaison, on=D(2026, 9, 24))
    memo = fire(annotate_flow, memo, "restart", by=liaison, on=D(2026, 10, 9))
    reply = clocks.open_clock(memo, reply_rule)
    # 10-10 (make-up Saturday) is the first of ten working days from the restart on 10-09
    assert reply.restart == D(2026, 10, 9) and reply.due == D(2026, 10, 22)
    fire(annotate_flow, memo, "extend", by=liaison, days=10)
    fire(annotate_flow, memo, "extend", by=liaison, days=20)
    decision = clocks.open_clock(memo, decision_rule)
    assert decision.extension_days == 30
    with pytest.raises(YifaError, match="延长天数须为1至0"):
        fire(annotate_flow, memo, "extend", by=liaison, days=1)
    memo = fire(annotate_flow, memo, "withdraw", by=liaison, on=D(2026, 10, 12))
    assert memo.body == "撤回于2026-10-12"
    assert set(clocks.clocks_of(memo, open_only=False).values_list("status", flat=True)) == {"cancelled"}


def test_messages_are_written_with_the_act_and_mailed_only_after_commit(
    cast, memo, annotate_flow, django_capture_on_commit_callbacks
):
    head = cast.people["minzheng_head"]
    head.email = "head@example.gov.cn"
    head.save()
    with django_capture_on_commit_callbacks(execute=False) as pending:
        fire(annotate_flow, memo, "submit", by=cast.people["minzheng_liaison"])
        assert Notification.objects.filter(user=head, title="请审阅“请示”").exists()
        assert mail.outbox == []
    for callback in pending:
        callback()
    assert [m.to for m in mail.outbox] == [["head@example.gov.cn"]]


def test_modules_hear_each_others_acts_as_events(cast, memo, annotate_flow, monkeypatch):
    heard = []
    monkeypatch.setattr(bus, "_receivers", {"memo_kit.submit": [lambda obj, by, **_: heard.append((obj.pk, by))]})
    fire(annotate_flow, memo, "submit", by=cast.people["minzheng_liaison"])
    assert heard == [(memo.pk, cast.people["minzheng_liaison"])]


def test_a_failing_receiver_rolls_the_act_back(cast, memo, annotate_flow, monkeypatch):
    def refuse(**_):
        raise YifaError("下游模块拒绝", field="state")

    monkeypatch.setattr(bus, "_receivers", {"memo_kit.submit": [refuse]})
    with pytest.raises(YifaError, match="下游模块拒绝"):
        fire(annotate_flow, memo, "submit", by=cast.people["minzheng_liaison"])
    assert Memo.objects.get(pk=memo.pk).state == MemoState.DRAFT and not timeline(memo).exists()


def test_create_checks_who_against_the_new_row_and_writes_nothing_when_refused(cast, reply_rule):
    flow = Flow(
        name="memo_new",
        states=MemoState,
        transitions=[
            Transition(
                "file",
                "登记",
                NEW,
                MemoState.SUBMITTED,
                who=liaison_of_unit,
                guards=(lambda memo, **_: None if memo.body else "尚未填写正文",),
                starts=(reply_rule,),
            )
        ],
    )
    unit = cast.units["民政局"]
    with pytest.raises(AccessDenied):
        create(flow, "file", build=lambda: Memo(title="外单位", body="x", unit=unit), by=cast.people["shijian_liaison"])
    with pytest.raises(GateBlocked, match="尚未填写正文"):
        create(flow, "file", build=lambda: Memo(title="空", unit=unit), by=cast.people["minzheng_liaison"])
    assert not Memo.objects.exists()
    memo = create(
        flow,
        "file",
        build=lambda: Memo(title="请示", body="x", unit=unit),
        by=cast.people["minzheng_liaison"],
        on=D(2026, 9, 24),
    )
    assert memo.state == MemoState.SUBMITTED
    assert Event.objects.get(action="memo_new.file").to_state == "submitted"
    assert clocks.open_clock(memo, reply_rule).due == D(2026, 10, 15)


def test_change_keeps_versions_and_records_before_and_after_without_personal_data(cast, memo):
    leader = with_role(Role.LEADER)
    with pytest.raises(AccessDenied, match="需领导"):
        change(memo, by=cast.people["minzheng_liaison"], who=leader, action="memo.edit", label="修改", apply={})
    memo = change(
        memo,
        by=cast.people["mayor"],
        who=leader,
        action="memo.edit",
        label="修改",
        apply={"title": "新标题"},
        expected_version=1,
    )
    assert memo.version == 2
    with pytest.raises(Conflict):
        change(
            memo,
            by=cast.people["mayor"],
            who=leader,
            action="memo.edit",
            label="修改",
            apply={"title": "旧版覆盖"},
            expected_version=1,
        )
    event = Event.objects.get(action="memo.edit")
    assert event.data["changed"]["title"] == {"before": "请示", "after": "新标题"}
    person = cast.people["minzheng_liaison"]
    person_event = add(
        Unit(name="临时科", kind="division", parent=cast.units["民政局"]),
        by=cast.people["admin"],
        who=with_role(Role.ADMIN),
        action="unit.add",
        label="新建",
    )
    assert person_event.pk
    user = change(
        person,
        by=cast.people["admin"],
        who=with_role(Role.ADMIN),
        action="person.phone",
        label="修改电话",
        apply={"phone": "13800001111"},
    )
    logged = Event.objects.get(action="person.phone").data["changed"]
    assert user.phone == "13800001111" and logged["phone"]["after"] == "已填写"
    assert "13800001111" not in str(Event.objects.get(action="person.phone").data)


def test_binary_content_is_logged_by_its_size_never_its_bytes():
    from yifa.core.procedure.records import snapshot

    logged = snapshot(Memo(title="模板", body=memoryview(b"PK\x03\x04docx")))
    assert logged["body"] == "8字节"


def test_the_action_view_offers_runs_and_reports_at_the_field(cast, memo, login, settings):
    settings.ROOT_URLCONF = "tests.core.memo_urls"
    liaison = login(cast.people["minzheng_liaison"])
    page = liaison.get(f"/test-memos/{memo.pk}/").content.decode()
    assert "/act/submit/" in page and "/act/approve/" not in page
    stale = liaison.post(f"/test-memos/{memo.pk}/act/submit/", {"submit-version": "0"})
    assert stale.status_code == 400 and "当前为第1版" in stale.content.decode()
    done = liaison.post(f"/test-memos/{memo.pk}/act/submit/", {"submit-version": "1"}, follow=True)
    assert Memo.objects.get(pk=memo.pk).state == MemoState.SUBMITTED
    assert "已报送“请示”" in [str(m) for m in done.context["messages"]]
    mayor = login(cast.people["mayor"])
    refused = mayor.post(f"/test-memos/{memo.pk}/act/approve/", {"approve-version": "2"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 200 and "这个字段是必填项" in refused.content.decode()
    ok = mayor.post(
        f"/test-memos/{memo.pk}/act/approve/",
        {"approve-version": "2", "approve-reason": "同意"},
        HTTP_HX_REQUEST="true",
    )
    assert ok.status_code == 204 and ok["HX-Redirect"] == f"/test-memos/{memo.pk}/"
    assert Memo.objects.get(pk=memo.pk).state == MemoState.APPROVED
    assert (
        login(cast.people["shijian_liaison"])
        .post(f"/test-memos/{memo.pk}/act/approve/", {"approve-version": "3", "approve-reason": "x"})
        .status_code
        == 403
    )


def test_a_date_fixed_by_a_plan_runs_on_each_share_and_stops_with_the_act(cast, memo):
    from yifa.core.models import Deadline
    from yifa.lib.law import REGISTRY, Rule
    from yifa.lib.statutes import CITY_ARRANGEMENT

    gate = Rule("testcore.fixed", "按分解确定的完成时限完成", CITY_ARRANGEMENT, "各项任务")
    share = Memo.objects.create(title="分担", unit=cast.units["市场监管局"])
    both = Clock(gate, each=lambda m: Memo.objects.filter(pk__in=[m.pk, share.pk]).order_by("pk"))
    flow = Flow(
        name="memo_fixed",
        states=MemoState,
        transitions=[
            Transition(
                "assign",
                "交办",
                (MemoState.DRAFT,),
                MemoState.SUBMITTED,
                who=with_role(Role.LEADER),
                starts=(Clock(gate, each=both.each, due=lambda m, *, due_on, **_: due_on, title=lambda m: f"{m}时限"),),
            ),
            Transition(
                "close", "办结", (MemoState.SUBMITTED,), MemoState.APPROVED, who=with_role(Role.LEADER), stops=(both,)
            ),
        ],
    )
    try:
        fire(flow, memo, "assign", by=cast.people["mayor"], on=D(2026, 2, 10), due_on=D(2026, 3, 31))
        rows = list(Deadline.objects.filter(rule_id=gate.id).order_by("subject_id"))
        assert [(r.subject_label, r.unit, r.due, r.title) for r in rows] == [
            ("请示", cast.units["民政局"], D(2026, 3, 31), "请示时限"),
            ("分担", cast.units["市场监管局"], D(2026, 3, 31), "分担时限"),
        ]
        assert "完成时限为2026年3月31日" in rows[0].explanation
        fire(flow, memo, "close", by=cast.people["mayor"], on=D(2026, 4, 1))
        assert set(Deadline.objects.filter(rule_id=gate.id).values_list("status", flat=True)) == {"late"}
    finally:
        REGISTRY.pop(gate.id, None)


def test_a_page_of_many_records_gets_one_id_per_record_and_forms_made_for_each(cast, memo, settings):
    from django import forms as django_forms
    from django.template.loader import render_to_string

    from yifa.core.procedure import Action, ActionForm, Actions

    from .memo import MEMO_FLOW

    settings.ROOT_URLCONF = "tests.core.memo_urls"
    other = Memo.objects.create(title="另一份", body="x", legal_review_done=True, unit=memo.unit)

    def note_form(record):
        return type("NoteForm", (ActionForm,), {"note": django_forms.CharField(label=f"{record.title}的说明")})

    table = Actions(MEMO_FLOW, [Action("submit", form_for=note_form)], url="memo_act", access=None, many=True)
    liaison = cast.people["minzheng_liaison"]
    pages = [render_to_string("core/_actions.html", {"actions": table.offered(liaison, m)}) for m in (memo, other)]
    assert f'id="action-submit-{memo.pk}"' in pages[0] and f'hx-target="#action-submit-{other.pk}"' in pages[1]
    assert f'id="id_submit-note-{memo.pk}"' in pages[0] and "请示的说明" in pages[0] and "另一份的说明" in pages[1]


def test_an_event_can_name_its_inputs_and_sit_on_the_timeline_of_the_record_it_concerns(cast, memo):
    """A cleanup item's opinion reads “清理意见：废止” on its document's timeline, not on the item's."""
    parent = Memo.objects.create(title="上位文件", unit=cast.units["民政局"])
    flow = Flow(
        name="memo_note",
        states=MemoState,
        event_subject=lambda memo: parent,
        transitions=[
            Transition(
                "note",
                "批注",
                (MemoState.DRAFT,),
                who=liaison_of_unit,
                event_label=lambda memo, *, verdict, **_: f"批注：{verdict}",
            )
        ],
    )
    fire(flow, memo, "note", by=cast.people["minzheng_liaison"], verdict="同意")
    assert not timeline(memo).exists()
    [event] = timeline(parent)
    assert (event.action, event.action_label) == ("memo_note.note", "批注：同意")


def test_the_action_view_answers_403_to_a_person_in_scope_without_the_right(cast, memo, login, settings):
    settings.ROOT_URLCONF = "tests.core.memo_urls"
    memo = fire(MEMO_FLOW, memo, "submit", by=cast.people["minzheng_liaison"])
    refused = login(cast.people["minzheng_liaison"]).post(
        f"/test-memos/{memo.pk}/act/approve/", {"approve-version": "2", "approve-reason": "同意"}
    )
    assert refused.status_code == 403 and "需领导" in refused.content.decode()
    assert Memo.objects.get(pk=memo.pk).state == MemoState.SUBMITTED


def test_a_board_reads_every_clock_of_one_rule(cast, memo, reply_rule, decision_rule):
    other = Memo.objects.create(title="另一件", unit=cast.units["民政局"])
    for subject in (memo, other):
        clocks.start_clock(subject=subject, rule=reply_rule, start=D(2026, 9, 24), unit=subject.unit)
    clocks.start_clock(subject=memo, rule=decision_rule, start=D(2026, 9, 24), unit=memo.unit)
    clocks.stop_clock(clocks.open_clock(other, reply_rule), on=D(2026, 9, 25))
    found = clocks.clocks_of_rule(reply_rule)
    assert sorted((d.subject_label, d.status) for d in found) == [("另一件", "met"), ("请示", "running")]


def test_a_refused_act_the_page_no_longer_offers_is_explained_above_the_page(cast, memo, login, settings):
    settings.ROOT_URLCONF = "tests.core.memo_urls"
    liaison = login(cast.people["minzheng_liaison"])
    liaison.post(f"/test-memos/{memo.pk}/act/submit/", {"submit-version": "1"})
    again = liaison.post(f"/test-memos/{memo.pk}/act/submit/", {"submit-version": "2"})
    assert again.status_code == 400
    assert [str(m) for m in again.context["messages"]][-1] == "当前状态为“已报送”，不能报送"
