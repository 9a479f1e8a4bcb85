"""告知承诺 (国办发〔2020〕42号): an item that allows it with its 承诺书, the applicant's choice, the decision
on the spot, post-approval checks drawn by a reproducible random sample, and a false promise revoking
the licence with a credit record other modules receive."""

import datetime as dt

import pytest

from yifa.core import bus, clocks
from yifa.core.errors import AccessDenied, GateBlocked, InvalidInput
from yifa.core.models import Event
from yifa.core.procedure import fire
from yifa.lib.office import xlsx_table
from yifa.licensing import importer, interface, promise, rules
from yifa.licensing.flows import APPLICATIONS, ITEMS, PROMISE_CHECKS
from yifa.licensing.models import Application, AppState, Certificate, CertState, CheckState, Item, PromiseDraw

from .conftest import ITEM_HEADERS, item_row

D = dt.date
PROMISE = "本单位承诺符合食品经营许可条件，材料真实，愿意接受核查并承担不实承诺的法律责任。"


@pytest.fixture
def promise_item(cast, food_item):
    liaison = cast["shijian_liaison"]
    return fire(
        ITEMS, food_item, "set_promise", by=liaison, expected_version=food_item.version, allowed=True, text=PROMISE
    )


def act(obj, flow, name, by, on, **inputs):
    obj.refresh_from_db()
    return fire(flow, obj, name, by=by, on=on, expected_version=obj.version, **inputs)


def granted_on_promise(receive, liaison, on, number):
    app = receive(on, by_promise=True)
    return act(app, APPLICATIONS, "grant_on_promise", liaison, on, decision_number=number)


def test_the_import_gives_a_promise_item_the_standard_promise_letter(cast, higher_list):
    headers_row = item_row(code="SD-003", name="公共场所卫生许可", basis="《公共场所卫生管理条例》第八条")
    content = xlsx_table("清单", [*ITEM_HEADERS, "告知承诺"], [[*headers_row, "是"]])
    (row,) = importer.parse_items(by=cast["shijian_liaison"], content=content)
    assert not row.errors and row.values["promise_allowed"] is True
    assert "承诺不实的，行政机关依法撤销许可" in row.values["promise_text"]
    assert "营业执照复印件" in row.values["promise_text"]
    bad = xlsx_table("清单", [*ITEM_HEADERS, "告知承诺"], [[*headers_row, "也许"]])
    (refused,) = importer.parse_items(by=cast["shijian_liaison"], content=bad)
    assert "告知承诺“也许”应为“是”或“否”" in refused.errors[0]


def test_a_promise_item_needs_its_promise_letter(cast, food_item):
    with pytest.raises(GateBlocked, match="须公布告知承诺书格式文本"):
        fire(ITEMS, food_item, "set_promise", by=cast["shijian_liaison"], expected_version=food_item.version,
             allowed=True, text=" ")  # fmt: skip
    assert not Item.objects.get(pk=food_item.pk).promise_allowed


def test_the_portal_shows_the_promise_letter_and_lets_the_applicant_choose(promise_item, client):
    guide = client.get(promise_item.get_public_url()).content.decode()
    assert "告知承诺书" in guide and PROMISE in guide
    form = client.get(f"/licensing/items/{promise_item.pk}/apply/").content.decode()
    assert 'name="by_promise"' in form and "自主选择" in form
    data = {
        "applicant_name": "江临市好味餐饮有限公司",
        "applicant_id_number": "91330100MA2B3C4D5E",
        "summary": "申请食品经营许可",
        "by_promise": "on",
    }
    assert client.post(f"/licensing/items/{promise_item.pk}/apply/", data).status_code == 302
    assert Application.objects.get().by_promise is True


def test_an_item_without_promise_offers_no_choice_and_refuses_one(cast, food_item, receive, client):
    form = client.get(f"/licensing/items/{food_item.pk}/apply/").content.decode()
    assert 'name="by_promise"' not in form and "告知承诺书" not in form
    with pytest.raises(InvalidInput) as refused:
        receive(D(2026, 3, 2), by_promise=True)
    assert "该事项不实行告知承诺" in str(refused.value.errors["by_promise"])
    assert not Application.objects.exists()


def test_the_decision_under_a_promise_is_made_on_the_spot(cast, promise_item, receive):
    liaison = cast["shijian_liaison"]
    app = granted_on_promise(receive, liaison, D(2026, 3, 2), "江市监食许〔2026〕8号")
    assert app.state == AppState.GRANTED
    assert app.accepted_on == app.decided_on == D(2026, 3, 2) and app.voucher_number == f"{app.number}-受"
    assert not clocks.clocks_of(app, rule=rules.DECISION, open_only=False).exists()
    # 3月2日 decided: ten working days, 3–6, 9–13, 16 March
    assert clocks.clocks_of(app, rule=rules.CERTIFICATE).get().due == D(2026, 3, 16)


def test_an_applicant_who_did_not_promise_goes_the_ordinary_way(cast, promise_item, receive):
    app = receive(D(2026, 3, 2))
    with pytest.raises(GateBlocked, match="此时不能依告知承诺当场作出准予许可决定"):
        act(app, APPLICATIONS, "grant_on_promise", cast["shijian_liaison"], D(2026, 3, 2), decision_number="X")


def test_the_sample_is_reproducible_from_its_seed():
    population = list(range(1, 41))
    first = promise.sample(population, "20260302", 20)
    assert len(first) == 8 and first == sorted(first) and set(first) <= set(population)
    assert promise.sample(list(reversed(population)), "20260302", 20) == first
    assert promise.sample(population, "20260303", 20) != first
    assert len(promise.sample(population[:3], "1", 10)) == 1  # rounded up: never zero of a non-empty list


def test_a_draw_records_its_seed_and_population_and_skips_the_drawn(cast, promise_item, receive):
    liaison = cast["shijian_liaison"]
    apps = [granted_on_promise(receive, liaison, D(2026, 3, 2), f"江市监食许〔2026〕{i}号") for i in range(1, 6)]
    receive(D(2026, 3, 2))  # not by promise: never drawn
    made = promise.draw(by=liaison, unit=liaison.unit, granted_from=D(2026, 3, 1), granted_to=D(2026, 3, 31),
                        percent=40, seed="12345", on=D(2026, 4, 1))  # fmt: skip
    assert made.population == sorted(a.pk for a in apps) and made.seed == "12345"
    drawn = sorted(made.checks.values_list("application_id", flat=True))
    assert drawn == promise.sample(made.population, "12345", 40) and len(drawn) == 2
    assert Event.objects.filter(action="licensing.promise_draw").count() == 1
    again = promise.draw(by=liaison, unit=liaison.unit, granted_from=D(2026, 3, 1), granted_to=D(2026, 3, 31),
                         percent=100, on=D(2026, 4, 2))  # fmt: skip
    assert set(again.population).isdisjoint(drawn) and len(again.population) == 3 and again.seed.isdigit()


def test_a_draw_with_nothing_to_draw_writes_nothing(cast, promise_item):
    liaison = cast["shijian_liaison"]
    with pytest.raises(InvalidInput) as refused:
        promise.draw(by=liaison, unit=liaison.unit, granted_from=D(2026, 3, 1), granted_to=D(2026, 3, 31),
                     percent=10, on=D(2026, 4, 1))  # fmt: skip
    assert "没有以告知承诺方式准予" in refused.value.errors["granted_to"]
    assert not PromiseDraw.objects.exists()


def _one_check(cast, receive, *, issue: bool):
    liaison = cast["shijian_liaison"]
    app = granted_on_promise(receive, liaison, D(2026, 3, 2), "江市监食许〔2026〕8号")
    if issue:
        act(app, APPLICATIONS, "issue", liaison, D(2026, 3, 3), number="JY13301000000088")
    made = promise.draw(by=liaison, unit=liaison.unit, granted_from=D(2026, 3, 2), granted_to=D(2026, 3, 2),
                        percent=100, on=D(2026, 4, 1))  # fmt: skip
    return app, made.checks.get()


def test_a_false_promise_revokes_the_certificate_and_makes_a_credit_record(cast, promise_item, receive, monkeypatch):
    heard = []
    monkeypatch.setattr(bus, "_receivers", {interface.FALSE_PROMISE_EVENT: [lambda obj, **_: heard.append(obj)]})
    app, check = _one_check(cast, receive, issue=True)
    with pytest.raises(GateBlocked, match="须记录核查情况"):
        act(check, PROMISE_CHECKS, "find_false", cast["shijian_liaison"], D(2026, 4, 8), reason="经营场所不符")
    act(check, PROMISE_CHECKS, "find_false", cast["shijian_liaison"], D(2026, 4, 8),
        findings="现场核查：无经营场所", reason="承诺具备经营场所，实际没有")  # fmt: skip
    cert = Certificate.objects.get(application=app)
    assert cert.state == CertState.REVOKED and cert.revoked_on == D(2026, 4, 8)
    assert cert.ground.startswith("第六十九条第二款")
    assert clocks.clocks_of(cert, rule=rules.RENEWAL_DUE, open_only=False).get().status == "cancelled"
    (record,) = [interface.credit_record(c) for c in heard]
    assert record["holder_name"] == "江临市好味餐饮有限公司" and record["found_on"] == D(2026, 4, 8)
    assert record["basis"].endswith("第六十九条第二款")
    assert interface.false_promises(2026) == [record]
    event = Event.objects.get(action=interface.FALSE_PROMISE_EVENT)
    assert event.data["credit_record"] is True and "江临市好味餐饮有限公司" not in str(event.data)


def test_a_false_promise_before_the_certificate_revokes_the_decision(cast, promise_item, receive):
    app, check = _one_check(cast, receive, issue=False)
    act(check, PROMISE_CHECKS, "find_false", cast["shijian_liaison"], D(2026, 4, 8),
        findings="材料虚假", reason="承诺的检验报告不存在")  # fmt: skip
    app.refresh_from_db()
    assert app.state == AppState.REVOKED
    assert clocks.clocks_of(app, rule=rules.CERTIFICATE, open_only=False).get().status == "cancelled"


def test_a_kept_promise_is_recorded_and_leaves_the_licence(cast, promise_item, receive):
    app, check = _one_check(cast, receive, issue=True)
    act(check, PROMISE_CHECKS, "find_kept", cast["shijian_liaison"], D(2026, 4, 8), findings="现场核查属实")
    check.refresh_from_db()
    assert check.state == CheckState.KEPT and check.checked_on == D(2026, 4, 8)
    assert Certificate.objects.get(application=app).state == CertState.VALID
    assert interface.false_promises(2026) == []


def test_another_units_staff_neither_see_nor_record_checks(cast, promise_item, receive, login):
    app, check = _one_check(cast, receive, issue=True)
    other = cast["minzheng_liaison"]
    assert login(other).get(f"/staff/licensing/promise/{check.draw_id}/").status_code == 403
    with pytest.raises(AccessDenied):
        act(check, PROMISE_CHECKS, "find_kept", other, D(2026, 4, 8), findings="属实")


def test_the_check_pages_show_the_seed_and_replay_the_draw(cast, promise_item, receive, login):
    app, check = _one_check(cast, receive, issue=True)
    staff = login(cast["shijian_liaison"])
    listing = staff.get("/staff/licensing/promise/").content.decode()
    assert check.draw.seed in listing
    page = staff.get(f"/staff/licensing/promise/{check.draw_id}/").content.decode()
    assert f'id="replayed">{app.pk}<' in page and "核查：承诺不实，撤销许可并记入信用记录" in page
    response = staff.post(
        f"/staff/licensing/promise/checks/{check.pk}/act/find_kept/",
        {"find_kept-version": check.version, "find_kept-findings": "现场核查属实"},
    )
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.state == CheckState.KEPT


def test_the_applicant_sees_the_decision_on_the_spot_in_the_status_lookup(cast, promise_item, receive, client):
    app = granted_on_promise(receive, cast["shijian_liaison"], D(2026, 3, 2), "江市监食许〔2026〕8号")
    page = client.post("/licensing/status/", {"number": app.number, "code": app.lookup_code}).content.decode()
    assert "准予许可，待发证" in page and "依告知承诺当场作出准予许可决定" in page
