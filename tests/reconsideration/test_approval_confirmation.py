"""The decision of a reconsideration cannot be taken back: its approval asks first."""

import datetime as dt

import pytest

from yifa.reconsideration import services as reconsideration
from yifa.reconsideration.models import CaseState

pytestmark = pytest.mark.django_db
D = dt.date


def test_the_approval_of_a_reconsideration_decision_asks_for_confirmation(login, cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = reconsideration.case_send_copy(case=case, by=cast["fuyi"], on=D(2025, 3, 5))
    case = reconsideration.case_reply(case=case, by=cast["minzheng_liaison"], text="答复", on=D(2025, 3, 12))
    reconsideration.case_record_hearing(case=case, by=cast["fuyi"], kind="hear", held_on=D(2025, 3, 20))
    case = reconsideration.case_propose(
        findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
        case=case,
        by=cast["fuyi"],
        decision_type="uphold",
        decision_text="张三的请求不成立",
        on=D(2025, 4, 1),
    )
    assert case.state == CaseState.APPROVAL
    page = login(cast["mayor"]).get(case.get_absolute_url()).content.decode()
    form = page.split('id="action-approve"', 1)[1].split("</form>", 1)[0]
    assert 'hx-confirm="批准后即以复议机关名义作出行政复议决定，不能撤回，确定吗？"' in form
