"""The page actions: for each act a page may fire, its form; one generic view (the kit's) runs them."""

from yifa.core.procedure import Action, Actions

from . import forms, services, supervision
from .access import access_assignment, access_info, access_plan, access_report, access_task
from .flows import ASSIGNMENT, INFO, PLAN, REPORT, TASK


def _page(name: str):
    """The record's page, re-rendered with a refused form (views import this table, hence late)."""

    def page(request, pk, bound=None):
        from . import views

        return getattr(views, name)(request, pk, bound=bound)

    return page


REPORT_ACTIONS = Actions(
    REPORT,
    [
        Action(
            "edit",
            form=forms.ReportEditForm,
            call=lambda report, **inputs: services.report_edit(report=report, **inputs),
            initial=lambda r: {"title": r.title, "body": r.body, "is_public": r.is_public},
            done="已保存修改",
        ),
        Action("approve"),
        Action("submit"),
        Action("return", form=forms.ReturnForm),
        Action("accept"),
    ],
    url="plans:report_act",
    access=access_report,
    page=_page("report"),
)

PLAN_ACTIONS = Actions(
    PLAN,
    [
        Action(
            "correct",
            form_for=forms.correction_form,
            call=supervision.plan_correct_and_confirm,
            done=lambda plan: "已确认分解，任务已交办各责任单位" if plan.confirmed_on else "已保存修改",
        ),
        Action("urge_overdue", done=lambda plan: f"已向{plan.urged}个逾期事项的责任单位发出催办通知"),
    ],
    url="plans:plan_act",
    access=access_plan,
    page=_page("plan"),
)

TASK_ACTIONS = Actions(
    TASK, [Action("close", done="任务已确认办结")], url="plans:task_act", access=access_task, page=_page("task")
)

# Each unit's share of a task, several to the task's page.
ASSIGNMENT_ACTIONS = Actions(
    ASSIGNMENT,
    [
        Action(
            "progress",
            form=forms.ProgressForm,
            call=lambda a, **inputs: supervision.progress_report(assignment=a, **inputs).assignment,
            initial=lambda a: {"status": a.status, "percent": a.percent},
        ),
        Action("urge", form=forms.UrgeForm, done=lambda a: f"已向{a.unit.name}发出催办通知"),
    ],
    url="plans:assignment_act",
    access=access_assignment,
    many=True,
)

# Work information, several to the list.
INFO_ACTIONS = Actions(
    INFO,
    [Action("adopt", done="已采用该条工作信息"), Action("decline", done="已决定不采用该条工作信息")],
    url="plans:info_act",
    access=access_info,
    many=True,
)
