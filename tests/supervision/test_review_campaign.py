"""案卷评查: the sample drawn with a recorded seed (the same seed gives the same sample), files scored item by
item (a veto makes a file 不合格; 卷面20/内容80 by deduction), what the data shows pre-filled, results per unit."""

import pytest

from yifa.core.errors import GateBlocked
from yifa.supervision import services
from yifa.supervision.flows import FILE_FLOW
from yifa.supervision.models import ReviewFile, RubricItem
from yifa.supervision.queries import results_by_unit

from .conftest import D, decided


@pytest.fixture
def cases(cast, body, officers):
    return [decided(cast, body, officers, f"江市监处罚〔2026〕{n}号") for n in range(1, 9)]


def campaign(cast, size=3, **extra):
    return services.campaign_create(
        by=cast["legal_head"],
        name="2026年度行政处罚案卷评查",
        units=[cast["市场监管局"]],
        period_start=D(2026, 1, 1),
        period_end=D(2026, 10, 31),
        sample_size=size,
        **extra,
    )


def drawn(cast, seed):
    c = campaign(cast)
    services.campaign_draw(by=cast["legal_head"], campaign=c, seed=seed, on=D(2026, 11, 2))
    return sorted(c.files.values_list("case_number", flat=True)), c


def test_the_same_seed_draws_the_same_sample_and_the_seed_is_recorded(cast, cases):
    first, c1 = drawn(cast, 20261102)
    again, c2 = drawn(cast, 20261102)
    others = {tuple(drawn(cast, seed)[0]) for seed in (1, 2, 3)}
    assert len(first) == 3 and first == again
    assert others - {tuple(first)}  # another seed, another sample (56 possible samples of 3 in 8)
    c1.refresh_from_db()
    assert c1.seed == 20261102 and c1.population == 8 and c1.state == "scoring"


def test_a_draw_without_a_seed_records_the_one_it_used(cast, cases):
    c = campaign(cast)
    services.campaign_draw(by=cast["legal_head"], campaign=c, on=D(2026, 11, 2))
    c.refresh_from_db()
    assert c.seed is not None
    numbers = sorted(c.files.values_list("case_number", flat=True))
    assert drawn(cast, c.seed)[0] == numbers


def test_nothing_to_draw_is_refused_with_the_period(cast, body, officers):
    c = campaign(cast)
    with pytest.raises(GateBlocked) as refused:
        services.campaign_draw(by=cast["legal_head"], campaign=c, on=D(2026, 11, 2))
    assert "2026-01-01至2026-10-31间没有作出决定的案卷" in str(refused.value.unmet)
    assert not ReviewFile.objects.exists()


def _scores(review_file, **by_code):
    items = {i.code: i for i in review_file.rubric_items()}
    scores = {i.pk: (0, False, "") for i in items.values()}
    for code, value in by_code.items():
        scores[items[code].pk] = value
    return scores


def test_deductions_score_twenty_and_eighty_and_a_veto_fails_the_file(cast, cases):
    _, c = drawn(cast, 1)
    good, bad = list(c.files.order_by("id"))[:2]
    legal = cast["legal_head"]
    good = services_score(
        legal, good, _scores(good, A1=(2, False, "目录缺页码"), B2=(5, False, "未告知听证权利的理由不充分"))
    )
    assert (good.form_score, good.content_score, good.total, good.passed) == (18, 75, 93, True)
    bad = services_score(legal, bad, _scores(bad, F5=(0, True, "现场检查笔录缺失，主要证据不足")))
    assert bad.vetoed and bad.passed is False and bad.result_label == "不合格"
    (row,) = results_by_unit(c)
    assert row["unit__name"] == cast["市场监管局"].name
    assert (row["n_drawn"], row["n_scored"], row["n_passed"], row["n_failed"], row["n_vetoed"]) == (3, 2, 1, 1, 1)


def services_score(by, review_file, scores):
    from yifa.core.procedure import fire

    return fire(FILE_FLOW, review_file, "score", by=by, scores=scores, on=D(2026, 11, 5))


def test_a_veto_or_deduction_without_a_note_and_too_many_points_are_refused(cast, cases):
    _, c = drawn(cast, 1)
    f = c.files.first()
    with pytest.raises(GateBlocked) as refused:
        services_score(cast["legal_head"], f, _scores(f, F5=(0, True, ""), A1=(9, False, "x")))
    assert "F5：扣分或否决须写明理由" in refused.value.unmet
    assert "A1：扣分须在0至5分之间" in refused.value.unmet
    f.refresh_from_db()
    assert f.state == "pending" and not f.scores.exists()


def test_the_case_data_prefills_late_clocks_for_the_reviewer_to_confirm(cast, body, officers):
    from yifa.core.procedure import fire
    from yifa.enforcement import rules
    from yifa.enforcement.flows import CASE_FLOW
    from yifa.supervision.queries import suggestions

    case = decided(cast, body, officers, "江市监处罚〔2026〕30号")
    # 送达期限七个工作日（处罚法第六十一条）自2026-09-03起算至2026-09-14；9月18日送达即逾期办结
    fire(CASE_FLOW, case, "serve", by=cast["shijian_officer"], on=D(2026, 9, 18))
    _, c = drawn(cast, 1)
    f = c.files.get()
    found = suggestions(f)
    b5 = RubricItem.objects.get(rubric__kind="penalty", code="B5")
    assert found == {b5.pk: (10, False, f"据案件数据：{rules.SERVICE.title}逾期办结")}


def test_an_officer_without_a_valid_certificate_prefills_the_veto(cast, body, officers, legal):
    from yifa.enforcement.models import CaseOfficer
    from yifa.supervision.queries import suggestions

    from .conftest import certificate

    case = decided(cast, body, officers, "江市监处罚〔2026〕31号")
    lapsed = certificate(legal, body, "吴过期", "37010009", until=D(2026, 8, 31))
    CaseOfficer.objects.create(case=case, certificate=lapsed)  # an imported file: the officer's card had lapsed
    _, c = drawn(cast, 1)
    found = suggestions(c.files.get())
    f2 = RubricItem.objects.get(rubric__kind="penalty", code="F2")
    assert found[f2.pk] == (0, True, "据案件数据：吴过期办案时无有效执法证")


def test_only_the_legal_office_runs_a_campaign(cast, cases):
    from yifa.core.errors import AccessDenied

    with pytest.raises(AccessDenied):
        campaign_as(cast["shijian_head"])


def campaign_as(user):
    return services.campaign_create(
        by=user, name="x", units=[user.unit], period_start=D(2026, 1, 1), period_end=D(2026, 2, 1), sample_size=1
    )
