"""An edit through the API names the version it read, or is refused: no silent last-writer-wins. The task
list gives the version to send."""

import json

import pytest
from django.test import Client

from tests.plans.test_api import assigned

pytestmark = pytest.mark.django_db
# Operations on a record that create something beside it rather than edit it.
NOT_EDITS = {("post", "/api/decisions/public/{pk}/comments")}


def test_every_api_edit_of_a_record_requires_its_version():
    schema = Client().get("/api/openapi.json").json()
    components = schema["components"]["schemas"]
    missing = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method not in {"post", "put", "patch", "delete"} or "{" not in path or (method, path) in NOT_EDITS:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            ref = body.get("schema", {}).get("$ref", "")
            required = components[ref.rsplit("/", 1)[-1]].get("required", []) if ref else []
            if "version" not in required:
                missing.append(f"{method.upper()} {path}")
    assert missing == []


def test_progress_without_the_version_is_refused_and_the_list_gives_it(cast, login):
    assigned(cast)
    liaison = login(cast["minzheng_liaison"])
    task = liaison.get("/api/plans/tasks").json()["items"][0]
    body = {"status": "done", "percent": 100, "narrative": "已建立"}
    omitted = liaison.post(f"/api/plans/tasks/{task['id']}/progress", json.dumps(body), content_type="application/json")
    assert omitted.status_code == 422 and "version" in omitted.content.decode()
    assert liaison.get("/api/plans/tasks").json()["items"][0]["status"] == task["status"]
    done = liaison.post(
        f"/api/plans/tasks/{task['id']}/progress",
        json.dumps({**body, "version": task["version"]}),
        content_type="application/json",
    )
    assert done.status_code == 200 and done.json()["version"] == task["version"] + 1
    stale = liaison.post(
        f"/api/plans/tasks/{task['id']}/progress",
        json.dumps({**body, "narrative": "覆盖", "version": task["version"]}),
        content_type="application/json",
    )
    assert stale.status_code == 409 and "已被他人修改" in stale.json()["detail"]
