"""The office's queue of online applications held over a quota: release (a case received on the original
day) or discard (with a reason). The acts run through the generic action view."""

from __future__ import annotations

from django import forms
from django.shortcuts import render

from yifa.core.access import fetch, scope
from yifa.core.errors import AccessDenied
from yifa.core.procedure import Action, ActionForm, Actions
from yifa.core.views import staff_view

from . import intake, lists
from .intake_models import OnlineIntake
from .who import STAFF


class DiscardForm(ActionForm):
    reason = forms.CharField(
        label="作废理由（如重复提交、恶意灌水）", max_length=200, widget=forms.Textarea(attrs={"rows": 2})
    )


def access_intake(user, pk) -> OnlineIntake:
    return fetch(OnlineIntake.objects.select_related("office"), user, pk, "office")


HELD_ACTIONS = Actions(
    intake.INTAKE_FLOW,
    [
        Action(
            "release",
            form=ActionForm,
            call=lambda obj, **inputs: intake.intake_release(intake=obj, **inputs),
            done=lambda obj: f"已放行，登记为{obj.case.number}（收到日期{obj.received_on:%Y年%-m月%-d日}）",
        ),
        Action("discard", form=DiscardForm, call=lambda obj, **inputs: intake.intake_discard(intake=obj, **inputs)),
    ],
    url="reconsideration:held_act",
    many=True,
    access=access_intake,
)

PAGE = 100


@staff_view
def held(request):
    if not STAFF(request.user, None):
        raise AccessDenied("您无权查看暂存的网上申请（需复议工作人员）")
    found = scope(intake.held().select_related("office"), request.user, "office")
    if lists.HELD.wants_export(request):
        return lists.HELD.export(found, request)
    rows = lists.HELD.ordered(found, request)[:PAGE]
    return render(
        request,
        "reconsideration/held.html",
        {
            "rows": [(i, HELD_ACTIONS.offered(request.user, i)) for i in rows],
            "rule": intake.QUEUE,
            **lists.HELD.around(request),
        },
    )
