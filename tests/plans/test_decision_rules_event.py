"""When a unit records its 重大事项决策规则 in another module, the institution checklist shows it in place
(the arrangement, 一、1: rules in place by 1 May), matched by the institution's kind, never its name."""

import datetime as dt
from types import SimpleNamespace

import pytest

from yifa.core import bus
from yifa.core.errors import AccessDenied
from yifa.core.models import Event
from yifa.plans import services
from yifa.plans.models import Institution, InstitutionKind, InstitutionRecord
from yifa.plans.queries import institution_board

D = dt.date
pytestmark = pytest.mark.django_db
RULES = InstitutionKind.DECISION_RULES


def define(cast, year, name, kind=RULES, due=None):
    return services.institution_define(by=cast["reviewer"], year=year, name=name, kind=kind, due=due)


def rules_recorded(unit, adopted_on, title="民政局重大行政决策规则", document_no="江民发〔2026〕3号"):
    """The decisions module's record as this module may read it: these four attributes only."""
    return SimpleNamespace(unit=unit, adopted_on=adopted_on, title=title, document_no=document_no)


def test_recorded_rules_tick_every_rules_institution_of_that_year_or_later_for_that_unit(cast):
    last_year = define(cast, 2025, "重大事项决策规则", due=D(2025, 5, 1))
    this_year = define(cast, 2026, "重大事项决策规则", due=D(2026, 5, 1))
    next_year = define(cast, 2027, "重大事项决策规则（修订）")
    named_alike = define(cast, 2026, "决策规则学习制度", kind=InstitutionKind.LAW_STUDY)

    bus.emit(
        "decision_rules.record",
        obj=rules_recorded(cast["民政局"], D(2026, 4, 20)),
        by=cast["minzheng_head"],
        on=D(2026, 4, 21),
    )

    records = InstitutionRecord.objects.filter(unit=cast["民政局"]).order_by("institution__year")
    assert [r.institution for r in records] == [this_year, next_year]
    assert {(r.established_on, r.document_title, r.recorded_by) for r in records} == {
        (D(2026, 4, 20), "民政局重大行政决策规则 江民发〔2026〕3号", cast["minzheng_head"])
    }
    assert not InstitutionRecord.objects.filter(institution__in=[last_year, named_alike]).exists()
    assert not InstitutionRecord.objects.exclude(unit=cast["民政局"]).exists()
    assert Event.objects.filter(action="institution.record", actor=cast["minzheng_head"]).count() == 2
    columns, rows = institution_board(year=2026, today=D(2026, 5, 10))
    minzheng = next(r for r in rows if r["unit"] == cast["民政局"])
    assert [c["label"] for c in minzheng["cells"]] == ["已建立", "未建立"]


def test_a_unit_that_already_recorded_its_rules_keeps_its_own_entry(cast):
    institution = define(cast, 2026, "重大事项决策规则", due=D(2026, 5, 1))
    services.institution_record(
        by=cast["minzheng_liaison"],
        institution=institution,
        unit=cast["民政局"],
        established_on=D(2026, 3, 1),
        document_title="江民发〔2026〕1号",
    )
    bus.emit(
        "decision_rules.record",
        obj=rules_recorded(cast["民政局"], D(2026, 6, 1)),
        by=cast["minzheng_head"],
        on=D(2026, 6, 1),
    )
    record = InstitutionRecord.objects.get()
    assert (record.established_on, record.document_title) == (D(2026, 3, 1), "江民发〔2026〕1号")


def test_rules_adopted_after_the_first_of_may_are_ticked_as_late(cast):
    define(cast, 2026, "重大事项决策规则", due=D(2026, 5, 1))
    bus.emit(
        "decision_rules.record",
        obj=rules_recorded(cast["市场监管局"], D(2026, 5, 8), title="市场监管局决策规则", document_no=""),
        by=cast["shijian_head"],
        on=D(2026, 5, 8),
    )
    assert InstitutionRecord.objects.get().document_title == "市场监管局决策规则"
    assert Event.objects.get(action="institution.record").data["late"] is True
    columns, rows = institution_board(year=2026, today=D(2026, 5, 10))
    shijian = next(r for r in rows if r["unit"] == cast["市场监管局"])
    assert shijian["cells"][0]["label"] == "逾期建立"


def test_the_tick_is_refused_for_someone_outside_the_unit_and_writes_nothing(cast):
    define(cast, 2026, "重大事项决策规则")
    with pytest.raises(AccessDenied, match="需本单位人员"):
        bus.emit(
            "decision_rules.record",
            obj=rules_recorded(cast["民政局"], D(2026, 4, 20)),
            by=cast["town1_liaison"],
            on=D(2026, 4, 20),
        )
    assert not InstitutionRecord.objects.exists()


def test_any_member_of_the_unit_the_other_module_let_record_its_rules_ticks_the_checklist(cast):
    define(cast, 2026, "重大事项决策规则")
    bus.emit(
        "decision_rules.record",
        obj=rules_recorded(cast["市场监管局"], D(2026, 4, 2), title="市场监管局决策规则"),
        by=cast["shijian_officer"],
        on=D(2026, 4, 2),
    )
    assert InstitutionRecord.objects.get().unit == cast["市场监管局"]


def test_the_legal_office_lists_an_institution_with_its_kind_on_the_page(cast, login):
    client = login(cast["reviewer"])
    client.post(
        "/staff/plans/institutions/new/",
        {"year": 2026, "name": "本机关重大行政决策程序规定", "kind": RULES, "due": "2026-05-01"},
    )
    client.post("/staff/plans/institutions/new/", {"year": 2026, "name": "法律顾问制度"})
    assert dict(Institution.objects.values_list("name", "kind")) == {
        "本机关重大行政决策程序规定": RULES,
        "法律顾问制度": InstitutionKind.OTHER,
    }
    page = client.get("/staff/plans/institutions/?year=2026").content.decode()
    assert "重大事项决策规则 · 2026-05-01前" in page and "其他制度" in page
    bad = client.post("/staff/plans/institutions/new/", {"year": 2026, "name": "x", "kind": "rules"}, follow=True)
    assert "制度类别" in bad.content.decode() and Institution.objects.count() == 2
