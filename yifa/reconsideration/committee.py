"""行政复议委员会（第五十二条）：委员及任期、会议、对案件的咨询意见（记在案件的办理记录上）。"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from yifa.core.procedure import LEGAL_OFFICE, Checks, add

from .models import Case, CommitteeMeeting, CommitteeMember, CommitteeOpinion, MemberKind
from .rules import COMMITTEE


def member_add(*, by, name: str, kind: str, affiliation: str, term_start: dt.date, term_end: dt.date):
    checks = Checks()
    if not name.strip():
        checks.fail("name", "姓名：须填写")
    if kind not in MemberKind.values:
        checks.fail("kind", "类别：须为政府部门、专家或学者（第五十二条第一款）")
    if term_start and term_end and term_end < term_start:
        checks.fail("term_end", "任期止：不能早于任期起")
    checks.done()
    member = CommitteeMember(
        name=name.strip(), kind=kind, affiliation=affiliation.strip(), term_start=term_start, term_end=term_end
    )
    return add(
        member,
        by=by,
        who=LEGAL_OFFICE,
        action="reconsideration.committee.member",
        label="聘任委员",
        data={"term": [term_start, term_end]},
    )


def meeting_hold(*, by, held_on: dt.date, title: str, members, opinions: dict[int, str]):
    """A meeting with the members present and its opinion on each referred case."""
    members = list(members)
    checks = Checks()
    if not members:
        checks.fail("members", "出席委员：至少一名")
    expired = [m.name for m in members if not m.serving_on(held_on)]
    if expired:
        checks.errors["members"] = "以下委员在会议日期不在任期内：" + "、".join(expired)
    given = {pk: text.strip() for pk, text in opinions.items() if (text or "").strip()}
    if not given:
        checks.fail("opinions", f"请至少对一件提请的案件记录咨询意见（{COMMITTEE.citation}）")
    cases = list(Case.objects.filter(pk__in=given))
    for case in cases:
        if not case.is_open:
            checks.fail("opinions", f"案件{case.number}已结案，不能再记录咨询意见")
    checks.done()
    with transaction.atomic():
        meeting = add(
            CommitteeMeeting(held_on=held_on, title=title.strip() or "行政复议委员会会议"),
            by=by,
            who=LEGAL_OFFICE,
            action="reconsideration.committee.meeting",
            label="召开行政复议委员会会议",
            data={"members": [m.pk for m in members], "cases": [c.pk for c in cases]},
            after=lambda meeting: meeting.members.set(members),
        )
        for case in cases:
            add(
                CommitteeOpinion(case=case, meeting=meeting, opinion=given[case.pk]),
                by=by,
                who=LEGAL_OFFICE,
                action="reconsideration.committee.opinion",
                label="记录委员会咨询意见",
                subject=case,
                data={"meeting": meeting.pk},
            )
    return meeting
