"""The acts that create a 行政强制 case, a 行政检查 or a 移送: inputs checked (every bad field at once), then the
creating transition of the flow, which judges the officers and starts the clocks."""

from __future__ import annotations

from django.utils import timezone

from yifa.core.errors import YifaError
from yifa.core.procedure import Checks, create

from .coercion_flow import COERCION_FLOW
from .inspection_flow import INSPECTION_FLOW
from .models import MEASURES, CoercionCase, CoercionKind, InspectionCase, PartyKind, Transfer
from .transfer_flow import TRANSFER_FLOW


def _coercion_case(
    *, body, number, kind, party_kind, party_name, subject, legal_basis, penalty_case, on, decision_served_on=None
):
    """The new 行政强制 record, its inputs checked first (every bad field at once)."""
    checks = Checks()
    number = checks.text("number", "文书编号", number, limit=60)
    checks.choice("kind", "强制类别", kind, CoercionKind)
    checks.choice("party_kind", "当事人类型", party_kind, PartyKind)
    party_name = checks.text("party_name", "当事人", party_name, limit=100)
    subject = checks.text("subject", "对象", subject)
    legal_basis = checks.text("legal_basis", "法律依据", legal_basis, limit=300)
    if penalty_case is not None and penalty_case.body_id != body.pk:
        checks.fail("penalty_case", f"行政处罚决定：“{penalty_case}”不是执法主体“{body}”作出的")
    checks.done()
    fields = {"number": number, "kind": kind, "party_kind": party_kind, "party_name": party_name}
    fields |= {"subject": subject, "legal_basis": legal_basis, "penalty_case": penalty_case}
    fields["decision_served_on"] = decision_served_on or (penalty_case.served_on if penalty_case else None)
    return lambda: CoercionCase(body=body, unit=body.unit, started_on=on, **fields)


def coercion_start(
    *,
    by,
    body,
    number,
    kind,
    party_kind,
    party_name,
    subject,
    legal_basis,
    certificates=(),
    comply_by=None,
    penalty_case=None,
    decision_served_on=None,
    on=None,
) -> CoercionCase:
    """A measure is imposed (实施); an execution or a 代履行 starts with the written 催告. ``penalty_case``: the
    penalty decision executed (a fine's execution then waits for 加处罚款, 行政强制法第四十六条).
    ``decision_served_on``: the day the decision executed was served (by default the penalty decision's), from which
    an application to the court counts its period (行政强制法第五十三条)."""
    on = on or timezone.localdate()
    build = _coercion_case(
        body=body,
        number=number,
        kind=kind,
        party_kind=party_kind,
        party_name=party_name,
        subject=subject,
        legal_basis=legal_basis,
        penalty_case=penalty_case,
        decision_served_on=decision_served_on,
        on=on,
    )
    transition = "impose" if kind in MEASURES else "urge"
    return create(
        COERCION_FLOW, transition, build=build, by=by, on=on, certificates=list(certificates), comply_by=comply_by
    )


def substitute_now(
    *,
    by,
    body,
    immediate_reason,
    supervisor,
    cost,
    signed_record,
    party_absent=False,
    on=None,
    **record,
) -> CoercionCase:
    """立即代履行 (行政强制法第五十二条): an obstruction cleared at once; an absent party is told afterwards.
    ``record``: number, party_kind, party_name, subject, legal_basis, as for ``coercion_start``."""
    on = on or timezone.localdate()
    build = _coercion_case(body=body, kind=CoercionKind.SUBSTITUTE, penalty_case=None, on=on, **record)
    return create(
        COERCION_FLOW,
        "substitute_now",
        build=build,
        by=by,
        on=on,
        immediate_reason=immediate_reason,
        supervisor=supervisor,
        cost=cost,
        signed_record=signed_record,
        party_absent=bool(party_absent),
    )


def inspection_start(*, by, body, number, party_name, scope_text, certificates, power=None, on=None):
    checks = Checks()
    number = checks.text("number", "检查编号", number, limit=60)
    party_name = checks.text("party_name", "检查对象", party_name, limit=100)
    scope_text = checks.text("scope_text", "检查内容", scope_text, limit=300)
    if power is not None and power.body_id != body.pk:
        checks.fail("power", f"执法事项：“{power}”不属于执法主体“{body}”")
    checks.done()
    on = on or timezone.localdate()
    return create(
        INSPECTION_FLOW,
        "start",
        build=lambda: InspectionCase(
            body=body,
            unit=body.unit,
            power=power,
            number=number,
            party_name=party_name,
            scope_text=scope_text,
            inspected_on=on,
        ),
        by=by,
        on=on,
        certificates=list(certificates),
    )


def transfer_report(*, by, suspected_crime, report, case=None, inspection=None, on=None) -> Transfer:
    source = case or inspection
    if source is None:
        raise YifaError("移送：须来自一件行政处罚案件或行政检查", field="case")
    on = on or timezone.localdate()
    return create(
        TRANSFER_FLOW,
        "report",
        build=lambda: Transfer(
            case=case,
            inspection=inspection,
            unit=source.unit,
            suspected_crime=(suspected_crime or "").strip(),
            report=(report or "").strip(),
            reported_on=on,
        ),
        by=by,
        on=on,
    )
