import datetime as dt

import pytest

D = dt.date
# No yifa import at the top: this conftest loads before tests/conftest.py's pytest_configure when the disclosure
# tests are run alone, and importing the app then would fix the task backend before the tests choose theirs.


@pytest.fixture
def register(cast):
    """A request received at the 民政局 counter on ``received_on`` (当面提交: received the day it is handed in)."""

    from yifa.disclosure import services
    from yifa.disclosure.models import ApplicantKind, Channel

    def make(received_on: dt.date, content="2026年城乡低保资金发放明细", **extra):
        fields = dict(
            by=cast["minzheng_liaison"],
            unit=cast["民政局"],
            channel=Channel.COUNTER,
            submitted_on=received_on,
            received_on=received_on,
            applicant_kind=ApplicantKind.PERSON,
            applicant_name="周九",
            applicant_id_number="110101199003071233",
            applicant_phone="13700001111",
            content=content,
            on=received_on,
        )
        fields.update(extra)
        return services.request_register(**fields)

    return make
