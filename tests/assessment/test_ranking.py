"""The legal office confirms a year's ranking once the year is over and every objection is answered; the
confirmed ranking is kept as it was."""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.assessment import services, settings_services
from yifa.assessment.models import RankingConfirmation
from yifa.core.errors import AccessDenied, InvalidInput

D = dt.date


def test_confirming_the_ranking_keeps_it_and_shows_it_on_the_cockpit(cast, login):
    confirmed = settings_services.ranking_confirm(by=cast["reviewer"], year=2025, on=D(2026, 1, 20))
    assert [r["rank"] for r in confirmed.ranking] == list(range(1, len(confirmed.ranking) + 1))
    assert "江临市民政局" in {r["unit"] for r in confirmed.ranking}
    cockpit = login(cast["mayor"]).get(reverse("assessment:cockpit") + "?year=2025").content.decode()
    assert "2025年度考核排名（2026-01-20确认）" in cockpit
    with pytest.raises(InvalidInput, match="已确认"):
        settings_services.ranking_confirm(by=cast["reviewer"], year=2025, on=D(2026, 1, 21))


def test_not_before_the_year_ends_nor_with_an_objection_unanswered(cast):
    with pytest.raises(InvalidInput) as refused:
        settings_services.ranking_confirm(by=cast["reviewer"], year=2025, on=D(2025, 12, 31))
    assert "2025年度尚未结束" in refused.value.errors["year"]
    services.objection_file(
        by=cast["minzheng_liaison"], unit=cast["民政局"], year=2025, code="leadership_study", reason="有台账"
    )
    with pytest.raises(InvalidInput) as refused:
        settings_services.ranking_confirm(by=cast["reviewer"], year=2025, on=D(2026, 1, 20))
    assert "尚有1件考核异议未答复" in refused.value.errors["year"]
    assert not RankingConfirmation.objects.exists()


def test_only_the_legal_office_confirms(cast, login):
    with pytest.raises(AccessDenied):
        settings_services.ranking_confirm(by=cast["mayor"], year=2025, on=D(2026, 1, 20))
    response = login(cast["minzheng_head"]).post(reverse("assessment:ranking_confirm"), {"year": 2025})
    assert response.status_code == 403
    assert not RankingConfirmation.objects.exists()
