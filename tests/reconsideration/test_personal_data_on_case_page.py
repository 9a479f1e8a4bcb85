"""The case page masks parties' ID numbers, phones and addresses for everyone; the case's handlers reveal
one with 显示, which is audited (the field named, never the value)."""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.core.models import Event

D = dt.date
pytestmark = pytest.mark.django_db
ID, PHONE = "110101199003071233", "13812345678"


def test_the_handler_sees_masked_data_and_reveals_it_with_an_audit_event(cast, accepted, login):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    client = login(cast["fuyi"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert ID not in page and PHONE not in page and "江临市青石镇幸福路1号" not in page
    assert "1101**********1233" in page and "显示" in page
    party = case.parties.get()
    response = client.post(reverse("reconsideration:reveal", args=[case.pk, party.pk, "id_number"]))
    assert response.status_code == 200 and response.content.decode() == ID
    event = Event.objects.filter(action="personal_data.reveal").latest("id")
    assert event.data["field"] == "身份证件号码或统一社会信用代码" and ID not in str(event.data)


def test_the_respondent_cannot_reveal(cast, accepted, login):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    party = case.parties.get()
    client = login(cast["minzheng_liaison"])
    assert "显示" not in client.get(case.get_absolute_url()).content.decode()
    response = client.post(reverse("reconsideration:reveal", args=[case.pk, party.pk, "phone"]))
    assert response.status_code == 403 and PHONE not in response.content.decode()
    assert not Event.objects.filter(action="personal_data.reveal").exists()
