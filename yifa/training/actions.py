"""The outline's and the unit plans' page actions; the kit's generic view runs them."""

from yifa.core.procedure import Action, Actions

from . import forms
from .access import access_outline, access_plan
from .flows import OUTLINE, PLANS


def _outline_page(request, pk, bound=None):
    from . import views

    return views.outline(request, pk, bound=bound)


def _plan_page(request, pk, bound=None):
    from . import views

    return views.plan(request, pk, bound=bound)


OUTLINE_ACTIONS = Actions(
    OUTLINE,
    [
        Action(
            "edit",
            form=forms.OutlineEditForm,
            initial=lambda o: {"title": o.title, "body": o.body, "plans_due": o.plans_due},
            done="已保存修改",
        ),
        Action("publish", done=lambda o: f"已发布，各单位培训工作计划须于{o.plans_due:%Y年%m月%d日}前（含当日）报送"),
    ],
    url="training:outline_act",
    access=access_outline,
    page=_outline_page,
)

PLAN_ACTIONS = Actions(
    PLANS,
    [Action("file", form=forms.PlanFileForm, initial=lambda p: {"body": p.body}, done="培训工作计划已报送")],
    url="training:plan_act",
    access=access_plan,
    page=_plan_page,
)
