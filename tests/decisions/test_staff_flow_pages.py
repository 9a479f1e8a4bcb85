"""The later steps driven from the detail page: hearing selection, publication, feedback, evaluation."""

import datetime as dt

from django.utils import timezone

from yifa.decisions import services
from yifa.decisions.models import Decision, DecisionState, HearingParticipant

from .builders import act, meeting, reviewed


def test_start_form_from_the_catalogue_copies_the_required_steps(cast, login):
    catalogue = services.catalogue_create(by=cast["mayor"], unit=cast.city, year=2026)
    item = services.catalogue_item_add(
        by=cast["mayor"],
        catalogue=catalogue,
        title="河道整治规划",
        category="plan",
        lead_unit=cast["生态环境局"],
        technical=True,
    )
    response = login(cast["mayor"]).post(
        "/staff/decisions/new/",
        {"catalogue_item": item.pk, "decision_body_unit": cast.city.pk, "lead": cast["生态环境局"].pk},
    )
    decision = Decision.objects.get()
    assert response["Location"] == f"/staff/decisions/{decision.pk}/"
    assert decision.technical and decision.title == "河道整治规划"


def test_start_form_outside_the_catalogue_without_reason_is_refused(cast, login):
    page = (
        login(cast["mayor"])
        .post(
            "/staff/decisions/new/",
            {"title": "临时事项", "category": "other", "decision_body_unit": cast.city.pk, "lead": cast["民政局"].pk},
        )
        .content.decode()
    )
    assert "目录外启动理由" in page and "必须填写" in page
    assert not Decision.objects.exists()


def test_hearing_participants_are_selected_on_the_page(cast, login, simple_decision):
    today = timezone.localdate()
    hearing = services.hearing_schedule(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        hearing_on=today + dt.timedelta(days=20),
        place="市民中心",
        selection_method="抽签",
        signup_closes=today + dt.timedelta(days=5),
    )
    a = services.hearing_signup(hearing=hearing, name="甲", phone="13900000001")
    services.hearing_signup(hearing=hearing, name="乙", phone="13900000002")
    client = login(cast["minzheng_liaison"])
    page = client.get(f"/staff/decisions/{simple_decision.pk}/").content.decode()
    assert "139****0001" in page and "13900000001" not in page  # masked even for the lead unit
    reveal = f"/staff/decisions/{simple_decision.pk}/reveal/participant/{a.pk}/"
    assert reveal in page
    assert client.post(reveal).content.decode() == "13900000001"  # revealed on request, audited
    from yifa.core.models import Event, RoleGrant, User

    assert Event.objects.filter(action="personal_data.reveal", data__field="联系电话").count() == 1
    deputy = User.objects.create_user(username="deputy", full_name="钱副市长", unit=cast.city)
    RoleGrant.objects.create(user=deputy, role="leader")
    page = login(deputy).get(f"/staff/decisions/{simple_decision.pk}/").content.decode()
    assert "139****0001" in page and "13900000001" not in page and reveal not in page
    assert login(deputy).post(reveal).status_code == 403
    client = login(cast["minzheng_liaison"])
    version = Decision.objects.get(pk=simple_decision.pk).version
    client.post(
        f"/staff/decisions/{simple_decision.pk}/act/hearing_select/",
        act("hearing_select", version, hearing=hearing.pk, selected=[a.pk]),
    )
    assert dict(HearingParticipant.objects.values_list("name", "status")) == {"甲": "selected", "乙": "not_selected"}


def test_published_decision_is_fed_back_evaluated_and_adjusted_from_the_page(cast, login, simple_decision):
    decision = reviewed(cast, simple_decision)
    mayor = login(cast["mayor"])
    data = meeting(cast)
    data["opinions"] = "\n".join(
        f"{o['speaker']}｜{'同意' if o['stance'] == 'agree' else '不同意'}｜{o['opinion']}" for o in data["opinions"]
    )
    data = {k: v for k, v in data.items() if v is not False}
    mayor.post(f"/staff/decisions/{decision.pk}/act/decide/", act("decide", decision.version, **data))
    decision.refresh_from_db()
    assert decision.state == DecisionState.DECIDED
    mayor.post(
        f"/staff/decisions/{decision.pk}/act/publish/",
        act(
            "publish",
            decision.version,
            decision_no="江政发〔2026〕9号",
            decision_text="发放补贴",
            executing_unit=cast["民政局"].pk,
            party_reported_on="2026-05-13",
            feedback_every_days=90,
        ),
    )
    decision.refresh_from_db()
    assert decision.state == DecisionState.PUBLISHED
    login(cast["minzheng_liaison"]).post(
        f"/staff/decisions/{decision.pk}/act/feedback/",
        act("feedback", decision.version, status="blocked", progress=30, problems="资金未到位"),
    )
    assert decision.feedback.get().problems == "资金未到位"
    decision.refresh_from_db()
    mayor = login(cast["mayor"])
    mayor.post(
        f"/staff/decisions/{decision.pk}/act/evaluation_start/",
        act(
            "evaluation_start",
            decision.version,
            trigger="underperforming",
            performer="experts",
            performer_name="市决策咨询专家组",
        ),
    )
    evaluation = decision.evaluations.get()
    page = mayor.get(f"/staff/decisions/{decision.pk}/").content.decode()
    assert "资金未到位" in page and "作出决定" in page
    decision.refresh_from_db()
    mayor.post(
        f"/staff/decisions/{decision.pk}/act/evaluation_conclude/",
        act(
            "evaluation_conclude",
            decision.version,
            evaluation=evaluation.pk,
            findings="资金保障不足",
            public_input="座谈会",
            verdict="adjust",
            reason="调整发放方式",
        ),
    )
    decision.refresh_from_db()
    assert decision.state == DecisionState.ADJUSTED
    new_round = decision.next_rounds.get()
    assert "第2轮" in mayor.get(f"/staff/decisions/{new_round.pk}/").content.decode()
