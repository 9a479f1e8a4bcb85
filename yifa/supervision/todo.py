"""Supervision's part of "my to-do": the unit's major penalties to file, notices and complaints to answer; for
the legal office, filings awaiting review and disputes awaiting coordination."""

from __future__ import annotations

import datetime as dt

from yifa.core.access import is_legal_office
from yifa.core.models import Role

from .models import Complaint, ComplaintState, Dispute, DisputeState, Filing, FilingState, Notice, NoticeState

LIMIT = 50


def _item(title: str, link: str, rag: str = "amber") -> dict:
    return {"title": title, "due": None, "link": link, "rag": rag, "source": "执法监督"}


def items_for(user, today: dt.date):
    if user.unit_id and user.has_role(Role.LIAISON, Role.HEAD, Role.ENFORCEMENT):
        for f in Filing.objects.filter(unit_id=user.unit_id, state=FilingState.AWAITING).order_by("decided_on")[:LIMIT]:
            yield _item(
                f"{f.decision_number or f.case_number}：重大行政处罚决定待报送备案", f.get_absolute_url(), "amber"
            )
        for n in Notice.objects.filter(unit_id=user.unit_id, state=NoticeState.ISSUED).order_by("issued_on")[:LIMIT]:
            yield _item(
                f"{n.number}（{n.get_kind_display()}）：{n.subject}，待报告整改情况", n.get_absolute_url(), "amber"
            )
        waiting = Complaint.objects.filter(unit_id=user.unit_id, state=ComplaintState.RECEIVED).order_by("received_on")
        for c in waiting[:LIMIT]:
            yield _item(f"{c}（{c.get_channel_display()}）：待核查答复", c.get_absolute_url(), "amber")
    if is_legal_office(user):
        for d in Dispute.objects.filter(state=DisputeState.SUBMITTED).select_related("unit").order_by("id")[:LIMIT]:
            yield _item(f"{d}（{d.unit.name}提请）：待协调", d.get_absolute_url(), "amber")
        for f in Filing.objects.filter(state=FilingState.FILED).select_related("unit").order_by("filed_on")[:LIMIT]:
            yield _item(
                f"{f.unit.name}{f.decision_number or f.case_number}：已备案，待审查", f.get_absolute_url(), "green"
            )
