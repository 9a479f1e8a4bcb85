"""The report page's actions; the kit's generic view runs them."""

from yifa.core.procedure import Action, Actions

from . import forms
from .access import access_report
from .flows import REPORTS


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
