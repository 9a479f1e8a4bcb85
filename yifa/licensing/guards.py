"""The conditions of the item list and of each act on an application, each message citing its rule."""

from __future__ import annotations

import datetime as dt

from yifa.core import clocks
from yifa.core.calendar import current_calendar
from yifa.lib.deadlines import zh_date

from . import rules
from .models import Handling, HigherItem


def statutory_rule(handling: str):
    return rules.JOINT_DECISION if handling == Handling.JOINT else rules.DECISION


def fee_problem(fee_standard: str, fee_basis: str) -> str | None:
    if fee_standard.strip() and not fee_basis.strip():
        return f"收费“{fee_standard.strip()}”没有法律、行政法规依据，不得收费（{rules.NO_FEE_WITHOUT_BASIS.citation}）"
    return None


def time_problems(handling: str, statutory_days, promised_days) -> list[str]:
    rule = statutory_rule(handling)
    problems = []
    if statutory_days is None:
        problems.append(f"缺少法定办结时限（{rule.citation}：{rule.days}{rule.unit.label}）")
    elif statutory_days != rule.days:
        problems.append(
            f"法定办结时限{statutory_days}个工作日与{rule.citation}规定的{rule.days}个工作日不符"
            "（法律、法规另有规定的期限本平台尚不支持）"
        )
    if promised_days is None:
        problems.append(f"缺少承诺办结时限（{rules.PROMISE_WITHIN_STATUTE.citation}）")
    elif promised_days < 1 or (statutory_days and promised_days > statutory_days):
        problems.append(
            f"承诺办结时限{promised_days}个工作日超过法定时限{statutory_days}个工作日（{rules.PROMISE_WITHIN_STATUTE.citation}）"
        )
    return problems


def _inheritance() -> str:
    return rules.LIST_INHERITANCE.citation


def higher_problems(code: str, name: str, basis: str, higher: dict[str, HigherItem] | None = None) -> list[str]:
    """The item must be on the higher list, with the same name and legal basis."""
    if higher is None:
        higher = {h.code: h for h in HigherItem.objects.filter(code=code)}
    found = higher.get(code)
    if found is None:
        return [f"事项“{code} {name}”不在上级行政许可事项清单中，下级清单不得超出上级清单（{_inheritance()}）"]
    problems = []
    if found.name != name:
        problems.append(f"事项名称“{name}”与上级清单的“{found.name}”不一致（{rules.LIST_INHERITANCE.citation}）")
    if found.basis.strip() != basis.strip():
        problems.append(f"设定依据与上级清单不一致（{rules.LIST_INHERITANCE.citation}）")
    return problems


def item_publishable(item, **_) -> list[str]:
    return [
        *(p for p in [fee_problem(item.fee_standard, item.fee_basis)] if p),
        *(p for p in [promise_text_given(item, allowed=item.promise_allowed, text=item.promise_text)] if p),
        *time_problems(item.handling, item.statutory_days, item.promised_days),
        *higher_problems(item.code, item.name, item.basis),
    ]


def item_open(app, **_) -> str | None:
    from .models import ItemState

    if app.item.state != ItemState.PUBLISHED:
        return f"事项“{app.item.name}”未在清单中公布，不得受理申请（{rules.ITEM_LIST.citation}）"
    return None


def correction_due(app) -> dt.date:
    return rules.CORRECTION_NOTICE.due(app.received_on, current_calendar()).due


def correction_in_time(app, *, on, **_) -> str | None:
    due = correction_due(app)
    if on > due:
        return (
            f"补正告知期限已于{zh_date(due)}届满，逾期不告知的，自收到申请材料之日起即为受理，"
            f"不能再要求补正（{rules.DEEMED_ACCEPTED.citation}）"
        )
    return None


def correction_once(app, **_) -> str | None:
    if app.correction_notice_on:
        told = zh_date(app.correction_notice_on)
        return f"已于{told}告知补正，须一次告知全部内容，不能再次要求补正（{rules.CORRECTION_NOTICE.citation}）"
    return None


def correction_listed(app, *, items="", **_) -> str | None:
    if not (items or "").strip():
        return f"须列明需要补正的全部内容（{rules.CORRECTION_NOTICE.citation}）"
    return None


def preliminary_reported(app, **_) -> str | None:
    if app.item.handling == Handling.PRELIMINARY and not app.preliminary_reported_on:
        return (
            "该事项须先经下级行政机关审查：报送初步审查意见和全部申请材料后，上级行政机关才能作出决定"
            f"（{rules.PRELIMINARY_REVIEW.citation}）"
        )
    return None


def extension_approved_by(app, *, by=None, **_) -> str | None:
    """第四十二条第二款: a joint handling's period is extended with the approval of the head of the
    government at that level, not of one department."""
    from yifa.core.models import UnitKind

    if app.item.handling != Handling.JOINT or by is None:
        return None
    if by.unit is None or by.unit.kind != UnitKind.GOVERNMENT:
        return f"统一、联合或者集中办理的期限须经本级人民政府负责人批准延长（{rules.JOINT_DECISION.citation}）"
    return None


def not_paused(app, **_) -> str | None:
    if app.excluded_kind:
        return f"{app.get_excluded_kind_display()}尚未结束，结束后再作决定（{rules.EXCLUDED_TIME.citation}）"
    return None


def no_hearing_pending(app, **_) -> str | None:
    if app.hearing_requested_on and not app.hearing_held_on:
        return f"申请人或利害关系人已申请听证，须组织听证并根据听证笔录作出决定（{rules.HEARING_ORGANISE.citation}）"
    if app.hearing_rights_on and not app.hearing_requested_on:
        clock = clocks.open_clock(app, rules.HEARING_REQUEST)
        if clock is not None and clock.due and _today(_) <= clock.due:
            return f"申请听证的期限至{zh_date(clock.due)}届满，届满前不能作出决定（{rules.HEARING_REQUEST.citation}）"
    return None


def _today(context) -> dt.date:
    from django.utils import timezone

    return context.get("on") or timezone.localdate()


def hearing_request_in_time(app, *, on, **_) -> str | None:
    clock = clocks.open_clock(app, rules.HEARING_REQUEST)
    if clock is None:
        return f"尚未告知听证权利（{rules.HEARING_RIGHTS.citation}）"
    if clock.due and on > clock.due:
        return f"申请听证的期限已于{zh_date(clock.due)}届满（{rules.HEARING_REQUEST.citation}）"
    return None


def hearing_notice_in_time(app, *, notice_on=None, held_on=None, on, **_) -> list[str]:
    problems = []
    if notice_on is None or held_on is None:
        return [f"须填写听证通知日期和举行日期（{rules.HEARING_NOTICE.citation}）"]
    earliest = rules.earliest_hearing(notice_on, current_calendar())
    if held_on < earliest:
        problems.append(
            f"{zh_date(notice_on)}通知的听证最早于{zh_date(earliest)}举行，须于举行听证的七日前通知（{rules.HEARING_NOTICE.citation}）"
        )
    if held_on > on:
        problems.append("听证举行日期不能晚于今天")
    if notice_on < app.hearing_requested_on:
        problems.append("听证通知日期不能早于申请听证日期")
    return problems


def exclusion_noticed(app, *, notice="", kind="", **_) -> list[str]:
    from .models import ExclusionKind

    problems = []
    if kind not in ExclusionKind.values or kind == ExclusionKind.HEARING:
        labels = "、".join(label for value, label in ExclusionKind.choices if value != ExclusionKind.HEARING)
        problems.append(f"不计时事项须为{labels}之一；听证按听证程序登记（{rules.EXCLUDED_TIME.citation}）")
    if not (notice or "").strip():
        problems.append(f"须将所需时间书面告知申请人（{rules.EXCLUDED_TIME.citation}）")
    return problems


def valid_certificate_dates(app, *, number="", **_) -> str | None:
    if not (number or "").strip():
        return "须填写证件编号"
    return None


def promise_text_given(item, *, allowed=False, text="", **_) -> str | None:
    if allowed and not (text or "").strip():
        return f"实行告知承诺的事项须公布告知承诺书格式文本（{rules.PROMISE_TEXT.citation}）"
    return None


def promise_still_allowed(app, **_) -> str | None:
    if not app.item.promise_allowed:
        return f"事项“{app.item.name}”不实行告知承诺，须按一般程序受理、审查（{rules.PROMISE_ALLOWED.citation}）"
    return None


def findings_given(check, *, findings="", **_) -> str | None:
    if not (findings or "").strip():
        return f"须记录核查情况（{rules.PROMISE_CHECK.citation}）"
    return None


def renewal_deemed(cert, *, on, **_) -> list[str]:
    """Deemed renewal needs a renewal applied for in time (第五十条第一款), no decision by the expiry, and a
    term to renew for."""
    problems = []
    if cert.valid_until is None or on <= cert.valid_until:
        problems.append(f"有效期届满前仍可作出是否准予延续的决定（{rules.RENEWAL_DECISION.citation}）")
    elif cert.renewal_applied_on is None or cert.renewal_applied_on > rules.last_renewal_day(cert.valid_until):
        problems.append(
            f"延续申请未在有效期届满三十日前提出，不适用视为准予延续（{rules.RENEWAL_APPLICATION.citation}）"
        )
    if not cert.item.validity_years:
        problems.append("该事项证件长期有效，无需延续")
    return problems
