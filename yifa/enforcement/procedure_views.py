"""Staff pages of the 行政强制 and 行政检查 cases and of the transfers of suspected crimes: lists in scope, a new
case, and each record's page (its facts, officers, clocks, the acts the flow offers, its timeline)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from yifa.core.access import scope
from yifa.core.audit import timeline
from yifa.core.clocks import clocks_of
from yifa.core.errors import YifaError
from yifa.core.procedure import create_page
from yifa.core.views import staff_view

from . import forms, lists, procedures, queries, rules
from .access import access_case, access_coercion, access_inspection, access_transfer
from .models import Body, CoercionState, InspectionState


def _list(request, *, listing, new_url, found, row, states, state, also=()):
    """One of the procedure lists: ``row`` makes a record's cells after the first (its number, linked)."""
    if listing.wants_export(request):
        return listing.export(found, request)
    listed = listing.page(request, found)
    rows = [row(r) for r in listed["page"]["rows"]]
    context = {"title": listing.title, "new_url": new_url, "rows": rows, "also": also, **listed}
    return render(request, "enforcement/procedure_list.html", {**context, "states": states, "state": state})


def _new(request, *, form, start, title, rule):
    return create_page(
        request,
        form,
        make=lambda **data: start(data),
        done=lambda record: f"已登记：{record}",
        template="enforcement/register_form.html",
        context={"title": title, "rule": rule, "may": True},
        refused_status=400,
    )


def _record_page(request, record, *, title, facts, actions, bound=None, officers=(), extra=None):
    today = timezone.localdate()
    context = {
        "title": title,
        "r": record,
        "facts": [(label, value) for label, value in facts if value not in (None, "")],
        "officers": [(c.officer.name, c, c.status_label_on(today)) for c in officers],
        "clocks": clocks_of(record, open_only=False).order_by("id"),
        "actions": actions.offered(request.user, record, bound=bound),
        "events": timeline(record).order_by("id"),
        "extra": extra,
    }
    return render(request, "enforcement/procedure_record.html", context)


def _bodies(user):
    return scope(Body.objects.select_related("unit"), user)


@staff_view
def coercion_list(request):
    state = request.GET.get("state", "")
    return _list(
        request,
        listing=lists.COERCION,
        new_url="enforcement:coercion_new",
        found=queries.coercion_for(request.user, state=state),
        row=lambda c: (c, [c.party_name, c.get_kind_display(), c.body.name, c.get_state_display(), c.started_on]),
        states=CoercionState.choices,
        state=state,
        also=[("enforcement:coercion_substitute_now", "立即代履行")],
    )


@staff_view
def coercion_new(request):
    """A measure or a 催告; ?case= makes it the execution of that penalty decision (its fine or its order)."""
    case_pk = request.GET.get("case")
    penalty_case = access_case(request.user, case_pk) if case_pk else None
    initial = {"party_kind": penalty_case.party_kind, "party_name": penalty_case.party_name} if penalty_case else None
    form = forms.CoercionForm(request.POST or None, bodies=_bodies(request.user), initial=initial)
    return _new(
        request,
        form=form,
        start=lambda d: procedures.coercion_start(by=request.user, penalty_case=penalty_case, **d),
        title=f"执行行政处罚决定：{penalty_case}" if penalty_case else "实施行政强制措施或催告",
        rule=rules.COERCION_OFFICERS,
    )


@staff_view
def substitute_now_new(request):
    """立即代履行 (行政强制法第五十二条): an obstruction cleared at once, recorded as done, with its signed record."""
    form = forms.SubstituteNowForm(request.POST or None, request.FILES or None, bodies=_bodies(request.user))

    def start(data):
        upload = data.pop("signed_record", None)
        signed = (upload.name, upload.read()) if upload else None
        return procedures.substitute_now(by=request.user, signed_record=signed, **data)

    return _new(request, form=form, start=start, title="立即实施代履行", rule=rules.IMMEDIATE_SUBSTITUTE)


@staff_view
def coercion(request, pk: int, bound=None):
    from .actions import COERCION_ACTIONS

    found = access_coercion(request.user, pk)
    facts = [
        ("类别", found.get_kind_display()),
        ("执法主体", found.body.name),
        ("当事人", f"{found.party_name}（{found.get_party_kind_display()}）"),
        ("对象", found.subject),
        ("法律依据", found.legal_basis),
        ("实施或催告日", found.started_on),
        ("催告书载明的履行期限", found.comply_by),
        ("催告书送达日", found.urge_served_on),
        ("行政决定送达日", found.decision_served_on),
        ("冻结决定书交付日", found.notice_delivered_on),
        ("处理决定", found.get_disposal_display() if found.disposal else ""),
        ("文号", found.decision_number),
        ("逾期申请人民法院强制执行的正当理由", found.late_reason),
        ("执行的行政处罚决定", found.penalty_case),
        ("立即强制执行或立即代履行的理由", found.immediate_reason),
        ("不履行的后果", found.danger),
        ("代履行人", found.performer),
        ("费用预算（元）", found.budget),
        ("代履行时间", found.substitute_on),
        ("代履行前催告日", found.substitute_urged_on),
        ("到场监督的工作人员", found.supervisor),
        ("代履行费用（元，由当事人承担）", found.cost),
        ("代履行完毕日", found.performed_on),
        ("签名的执行文书", "已上传" if found.signed_record_id else ""),
        ("当事人不在场，事后通知日", found.party_notified_on or ("待通知" if found.party_absent else "")),
        ("结案日", found.closed_on),
    ]
    return _record_page(
        request,
        found,
        title=found.number,
        facts=facts,
        actions=COERCION_ACTIONS,
        bound=bound,
        officers=found.certificates.select_related("officer"),
    )


@staff_view
def inspection_list(request):
    state = request.GET.get("state", "")
    return _list(
        request,
        listing=lists.INSPECTIONS,
        new_url="enforcement:inspection_new",
        found=queries.inspections_for(request.user, state=state),
        row=lambda c: (c, [c.party_name, c.scope_text, c.body.name, c.get_state_display(), c.inspected_on]),
        states=InspectionState.choices,
        state=state,
    )


@staff_view
def inspection_new(request):
    form = forms.InspectionForm(request.POST or None, bodies=_bodies(request.user))
    return _new(
        request,
        form=form,
        start=lambda d: procedures.inspection_start(by=request.user, **d),
        title="登记行政检查",
        rule=rules.INSPECTION_OFFICERS,
    )


@staff_view
def inspection(request, pk: int, bound=None):
    from .actions import INSPECTION_ACTIONS

    found = access_inspection(request.user, pk)
    facts = [
        ("执法主体", found.body.name),
        ("执法事项", str(found.power) if found.power else ""),
        ("检查对象", found.party_name),
        ("检查内容", found.scope_text),
        ("检查日", found.inspected_on),
        ("检查笔录", found.record_reference),
        ("检查情况", found.finding),
        ("处理", found.get_outcome_display() if found.outcome else ""),
    ]
    return _record_page(
        request,
        found,
        title=found.number,
        facts=facts,
        actions=INSPECTION_ACTIONS,
        bound=bound,
        officers=found.certificates.select_related("officer"),
        extra={"transfer": f"?inspection={found.pk}"},
    )


@staff_view
def transfer_list(request):
    return _list(
        request,
        listing=lists.TRANSFERS,
        new_url="",
        found=queries.transfers_for(request.user),
        row=lambda t: (t, [t.suspected_crime, t.recipient, t.get_state_display(), t.reported_on]),
        states=[],
        state="",
    )


@staff_view
def transfer_new(request):
    """The transfer of a penalty case or an inspection (?case= or ?inspection=), reported by its unit."""
    case_pk, inspection_pk = request.GET.get("case"), request.GET.get("inspection")
    source = {"case": access_case(request.user, case_pk)} if case_pk else {}
    if inspection_pk:
        source = {"inspection": access_inspection(request.user, inspection_pk)}
    if not source:
        raise YifaError("移送：须来自一件行政处罚案件或行政检查", field="case")
    form = forms.TransferForm(request.POST or None)
    return _new(
        request,
        form=form,
        start=lambda d: procedures.transfer_report(by=request.user, **source, **d),
        title=f"移送涉嫌犯罪案件：{next(iter(source.values()))}",
        rule=rules.TRANSFER_DUTY,
    )


@staff_view
def transfer(request, pk: int, bound=None):
    from .actions import TRANSFER_ACTIONS

    found = access_transfer(request.user, pk)
    source = found.case or found.inspection
    facts = [
        ("案件", source),
        ("涉嫌罪名", found.suspected_crime),
        ("书面报告", found.report),
        ("报告日", found.reported_on),
        ("审批日", found.decided_on),
        ("接收机关", found.recipient),
        ("移送日", found.sent_on),
        ("涉嫌犯罪案件移送书", found.letter.name if found.letter else ""),
        ("公安机关答复日", found.answered_on),
        ("移交涉案物品和材料日", found.handed_over_on),
    ]
    return _record_page(request, found, title=str(found), facts=facts, actions=TRANSFER_ACTIONS, bound=bound)
