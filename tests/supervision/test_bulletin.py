"""The public 通报: a concluded campaign's results per unit and published 问责 outcomes on the portal, with no
personal data; nothing before publication."""

import pytest
from django.test import Client
from django.urls import reverse

from yifa.core.errors import GateBlocked
from yifa.core.procedure import fire
from yifa.supervision import services
from yifa.supervision.flows import ACC_FLOW, CAMPAIGN_FLOW, FILE_FLOW

from .conftest import D, decided


def test_a_concluded_campaign_is_published_with_its_results_per_unit(cast, body, officers):
    legal = cast["legal_head"]
    for n in (1, 2):
        decided(cast, body, officers, f"江市监处罚〔2026〕{n}号")
    campaign = services.campaign_create(
        by=legal,
        name="2026年度行政处罚案卷评查",
        units=[cast["市场监管局"]],
        period_start=D(2026, 1, 1),
        period_end=D(2026, 10, 31),
        sample_size=2,
    )
    campaign = services.campaign_draw(by=legal, campaign=campaign, seed=5, on=D(2026, 11, 2))
    with pytest.raises(GateBlocked) as refused:
        fire(CAMPAIGN_FLOW, campaign, "conclude", by=legal, on=D(2026, 11, 3))
    assert "尚有2件案卷未评分" in refused.value.unmet
    for f in campaign.files.all():
        scores = {i.pk: (0, False, "") for i in f.rubric_items()}
        fire(FILE_FLOW, f, "score", by=legal, scores=scores, on=D(2026, 11, 5))
    campaign.refresh_from_db()
    campaign = fire(CAMPAIGN_FLOW, campaign, "conclude", by=legal, on=D(2026, 11, 6))
    portal = reverse("portal_supervision:bulletins")
    assert "2026年度行政处罚案卷评查" not in Client().get(portal).content.decode()
    fire(CAMPAIGN_FLOW, campaign, "publish", by=legal, on=D(2026, 11, 9), bulletin="本次评查案卷全部合格。")
    page = Client().get(portal).content.decode()
    assert "本次评查案卷全部合格" in page and cast["市场监管局"].name in page and "100.0" in page
    assert "执法监督通报" in Client().get("/").content.decode()


def test_a_published_accountability_outcome_shows_its_text_only(cast):
    legal = cast["legal_head"]
    case = services.accountability_open(
        by=legal,
        unit=cast["市场监管局"],
        person_name="王小明",
        person_post="队员",
        source="complaint",
        allegation="x",
        investigators=[legal],
        on=D(2026, 10, 20),
    )
    case = fire(ACC_FLOW, case, "record_findings", by=legal, findings="属实")
    case = fire(ACC_FLOW, case, "decide", by=legal, sanction_law="governance", sanction="warning", decision_text="警告")
    fire(ACC_FLOW, case, "publish", by=legal, publication="某局一执法队员违规办案受警告处分")
    page = Client().get(reverse("portal_supervision:bulletins")).content.decode()
    assert "某局一执法队员违规办案受警告处分" in page and "王小明" not in page and case.number not in page
