import datetime as dt
from decimal import Decimal

import pytest

from yifa.training import services
from yifa.training.models import StudyKind

D = dt.date


@pytest.fixture
def market(cast):
    return cast["市场监管局"]


def study(cast, unit_key, liaison_key, on, law="行政处罚法"):
    unit = cast[unit_key]
    return services.study_record(
        by=cast[liaison_key],
        unit=unit,
        kind=StudyKind.LEADING_GROUP,
        held_on=on,
        law_studied=law,
        speaker="司法局王局长",
        attendees=[cast[liaison_key]],
    )


JUNE_10 = D(2025, 6, 10)


def course(cast, by_key, people, *, on=JUNE_10, hours=Decimal("8"), topic="行政处罚法专题培训"):
    by = cast[by_key]
    return services.course_record(
        by=by, unit=by.unit, topic=topic, held_on=on, hours=hours, teacher="陈教授", attendees=people
    )
