"""Tables 二 and 四 of the annual report count what the other modules do: documents published and repealed
in normdocs, licensing and penalty decisions, reconsiderations of disclosure acts; and what the unit enters
itself (lawsuits, 规章, fees); 行政强制 decisions come from enforcement's coercion cases."""

import datetime as dt

import pytest

from yifa.core.procedure import fire
from yifa.disclosure import registers, report
from yifa.disclosure.models import Challenge
from yifa.reconsideration import services as reconsideration
from yifa.reconsideration.models import ActType

from ..enforcement.conftest import body, file_case, legal, officers  # noqa: F401  (fixtures)
from ..licensing.conftest import food_item, higher_list  # noqa: F401  (fixtures)
from ..normdocs.conftest import draft, published, successor  # noqa: F401  (fixtures)
from ..reconsideration.conftest import receive  # noqa: F401  (fixture)

D = dt.date
pytestmark = pytest.mark.django_db
UPHELD, CORRECTED, OTHER, PENDING, TOTAL = range(5)


def _table4(cast, year, unit="民政局"):
    return {row["row"]: row["counts"] for row in report.figures(cast[unit], year)["table4"]}


def _decide(cast, case, decision_type, on):
    case = reconsideration.case_send_copy(case=case, by=cast["fuyi"], on=on - dt.timedelta(days=28))
    case = reconsideration.case_reply(
        case=case, by=cast["minzheng_liaison"], text="答复", on=on - dt.timedelta(days=21)
    )
    reconsideration.case_record_hearing(case=case, by=cast["fuyi"], kind="hear", held_on=on - dt.timedelta(days=12))
    case = reconsideration.case_propose(
        case=case,
        by=cast["fuyi"],
        decision_type=decision_type,
        findings="被申请人未在法定期限内答复",
        decision_text="理由",
        on=on - dt.timedelta(days=1),
    )
    return reconsideration.case_approve(case=case, by=cast["mayor"], on=on)


@pytest.fixture
def disclosure_case(cast, receive):  # noqa: F811
    """A reconsideration of a 民政局 disclosure reply, accepted on ``accepted_on``."""

    def make(received_on, accepted_on, **overrides):
        fields = dict(
            act_type=ActType.DISCLOSURE,
            act_title="民政局依申请（2025）3号政府信息公开申请答复",
            requests="撤销该答复，责令公开",
        )
        case = receive(received_on, **{**fields, **overrides})
        return reconsideration.case_accept(case=case, by=cast["fuyi"], on=accepted_on)

    return make


def test_reconsiderations_of_disclosure_acts_fill_table_four_as_they_are_accepted_and_decided(
    cast, register, disclosure_case
):
    cited = register(D(2025, 1, 6))
    assert cited.number == "民政局依申请〔2025〕1号"
    upheld = disclosure_case(D(2025, 3, 3), D(2025, 3, 4), act_title=f"{cited.number.replace('〔', '【')}答复")
    assert _table4(cast, 2025)["行政复议"] == [0, 0, 0, 1, 1]
    challenge = Challenge.objects.get()
    assert challenge.request == cited and challenge.reference == upheld.number and challenge.result == "pending"

    _decide(cast, upheld, "uphold", D(2025, 4, 2))
    _decide(cast, disclosure_case(D(2025, 5, 6), D(2025, 5, 7)), "revoke", D(2025, 6, 4))
    late = disclosure_case(D(2025, 12, 1), D(2025, 12, 2))
    penalty = reconsideration.case_accept(case=_penalty_case(cast), by=cast["fuyi"], on=D(2025, 7, 2))
    assert penalty.act_type == ActType.PENALTY  # not a disclosure act: not in table 四

    assert _table4(cast, 2025)["行政复议"] == [1, 1, 0, 1, 3]
    _decide(cast, late, "reject_application", D(2026, 1, 9))
    # Counted in the year it was accepted: still pending at the end of 2025, and not counted again in 2026.
    assert _table4(cast, 2025)["行政复议"] == [1, 1, 0, 1, 3]
    assert _table4(cast, 2026)["行政复议"] == [0, 0, 0, 0, 0]
    assert Challenge.objects.get(reference=late.number).result == "other"
    assert _table4(cast, 2025, unit="交通运输局")["行政复议"] == [0, 0, 0, 0, 0]
    # The government's report compiles its units'.
    assert _table4(cast, 2025, unit="市政府")["行政复议"] == [1, 1, 0, 1, 3]


def _penalty_case(cast):
    from yifa.reconsideration.models import Channel

    return reconsideration.case_receive(
        by=cast["fuyi"],
        channel=Channel.COUNTER,
        received_on=D(2025, 7, 1),
        parties=[{"name": "李四", "id_number": "110101199003071233", "phone": "13812345678", "address": "某地"}],
        respondent_unit=cast.units["民政局"],
        act_title="江民罚〔2025〕12号行政处罚决定",
        act_type=ActType.PENALTY,
        act_date=D(2025, 6, 1),
        known_on=D(2025, 6, 5),
        requests="撤销",
        facts_reasons="事实不清",
    )


def test_staff_enter_lawsuits_and_the_register_refuses_bad_input_naming_the_field(cast, login, register):
    cited = register(D(2025, 2, 3))
    c = login(cast["minzheng_liaison"])
    url = f"/staff/disclosure/units/{cast['民政局'].pk}/challenges/"
    bad = c.post(
        url,
        {
            "kind": "direct_suit",
            "reference": "（2025）鲁0102行初88号",
            "filed_on": "2025-05-10",
            "result": "upheld",
            "concluded_on": "2025-05-01",
            "request_number": "民政局依申请〔2025〕99号",
        },
    )
    page = bad.content.decode()
    assert bad.status_code == 400
    assert "审结日期：不能早于受理或立案日期" in page and "没有编号为“民政局依申请〔2025〕99号”的申请" in page
    assert not Challenge.objects.exists()

    ok = c.post(
        url,
        {
            "kind": "direct_suit",
            "reference": "（2025）鲁0102行初88号",
            "filed_on": "2025-05-10",
            "result": "corrected",
            "concluded_on": "2025-11-20",
            "request_number": cited.number.replace("〔", "(").replace("〕", ")"),
        },
    )
    assert ok.status_code == 302
    suit = Challenge.objects.get()
    assert suit.request == cited
    c.post(
        url, {"kind": "suit_after", "reference": "（2025）鲁01行初9号", "filed_on": "2025-12-20", "result": "pending"}
    )
    figures = _table4(cast, 2025)
    assert figures["行政诉讼（未经复议直接起诉）"] == [0, 1, 0, 0, 1]
    assert figures["行政诉讼（复议后起诉）"] == [0, 0, 0, 1, 1]
    assert "（2025）鲁0102行初88号" in c.get(url).content.decode()

    edit = f"/staff/disclosure/challenges/{suit.pk}/"
    stale = c.post(
        edit,
        {
            f"c{suit.pk}-kind": "direct_suit",
            f"c{suit.pk}-reference": suit.reference,
            f"c{suit.pk}-filed_on": "2025-05-10",
            f"c{suit.pk}-result": "upheld",
            f"c{suit.pk}-concluded_on": "2025-11-20",
            f"c{suit.pk}-version": suit.version + 1,
        },
    )
    assert stale.status_code in (400, 409) and Challenge.objects.get(pk=suit.pk).result == "corrected"
    assert login(cast["jiaotong_liaison"]).get(url).status_code == 403
    assert login(cast["jiaotong_liaison"]).get(edit).status_code == 403
    assert login(cast["reviewer"]).post(url, {"kind": "direct_suit"}).status_code == 403


def test_a_reconsideration_recorded_from_the_module_is_not_edited_by_hand(cast, login, disclosure_case):
    disclosure_case(D(2025, 3, 3), D(2025, 3, 4))
    challenge = Challenge.objects.get()
    page = login(cast["minzheng_liaison"]).get(f"/staff/disclosure/units/{cast['民政局'].pk}/challenges/")
    assert "复议模块自动登记" in page.content.decode()
    response = login(cast["minzheng_liaison"]).post(
        f"/staff/disclosure/challenges/{challenge.pk}/",
        {
            f"c{challenge.pk}-kind": "reconsideration",
            f"c{challenge.pk}-reference": "x",
            f"c{challenge.pk}-filed_on": "2025-03-04",
            f"c{challenge.pk}-result": "upheld",
            f"c{challenge.pk}-concluded_on": "2025-03-05",
            f"c{challenge.pk}-version": challenge.version,
        },
    )
    assert response.status_code == 400 and "自动更新" in response.content.decode()
    assert Challenge.objects.get().result == "pending"


def test_normative_documents_count_when_published_and_when_repealed(cast, published, successor):  # noqa: F811
    from yifa.normdocs import services as normdocs

    documents = {row["row"]: row for row in report.figures(cast["民政局"], 2025)["table2"]["documents"]}
    assert documents["行政规范性文件"] == {"row": "行政规范性文件", "made": 1, "repealed": 0, "in_force": 1}
    normdocs.relation_add(
        by=cast["minzheng_liaison"], source=successor, kind="repeals", target=published, on=D(2026, 3, 2)
    )
    documents = {row["row"]: row for row in report.figures(cast["民政局"], 2026)["table2"]["documents"]}
    assert documents["行政规范性文件"] == {"row": "行政规范性文件", "made": 1, "repealed": 1, "in_force": 1}
    # The 2025 report still shows the document in force at that year's end.
    documents = {row["row"]: row for row in report.figures(cast["民政局"], 2025)["table2"]["documents"]}
    assert documents["行政规范性文件"]["in_force"] == 1


def test_licensing_decisions_count_in_the_year_they_are_made(cast, food_item):  # noqa: F811
    from yifa.licensing import services as licensing
    from yifa.licensing.flows import APPLICATIONS
    from yifa.licensing.models import Channel, Item

    liaison = cast["shijian_liaison"]
    for n, (received, decision, act) in enumerate(
        [(D(2026, 2, 24), D(2026, 2, 27), "grant"), (D(2026, 3, 2), D(2026, 3, 5), "refuse")]
    ):
        app = licensing.receive(
            by=liaison,
            item=Item.objects.get(pk=food_item.pk),
            channel=Channel.COUNTER,
            received_on=received,
            applicant_name="江临市好味餐饮有限公司",
            applicant_id_number="91330100MA2B3C4D5E",
            applicant_phone="13812345678",
            summary="申请食品经营许可（餐饮服务）",
        )
        app = fire(APPLICATIONS, app, "accept", by=liaison, on=received, expected_version=app.version)
        fire(
            APPLICATIONS,
            app,
            act,
            by=liaison,
            on=decision,
            expected_version=app.version,
            decision_number=f"江市监许〔2026〕{n + 1}号",
            reason="不符合条件",
        )
    decisions = {row["row"]: row["count"] for row in report.figures(cast["市场监管局"], 2026)["table2"]["decisions"]}
    assert decisions["行政许可"] == 2 and decisions["行政处罚"] == 0
    assert report.figures(cast["市场监管局"], 2025)["table2"]["decisions"][0]["count"] == 0


def test_figures_no_module_holds_are_entered_on_the_report_page_and_published_with_it(cast, login):
    c = login(cast["minzheng_liaison"])
    url = f"/staff/disclosure/units/{cast['民政局'].pk}/report/2025/"
    fields = {"rules_made": "0", "rules_repealed": "0", "rules_in_force": "0"}
    bad = c.post(url, {**fields, "fees_wan": "-1", "publish": "0"})
    assert bad.status_code == 400
    response = c.post(url, {**fields, "fees_wan": "12.5", "problems": "无", "publish": "1"})
    assert response.status_code == 302
    saved = registers.report_of(cast["民政局"], 2025)
    assert saved.published_on and saved.figures["table2"]["fees"]["amount_wan"] == "12.5"
    assert saved.figures["table2"]["decisions"][2] == {"row": "行政强制", "count": 0}
    page = c.get(url).content.decode()
    assert 'name="coercion_decisions"' not in page  # counted from enforcement's cases, not entered
    assert 'id="table4"' in page and "12.5" in page


def test_penalty_decisions_count_for_the_deciding_unit(cast, body, officers):  # noqa: F811
    from yifa.enforcement.flows import CASE_FLOW

    case = file_case(cast, body, officers, on=D(2026, 9, 1))
    for name, on, inputs in [
        ("notify", D(2026, 9, 2), {"penalty_kinds": ["warning"]}),
        ("decide", D(2026, 9, 10), {"decision_number": "江市监罚字〔2026〕18号"}),
    ]:
        case.refresh_from_db()
        fire(CASE_FLOW, case, name, by=cast["shijian_head"], on=on, expected_version=case.version, **inputs)
    decisions = {row["row"]: row["count"] for row in report.figures(cast["市场监管局"], 2026)["table2"]["decisions"]}
    assert decisions["行政处罚"] == 1 and decisions["行政许可"] == 0
    assert report.figures(cast["民政局"], 2026)["table2"]["decisions"][1]["count"] == 0


def test_the_report_and_the_register_stay_flat_as_the_register_grows(cast, login, django_assert_max_num_queries):
    from yifa.disclosure import challenges

    for i in range(30):
        challenges.challenge_add(
            by=cast["minzheng_liaison"],
            unit=cast["民政局"],
            kind="direct_suit",
            reference=f"（2025）鲁0102行初{i}号",
            filed_on=D(2025, 3, 1),
            result="pending",
            request_number="",
        )
    unit, city = cast["民政局"].pk, cast["市政府"].pk
    for who, url in (
        ("minzheng_liaison", f"/staff/disclosure/units/{unit}/challenges/"),
        ("minzheng_liaison", f"/staff/disclosure/units/{unit}/report/2025/"),
        ("reviewer", f"/staff/disclosure/units/{city}/report/2025/"),
    ):
        c = login(cast[who])
        with django_assert_max_num_queries(20):
            assert c.get(url).status_code == 200


def test_coercion_decisions_are_counted_from_enforcements_cases_not_entered(cast, body, officers):  # noqa: F811
    """行政强制法第二十四、三十一条 (measure decisions) and 第三十七条 (execution decisions) count; an urging notice,
    a disposal and an application to the court do not (rules.PROACTIVE_COUNTS)."""
    from yifa.enforcement import procedures
    from yifa.enforcement.coercion_flow import COERCION_FLOW

    def start(kind, on, certs=(), **extra):
        return procedures.coercion_start(
            by=cast["shijian_officer"],
            body=body,
            number=f"江市监强〔{on.year}〕{on.day}号",
            kind=kind,
            party_kind="organisation",
            party_name="江临市某某食品有限公司",
            subject="过期食品一批",
            legal_basis="《中华人民共和国食品安全法》第一百一十条",
            certificates=list(certs),
            on=on,
            **extra,
        )

    head = cast["shijian_head"]
    seized = start("seize", D(2026, 10, 12), officers)  # 扣押决定 on 2026-10-12: counts in 2026
    fire(COERCION_FLOW, seized, "dispose", by=head, on=D(2026, 11, 2), disposal="lift", expected_version=seized.version)
    start("freeze", D(2025, 12, 29), officers)  # 冻结决定 in 2025
    urged = start("execution", D(2026, 11, 2), comply_by=D(2026, 11, 16))  # 催告: not a decision
    start("court", D(2026, 9, 28))  # only an urging so far: not counted

    def coercion(year, unit="市场监管局"):
        return report.figures(cast[unit], year)["table2"]["decisions"][2]

    assert coercion(2026) == {"row": "行政强制", "count": 1}
    assert coercion(2025)["count"] == 1
    fire(COERCION_FLOW, urged, "execute", by=head, on=D(2026, 11, 17), decision_number="江市监强执〔2026〕1号")
    assert coercion(2026)["count"] == 2
    assert coercion(2026, unit="民政局")["count"] == 0
    # the city government's report compiles its units' decisions (第四十九条)
    assert coercion(2026, unit="市政府")["count"] == 2
