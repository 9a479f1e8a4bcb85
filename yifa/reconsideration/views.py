"""Staff pages of cases: validate, call one service or query, render. The acts on a case run through the
one generic action view (``actions.ACTIONS``); a page offers exactly what the flows allow its user."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.http import require_POST

from yifa.core.charts import bar_chart, line_chart, rate
from yifa.core.downloads import file_download
from yifa.core.errors import AccessDenied, NotFound, YifaError
from yifa.core.procedure import LEGAL_OFFICE, Who, show_service_errors
from yifa.core.procedure import reveal as reveal_field
from yifa.core.views import staff_view
from yifa.lib.office import xlsx_table

from . import actions, committee, configuration, documents, lists, queries, services
from . import rules as R
from .access import access_case, letters_for
from .flows import FLOW
from .forms import CounterForm, MemberForm, NumberingForm, ReplyForm, TemplateForm
from .models import CaseState, NumberKind
from .numbering import pattern_for
from .who import STAFF


def _require(who, user, what: str) -> None:
    if not who(user):
        raise AccessDenied(f"只有{who.label}可以{what}")


def _flash(request, exc: YifaError):
    messages.error(request, exc.message)


@staff_view
def board(request):
    today = timezone.localdate()
    red = request.GET.get("red") == "1"
    cases = queries.board_cases(request.user, today, only_red=red)
    if lists.BOARD.wants_export(request):
        return lists.BOARD.export(cases, request)
    page = queries.board(request.user, today, page=request.GET.get("page"), cases=lists.BOARD.ordered(cases, request))
    return render(
        request,
        "reconsideration/board.html",
        {"page": page, "red": red, "today": today, **lists.BOARD.around(request)},
    )


@staff_view
def cases(request):
    state = request.GET.get("state", "")
    qs = queries.case_list(request.user, state=state, q=request.GET.get("q", "").strip())
    if lists.CASES.wants_export(request):
        return lists.CASES.export(qs, request)
    return render(
        request,
        "reconsideration/cases.html",
        {**lists.CASES.page(request, qs), "states": CaseState.choices, "state": state, "q": request.GET.get("q", "")},
    )


@staff_view
def intake(request):
    _require(STAFF, request.user, "登记复议申请")
    form = CounterForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_receive(
                by=request.user,
                channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"],
                **form.service_kwargs(),
            )
            messages.success(
                request, f"已登记，收件编号{case.receipt_number}，查询码{case.lookup_code}（案号在受理时编号）"
            )
            return redirect(case)
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(request, "reconsideration/intake.html", {"form": form})


@staff_view
def case_page(request, pk: int, bound=None):
    case = access_case(request.user, pk)
    today = timezone.localdate()
    page = queries.case_page(case, today)
    return render(
        request,
        "reconsideration/case.html",
        {
            **page,
            "case": case,
            "today": today,
            "actions": actions.ACTIONS.offered(request.user, case, bound=bound),
            "norm_rows": actions.with_offered(actions.NORM_ACTIONS, page["norm_reviews"], request.user),
            "can_handle": STAFF(request.user, case),
            "documents": documents.offered(case),
        },
    )


PARTY_FIELDS = {"id_number": "身份证件号码", "phone": "电话", "address": "地址"}
REVEAL = Who(lambda user, party: STAFF(user, party.case), STAFF.label)


@staff_view
@require_POST
def reveal(request, pk: int, party: int, field: str):
    """One party's ID number, phone or address in clear, for the case's handlers; each look is audited."""
    case = access_case(request.user, pk)
    target = case.parties.filter(pk=party).first()
    if field not in PARTY_FIELDS or target is None:
        raise NotFound("没有这项个人信息")
    target.case = case
    return HttpResponse(escape(reveal_field(target, field, by=request.user, who=REVEAL)))


@staff_view
def document(request, pk: int, kind: str):
    case = access_case(request.user, pk)
    _require(STAFF, request.user, "生成文书")
    name, content = documents.generate(case, kind)
    return file_download(content, name)


@staff_view
def respondent_inbox(request):
    today = timezone.localdate()
    found = queries.respondent_cases(request.user)
    if lists.INBOX.wants_export(request):
        return lists.INBOX.export(found, request)
    return render(
        request,
        "reconsideration/inbox.html",
        {
            "rows": [
                (case, clock, FLOW.is_open(case, "reply") and FLOW.may(request.user, case, "reply"))
                for case, clock in queries.awaiting_reply(request.user, lists.INBOX.ordered(found, request))
            ],
            **lists.INBOX.around(request),
            "today": today,
            "rules": (R.REPLY_2023, R.REPLY_SIMPLE),
            "no_reply": R.NO_REPLY_2023,
        },
    )


@staff_view
def reply(request, pk: int):
    """The respondent's page for its written reply (第四十八条、第五十四条), opened from its inbox."""
    case = access_case(request.user, pk)
    form = ReplyForm(request.POST or None, request.FILES or None, initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_reply(
                case=case,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.service_kwargs(),
            )
            messages.success(request, "答复已提交")
            return redirect("reconsideration:inbox")
        except YifaError as exc:
            show_service_errors(form, exc)
    return render(
        request,
        "reconsideration/reply.html",
        {
            **queries.reply_page(case),
            "case": case,
            "form": form,
            "can_reply": FLOW.is_open(case, "reply") and FLOW.may(request.user, case, "reply"),
            "today": timezone.localdate(),
        },
    )


@staff_view
def committee_page(request):
    _require(LEGAL_OFFICE, request.user, "管理行政复议委员会")
    form = MemberForm(request.POST if request.POST.get("form") == "member" else None)
    if request.method == "POST":
        try:
            if request.POST.get("form") == "member" and form.is_valid():
                committee.member_add(by=request.user, **form.cleaned_data)
                messages.success(request, "已聘任委员")
                return redirect("reconsideration:committee")
            if request.POST.get("form") == "meeting":
                committee.meeting_hold(
                    by=request.user,
                    held_on=_date(request.POST.get("held_on")),
                    title=request.POST.get("title", ""),
                    members=queries.committee_members(request.POST.getlist("members")),
                    opinions={int(k.split("_")[1]): v for k, v in request.POST.items() if k.startswith("opinion_")},
                )
                messages.success(request, "已记录委员会会议和咨询意见")
                return redirect("reconsideration:committee")
        except YifaError as exc:
            _flash(request, exc)
    return render(
        request,
        "reconsideration/committee.html",
        {**queries.committee_page(), "form": form, "today": timezone.localdate(), "rule": R.COMMITTEE},
    )


def _date(text):
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        raise YifaError("会议日期：须为日期（YYYY-MM-DD）", field="held_on") from None


@staff_view
def opinion_letters(request):
    """行政复议意见书：收到的机关在此报送纠正情况（第七十六条）。"""
    letters = letters_for(request.user)
    if lists.LETTERS.wants_export(request):
        return lists.LETTERS.export(letters, request)
    rows = queries.letters_with_clocks(request.user, lists.LETTERS.ordered(letters, request))
    return render(
        request,
        "reconsideration/opinions.html",
        {
            "rows": actions.with_offered(actions.LETTER_ACTIONS, rows, request.user),
            "today": timezone.localdate(),
            "rule": R.OPINION_FEEDBACK,
            **lists.LETTERS.around(request),
        },
    )


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
    return render(request, "reconsideration/stats.html", {"s": data, **_stats_charts(data)})


CHART_UNITS = 15  # the respondents with most closed cases; the table beside lists every one


def _stats_charts(data) -> dict:
    months = [f"{m}月" for m, *_ in data["by_month"]]
    top = data["by_unit"][:CHART_UNITS]
    return {
        "by_unit": [(n, a, b, rate(b, a)) for n, a, b in data["by_unit"]],
        "trend": line_chart(
            f"{data['year']}年逐月收案、审结和纠错",
            months,
            {
                "收案": [r[1] for r in data["by_month"]],
                "审结": [r[2] for r in data["by_month"]],
                "纠错": [r[3] for r in data["by_month"]],
            },
            unit="件",
        ),
        "by_respondent": bar_chart(
            "各被申请人纠错率", [n for n, *_ in top], {"纠错率": [rate(b, a) for _, a, b in top]}, unit="%"
        )
        if top
        else None,
    }


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year


@staff_view
def settings_page(request):
    _require(LEGAL_OFFICE, request.user, "修改复议设置")
    year = timezone.localdate().year
    numbering = NumberingForm(
        request.POST if request.POST.get("form") == "numbering" else None,
        initial={"kind": NumberKind.CASE, "year": year, "pattern": pattern_for(year)},
    )
    upload = TemplateForm(request.POST if request.POST.get("form") == "template" else None, request.FILES or None)
    if request.method == "POST":
        try:
            if request.POST.get("form") == "numbering" and numbering.is_valid():
                configuration.numbering_set(by=request.user, **numbering.cleaned_data)
                messages.success(request, "编号格式已保存")
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
            "years": queries.numbering_years(),
        },
    )


@staff_view
def template_download(request, kind: str):
    _require(LEGAL_OFFICE, request.user, "下载文书模板")
    return file_download(documents.template_for(kind), documents.KINDS[kind][0] + "模板.docx")
