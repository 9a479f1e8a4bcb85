"""Who the work of a case goes to: its handler, or else the 复议机构's people (复议工作人员 in the office's
subtree); an approval to the heads of the 复议机关 (第六十一条第一款)."""

from __future__ import annotations

from django.urls import reverse

from yifa.core.models import Role, User
from yifa.core.procedure import Message

from .who import organ_of


def office_people(office):
    return User.objects.filter(
        is_active=True, unit__path__startswith=office.path, role_grants__role=Role.RECONSIDERATION
    ).distinct()


def handlers(case):
    """The case's handler; before one is named, everyone of the 复议机构 who handles cases."""
    if case.handler_id and case.handler.is_active:
        return [case.handler]
    return list(office_people(case.office))


def organ_heads(case):
    organ = organ_of(case.office)
    return User.objects.filter(is_active=True, unit=organ, role_grants__role__in=[Role.HEAD, Role.LEADER]).distinct()


def _link(case) -> str:
    return reverse("reconsideration:case", args=[case.pk])


def online_application(case, **_):
    if case.channel != "online":
        return []
    return [
        Message(
            users=handlers(case),
            key=f"fuyi-online:{case.pk}",
            title=f"收到网上行政复议申请{case.number}（{case.applicant_names}）",
            body=f"被申请人：{case.respondent_name}；{case.act_title}。请在受理审查期限内审查。",
            link=_link(case),
        )
    ]


def reply_received(case, **_):
    return [
        Message(
            users=handlers(case),
            key=f"fuyi-reply:{case.pk}",
            title=f"{case.respondent_name}已对{case.number}提出书面答复",
            body=case.act_title,
            link=_link(case),
        )
    ]


def approval_requested(case, **_):
    return [
        Message(
            users=organ_heads(case),
            key=f"fuyi-approval:{case.pk}",
            title=f"行政复议决定待审批：{case.number}",
            body=f"{case.get_decision_type_display()}；{case.act_title}。须复议机关负责人同意或者集体讨论通过。",
            link=_link(case),
        )
    ]
