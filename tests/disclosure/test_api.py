"""/api/disclosure/: scoped reads, masked identity for watchers, versioned replies, the report, the lookup."""

import datetime as dt
import json

import pytest

D = dt.date
pytestmark = pytest.mark.django_db


def test_lists_need_a_login(client, cast):
    assert client.get("/api/disclosure/requests").status_code == 401


def test_a_unit_lists_only_its_own_requests(cast, login, register):
    register(D(2026, 11, 2))
    mine = login(cast["minzheng_liaison"]).get("/api/disclosure/requests").json()
    assert [r["number"] for r in mine["items"]] == ["民政局依申请〔2026〕1号"]
    assert login(cast["jiaotong_liaison"]).get("/api/disclosure/requests").json()["items"] == []


def test_detail_masks_the_applicant_for_watchers_and_refuses_other_units(cast, login, register):
    r = register(D(2026, 11, 2))
    watched = login(cast["reviewer"]).get(f"/api/disclosure/requests/{r.pk}").json()
    assert watched["applicant_id_number"] != "110101199003071233" and "13700001111" not in json.dumps(watched)
    handled = login(cast["minzheng_liaison"]).get(f"/api/disclosure/requests/{r.pk}").json()
    assert handled["applicant_id_number"] == "110101199003071233"
    assert login(cast["jiaotong_liaison"]).get(f"/api/disclosure/requests/{r.pk}").status_code == 403


def test_reply_with_a_stale_version_is_refused(cast, login, register):
    r = register(D(2026, 11, 2))
    c = login(cast["minzheng_liaison"])
    body = {"version": r.version + 5, "outcome": "open", "reply_text": "予以公开", "on": "2026-11-10"}
    response = c.post(f"/api/disclosure/requests/{r.pk}/reply", body, content_type="application/json")
    assert response.status_code == 409
    body["version"] = r.version
    response = c.post(f"/api/disclosure/requests/{r.pk}/reply", body, content_type="application/json")
    assert response.status_code == 200 and response.json()["outcome"] == "open"


def test_public_status_lookup_needs_number_and_code(client, cast, register):
    r = register(D(2026, 11, 2))
    ok = client.get("/api/disclosure/status", {"number": r.number, "code": r.lookup_code})
    assert ok.status_code == 200 and ok.json()["reply_due"] == "2026-11-30"
    assert client.get("/api/disclosure/status", {"number": r.number, "code": "XXXXXXXX"}).status_code == 404


def test_report_figures_for_a_unit_in_scope(cast, login, register):
    register(D(2026, 11, 2))
    figures = login(cast["minzheng_liaison"]).get(f"/api/disclosure/units/{cast['民政局'].pk}/report/2026").json()
    assert figures["table3"][0]["counts"] == [1, 0, 0, 0, 0, 0, 1] and figures["identity_holds"]
    assert (
        login(cast["jiaotong_liaison"]).get(f"/api/disclosure/units/{cast['民政局'].pk}/report/2026").status_code == 403
    )
