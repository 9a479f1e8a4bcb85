from yifa.normdocs.models import DocStatus

from .conftest import LOCAL_PROTECTION_TEXT


def test_api_needs_authentication(client, draft):
    assert client.get("/api/normdocs/documents").status_code == 401
    assert client.post("/api/normdocs/screen", {"text": "x"}, content_type="application/json").status_code == 401


def test_api_lists_only_documents_in_scope(cast, login, draft):
    own = login(cast["minzheng_liaison"]).get("/api/normdocs/documents?q=最低生活保障").json()
    assert [d["id"] for d in own["items"]] == [draft.pk]
    other = login(cast["shijian_liaison"])
    assert other.get("/api/normdocs/documents").json()["items"] == []
    assert other.get(f"/api/normdocs/documents/{draft.pk}").status_code == 403


def test_api_submits_for_review_and_shows_the_clock(cast, login, draft):
    client = login(cast["minzheng_liaison"])
    body = client.post(
        f"/api/normdocs/documents/{draft.pk}/submit-review",
        {"expected_version": draft.version},
        content_type="application/json",
    ).json()
    assert body["status"] == DocStatus.REVIEW
    assert body["clocks"][0]["rule_id"] == "normdocs.legality_review"
    stale = client.post(
        f"/api/normdocs/documents/{draft.pk}/submit-review",
        {"expected_version": draft.version},
        content_type="application/json",
    )
    assert stale.status_code == 409 and "合法性审核中" in stale.json()["detail"]


def test_api_screens_text(cast, login):
    found = (
        login(cast["minzheng_liaison"])
        .post("/api/normdocs/screen", {"text": LOCAL_PROTECTION_TEXT}, content_type="application/json")
        .json()
    )
    assert [(f["article"], f["rule"]) for f in found] == [("第九条", "9.3-采购中优先特定或本地")]
