"""Messages cite the rule that governs the case: a case received before 2024-01-01 follows the 2017 law.

2023–2024 元旦：2023年12月30日至2024年1月1日放假。"""

import datetime as dt

import pytest

from yifa.core.errors import GateBlocked
from yifa.core.models import Notification
from yifa.reconsideration import documents, periods, services
from yifa.reconsideration.models import TerminationGround

D = dt.date
pytestmark = pytest.mark.django_db


def test_a_2017_case_missing_its_copy_and_reply_is_told_so_under_the_2017_law(cast, accepted):
    case = accepted(D(2023, 12, 27), D(2023, 12, 28))
    with pytest.raises(GateBlocked) as err:
        services.case_propose(
            findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
            case=case,
            by=cast["fuyi"],
            decision_type="uphold",
            decision_text="维持",
            on=D(2024, 1, 3),
        )
    assert "尚未向被申请人发送申请书副本（《中华人民共和国行政复议法》（2017年）第二十三条第一款）" in err.value.message
    assert "第四十八条" not in err.value.message and "第五十四条" not in err.value.message

    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2023, 12, 29))
    with pytest.raises(GateBlocked) as err:
        services.case_propose(
            findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
            case=case,
            by=cast["fuyi"],
            decision_type="uphold",
            decision_text="维持",
            on=D(2024, 1, 3),
        )
    assert (
        "被申请人答复期限未届满且尚未答复（《中华人民共和国行政复议法》（2017年）第二十三条第一款）"
        in err.value.message
    )


def test_a_2023_simplified_case_cites_the_simplified_periods(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4), procedure="simplified", simplified_basis="warning")
    with pytest.raises(GateBlocked) as err:
        services.case_propose(
            findings="被申请人于作出行政行为前已告知申请人陈述申辩权利",
            case=case,
            by=cast["fuyi"],
            decision_type="uphold",
            decision_text="维持",
            on=D(2025, 3, 5),
        )
    assert "尚未向被申请人发送申请书副本（《中华人民共和国行政复议法》（2023年）第五十四条第一款）" in err.value.message


def test_the_respondent_of_a_2017_case_is_told_the_2017_consequence_of_not_replying(cast, accepted):
    case = accepted(D(2023, 12, 27), D(2023, 12, 28))
    case = services.case_send_copy(case=case, by=cast["fuyi"], on=D(2023, 12, 29))
    note = Notification.objects.get(user=cast["minzheng_liaison"], key=f"fuyi-copy:{case.pk}")
    # 2017年法第二十三条：十日（自然日）from 12/29 = 2024-01-08 (Monday)
    assert note.title == f"请于2024年1月8日前对行政复议申请{case.number}提出书面答复"
    assert "决定撤销（《中华人民共和国行政复议法》（2017年）第二十八条第一款第四项）" in note.body
    assert "第七十条" not in note.body


def test_a_late_2017_application_is_pointed_to_the_2017_article_on_delay(receive):
    # 2017年法第九条：60 days from 2023-03-01 = 4/30 (Sunday; 劳动节 4/29–5/3) → 5/4
    case = receive(D(2023, 12, 20), act_date=D(2023, 3, 1), known_on=D(2023, 3, 1))
    [problem] = periods.application_problems(case)
    assert "第九条第一款" in problem and "第九条第二款" in problem and "第二十条" not in problem


def test_a_settled_termination_cites_the_settlement_article_beside_termination(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    case = services.case_terminate(
        case=case, by=cast["fuyi"], ground=TerminationGround.SETTLED, reason="双方和解，申请人撤回", on=D(2025, 3, 20)
    )
    text = documents.context(case)["终止依据"]
    assert text == "《中华人民共和国行政复议法》第七十四条、《中华人民共和国行政复议法》第四十一条"
    withdrawn = accepted(D(2025, 3, 3), D(2025, 3, 4))
    withdrawn = services.case_terminate(case=withdrawn, by=cast["fuyi"], ground="1", on=D(2025, 3, 20))
    assert documents.context(withdrawn)["终止依据"] == "《中华人民共和国行政复议法》第四十一条"


def test_refusals_cite_the_declared_rules_for_suspension_mediation_and_termination(cast, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    with pytest.raises(GateBlocked, match=r"请选择中止情形（《中华人民共和国行政复议法》（2023年）第三十九条）"):
        services.case_suspend(case=case, by=cast["fuyi"], ground="", on=D(2025, 3, 10))
    with pytest.raises(GateBlocked, match=r"请填写调解协议内容（《中华人民共和国行政复议法》（2023年）第七十三条）"):
        services.case_mediate(case=case, by=cast["fuyi"], mediation_text=" ", on=D(2025, 3, 10))
    with pytest.raises(GateBlocked, match=r"请选择终止情形（《中华人民共和国行政复议法》（2023年）第四十一条）"):
        services.case_terminate(case=case, by=cast["fuyi"], ground="", on=D(2025, 3, 10))
    case.refresh_from_db()
    assert case.state == "accepted" and case.closed_on is None
