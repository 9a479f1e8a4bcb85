"""The applicant's path on the portal (Django test client): apply → staff confirm → 补正 → reply with
redaction → status lookup shows the full reply; the unit's public page shows only the redacted copy."""

import datetime as dt
import re

import pytest

from tests.conftest import solve_captcha
from yifa.core.clocks import open_clock
from yifa.disclosure import rules, services
from yifa.disclosure.models import Request

D = dt.date
pytestmark = pytest.mark.django_db
APPLIED_ON = D(2026, 11, 2)
REPLY = "经查，周九（电话13700001111）申请的2026年低保资金发放明细如下：青石镇共发放120万元。"


def _apply(client, unit, monkeypatch=None, on=APPLIED_ON):
    if monkeypatch is not None:  # the portal dates an application by today's date
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: on)
    response = client.post(
        "/disclosure/apply/",
        {
            "unit": unit.pk,
            "applicant_kind": "person",
            "applicant_name": "周九",
            "applicant_id_number": "110101199003071233",
            "applicant_phone": "13700001111",
            "content": "2026年低保资金发放明细",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    number = re.search(r'id="request-number">([^<]+)<', page).group(1)
    code = re.search(r'id="lookup-code">([^<]+)<', page).group(1)
    return number, code


def _look_up(client, number, code):
    """The status lookup as the applicant posts it: after the application, with the captcha answered."""
    form = client.get("/disclosure/status/").content.decode()
    answer = solve_captcha(form) if "captcha_1" in form else {}
    return client.post("/disclosure/status/", {"number": number, "code": code, **answer})


def test_apply_clarify_reply_with_redaction_then_look_up(cast, client, login, monkeypatch):
    number, code = _apply(client, cast["民政局"], monkeypatch)
    monkeypatch.undo()
    r = Request.objects.get(number=number)
    assert r.received_on is None and r.channel == "online"
    assert open_clock(r, rules.REPLY) is None  # 以双方确认之日为收到之日

    staff = cast["minzheng_liaison"]
    r = services.request_act(
        r, "confirm", by=staff, expected_version=r.version, received_on=D(2026, 11, 2), on=D(2026, 11, 2)
    )
    assert open_clock(r, rules.REPLY).due == D(2026, 11, 30)
    r = services.request_act(
        r,
        "request_clarification",
        by=staff,
        expected_version=r.version,
        clarification_items="请写明街道",
        clarification_due=D(2026, 11, 13),
        on=D(2026, 11, 4),
    )
    status = _look_up(client, number, code).content.decode()
    assert "待申请人补正" in status and "请写明街道" in status and "中止计时" in status

    r = services.request_act(r, "receive_supplement", by=staff, expected_version=r.version, on=D(2026, 11, 9))
    c = login(staff)
    response = c.post(
        f"/staff/disclosure/requests/{r.pk}/act/reply/",
        {"reply-version": r.version, "reply-outcome": "open", "reply-reply_text": REPLY, "reply-on": "2026-11-20"},
    )
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.public_text == "经查，【已隐去】（电话【已隐去】）申请的2026年低保资金发放明细如下：青石镇共发放120万元。"

    # Not on the public page until staff confirm the redaction.
    assert "青石镇共发放120万元" not in client.get(f"/disclosure/units/{cast['民政局'].pk}/").content.decode()
    response = c.post(
        f"/staff/disclosure/requests/{r.pk}/act/confirm_redaction/",
        {"confirm_redaction-version": r.version, "confirm_redaction-public_text": r.public_text},
    )
    assert response.status_code == 302
    public = client.get(f"/disclosure/units/{cast['民政局'].pk}/").content.decode()
    assert "青石镇共发放120万元" in public and "周九" not in public and "13700001111" not in public

    status = _look_up(client, number, code).content.decode()
    assert "已办结" in status and "周九（电话13700001111）" in status  # the requester sees past the redaction
    assert "一次性告知补正" in status and "收到补正" in status


def test_a_wrong_code_finds_nothing(cast, client):
    number, code = _apply(client, cast["民政局"])
    page = _look_up(client, number, "AAAAAAAA").content.decode()
    assert "编号或查询码不正确" in page and "2026年低保资金发放明细" not in page


def test_the_number_may_be_typed_with_other_brackets_or_as_its_sequence_alone(cast, client):
    number, code = _apply(client, cast["民政局"])
    assert "〔" in number
    for typed in (number.replace("〔", "(").replace("〕", ")"), number.replace("〔", "【").replace("〕", "】")):
        assert 'id="request-state"' in _look_up(client, typed, code.lower()).content.decode()
    sequence = re.search(r"(\d+)号$", number).group(1)
    assert 'id="request-state"' in _look_up(client, sequence, code).content.decode()
    assert 'id="request-state"' not in _look_up(client, str(int(sequence) + 1), code).content.decode()


def test_the_lookup_is_a_post_and_wrong_codes_are_limited_per_address(cast, client, settings):
    settings.PUBLIC_LOOKUP_MISSES = "3/10m"
    settings.PUBLIC_RATE_PER_SESSION = settings.PUBLIC_RATE_PER_ADDRESS = "100/h"
    number, code = _apply(client, cast["民政局"])
    page = client.get("/disclosure/status/", {"number": number, "code": code}).content.decode()
    assert 'id="request-state"' not in page  # a code in the address bar would end up in logs and history
    for _ in range(3):
        assert "编号或查询码不正确" in _look_up(client, number, "AAAAAAAA").content.decode()
    refused = _look_up(client, number, code)
    assert refused.status_code == 429 and "查询码错误次数过多" in refused.content.decode()
    api = client.get("/api/disclosure/status", {"number": number, "code": code})
    assert api.status_code == 429


def test_the_api_lookup_counts_wrong_codes_too(cast, client, settings):
    settings.PUBLIC_LOOKUP_MISSES = "2/10m"
    number, code = _apply(client, cast["民政局"])
    for _ in range(2):
        assert client.get("/api/disclosure/status", {"number": number, "code": "AAAAAAAA"}).status_code == 404
    assert client.get("/api/disclosure/status", {"number": number, "code": code}).status_code == 429


def test_a_refusal_without_a_reason_is_refused(cast, register):
    r = register(D(2026, 11, 2))
    from yifa.core.errors import GateBlocked

    with pytest.raises(GateBlocked, match="须说明理由"):
        services.request_act(
            r,
            "reply",
            by=cast["minzheng_liaison"],
            expected_version=r.version,
            outcome="secret",
            reply_text="不予公开",
            on=D(2026, 11, 5),
        )
    r.refresh_from_db()
    assert r.state == "open" and r.outcome == ""


def test_a_second_similar_request_by_the_same_applicant_is_flagged(cast, register):
    first = register(D(2026, 11, 2), content="2026年城乡低保资金发放明细表")
    second = register(D(2026, 11, 3), content="2026年城乡低保资金发放的明细表")
    assert second.similar_to == first and second.same_applicant
    other = register(D(2026, 11, 4), content="城市道路养护合同", applicant_name="吴十", applicant_id_number="")
    assert other.similar_to is None
