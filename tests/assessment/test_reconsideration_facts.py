"""A reconsideration decision that corrects the respondent's act costs the respondent unit points."""

import datetime as dt

from yifa.assessment import queries
from yifa.assessment.indicators import RECONSIDERATION_UPHELD
from yifa.reconsideration import services

from ..reconsideration.conftest import accepted, receive  # noqa: F401  (fixtures)

D = dt.date


def _decide(cast, case, decision_type, on, **approval):
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=on - dt.timedelta(days=28))
    case = services.case_reply(case=case, by=cast["minzheng_liaison"], text="答复", on=on - dt.timedelta(days=21))
    services.case_record_hearing(case=case, by=cast["fuyi"], kind="hear", held_on=on - dt.timedelta(days=12))
    case = services.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=case,
        by=cast["fuyi"],
        decision_type=decision_type,
        decision_text="理由",
        on=on - dt.timedelta(days=1),
    )
    return services.case_approve(case=case, by=cast["mayor"], on=on, **approval)


def _points(cast, as_of):
    row = next(r for r in queries.scores(cast["mayor"], year=2025, as_of=as_of) if r.unit == cast["民政局"])
    return next(line for line in row.lines if line.indicator.code == RECONSIDERATION_UPHELD)


def test_an_upheld_act_keeps_the_points_and_a_revoked_one_loses_half(cast, accepted):  # noqa: F811
    _decide(cast, accepted(D(2025, 3, 3), D(2025, 3, 4)), "uphold", D(2025, 4, 2))
    assert _points(cast, D(2025, 4, 30)).points == 20
    revoked = _decide(cast, accepted(D(2025, 5, 6), D(2025, 5, 7)), "revoke", D(2025, 6, 4))
    line = _points(cast, D(2025, 6, 30))
    assert (line.tally.good, line.tally.total, line.points) == (1, 2, 10)
    rows = queries.unit_score(cast["民政局"], year=2025, as_of=D(2025, 6, 30)).lines[1].rows
    assert rows[0]["link"] == revoked.get_absolute_url() and "（纠错）" in rows[0]["detail"]


def test_a_decision_passed_by_collective_discussion_counts_too(cast, accepted):  # noqa: F811
    collective = {
        "approval_mode": "collective",
        "meeting": "市政府第12次常务会议",
        "meeting_on": D(2025, 6, 3),
        "meeting_record": "会议讨论通过撤销决定",
    }
    _decide(cast, accepted(D(2025, 5, 6), D(2025, 5, 7)), "revoke", D(2025, 6, 4), **collective)
    line = _points(cast, D(2025, 6, 30))
    assert (line.tally.good, line.tally.total) == (0, 1)
