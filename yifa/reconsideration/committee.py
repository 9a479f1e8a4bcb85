"""行政复议委员会（第五十二条）：委员及任期、会议、对案件的咨询意见。"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from yifa.core.access import require_legal_office
from yifa.core.audit import record_event
from yifa.core.errors import InvalidInput, YifaError

from .models import Case, CommitteeMeeting, CommitteeMember, CommitteeOpinion, MemberKind
from .rules import COMMITTEE


def member_add(*, by, name: str, kind: str, affiliation: str, term_start: dt.date, term_end: dt.date):
    require_legal_office(by)
    errors = {}
    if not name.strip():
        errors["name"] = "姓名：须填写"
    if kind not in MemberKind.values:
        errors["kind"] = "类别：须为政府部门、专家或学者（第五十二条第一款）"
    if term_start and term_end and term_end < term_start:
        errors["term_end"] = "任期止：不能早于任期起"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        member = CommitteeMember.objects.create(
            name=name.strip(), kind=kind, affiliation=affiliation.strip(), term_start=term_start, term_end=term_end
        )
        record_event(
            actor=by,
            subject=member,
            action="reconsideration.committee.member",
            action_label="聘任委员",
            data={"term": [term_start, term_end]},
        )
    return member


def meeting_hold(*, by, held_on: dt.date, title: str, members, opinions: dict[int, str]):
    """A meeting with the members present and its opinion on each referred case."""
    require_legal_office(by)
    members = list(members)
    errors = {}
    if not members:
        errors["members"] = "出席委员：至少一名"
    expired = [m.name for m in members if not m.serving_on(held_on)]
    if expired:
        errors["members"] = "以下委员在会议日期不在任期内：" + "、".join(expired)
    if not any((text or "").strip() for text in opinions.values()):
        errors["opinions"] = f"请至少对一件提请的案件记录咨询意见（{COMMITTEE.citation}）"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        meeting = CommitteeMeeting.objects.create(held_on=held_on, title=title.strip() or "行政复议委员会会议")
        meeting.members.set(members)
        for case in Case.objects.filter(pk__in=[pk for pk, text in opinions.items() if (text or "").strip()]):
            if not case.is_open:
                raise YifaError(f"案件{case.number}已结案，不能再记录咨询意见", field="opinions")
            CommitteeOpinion.objects.create(case=case, meeting=meeting, opinion=opinions[case.pk].strip())
            record_event(
                actor=by,
                subject=case,
                action="reconsideration.committee.opinion",
                action_label="记录委员会咨询意见",
                from_state=case.state,
                to_state=case.state,
                data={"meeting": meeting.pk},
            )
    return meeting


def pending_referrals():
    """Open cases the law says must go to the committee and that have no opinion yet."""
    from django.db.models import Q

    from .models import OPEN_STATES

    return (
        Case.objects.filter(state__in=OPEN_STATES)
        .filter(Q(is_major=True) | Q(is_technical=True))
        .filter(committee_opinions__isnull=True)
        .exclude(state="review")
        .exclude(state="correction")
        .order_by("received_on")
    )
