"""The year's training outline and each unit's training plan (the arrangement, 六、第17项): the legal
office drafts and publishes the outline; publication starts, on each department's and township's plan,
the clock to the day the plans are due; a unit's filing stops its clock."""

from __future__ import annotations

from yifa.core.models import Role, Unit
from yifa.core.notify import unit_contacts
from yifa.core.procedure import INPUT, LEGAL_OFFICE, NEW, ON, Clock, Flow, Message, Transition, assign, in_unit_of
from yifa.core.procedure.forms import MAX_TEXT

from . import rules
from .models import OutlineState, PlanState, TrainingOutline, UnitTrainingPlan
from .queries import STUDY_UNIT_KINDS

PLAN_STAFF = in_unit_of(Role.LIAISON, Role.HEAD, label="本单位联络员或负责人")


def _one_per_year(outline, **_):
    if TrainingOutline.objects.filter(year=outline.year).exclude(pk=outline.pk).exists():
        return f"年度：{outline.year}年度已有培训要点，请在原稿上修改"
    return None


def _text_given(outline, *, title=None, body=None, plans_due=None, **_):
    title = outline.title if title is None else title
    body = outline.body if body is None else body
    due = outline.plans_due if plans_due is None else plans_due
    problems = []
    if not (title or "").strip():
        problems.append("标题：必须填写")
    if not (body or "").strip():
        problems.append("培训要点：必须填写")
    elif len(body) > MAX_TEXT * 4:
        problems.append(f"培训要点：不能超过{MAX_TEXT * 4}字")
    if due is None:
        problems.append("单位培训计划报送届满日：必须填写")
    elif due.year != outline.year:
        problems.append(f"单位培训计划报送届满日：须在{outline.year}年内（{rules.TRAINING_PLAN.citation}）")
    return problems


def _due_not_passed(outline, *, on, **_):
    if outline.plans_due < on:
        return (
            f"单位培训计划报送届满日：{outline.plans_due:%Y年%m月%d日}已过，请先改为发布日以后的日期"
            f"（{rules.TRAINING_PLAN.citation}）"
        )
    return None


def _unit_plans(outline, **_):
    """Every active department and township owes a plan (乡镇、各部门: the arrangement's words)."""
    units = Unit.objects.filter(kind__in=STUDY_UNIT_KINDS, active=True).order_by("path")
    UnitTrainingPlan.objects.bulk_create([UnitTrainingPlan(outline=outline, unit=u) for u in units])


def _plans_of(outline):
    return outline.unit_plans.select_related("unit", "outline")


PLAN_DUE = Clock(
    rules.TRAINING_PLAN,
    each=_plans_of,
    due=lambda plan, **_: plan.outline.plans_due,
    title=lambda plan: f"报送{plan.outline.year}年度培训工作计划",
)


def _tell_units(outline, **_):
    for plan in _plans_of(outline):
        yield Message(
            unit_contacts(plan.unit),
            f"training-outline:{outline.pk}:{plan.unit_id}",
            f"请报送{outline.year}年度培训工作计划",
            f"法制机构已发布《{outline.title}》，请于{outline.plans_due:%Y年%m月%d日}前（含当日）报送本单位培训工作计划"
            f"（{rules.TRAINING_PLAN.citation}）。",
            plan.get_absolute_url(),
        )


OUTLINE = Flow(
    "training_outline",
    OutlineState,
    [
        Transition(
            "draft",
            "起草培训要点",
            NEW,
            OutlineState.DRAFT,
            who=LEGAL_OFFICE,
            guards=(_one_per_year, _text_given),
            after=_unit_plans,
        ),
        Transition(
            "edit",
            "修改培训要点",
            (OutlineState.DRAFT,),
            who=LEGAL_OFFICE,
            guards=(_text_given,),
            apply=assign(title=INPUT("title"), body=INPUT("body"), plans_due=INPUT("plans_due")),
        ),
        Transition(
            "publish",
            "发布培训要点",
            (OutlineState.DRAFT,),
            OutlineState.PUBLISHED,
            who=LEGAL_OFFICE,
            guards=(_due_not_passed,),
            apply=assign(published_on=ON),
            starts=(PLAN_DUE,),
            notifies=_tell_units,
            confirm="发布后各乡镇、各部门须在届满日前报送培训工作计划，确定发布吗？",
        ),
    ],
)


def _plan_given(plan, *, body=None, **_):
    if not (body or "").strip():
        return "培训工作计划：必须填写"
    if len(body) > MAX_TEXT * 4:
        return f"培训工作计划：不能超过{MAX_TEXT * 4}字"
    return None


def _outline_published(plan, **_):
    if plan.outline.state != OutlineState.PUBLISHED:
        return "培训要点尚未发布，不能报送培训工作计划"
    return None


def _filing_data(plan, *, on, **_):
    return {"due": plan.outline.plans_due, "late": on > plan.outline.plans_due, "basis": rules.TRAINING_PLAN.citation}


PLANS = Flow(
    "training_plan",
    PlanState,
    [
        Transition(
            "file",
            "报送培训工作计划",
            (PlanState.PENDING,),
            PlanState.FILED,
            who=PLAN_STAFF,
            guards=(_outline_published, _plan_given),
            apply=assign(body=INPUT("body"), filed_on=ON, filed_by=lambda plan, context: context["by"]),
            stops=(rules.TRAINING_PLAN,),
            event_data=_filing_data,
        ),
    ],
    event_unit=lambda plan: plan.unit,
)
