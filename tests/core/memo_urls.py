"""The memo's page and its generic action view, beside the project's URLs (tests only)."""

from django import forms
from django.shortcuts import render
from django.urls import path

from yifa.core.access import fetch
from yifa.core.procedure import Action, ActionForm, Actions
from yifa.core.views import staff_view
from yifa.urls import urlpatterns as project_urls

from .memo import MEMO_FLOW, Memo


def access_memo(user, pk):
    return fetch(Memo.objects.all(), user, pk)


@staff_view
def memo_page(request, pk, bound=None):
    memo = access_memo(request.user, pk)
    return render(request, "core/_actions.html", {"actions": MEMO_ACTIONS.offered(request.user, memo, bound=bound)})


class ApproveForm(ActionForm):
    reason = forms.CharField(label="理由", max_length=100)


MEMO_ACTIONS = Actions(
    MEMO_FLOW,
    [Action("submit", done=lambda memo: f"已报送“{memo.title}”"), Action("approve", form=ApproveForm)],
    url="memo_act",
    access=access_memo,
    page=memo_page,
)

urlpatterns = [
    path("test-memos/<int:pk>/", memo_page, name="memo"),
    path("test-memos/<int:pk>/act/<str:name>/", MEMO_ACTIONS.view(), name="memo_act"),
    *project_urls,
]
