"""The API: items for anyone, applications in scope with masked data outside need, versioned acts."""

import json

from django.utils import timezone

from yifa.licensing.models import Application


def test_items_are_public_and_applications_are_scoped(cast, receive, client, login):
    app = receive(timezone.localdate())
    items = client.get("/api/licensing/items").json()["items"]
    assert [i["name"] for i in items] == ["食品经营许可"] and items[0]["promised_days"] == 10
    assert client.get("/api/licensing/applications").status_code == 401
    mine = login(cast["shijian_liaison"]).get("/api/licensing/applications").json()["items"]
    assert [a["number"] for a in mine] == [app.number]
    assert login(cast["minzheng_liaison"]).get("/api/licensing/applications").json()["items"] == []
    assert login(cast["minzheng_liaison"]).get(f"/api/licensing/applications/{app.pk}").status_code == 403


def test_acts_take_the_version_and_refuse_with_the_rule(cast, receive, login):
    app = receive(timezone.localdate())
    api = login(cast["shijian_liaison"])
    url = f"/api/licensing/applications/{app.pk}/request_correction"
    refused = api.post(url, json.dumps({"version": app.version, "items": ""}), content_type="application/json")
    assert refused.status_code == 409 and "须列明需要补正的全部内容" in refused.json()["unmet"][0]
    done = api.post(url, json.dumps({"version": app.version, "items": "补交营业执照"}), content_type="application/json")
    assert done.status_code == 200 and done.json()["state"] == "correction"
    stale = api.post(
        f"/api/licensing/applications/{app.pk}/receive_correction",
        json.dumps({"version": app.version}),
        content_type="application/json",
    )
    assert stale.status_code == 409
    assert Application.objects.get(pk=app.pk).state == "correction"


def test_public_status_shows_no_personal_data(cast, receive, client):
    app = receive(timezone.localdate())
    body = client.get("/api/licensing/status", {"number": app.number, "code": app.lookup_code}).json()
    assert body["state_label"] == "已收到，待受理" and "applicant_name" not in body
    assert client.get("/api/licensing/status", {"number": app.number, "code": "wrong"}).status_code == 404
