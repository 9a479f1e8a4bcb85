"""Review results feed the annual assessment (scores.py): a unit's reviewed files count their points of the
rubric's 100, a vetoed file counts nothing; the unit's score page links the files behind the indicator."""

from decimal import Decimal

from yifa.assessment import queries, system
from yifa.core.procedure import fire
from yifa.supervision.flows import FILE_FLOW
from yifa.supervision.scores import REVIEW_SCORE

from .conftest import D, decided
from .test_review_campaign import _scores, drawn


def test_review_points_count_in_the_units_assessment_and_a_veto_counts_nothing(cast, body, officers):
    for n in range(1, 4):
        decided(cast, body, officers, f"江市监处罚〔2026〕{n}号")
    _, c = drawn(cast, 5)
    first, second, third = c.files.order_by("id")
    fire(
        FILE_FLOW,
        first,
        "score",
        by=cast["legal_head"],
        on=D(2026, 11, 5),
        scores=_scores(first, A1=(5, False, "无目录")),
    )
    fire(
        FILE_FLOW,
        second,
        "score",
        by=cast["legal_head"],
        on=D(2026, 11, 5),
        scores=_scores(second, B1=(20, False, "证据不足")),
    )
    fire(
        FILE_FLOW,
        third,
        "score",
        by=cast["legal_head"],
        on=D(2026, 11, 5),
        scores=_scores(third, F5=(0, True, "主要证据不足")),
    )

    unit = cast["市场监管局"]
    assert REVIEW_SCORE in [i.code for i in system.counted(2026)]  # counted unless the office leaves it out
    score = queries.unit_score(unit, year=2026, as_of=D(2026, 12, 31))
    (line,) = [ln for ln in score.lines if ln.indicator.code == REVIEW_SCORE]
    # (95 + 80 + 0) / 300 of 10 points
    assert line.points == Decimal("5.8")
    assert [r["good"] for r in line.rows] == [False, True, True]
    assert "触及否决项" in line.rows[0]["detail"] and line.rows[0]["link"] == third.get_absolute_url()
    other = queries.unit_score(cast["民政局"], year=2026, as_of=D(2026, 12, 31))
    (line,) = [ln for ln in other.lines if ln.indicator.code == REVIEW_SCORE]
    assert line.points == Decimal(10)  # nothing reviewed: nothing went wrong
