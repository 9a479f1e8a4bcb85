"""The decision page offers exactly what the flow allows this person now, and a refused act comes back
beside its form with every reason, nothing written."""

import datetime as dt

import pytest

from yifa.core.errors import AccessDenied
from yifa.core.models import Event
from yifa.core.procedure import fire
from yifa.decisions import services
from yifa.decisions.flows import DECISION_FLOW
from yifa.decisions.models import Comment, Decision, DecisionState

from .builders import D, act, drafted, evaluation_started, published, reviewed, submitted


def acts_on(page: str) -> set[str]:
    """The acts a page offers: the names in its action URLs."""
    import re

    return set(re.findall(r"/act/([a-z_]+)/", page))


def page_of(client, decision) -> str:
    return client.get(f"/staff/decisions/{decision.pk}/").content.decode()


def test_drafting_page_offers_the_lead_unit_its_drafting_acts_and_the_decision_body_termination(
    cast, login, simple_decision
):
    from yifa.core.models import RoleGrant, User

    deputy = User.objects.create_user(username="deputy", full_name="钱副市长", unit=cast.city)
    RoleGrant.objects.create(user=deputy, role="leader")
    drafting = {"draft", "comment_open", "expert_invite", "risk", "hearing_notice", "submit_review"}
    assert acts_on(page_of(login(cast["minzheng_liaison"]), simple_decision)) == drafting
    assert acts_on(page_of(login(deputy), simple_decision)) == {"terminate"}
    # the mayor heads the government above the lead unit, and is of the decision body
    assert acts_on(page_of(login(cast["mayor"]), simple_decision)) == drafting | {"terminate"}
    assert acts_on(page_of(login(cast["reviewer"]), simple_decision)) == set()


def test_once_sent_for_review_the_draft_is_no_longer_editable_and_the_reviewer_is_offered_the_opinion(
    cast, login, simple_decision
):
    submitted(cast, simple_decision)
    assert acts_on(page_of(login(cast["minzheng_liaison"]), simple_decision)) == set()
    assert acts_on(page_of(login(cast["reviewer"]), simple_decision)) == {"review_lawful"}
    version = Decision.objects.get(pk=simple_decision.pk).version
    refused = login(cast["minzheng_liaison"]).post(
        f"/staff/decisions/{simple_decision.pk}/act/draft/", act("draft", version, options="改")
    )
    assert refused.status_code == 400 and "/act/draft/" not in refused.content.decode()
    assert Decision.objects.get(pk=simple_decision.pk).options == "方案一、方案二"


def test_published_decision_offers_archiving_until_it_is_archived(cast, login, simple_decision):
    decision = published(cast, reviewed(cast, simple_decision))
    mayor = login(cast["mayor"])
    assert {"archive", "suspend", "evaluation_start"} <= acts_on(page_of(mayor, decision))
    response = mayor.post(f"/staff/decisions/{decision.pk}/act/archive/", act("archive", decision.version))
    assert response.status_code == 302
    assert "archive" not in acts_on(page_of(mayor, decision))
    assert "归档" in [e.action_label for e in Event.objects.filter(action="decision.archive")]


def test_a_refused_act_comes_back_with_the_reason_at_its_field_and_nothing_written(cast, login, simple_decision):
    response = login(cast["minzheng_liaison"]).post(
        f"/staff/decisions/{simple_decision.pk}/act/comment_open/",
        act("comment_open", simple_decision.version, opens="2026-03-02", closes="2026-03-16"),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "不能公开征求意见" in page and "第十五条第一款" in page
    assert 'value="2026-03-16"' in page  # what the user typed stays in the form
    assert Decision.objects.get(pk=simple_decision.pk).comment_opens is None


def test_a_form_read_before_someone_else_acted_is_refused_instead_of_overwriting(cast, login, simple_decision):
    stale = simple_decision.version
    services.decision_draft(by=cast["minzheng_liaison"], decision=simple_decision, options="方案三")
    response = login(cast["minzheng_liaison"]).post(
        f"/staff/decisions/{simple_decision.pk}/act/draft/", act("draft", stale, options="方案四")
    )
    assert response.status_code == 400 and "已被他人修改" in response.content.decode()
    assert Decision.objects.get(pk=simple_decision.pk).options == "方案三"


def test_a_comment_is_answered_beside_it_and_only_a_comment_of_this_decision(cast, login, simple_decision):
    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 3, 2), closes=D(2026, 4, 1)
    )
    comment = services.comment_submit(decision=simple_decision, body="建议提高标准", paragraph=2, on=D(2026, 3, 3))
    other = drafted(cast, title="另一项决策")
    client = login(cast["minzheng_liaison"])
    page = page_of(client, simple_decision)
    assert f'id="action-comment_answer-{comment.pk}"' in page
    version = Decision.objects.get(pk=simple_decision.pk).version
    wrong = client.post(
        f"/staff/decisions/{other.pk}/act/comment_answer/",
        act("comment_answer", other.version, comment=comment.pk, response="adopted", reason="采纳"),
    )
    assert wrong.status_code in (400, 404) and Comment.objects.get(pk=comment.pk).response == ""
    client.post(
        f"/staff/decisions/{simple_decision.pk}/act/comment_answer/",
        act("comment_answer", version, comment=comment.pk, response="partly", reason="结合财力提高"),
    )
    comment.refresh_from_db()
    assert (comment.response, comment.response_reason) == ("partly", "结合财力提高")
    assert f'id="action-comment_answer-{comment.pk}"' not in page_of(client, simple_decision)
    event = Event.objects.get(action="decision.comment_answer")
    assert event.action_label == "答复公众意见" and event.data["comment"] == comment.pk


def test_a_refused_row_act_comes_back_beside_its_row(cast, login, simple_decision):
    expert = services.expert_invite(
        by=cast["minzheng_liaison"], decision=simple_decision, name="陈教授", affiliation="江临大学", no_conflict=True
    )
    version = Decision.objects.get(pk=simple_decision.pk).version
    response = login(cast["minzheng_liaison"]).post(
        f"/staff/decisions/{simple_decision.pk}/act/expert_opinion/",
        act("expert_opinion", version, expert=expert.pk, opinion="", handling="已采纳"),
    )
    page = response.content.decode()
    assert response.status_code == 400 and "不能记录" in page
    form = page[page.index(f'id="action-expert_opinion-{expert.pk}"') :]
    assert "已采纳" in form[: form.index("</form>")]
    expert.refresh_from_db()
    assert expert.submitted_on is None


def test_staff_cannot_act_as_the_public(cast, simple_decision):
    comment = Comment(decision=simple_decision, body="冒充公众", submitted_on=D(2026, 3, 3))
    with pytest.raises(AccessDenied):
        fire(DECISION_FLOW, simple_decision, "comment", by=cast["minzheng_liaison"], comment=comment)
    assert not Comment.objects.exists()


def test_a_post_evaluation_that_continues_the_decision_keeps_it_in_force_with_one_event(cast, simple_decision):
    decision = published(cast, reviewed(cast, simple_decision))
    evaluation = evaluation_started(cast, decision)
    before = Event.objects.count()
    services.evaluation_conclude(
        by=cast["mayor"],
        evaluation=evaluation,
        findings="效果良好",
        public_input="问卷调查",
        verdict="continue",
        on=D(2026, 9, 10),
    )
    decision.refresh_from_db()
    evaluation.refresh_from_db()
    assert decision.state == DecisionState.PUBLISHED and evaluation.verdict == "continue"
    [event] = Event.objects.order_by("id")[before:]
    assert event.action_label == "后评估：继续执行" and event.from_state == event.to_state == "published"


def test_an_outside_agency_that_assessed_the_draft_cannot_evaluate_it_afterwards(cast, simple_decision):
    from yifa.core.errors import GateBlocked

    services.risk_assess(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        assessor="江临社会稳定评估中心",
        level="low",
        risk_points="—",
        measures="—",
        contingency="—",
        controllable=True,
    )
    decision = published(cast, reviewed(cast, simple_decision))
    with pytest.raises(GateBlocked) as refused:
        evaluation_started(cast, decision, performer="agency", performer_name="江临社会稳定评估中心")
    assert "第三十六条第二款" in refused.value.message
    assert not decision.evaluations.exists()


def test_a_hearing_is_recorded_from_its_row_with_the_signed_transcript(cast, login, simple_decision):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    today = timezone.localdate()
    hearing = services.hearing_schedule(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        hearing_on=today,
        place="市民中心",
        selection_method="抽签",
        signup_closes=today - dt.timedelta(days=8),
        notice_on=today - dt.timedelta(days=10),
    )
    client = login(cast["minzheng_liaison"])
    assert f'id="action-hearing_held-{hearing.pk}"' in page_of(client, simple_decision)
    version = Decision.objects.get(pk=simple_decision.pk).version
    data = act(
        "hearing_held",
        version,
        hearing=hearing.pk,
        held_on=str(today),
        participants_signed="on",
        transcript_is_basis="on",
    )
    client.post(
        f"/staff/decisions/{simple_decision.pk}/act/hearing_held/",
        {**data, "hearing_held-transcript": SimpleUploadedFile("听证笔录.txt", "听证笔录正文".encode())},
    )
    hearing.refresh_from_db()
    assert hearing.held_on == today and hearing.participants_signed and hearing.transcript_is_basis
    assert hearing.transcript.name == "听证笔录.txt" and hearing.transcript.subject_id == str(simple_decision.pk)
    assert f'id="action-hearing_held-{hearing.pk}"' not in page_of(client, simple_decision)
    assert Event.objects.get(action="decision.hearing_held").data["basis"] is True


def test_participants_chosen_too_late_to_deliver_the_materials_are_refused(cast, simple_decision):
    from yifa.core.errors import GateBlocked

    hearing = services.hearing_schedule(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        hearing_on=D(2026, 4, 20),
        place="市民中心",
        selection_method="抽签",
        signup_closes=D(2026, 4, 13),
        notice_on=D(2026, 4, 1),
    )
    person = services.hearing_signup(hearing=hearing, name="李四", phone="13900000000", on=D(2026, 4, 10))
    # 4月20日听证，材料须于7日前即4月13日送达：4月14日遴选已来不及
    with pytest.raises(GateBlocked) as refused:
        services.hearing_select(by=cast["minzheng_liaison"], hearing=hearing, selected=[person.pk], on=D(2026, 4, 14))
    assert "2026年4月13日" in refused.value.message and "第十六条第三款" in refused.value.message
    hearing.refresh_from_db()
    assert hearing.participants_published_on is None and hearing.participants.get().status == "applied"
