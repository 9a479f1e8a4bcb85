"""/api/decisions/: scoped reads, gates as JSON, and the public comment endpoints."""

import datetime as dt

from django.utils import timezone

from yifa.decisions import services
from yifa.decisions.models import Comment


def test_api_lists_only_decisions_in_scope(cast, login, simple_decision):
    items = login(cast["minzheng_liaison"]).get("/api/decisions/").json()["items"]
    assert [i["id"] for i in items] == [simple_decision.pk]
    assert login(cast["huanjing_liaison"]).get("/api/decisions/").json()["items"] == []


def test_api_needs_authentication(client, simple_decision):
    assert client.get("/api/decisions/").status_code == 401
    assert client.get(f"/api/decisions/{simple_decision.pk}").status_code == 401


def test_api_detail_is_refused_outside_scope(cast, login, simple_decision):
    assert login(cast["huanjing_liaison"]).get(f"/api/decisions/{simple_decision.pk}").status_code == 403
    body = login(cast["minzheng_liaison"]).get(f"/api/decisions/{simple_decision.pk}").json()
    assert body["missing"] == [] and body["required_steps"][0]["key"] == "drafting"


def test_api_submission_returns_every_unmet_gate(cast, login, simple_decision):
    response = login(cast["minzheng_liaison"]).post(
        f"/api/decisions/{simple_decision.pk}/review",
        {"planned_meeting_on": "2026-04-28", "procedure_note": "", "version": simple_decision.version},
        content_type="application/json",
    )
    assert response.status_code == 409
    unmet = response.json()["unmet"]
    assert any("履行决策法定程序的说明" in u for u in unmet) and any("7个工作日" in u for u in unmet)


def test_api_timeline_lists_events(cast, login, simple_decision):
    events = login(cast["mayor"]).get(f"/api/decisions/{simple_decision.pk}/timeline").json()
    assert [e["action_label"] for e in events][:2] == ["启动决策程序", "修改决策草案"]


def test_public_api_takes_a_paragraph_comment_and_returns_the_answer(cast, client, simple_decision):
    today = timezone.localdate()
    assert (
        client.post(
            f"/api/decisions/public/{simple_decision.pk}/comments", {"body": "x"}, content_type="application/json"
        ).status_code
        == 404
    )
    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=today, closes=today + dt.timedelta(days=45)
    )
    assert [d["id"] for d in client.get("/api/decisions/public/open").json()] == [simple_decision.pk]
    bad = client.post(
        f"/api/decisions/public/{simple_decision.pk}/comments",
        {"body": "x", "paragraph": 7},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["field"] == "paragraph"
    created = client.post(
        f"/api/decisions/public/{simple_decision.pk}/comments",
        {"body": "好", "paragraph": 3},
        content_type="application/json",
    )
    assert created.status_code == 201
    services.comment_answer(
        by=cast["minzheng_liaison"], comment=Comment.objects.get(), response="not_adopted", reason="与上位法不符"
    )
    answer = client.get(f"/api/decisions/public/comments/{created.json()['code']}").json()
    assert answer["response_label"] == "不予采纳" and answer["response_reason"] == "与上位法不符"


def test_public_comment_is_created_without_a_deprecated_response(cast, client, simple_decision):
    import warnings

    today = timezone.localdate()
    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=today, closes=today + dt.timedelta(days=45)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        created = client.post(
            f"/api/decisions/public/{simple_decision.pk}/comments", {"body": "好"}, content_type="application/json"
        )
    assert created.status_code == 201 and Comment.objects.get().code == created.json()["code"]


def test_api_submission_on_a_stale_version_is_refused(cast, login, simple_decision):
    from yifa.decisions.models import Decision

    stale = simple_decision.version
    services.decision_draft(by=cast["minzheng_liaison"], decision=simple_decision, options="方案三")
    response = login(cast["minzheng_liaison"]).post(
        f"/api/decisions/{simple_decision.pk}/review",
        {
            "planned_meeting_on": str(timezone.localdate() + dt.timedelta(days=60)),
            "procedure_note": "说明",
            "version": stale,
        },
        content_type="application/json",
    )
    assert response.status_code == 409 and "已被他人修改" in response.json()["detail"]
    assert Decision.objects.get(pk=simple_decision.pk).state == "drafting"
