"""案卷评查 of licensing files: a campaign of kind 行政许可 samples the applications the units decided in the
period (read through licensing's interface), scores them with the licensing rubric, and pre-fills a decision
made after its statutory period."""

import pytest

from tests.licensing.conftest import food_item, higher_list, receive  # noqa: F401, F811
from tests.licensing.test_clocks import act
from yifa.core.procedure import fire
from yifa.supervision import services
from yifa.supervision.flows import FILE_FLOW
from yifa.supervision.models import RubricItem
from yifa.supervision.queries import suggestions

from .conftest import D


@pytest.fixture
def decided_apps(cast, receive):  # noqa: F811
    liaison, apps = cast["shijian_liaison"], []
    for n in range(1, 6):
        app = receive(D(2025, 9, 26), applicant_name=f"江临市第{n}餐饮有限公司")
        act(app, "accept", liaison, D(2025, 9, 26))
        act(app, "grant", liaison, D(2025, 9, 30), decision_number=f"江市监许〔2025〕{n}号")
        apps.append(app)
    receive(D(2025, 9, 26), applicant_name="江临市未决餐饮有限公司")  # not decided: not in the population
    return apps


def licensing_campaign(cast, seed):
    c = services.campaign_create(
        by=cast["legal_head"],
        name="2025年度行政许可案卷评查",
        kind="licensing",
        units=[cast["市场监管局"]],
        period_start=D(2025, 1, 1),
        period_end=D(2025, 12, 31),
        sample_size=3,
    )
    services.campaign_draw(by=cast["legal_head"], campaign=c, seed=seed, on=D(2026, 1, 10))
    c.refresh_from_db()
    return c


def test_a_licensing_campaign_samples_decided_applications_reproducibly(cast, decided_apps):
    first = licensing_campaign(cast, 7)
    again = licensing_campaign(cast, 7)
    numbers = sorted(first.files.values_list("case_number", flat=True))
    assert first.population == 5 and len(numbers) == 3
    assert numbers == sorted(again.files.values_list("case_number", flat=True))
    assert set(numbers) <= {a.number for a in decided_apps}


def test_a_licensing_file_is_scored_with_the_licensing_rubric_and_a_veto_fails_it(cast, login, decided_apps):
    c = licensing_campaign(cast, 7)
    f = c.files.first()
    items = {i.code: i for i in f.rubric_items()}
    assert items["F2"].text == "许可条件不符合法定条件"
    scores = {i.pk: (0, False, "") for i in items.values()}
    scores[items["F2"].pk] = (0, True, "申请人经营场所不符合条件仍予许可")
    scores[items["A1"].pk] = (3, False, "无目录")
    f = fire(FILE_FLOW, f, "score", by=cast["legal_head"], on=D(2026, 1, 12), scores=scores)
    assert (f.form_score, f.content_score, f.passed, f.vetoed) == (17, 80, False, True)
    page = login(cast["legal_head"]).get(f"/staff/supervision/files/{f.pk}/")
    assert page.status_code == 200
    assert f'href="/staff/licensing/applications/{f.case_id}/"' in page.content.decode()


def test_a_decision_made_after_its_period_prefills_the_late_item(cast, receive):  # noqa: F811
    liaison = cast["shijian_liaison"]
    app = receive(D(2025, 9, 26))
    act(app, "accept", liaison, D(2025, 9, 26))  # 20 working days: due 2025-10-30 (see licensing test_clocks)
    act(app, "grant", liaison, D(2025, 11, 3), decision_number="江市监许〔2025〕20号")
    c = licensing_campaign(cast, 1)
    found = suggestions(c.files.get())
    b3 = RubricItem.objects.get(rubric__kind="licensing", code="B3")
    assert list(found) == [b3.pk]
    assert found[b3.pk][0] == 20 and "逾期" in found[b3.pk][2]
