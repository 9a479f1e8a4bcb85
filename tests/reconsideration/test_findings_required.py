"""经审理查明: a decision draft without the facts found is refused by the service and the API, not only by
the page's form, and nothing is written."""

import datetime as dt

import pytest

from yifa.core.errors import GateBlocked
from yifa.reconsideration import services
from yifa.reconsideration.models import CaseState, HearingKind

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    case = services.case_reply(case=case, by=cast["minzheng_liaison"], text="事实清楚", on=D(2025, 3, 10))
    return services.case_record_hearing(
        case=case, by=cast["fuyi"], kind=HearingKind.HEAR, held_on=D(2025, 3, 12), on=D(2025, 3, 12)
    )


def test_the_service_refuses_a_draft_without_findings(cast, ready):
    with pytest.raises(GateBlocked) as err:
        services.case_propose(
            case=ready, by=cast["fuyi"], decision_type="uphold", decision_text="合法", findings=" ", on=D(2025, 3, 13)
        )
    assert any("经审理查明" in m and "第六十一条" in m for m in err.value.unmet)
    ready.refresh_from_db()
    assert ready.state == CaseState.ACCEPTED and not ready.decision_type


def test_the_api_refuses_a_draft_without_findings_and_takes_one_with_them(cast, ready, login):
    api = login(cast["fuyi"])
    url = f"/api/reconsideration/cases/{ready.pk}/propose"
    body = {"decision_type": "uphold", "decision_text": "合法", "version": ready.version}
    refused = api.post(url, body, content_type="application/json")
    assert refused.status_code in (400, 409, 422) and "经审理查明" in refused.json()["detail"]
    ready.refresh_from_db()
    assert ready.state == CaseState.ACCEPTED
    done = api.post(url, {**body, "findings": "申请人于2025年1月超范围经营"}, content_type="application/json")
    assert done.status_code == 200 and done.json()["state"] == CaseState.APPROVAL


def test_the_api_refuses_an_unknown_decision_type(cast, ready, login):
    response = login(cast["fuyi"]).post(
        f"/api/reconsideration/cases/{ready.pk}/propose",
        {"decision_type": "pardon", "findings": "查明", "decision_text": "理由", "version": ready.version},
        content_type="application/json",
    )
    assert response.status_code in (400, 409, 422) and "决定类型" in response.json()["detail"]
