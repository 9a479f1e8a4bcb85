"""The leaders' reports: yifa drafts, the unit's principal leader edits and submits, the legal office
publishes where required (述法 and the 法治政府建设 report are made public)."""

from decimal import Decimal

from yifa.core.models import Role
from yifa.core.procedure import INPUT, LEGAL_OFFICE, NEW, ON, Flow, Transition, assign, in_unit_of
from yifa.core.procedure.forms import MAX_TEXT
from yifa.core.uploads import store_upload
from yifa.disclosure.redaction import PATTERNS as PERSONAL_DATA  # pure patterns, no model or service

from .models import ObjectionState as O
from .models import ReportState as S

LEADER = in_unit_of(Role.HEAD, Role.LEADER, label="本单位主要负责人")
DRAFTER = LEADER | in_unit_of(Role.LIAISON, label="本单位联络员")
BODY_LIMIT = MAX_TEXT * 4


def _body_given(report, *, title=None, body=None, **_):
    problems = []
    if title is not None and not title.strip():
        problems.append("标题：必须填写")
    if body is not None and not body.strip():
        problems.append("正文：必须填写")
    if body is not None and len(body) > BODY_LIMIT:
        problems.append(f"正文：不能超过{BODY_LIMIT}字")
    return problems


def _nothing_personal(report, **_):
    """A 述法 report may be made public: it must hold no ID or phone number, e-mail or home address
    (个人信息保护法第三十四条: published only as far as needed)."""
    found = [m.group(0) for pattern in PERSONAL_DATA for m in pattern.finditer(f"{report.title}\n{report.body}")]
    if not found:
        return None
    shown = "、".join(f"{text[:3]}…" for text in found[:5])
    return f"正文：含有个人信息（身份证号码、电话号码、电子邮箱或住址，如{shown}），请删除后再提交或公开"


REPORTS = Flow(
    name="assessment_report",
    states=S,
    transitions=[
        Transition("draft", "按本单位数据起草", NEW, S.DRAFT, who=DRAFTER),
        Transition(
            "edit",
            "修改报告",
            (S.DRAFT,),
            who=DRAFTER,
            guards=(_body_given,),
            apply=assign(title=INPUT("title"), body=INPUT("body")),
        ),
        Transition(
            "submit",
            "提交报告",
            (S.DRAFT,),
            S.SUBMITTED,
            who=LEADER,
            guards=(_nothing_personal,),
            apply=assign(submitted_on=ON, submitted_by=lambda report, context: context["by"]),
            confirm="提交后不能再修改，确定提交吗？",
        ),
        Transition(
            "publish",
            "向社会公开",
            (S.SUBMITTED,),
            S.PUBLISHED,
            who=LEGAL_OFFICE,
            guards=(_nothing_personal,),
            apply=assign(published_on=ON),
        ),
    ],
)


# ---- 异议: a unit objects to one indicator's score; the legal office answers -------------------------
OBJECTING = in_unit_of(Role.LIAISON, Role.HEAD, label="本单位联络员或负责人")


def _keep_evidence(objection, *, by, files=(), **_):
    for name, content in files or ():
        store_upload(content=content, name=name, by=by, subject=objection, purpose="evidence")


def _files_named(objection, *, files=(), **_):
    return {"files": [name for name, _ in files or ()]}


def _once_per_indicator(objection, **_):
    from .models import Objection

    same = Objection.objects.filter(unit=objection.unit, year=objection.year, code=objection.code)
    return f"{objection.year}年度已对“{objection.indicator_name}”提出过异议" if same.exists() else None


def _answer_given(objection, *, answer=None, **_):
    return None if (answer or "").strip() else "答复意见：必须填写"


def _points_within(objection, *, points=None, **_):
    from .system import find

    indicator = find(objection.year, objection.code)
    limit = indicator.points if indicator is not None else Decimal(0)
    if points is None:
        return "复核后得分：异议成立时必须填写"
    if not Decimal(0) <= points <= limit:
        return f"复核后得分：须在0至{limit}分之间"
    return None


def _keep_manual_score(objection, *, by, points, **_):
    from .settings_services import manual_score_set

    manual_score_set(
        by=by,
        year=objection.year,
        code=objection.code,
        unit=objection.unit,
        points=points,
        evidence=f"异议成立：{objection.answer}",
        objection=objection,
    )


OBJECTIONS = Flow(
    name="assessment_objection",
    states=O,
    transitions=[
        Transition(
            "file",
            "提出异议",
            NEW,
            O.FILED,
            who=OBJECTING,
            guards=(_once_per_indicator,),
            apply=assign(filed_on=ON, filed_by=lambda objection, context: context["by"]),
            after=_keep_evidence,
            event_data=_files_named,
        ),
        Transition(
            "uphold",
            "异议成立，调整得分",
            (O.FILED,),
            O.UPHELD,
            who=LEGAL_OFFICE,
            guards=(_answer_given, _points_within),
            apply=assign(answer=INPUT("answer"), points=INPUT("points"), answered_on=ON),
            after=_keep_manual_score,
        ),
        Transition(
            "dismiss",
            "异议不成立",
            (O.FILED,),
            O.DISMISSED,
            who=LEGAL_OFFICE,
            guards=(_answer_given,),
            apply=assign(answer=INPUT("answer"), answered_on=ON),
        ),
    ],
)
