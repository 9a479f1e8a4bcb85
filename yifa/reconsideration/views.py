"""Staff pages: validate, call one service or query, render."""

from __future__ import annotations

import inspect

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from yifa.core import clocks
from yifa.core.access import can_see_personal_data, require_legal_office
from yifa.core.audit import timeline
from yifa.core.downloads import file_download
from yifa.core.errors import AccessDenied, GateBlocked, YifaError
from yifa.core.queries import page_of
from yifa.core.uploads import attachments_of
from yifa.core.views import staff_view
from yifa.lib.office import xlsx_table

from . import committee, configuration, documents, norms, opinions, periods, queries, services
from .access import access_case, access_letter
from .flows import FLOW, handler
from .forms import CounterForm, FeedbackForm, MemberForm, NumberingForm, ReplyForm, TemplateForm, action_form
from .models import CaseState, CommitteeMember, Numbering, OpinionLetter
from .norm_views import form_errors, reviews_with_steps
from .numbering import pattern_for

# Service per action name; each takes case=, by= and the form's fields.
ACTIONS = {
    "request_correction": services.case_request_correction,
    "serve_correction": services.case_serve_correction,
    "extend_correction": services.case_extend_correction,
    "receive_correction": services.case_receive_correction,
    "abandon": services.case_abandon,
    "accept": services.case_accept,
    "not_accept": services.case_not_accept,
    "send_copy": services.case_send_copy,
    "serve_copy": services.case_serve_copy,
    "to_normal": services.case_to_normal,
    "extend": services.case_extend,
    "suspend": services.case_suspend,
    "resume": services.case_resume,
    "terminate": services.case_terminate,
    "mediate": services.case_mediate,
    "propose": services.case_propose,
    "return_draft": services.case_return,
    "approve": services.case_approve,
    "justify": services.case_justify_overdue,
    "hearing": services.case_record_hearing,
    "opinion": opinions.opinion_issue,
    "publish": services.case_publish,
    "norm_review": norms.norm_review_open,
}
LABELS = {
    "send_copy": "发送申请书副本",
    "serve_copy": "登记外部机关收到副本日期",
    "justify": "记录超审限理由",
    "hearing": "记录听取意见、听证或调查",
    "opinion": "制发行政复议意见书",
    "publish": "公开决定书（去除个人信息）",
    "norm_review": "登记附带审查（中止审理）",
}
HEARING = (CaseState.ACCEPTED, CaseState.SUSPENDED)
# Recording steps that do not change the state, and when the case page offers them.
ON_CASE = {
    "send_copy": lambda c: c.state in HEARING and not c.copy_sent_on,
    "serve_copy": lambda c: c.is_open and c.copy_sent_on and not c.copy_served_on,
    "hearing": lambda c: c.state in HEARING,
    "justify": lambda c: c.state in (*HEARING, CaseState.APPROVAL),
    "opinion": lambda c: c.state in (*HEARING, CaseState.APPROVAL, CaseState.DECIDED, CaseState.MEDIATED),
    "publish": lambda c: c.state == CaseState.DECIDED and not c.published_on,
    "norm_review": lambda c: c.state in HEARING and c.law_year == 2023,
}


def _flash(request, exc: YifaError):
    messages.error(request, exc.message)


@staff_view
def board(request):
    today = timezone.localdate()
    rows = queries.board(request.user, today, only_red=request.GET.get("red") == "1")
    return render(request, "reconsideration/board.html", {"rows": rows, "today": today})


@staff_view
def cases(request):
    state = request.GET.get("state", "")
    page = page_of(
        queries.case_list(request.user, state=state, q=request.GET.get("q", "").strip()), request.GET.get("page")
    )
    return render(
        request,
        "reconsideration/cases.html",
        {"page": page, "states": CaseState.choices, "state": state, "q": request.GET.get("q", "")},
    )


@staff_view
def intake(request):
    if not handler(request.user, None):
        raise AccessDenied("只有复议工作人员可以登记复议申请")
    form = CounterForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_receive(
                by=request.user,
                channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"],
                **form.service_kwargs(),
            )
            messages.success(request, f"已登记{case.number}，查询码{case.lookup_code}")
            return redirect(case)
        except YifaError as exc:
            for field, message in getattr(exc, "errors", {exc.field: exc.message}).items():
                form.add_error(field if field in form.fields else None, message)
    return render(request, "reconsideration/intake.html", {"form": form})


@staff_view
def case_detail(request, pk: int):
    case = access_case(request.user, pk)
    today = timezone.localdate()
    names = [t.name for t in FLOW.available(request.user, case)]
    names += [n for n, offered in ON_CASE.items() if offered(case) and handler(request.user, case)]
    forms = [(n, LABELS.get(n) or FLOW.transition(n).label, action_form(n)) for n in names]
    for _, _, form in forms:
        form.initial["version"] = case.version
    return render(
        request,
        "reconsideration/case.html",
        {
            "case": case,
            "today": today,
            "forms": forms,
            "clocks": clocks.clocks_of(case, open_only=False).order_by("id"),
            "parties": case.parties.all(),
            "show_personal": can_see_personal_data(request.user),
            "findings": periods.application_problems(case) if case.state == CaseState.REVIEW else [],
            "application_due": periods.application_due(case),
            "hearings": case.hearings.all(),
            "opinions": case.committee_opinions.select_related("meeting"),
            "letters": case.opinion_letters.select_related("recipient"),
            "files": attachments_of(case),
            "events": timeline(case),
            "documents": documents.KINDS,
            "reply_lapsed": periods.reply_lapsed(case, today),
            "can_handle": handler(request.user, case),
            "norm_rows": reviews_with_steps(
                case.norm_reviews.select_related("drafter_unit", "forwarded_to_unit"), request.user
            ),
        },
    )


@staff_view
@require_POST
def act(request, pk: int, name: str):
    case = access_case(request.user, pk)
    if name not in ACTIONS:
        return redirect(case)
    form = action_form(name, request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(case)
    data = dict(form.cleaned_data)
    version = data.pop("version", None)
    if "expected_version" in inspect.signature(ACTIONS[name]).parameters:
        data["expected_version"] = version
    try:
        ACTIONS[name](case=case, by=request.user, **data)
        messages.success(request, f"已{LABELS.get(name) or FLOW.transition(name).label}")
    except GateBlocked as exc:
        messages.error(request, exc.message)
    except YifaError as exc:
        _flash(request, exc)
    return redirect(case)


@staff_view
def document(request, pk: int, kind: str):
    case = access_case(request.user, pk)
    if not handler(request.user, case):
        raise AccessDenied("只有复议工作人员可以生成文书")
    name, content = documents.generate(case, kind)
    return file_download(content, name)


@staff_view
def respondent_inbox(request):
    today = timezone.localdate()
    rows = list(queries.awaiting_reply(request.user))
    due = queries.clocks_by_case(rows, open_only=False)
    return render(
        request,
        "reconsideration/inbox.html",
        {
            "rows": [
                (c, next((d for d in due.get(c.pk, []) if d.rule_id == periods.reply_rule(c).id), None)) for c in rows
            ],
            "today": today,
        },
    )


@staff_view
def reply(request, pk: int):
    case = access_case(request.user, pk)
    form = ReplyForm(request.POST or None, request.FILES or None, initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_reply(
                case=case,
                by=request.user,
                text=form.cleaned_data["text"],
                files=[(f.name, f.read()) for f in form.cleaned_data["files"]],
                expected_version=form.cleaned_data["version"],
            )
            messages.success(request, "答复已提交")
            return redirect("reconsideration:inbox")
        except YifaError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return render(
        request,
        "reconsideration/reply.html",
        {
            "case": case,
            "form": form,
            "clock": periods.reply_clock(case),
            "today": timezone.localdate(),
            "files": attachments_of(case, "application"),
        },
    )


@staff_view
def committee_page(request):
    require_legal_office(request.user)
    form = MemberForm(request.POST or None if request.POST.get("form") == "member" else None)
    if request.method == "POST":
        try:
            if request.POST.get("form") == "member" and form.is_valid():
                committee.member_add(by=request.user, **form.cleaned_data)
                messages.success(request, "已聘任委员")
                return redirect("reconsideration:committee")
            if request.POST.get("form") == "meeting":
                members = CommitteeMember.objects.filter(pk__in=request.POST.getlist("members"))
                opinions_ = {int(k.split("_")[1]): v for k, v in request.POST.items() if k.startswith("opinion_")}
                committee.meeting_hold(
                    by=request.user,
                    held_on=_date(request.POST.get("held_on")),
                    title=request.POST.get("title", ""),
                    members=members,
                    opinions=opinions_,
                )
                messages.success(request, "已记录委员会会议和咨询意见")
                return redirect("reconsideration:committee")
        except YifaError as exc:
            _flash(request, exc)
    from .models import CommitteeMeeting

    return render(
        request,
        "reconsideration/committee.html",
        {
            "form": form,
            "members": CommitteeMember.objects.all(),
            "pending": committee.pending_referrals(),
            "meetings": CommitteeMeeting.objects.prefetch_related("members", "opinions__case")[:20],
            "today": timezone.localdate(),
        },
    )


def _date(text):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        raise YifaError("会议日期：须为日期（YYYY-MM-DD）", field="held_on") from None


@staff_view
def opinion_letters(request):
    today = timezone.localdate()
    from yifa.core.access import scope

    letters = scope(
        OpinionLetter.objects.select_related("case", "recipient"), request.user, "case__office", "recipient"
    )
    if request.method == "POST":
        letter = access_letter(request.user, request.POST.get("letter"))
        form = FeedbackForm(request.POST)
        try:
            if form.is_valid():
                opinions.opinion_feedback(
                    letter=letter, by=request.user, feedback=form.cleaned_data["feedback"], on=today
                )
                messages.success(request, "纠正情况已报送")
            else:
                messages.error(request, "纠正情况：须填写")
        except YifaError as exc:
            _flash(request, exc)
        return redirect("reconsideration:opinions")
    letters = list(letters)
    by_letter = clocks.clocks_by_subject(letters, open_only=False)
    rows = [(letter, next(iter(by_letter[letter.pk]), None)) for letter in letters]
    return render(request, "reconsideration/opinions.html", {"rows": rows, "today": today})


@staff_view
def stats(request):
    year = _year(request)
    data = queries.statistics(request.user, year)
    if request.GET.get("format") == "xlsx":
        rows = [
            ("收案", data["received"]),
            ("受理", data["accepted"]),
            ("不予受理", data["not_accepted"]),
            ("审结", data["closed"]),
            ("纠错", data["corrected"]),
            ("纠错率（%）", data["correction_rate"] if data["correction_rate"] is not None else "—"),
            ("平均办理天数", data["average_days"] if data["average_days"] is not None else "—"),
        ]
        rows += [(f"被申请人：{n}", f"审结{a}件，纠错{b}件") for n, a, b in data["by_unit"]]
        rows += [(f"行为类型：{n}", c) for n, c in data["by_act_type"]]
        rows += [(f"结果：{n}", c) for n, c in data["by_outcome"]]
        return file_download(xlsx_table(f"{year}年行政复议统计", ["项目", "数值"], rows), f"{year}年行政复议统计.xlsx")
    return render(request, "reconsideration/stats.html", {"s": data})


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year


@staff_view
def settings_page(request):
    require_legal_office(request.user)
    year = timezone.localdate().year
    numbering = NumberingForm(
        request.POST if request.POST.get("form") == "numbering" else None,
        initial={"year": year, "pattern": pattern_for(year)},
    )
    upload = TemplateForm(request.POST if request.POST.get("form") == "template" else None, request.FILES or None)
    if request.method == "POST":
        try:
            if request.POST.get("form") == "numbering" and numbering.is_valid():
                configuration.numbering_set(by=request.user, **numbering.cleaned_data)
                messages.success(request, "案号格式已保存")
                return redirect("reconsideration:settings")
            if request.POST.get("form") == "template" and upload.is_valid():
                unknown = configuration.template_set(
                    by=request.user, kind=request.POST.get("kind", ""), content=upload.cleaned_data["file"].read()
                )
                messages.success(
                    request, "模板已更新" + (f"（未知字段将留空：{'、'.join(sorted(unknown))}）" if unknown else "")
                )
                return redirect("reconsideration:settings")
        except YifaError as exc:
            _flash(request, exc)
    return render(
        request,
        "reconsideration/settings.html",
        {
            "numbering": numbering,
            "upload": upload,
            "kinds": documents.KINDS,
            "fields": documents.KNOWN_FIELDS,
            "years": Numbering.objects.order_by("-year"),
        },
    )


@staff_view
def template_download(request, kind: str):
    require_legal_office(request.user)
    return file_download(documents.template_for(kind), documents.KINDS[kind][0] + "模板.docx")
