"""After an act the page says what happened and where the record now stands, not “已保存”."""

import pytest
from django.urls import reverse

from yifa.normdocs import services as normdocs

from .conftest import NEUTRAL_TEXT

pytestmark = pytest.mark.django_db


def test_sending_a_draft_for_review_says_it_went_to_the_legality_review(login, cast):
    doc = normdocs.document_create(
        by=cast["minzheng_liaison"],
        unit=cast.units["民政局"],
        title="江临市临时救助办法",
        full_text=NEUTRAL_TEXT,
        fair_competition_conclusion="经审查，不含排除、限制竞争的内容",
    )
    response = login(cast["minzheng_liaison"]).post(
        reverse("normdocs:act", args=[doc.pk, "submit_review"]), {"submit_review-version": doc.version}, follow=True
    )
    flash = response.content.decode().split('class="flash', 1)[1].split("</p>", 1)[0]
    assert "已送法制机构合法性审核，现为“" in flash
    assert "已保存" not in flash
