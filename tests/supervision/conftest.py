import datetime as dt

import pytest

from tests.enforcement.conftest import body, certificate, expired, file_case, legal, officers, reviewer  # noqa: F401
from yifa.core.procedure import fire
from yifa.enforcement.flows import CASE_FLOW

D = dt.date


@pytest.fixture
def travel(monkeypatch):
    def to(day: dt.date):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)

    return to


FILED_ON, DECIDED_ON = D(2026, 9, 1), D(2026, 9, 3)


def decided(cast, on_body, certs, number, *, filed_on=FILED_ON, decide_on=DECIDED_ON, fine="3000", major=False):
    """A penalty case filed, notified and decided through enforcement's flow (a major one passes legal review)."""
    case = file_case(cast, on_body, certs, on=filed_on, number=number, major_public_interest=major)
    officer, head = cast["shijian_officer"], cast["shijian_head"]
    case = fire(
        CASE_FLOW, case, "notify", by=officer, on=filed_on + dt.timedelta(days=1), penalty_kinds=["fine"], fine=fine
    )
    if major:
        case = fire(CASE_FLOW, case, "submit_review", by=officer, on=filed_on + dt.timedelta(days=2))
        case = fire(
            CASE_FLOW, case, "review_pass", by=cast["reviewer"], on=filed_on + dt.timedelta(days=3), opinion="同意"
        )
    return fire(CASE_FLOW, case, "decide", by=head, on=decide_on, decision_number=f"{number}决")
