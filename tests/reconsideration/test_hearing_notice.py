"""第五十一条第一款“于举行听证的五日前”：与全平台同一读法（lib.deadlines.earliest_after_notice）——通知日不计入，
听证最早在通知后第五个工作日。"""

import datetime as dt

import pytest

from yifa.core.errors import InvalidInput
from yifa.reconsideration import services
from yifa.reconsideration.models import Hearing

D = dt.date


def _hearing(cast, case, held_on):
    return services.case_record_hearing(
        case=case,
        by=cast["fuyi"],
        kind="formal",
        notified_on=D(2025, 9, 25),
        held_on=held_on,
        place="市司法局听证室",
        panel="主持人赵复议，听证员二人",
    )


def test_hearing_may_be_held_on_the_fifth_working_day_after_the_notice(cast, accepted):
    # Notice Thursday 2025-09-25: 9/26 (1), Sunday 9/28 调休上班 (2), 9/29 (3), 9/30 (4), 10/1–10/8 国庆中秋,
    # 10/9 (5). A hearing on 10/9 is allowed; one on Saturday 9/27 — two calendar days on — is not.
    case = accepted(D(2025, 9, 1), D(2025, 9, 3))
    with pytest.raises(InvalidInput) as err:
        _hearing(cast, case, D(2025, 9, 30))
    assert "最早可于2025年10月9日举行" in err.value.message and "第五十一条第一款" in err.value.message
    assert not Hearing.objects.filter(case=case).exists()
    _hearing(cast, case, D(2025, 10, 9))
    assert Hearing.objects.filter(case=case, held_on=D(2025, 10, 9)).exists()
