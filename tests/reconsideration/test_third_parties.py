"""第三人 (行政复议法第十六条) added after intake, as an act on the case, with their notice."""

import datetime as dt

import pytest

from yifa.core.audit import timeline
from yifa.core.errors import AccessDenied, GateBlocked, InvalidInput
from yifa.lib.office import docx_text
from yifa.reconsideration import documents, services
from yifa.reconsideration.models import Party, PartyRole

D = dt.date
pytestmark = pytest.mark.django_db


def test_a_third_party_is_added_after_acceptance_and_notified(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    assert "third_party" not in documents.offered(case)
    case = services.case_add_third_party(
        case=case, by=cast["fuyi"], name="江临市鑫达建材有限公司", kind="legal", joined="notified", on=D(2025, 3, 6)
    )
    third = Party.objects.get(case=case, role=PartyRole.THIRD_PARTY)
    assert third.name == "江临市鑫达建材有限公司"
    assert timeline(case).filter(action="reconsideration.add_third_party").count() == 1
    text = docx_text(documents.generate(case, "third_party", today=D(2025, 3, 6))[1])
    assert "第三人参加行政复议通知书" in text and "江临市鑫达建材有限公司" in text and "第十六条" in text


def test_a_third_party_needs_a_name_and_valid_numbers_and_nothing_is_written(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    with pytest.raises(InvalidInput) as err:
        services.case_add_third_party(case=case, by=cast["fuyi"], name=" ", id_number="110101199003071234")
    assert "第十六条" in err.value.errors["name"] and "身份证号码" in err.value.errors["id_number"]
    assert not Party.objects.filter(case=case, role=PartyRole.THIRD_PARTY).exists()


def test_a_third_party_cannot_be_added_before_acceptance_or_by_the_respondent(cast, receive, accepted):
    with pytest.raises(GateBlocked):
        services.case_add_third_party(case=receive(D(2025, 3, 3)), by=cast["fuyi"], name="李四")
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    with pytest.raises(AccessDenied):
        services.case_add_third_party(case=case, by=cast["minzheng_liaison"], name="李四")


def test_the_case_page_offers_adding_a_third_party(cast, accepted, login):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    page = login(cast["fuyi"]).get(case.get_absolute_url()).content.decode()
    assert "追加第三人" in page
