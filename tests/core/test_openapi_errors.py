"""The OpenAPI schema declares the errors each endpoint can answer with, for every module's router."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(db):
    return Client().get("/api/openapi.json").json()


def declared(schema, method, path):
    return sorted(int(code) for code in schema["paths"][path][method]["responses"])


def test_every_operation_declares_its_errors_with_the_error_schema(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert "400" in operation["responses"] or 400 in operation["responses"], (method, path)
            for code, response in operation["responses"].items():
                if int(code) >= 400:
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref == "#/components/schemas/Error" and response["description"]
    assert schema["components"]["schemas"]["Error"]["required"] == ["detail", "field"]


def test_codes_follow_what_the_operation_takes(schema):
    assert declared(schema, "get", "/api/core/me") == [200, 400, 401, 403, 429]
    assert declared(schema, "get", "/api/core/units") == [200, 400, 401, 403, 422, 429]
    assert declared(schema, "get", "/api/core/rules") == [200, 400]
    assert declared(schema, "post", "/api/core/deadline") == [200, 400, 422]  # narrowed with x-errors
    assert "x-errors" not in schema["paths"]["/api/core/deadline"]["post"]
    case = next(p for p in schema["paths"] if p.startswith("/api/reconsideration/cases/{"))
    assert {401, 403, 404, 422} <= set(declared(schema, "get", case))
