"""Pages of the organs outside the office: the drafting or receiving organ's incidental-review to-do
(第五十八条、第六十条) and the penalty organ's submissions (第三十二条). Their acts run through the generic
action views (``actions``)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from yifa.core.downloads import file_download
from yifa.core.errors import NotFound, YifaError
from yifa.core.procedure import show_service_errors
from yifa.core.views import staff_view

from . import actions, documents, lists, queries, submissions
from . import rules as R
from .access import access_review, access_submission, cases_for, submissions_for
from .forms import OrganSubmissionForm


@staff_view
def norm_review(request, pk: int):
    """Where a review is worked on: on its case's page for those who see the case, else in the to-do."""
    review = access_review(request.user, pk)
    if cases_for(request.user).filter(pk=review.case_id).exists():
        return redirect(f"{review.case.get_absolute_url()}#norm-{review.pk}")
    return redirect("reconsideration:norm_inbox")


@staff_view
def norm_inbox(request):
    """制定机关答复（第五十八条）、接受转送机关回复（第六十条）的待办。"""
    return render(
        request,
        "reconsideration/norm_inbox.html",
        {
            "rows": actions.with_offered(
                actions.NORM_ACTIONS, queries.open_reviews_for_organ(request.user), request.user
            ),
            "today": timezone.localdate(),
            "rules": (R.DRAFTER_REPLY, R.FORWARDED_REPLY),
        },
    )


@staff_view
def organ_submissions(request):
    """第三十二条第二款：作出处罚决定的机关认为需要维持的，自收到申请之日起五个工作日内转送复议机关。"""
    today = timezone.localdate()
    form = OrganSubmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            submissions.submission_receive(by=request.user, unit=request.user.unit, on=today, **form.cleaned_data)
            messages.success(request, "已登记，转送期限已起算")
            return redirect("reconsideration:submissions")
        except YifaError as exc:
            show_service_errors(form, exc)
    found = submissions_for(request.user)
    if lists.SUBMISSIONS.wants_export(request):
        return lists.SUBMISSIONS.export(found, request)
    rows = queries.submissions_with_clocks(request.user, lists.SUBMISSIONS.ordered(found, request))
    return render(
        request,
        "reconsideration/submissions.html",
        {
            "form": form,
            "rows": actions.with_offered(actions.SUBMISSION_ACTIONS, rows, request.user),
            "today": today,
            "can_register": bool(request.user.unit_id),
            "rule": R.FORWARD_VIA_ORGAN,
            **lists.SUBMISSIONS.around(request),
        },
    )


@staff_view
def forwarding_letter(request, pk: int):
    """第三十二条第二款的转送函，只给已转送的申请。"""
    item = access_submission(request.user, pk)
    if not item.forwarded_on:
        raise NotFound("该申请尚未转送，没有转送函")
    name, content = documents.forwarding_letter(item)
    return file_download(content, name)
