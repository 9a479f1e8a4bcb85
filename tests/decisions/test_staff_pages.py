"""Staff pages: who sees what, and the detail page driving the procedure."""

from yifa.decisions.models import Decision, DecisionState

from .builders import D, act, published, reviewed, rules_recorded, submitted


def test_lead_unit_sees_its_decision_and_other_departments_do_not(cast, login, simple_decision):
    url = f"/staff/decisions/{simple_decision.pk}/"
    assert login(cast["minzheng_liaison"]).get(url).status_code == 200
    assert login(cast["shijian_officer"]).get(url).status_code == 403
    assert login(cast["reviewer"]).get(url).status_code == 200


def test_list_shows_only_decisions_in_scope(cast, login, simple_decision):
    assert simple_decision.title in login(cast["minzheng_liaison"]).get("/staff/decisions/").content.decode()
    assert simple_decision.title not in login(cast["huanjing_liaison"]).get("/staff/decisions/").content.decode()


def test_pages_need_login(client, simple_decision):
    for url in (
        "/staff/decisions/",
        f"/staff/decisions/{simple_decision.pk}/",
        "/staff/decisions/catalogues/",
        "/staff/decisions/rules/",
        f"/staff/decisions/{simple_decision.pk}/timeline/",
        f"/staff/decisions/{simple_decision.pk}/archive.zip",
    ):
        assert client.get(url).status_code == 302


def test_detail_lists_every_missing_step_before_review(cast, login):
    from .builders import drafted

    decision = drafted(cast, public_interest=True, technical=True)
    page = login(cast["minzheng_liaison"]).get(f"/staff/decisions/{decision.pk}/").content.decode()
    for text in ("尚未向社会公开征求意见", "尚未完成风险评估", "尚未取得专家论证意见"):
        assert text in page


def test_submitting_for_review_from_the_page_shows_the_unmet_gates(cast, login, simple_decision):
    client = login(cast["minzheng_liaison"])
    response = client.post(
        f"/staff/decisions/{simple_decision.pk}/act/submit_review/",
        act("submit_review", simple_decision.version, planned_meeting_on="2020-01-01", procedure_note=""),
        follow=True,
    )
    page = response.content.decode()
    assert "不能送请合法性审查" in page and "履行决策法定程序的说明" in page
    assert Decision.objects.get(pk=simple_decision.pk).state == DecisionState.DRAFTING


def test_other_department_cannot_act_on_the_decision(cast, login, simple_decision):
    response = login(cast["huanjing_liaison"]).post(
        f"/staff/decisions/{simple_decision.pk}/act/draft/", act("draft", simple_decision.version, options="x")
    )
    assert response.status_code == 403
    assert Decision.objects.get(pk=simple_decision.pk).options != "x"


def test_reviewer_gives_an_opinion_from_the_page(cast, login, simple_decision):
    submitted(cast, simple_decision)
    client = login(cast["reviewer"])
    assert "出具审查意见" in client.get(f"/staff/decisions/{simple_decision.pk}/").content.decode()
    version = Decision.objects.get(pk=simple_decision.pk).version
    client.post(
        f"/staff/decisions/{simple_decision.pk}/act/review_lawful/",
        act("review_lawful", version, opinion="lawful", text="合法"),
    )
    assert Decision.objects.get(pk=simple_decision.pk).state == DecisionState.REVIEWED


def test_archive_package_holds_the_records_and_materials(cast, login, simple_decision):
    import io
    import zipfile

    from yifa.lib.office import docx_text

    decision = published(cast, reviewed(cast, simple_decision))
    response = login(cast["mayor"]).get(f"/staff/decisions/{decision.pk}/archive.zip")
    assert response.status_code == 200
    z = zipfile.ZipFile(io.BytesIO(response.content))
    record = docx_text(z.read("01-决策过程记录.docx"))
    assert "合法性审查" in record and "江政发〔2026〕8号" in record and "法制机构负责人列席" in record
    assert login(cast["huanjing_liaison"]).get(f"/staff/decisions/{decision.pk}/archive.zip").status_code == 403


def test_timeline_page_shows_the_chain(cast, login, simple_decision):
    decision = published(cast, reviewed(cast, simple_decision))
    page = login(cast["mayor"]).get(f"/staff/decisions/{decision.pk}/timeline/").content.decode()
    for label in ("启动决策程序", "送请合法性审查", "集体讨论决定", "公布决策"):
        assert label in page


def test_catalogue_page_creates_and_publishes_only_with_party_consent(cast, login):
    client = login(cast["mayor"])
    client.post("/staff/decisions/catalogues/", {"unit": cast.city.pk, "year": 2027})
    from yifa.decisions.models import Catalogue

    catalogue = Catalogue.objects.get()
    client.post(
        f"/staff/decisions/catalogues/{catalogue.pk}/act/item/",
        act(
            "item",
            catalogue.version,
            title="公交票价调整",
            category="policy",
            lead_unit=cast["交通运输局"].pk,
            public_interest="on",
        ),
    )
    catalogue.refresh_from_db()
    page = client.post(
        f"/staff/decisions/catalogues/{catalogue.pk}/act/publish/", act("publish", catalogue.version), follow=True
    ).content.decode()
    assert "须经同级党委同意后公布" in page
    catalogue.refresh_from_db()
    assert catalogue.published_on is None and catalogue.items.count() == 1


def test_rules_board_marks_units_without_rules_after_first_of_may(cast, login):
    from yifa.decisions import queries, services

    services.decision_rules_record(
        by=cast["minzheng_head"], unit=cast["民政局"], title="民政局重大行政决策规则", adopted_on=D(2026, 4, 20)
    )
    services.decision_rules_record(
        by=cast["shijian_liaison"], unit=cast["市场监管局"], title="市场监管局决策规则", adopted_on=D(2026, 5, 1)
    )
    rows = {r["unit"].short_name: r for r in queries.rules_board(cast["mayor"], 2026)}
    # “5月1日前”: adopted on 1 May itself is late
    assert rows["民政局"]["on_time"] and not rows["市场监管局"]["on_time"]
    assert rows["民政局"]["due"] == D(2026, 4, 30)
    page = login(cast["mayor"]).get("/staff/decisions/rules/?year=2026").content.decode()
    assert "民政局重大行政决策规则" in page and "逾期未建" in page
    assert login(cast["minzheng_liaison"]).get("/staff/decisions/rules/").status_code == 200


def test_recorded_decision_rules_tick_the_plans_institution_checklist(cast):
    """Through the decision_rules.record event the plans module listens to (its receivers.py)."""
    import pytest

    pytest.importorskip("yifa.plans.receivers", reason="the plans module does not yet listen to decision_rules.record")
    plans = pytest.importorskip("yifa.plans.services")
    from yifa.plans.models import InstitutionRecord

    institution = plans.institution_define(
        by=cast["legal_head"],
        year=2026,
        name="重大事项决策规则",
        kind="decision_rules",
        due=D(2026, 5, 1),
        basis="民政局深化依法行政规划安排 一、1",
    )
    rules_recorded(cast)
    record = InstitutionRecord.objects.get(institution=institution)
    assert record.unit == cast["民政局"] and record.established_on == D(2026, 4, 20)
    assert "江民发〔2026〕3号" in record.document_title


def test_legal_office_todo_opens_when_a_decision_in_review_has_no_meeting_date(cast, login, simple_decision):
    from yifa.decisions.models import LegalityReview

    decision = submitted(cast, simple_decision)
    LegalityReview.objects.filter(decision=decision).delete()  # as `yifa seed` leaves decisions in review
    page = login(cast["reviewer"]).get("/staff/")
    assert page.status_code == 200
    assert "承办单位未定讨论日期" in page.content.decode()
