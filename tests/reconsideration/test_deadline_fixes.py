"""Deadline fixes on real dates, each checked by hand against the State Council schedule
(2025 国庆中秋 10月1日至8日放假，9月28日（日）、10月11日（六）上班；
2025 劳动节 5月1日至5日，4月27日（日）上班；2025 端午 5月31日至6月2日)."""
import datetime as dt

import pytest

from yifa.core import clocks
from yifa.core.errors import GateBlocked
from yifa.reconsideration import periods, services
from yifa.reconsideration import rules as R
from yifa.reconsideration.models import CaseState

D = dt.date
pytestmark = pytest.mark.django_db


def test_correction_period_runs_from_the_day_the_applicant_received_the_notice(cast, receive):
    case = receive(D(2025, 9, 26))
    case = services.case_request_correction(case=case, by=cast["fuyi"], items="补充身份证明", on=D(2025, 9, 29))
    # 邮寄送达，送达日未知：补正期限未起算，不能视为放弃
    assert periods.correction_due(case) is None
    with pytest.raises(GateBlocked) as err:
        services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 11, 28))
    assert "补正期限未起算" in err.value.message
    case = services.case_serve_correction(case=case, by=cast["fuyi"], served_on=D(2025, 9, 30), on=D(2025, 10, 9))
    # 10 working days from 9/30: 10/9, 10/10, 10/11(六，调休上班), 10/13 … 10/17, 10/20, 10/21
    assert periods.correction_due(case) == D(2025, 10, 21)
    with pytest.raises(GateBlocked):
        services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 10, 21))
    case = services.case_abandon(case=case, by=cast["fuyi"], on=D(2025, 10, 22))
    assert case.state == CaseState.ABANDONED


def test_correction_service_date_cannot_precede_the_notice(cast, receive):
    case = receive(D(2025, 9, 26))
    case = services.case_request_correction(case=case, by=cast["fuyi"], items="补充身份证明", on=D(2025, 9, 29))
    with pytest.raises(GateBlocked) as err:
        services.case_serve_correction(case=case, by=cast["fuyi"], served_on=D(2025, 9, 28), on=D(2025, 10, 9))
    assert "不能早于补正通知发出日期" in err.value.message
    assert clocks.open_clock(case, R.CORRECTION_2023) is None
