"""案号 on acceptance: a rejected or abandoned application never consumes one. Until then an application is
known by its 收件编号 and its lookup code, both given on receipt; the 不予受理决定书 has its own series."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from yifa.core.errors import InvalidInput
from yifa.reconsideration import services
from yifa.reconsideration.configuration import numbering_set
from yifa.reconsideration.models import NumberKind

D = dt.date
pytestmark = pytest.mark.django_db


def test_a_case_gets_its_number_when_accepted_not_when_received(cast, receive):
    case = receive(D(2025, 3, 3))
    assert case.case_number is None and case.receipt_number == "〔2025〕江临复收字第1号"
    assert len(case.lookup_code) == 8
    case = services.case_accept(case=case, by=cast["fuyi"], on=D(2025, 3, 4))
    assert case.case_number == "〔2025〕江临复字第1号" and case.number == case.case_number


def test_refused_applications_do_not_consume_case_numbers(cast, receive):
    refused = receive(D(2025, 3, 3))
    services.case_not_accept(case=refused, by=cast["fuyi"], reason="超过申请期限且无正当理由。", on=D(2025, 3, 4))
    kept = services.case_accept(case=receive(D(2025, 3, 3)), by=cast["fuyi"], on=D(2025, 3, 5))
    refused.refresh_from_db()
    assert refused.case_number is None
    assert refused.not_accepted_number == "〔2025〕江临复不受字第1号"
    assert kept.case_number == "〔2025〕江临复字第1号"


def test_a_deemed_acceptance_gives_the_number_too(cast, receive):
    case = receive(D(2025, 3, 3))
    case = services.case_deem_accepted(case=case, on=D(2025, 3, 11))
    assert case.deemed_accepted and case.case_number == "〔2025〕江临复字第1号"


def test_each_series_has_its_own_configurable_pattern(cast, receive):
    numbering_set(by=cast["fuyi"], kind=NumberKind.RECEIPT, year=2025, pattern="江临复收〔{year}〕{seq}号")
    numbering_set(by=cast["fuyi"], kind=NumberKind.NOT_ACCEPTED, year=2025, pattern="江临复不受〔{year}〕{seq}号")
    case = receive(D(2025, 3, 3))
    assert case.receipt_number == "江临复收〔2025〕1号"
    case = services.case_not_accept(case=case, by=cast["fuyi"], reason="不属于受案范围。", on=D(2025, 3, 4))
    assert case.not_accepted_number == "江临复不受〔2025〕1号"
    with pytest.raises(InvalidInput) as err:
        numbering_set(by=cast["fuyi"], kind="elsewhere", year=2025, pattern="{seq}")
    assert err.value.field == "kind"


def test_the_applicant_looks_the_case_up_by_receipt_number_before_and_by_either_after(cast, receive):
    case = receive(D(2025, 3, 3))
    url = reverse("portal_reconsideration:status")

    def look(number, address):
        return Client(REMOTE_ADDR=address).post(url, {"number": number, "code": case.lookup_code}).content.decode()

    assert "受理审查中" in look(case.receipt_number, "10.2.0.1")
    services.case_accept(case=case, by=cast["fuyi"], on=D(2025, 3, 4))
    for i, number in enumerate((case.receipt_number, "〔2025〕江临复字第1号")):
        page = look(number, f"10.2.1.{i}")
        assert "审理中" in page and "〔2025〕江临复字第1号" in page
