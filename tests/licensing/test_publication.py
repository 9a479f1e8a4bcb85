"""Decisions to grant are published on the portal (许可法第四十条): the number, item, organ and date, and
the holder's name only when the holder is an organisation; refusals and pending applications are not."""

import datetime as dt

from yifa.core.procedure import fire
from yifa.licensing.flows import APPLICATIONS

D = dt.date
URL = "/licensing/decisions/"


def decide(app, by, name, on, **inputs):
    for act, day, extra in [("accept", app.received_on, {}), (name, on, inputs)]:
        app.refresh_from_db()
        fire(APPLICATIONS, app, act, by=by, on=day, expected_version=app.version, **extra)
    app.refresh_from_db()
    return app


def test_granted_decisions_are_published_without_personal_data(cast, receive, client):
    liaison = cast["shijian_liaison"]
    company = decide(receive(D(2026, 3, 2)), liaison, "grant", D(2026, 3, 10), decision_number="江市监食许〔2026〕21号")
    person = decide(
        receive(D(2026, 3, 2), applicant_name="张小明", applicant_id_number="11010519491231002X",
                applicant_phone="13900001111"),
        liaison, "grant", D(2026, 3, 11), decision_number="江市监食许〔2026〕22号",
    )  # fmt: skip
    decide(receive(D(2026, 3, 2)), liaison, "refuse", D(2026, 3, 12), decision_number="江市监食不许〔2026〕1号",
           reason="场所不符")  # fmt: skip
    receive(D(2026, 3, 3), applicant_name="江临市待审餐饮有限公司")
    page = client.get(URL).content.decode()
    assert company.decision_number in page and "江临市好味餐饮有限公司" in page
    assert person.decision_number in page and "（自然人，姓名不予公开）" in page
    assert "张小明" not in page and "11010519491231002X" not in page and "13900001111" not in page
    assert "91330100MA2B3C4D5E" not in page
    assert "江市监食不许〔2026〕1号" not in page and "待审餐饮" not in page
    assert page.index("〔2026〕22号") < page.index("〔2026〕21号")  # newest first
    found = client.get(URL, {"q": "22号"}).content.decode()
    assert person.decision_number in found and company.decision_number not in found


def test_the_portal_lists_the_decisions_service(db, client):
    assert "行政许可决定公开" in client.get("/").content.decode()
