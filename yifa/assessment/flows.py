"""The leaders' reports: yifa drafts, the unit's principal leader edits and submits, the legal office
publishes where required (述法 and the 法治政府建设 report are made public)."""

from yifa.core.models import Role
from yifa.core.procedure import INPUT, LEGAL_OFFICE, NEW, ON, Flow, Transition, assign, in_unit_of
from yifa.core.procedure.forms import MAX_TEXT

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
            apply=assign(submitted_on=ON, submitted_by=lambda report, context: context["by"]),
            confirm="提交后不能再修改，确定提交吗？",
        ),
        Transition(
            "publish",
            "向社会公开",
            (S.SUBMITTED,),
            S.PUBLISHED,
            who=LEGAL_OFFICE,
            apply=assign(published_on=ON),
        ),
    ],
)
