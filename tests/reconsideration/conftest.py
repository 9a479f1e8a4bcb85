import datetime as dt

import pytest

from yifa.reconsideration import services
from yifa.reconsideration.models import ActType, Channel

D = dt.date


@pytest.fixture
def receive(cast):
    """Register a counter application received on a given day, respondent 民政局."""

    def make(received_on: D, **overrides):
        fields = dict(
            by=cast["fuyi"],
            channel=Channel.COUNTER,
            received_on=received_on,
            parties=[
                {
                    "name": "张三",
                    "id_number": "110101199003071233",
                    "phone": "13812345678",
                    "address": "江临市青石镇幸福路1号",
                }
            ],
            respondent_unit=cast.units["民政局"],
            act_title="江民罚〔2025〕12号行政处罚决定",
            act_type=ActType.PENALTY,
            act_date=received_on - dt.timedelta(days=20),
            known_on=received_on - dt.timedelta(days=15),
            requests="撤销该行政处罚决定",
            facts_reasons="事实不清，证据不足",
        )
        fields.update(overrides)
        return services.case_receive(**fields)

    return make


@pytest.fixture
def accepted(cast, receive):
    def make(received_on: D, accepted_on: D, **accept):
        case = receive(received_on)
        return services.case_accept(case=case, by=cast["fuyi"], on=accepted_on, **accept)

    return make


@pytest.fixture
def competent_review(cast, accepted):
    """(case, review): a case accepted 2025-09-03 and suspended on Friday 2025-09-26 for the incidental
    review of a 交通运输局 measure the office may handle itself (requested 2025-09-05)."""
    from yifa.reconsideration import norms
    from yifa.reconsideration.models import NormSource

    case = accepted(D(2025, 9, 1), D(2025, 9, 3))
    review = norms.norm_review_open(
        case=case,
        by=cast["fuyi"],
        source=NormSource.REQUEST,
        document="《江临市道路运输管理办法》第十二条",
        started_on=D(2025, 9, 5),
        competent=True,
        drafter_unit=cast.units["交通运输局"],
        on=D(2025, 9, 26),
    )
    return case, review
