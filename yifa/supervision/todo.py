"""Supervision's part of "my to-do": the unit's major penalties to file, notices and complaints to answer; for
the legal office, filings awaiting review and disputes awaiting coordination."""

from __future__ import annotations

import datetime as dt

from yifa.core.access import is_legal_office
from yifa.core.models import Role

from .models import Complaint, ComplaintState, Dispute, DisputeState, Filing, FilingState, Notice, NoticeState

LIMIT = 50


def items_for(user, today: dt.date):
    if user.unit_id and user.has_role(Role.LIAISON, Role.HEAD, Role.ENFORCEMENT):
        for f in Filing.objects.filter(unit_id=user.unit_id, state=FilingState.AWAITING).order_by("decided_on")[:LIMIT]:
            yield {
                "title": f"{f.decision_number or f.case_number}：重大行政处罚决定待报送备案",
                "due": None,
                "link": f.get_absolute_url(),
                "rag": "amber",
                "source": "执法监督",
            }
        for n in Notice.objects.filter(unit_id=user.unit_id, state=NoticeState.ISSUED).order_by("issued_on")[:LIMIT]:
            yield {
                "title": f"{n.number}（{n.get_kind_display()}）：{n.subject}，待报告整改情况",
                "due": None,
                "link": n.get_absolute_url(),
                "rag": "amber",
                "source": "执法监督",
            }
        waiting = Complaint.objects.filter(unit_id=user.unit_id, state=ComplaintState.RECEIVED).order_by("received_on")
        for c in waiting[:LIMIT]:
            yield {
                "title": f"{c}（{c.get_channel_display()}）：待核查答复",
                "due": None,
                "link": c.get_absolute_url(),
                "rag": "amber",
                "source": "执法监督",
            }
    if is_legal_office(user):
        for d in Dispute.objects.filter(state=DisputeState.SUBMITTED).select_related("unit").order_by("id")[:LIMIT]:
            yield {
                "title": f"{d}（{d.unit.name}提请）：待协调",
                "due": None,
                "link": d.get_absolute_url(),
                "rag": "amber",
                "source": "执法监督",
            }
        for f in Filing.objects.filter(state=FilingState.FILED).select_related("unit").order_by("filed_on")[:LIMIT]:
            yield {
                "title": f"{f.unit.name}{f.decision_number or f.case_number}：已备案，待审查",
                "due": None,
                "link": f.get_absolute_url(),
                "rag": "green",
                "source": "执法监督",
            }
