"""The report page's actions; the kit's generic view runs them."""

from yifa.core.procedure import Action, Actions

from . import forms
from .access import access_objection, access_report
from .flows import OBJECTIONS, REPORTS


def _page(request, pk, bound=None):
    from . import views

    return views.report(request, pk, bound=bound)


REPORT_ACTIONS = Actions(
    REPORTS,
    [
        Action(
            "edit", form=forms.ReportEditForm, initial=lambda r: {"title": r.title, "body": r.body}, done="已保存修改"
        ),
        Action("submit", done="报告已提交"),
        Action("publish", done="报告已公开"),
    ],
    url="assessment:report_act",
    access=access_report,
    page=_page,
)


def _objection_page(request, pk, bound=None):
    from . import views

    return views.objection(request, pk, bound=bound)


OBJECTION_ACTIONS = Actions(
    OBJECTIONS,
    [
        Action("uphold", form=forms.UpholdForm, done="已答复：异议成立，得分已调整"),
        Action("dismiss", form=forms.DismissForm, done="已答复：异议不成立"),
    ],
    url="assessment:objection_act",
    access=access_objection,
    page=_objection_page,
)
