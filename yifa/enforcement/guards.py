"""The gates of the enforcement flows: each returns every unmet condition, citing its rule."""

from __future__ import annotations

import calendar as months
import datetime as dt

from yifa.core.calendar import current_calendar
from yifa.core.registry import refusals
from yifa.lib.deadlines import WORKDAYS, earliest_after_notice, zh_date

from . import rules
from .models import Annulment, PartyKind, PenaltyKind, RecordKind, Stage, heaviest

HEAVY_KINDS = (PenaltyKind.DOWNGRADE, PenaltyKind.LIMIT, PenaltyKind.REVOCATION, PenaltyKind.CLOSURE)
MONEY_KINDS = (PenaltyKind.FINE, PenaltyKind.CONFISCATION)


def add_years(day: dt.date, years: int) -> dt.date:
    """民法典第二百零二条: the corresponding day of the last year, or the month's last day if there is none."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, months.monthrange(year, day.month)[1]))


def limitation_ends(case) -> dt.date:
    years = rules.LIMITATION_YEARS_GRAVE if case.grave else rules.LIMITATION_YEARS
    return add_years(case.violation_on, years)


def within_limitation(case, **_):
    problems = []
    if case.discovered_on < case.violation_on:
        problems.append("发现日不能早于违法行为发生日")
    if case.filed_on < case.discovered_on:
        problems.append("立案日不能早于发现日")
    ends = limitation_ends(case)
    if case.discovered_on > ends:
        problems.append(
            f"违法行为发生于{zh_date(case.violation_on)}，至{zh_date(ends)}未被发现，不再给予行政处罚"
            f"（{rules.LIMITATION.citation}）"
        )
    return problems


def certified(case, certificates, on: dt.date, rule=rules.CERTIFIED_OFFICERS, *, assigning=False) -> list[str]:
    """The case's officers on ``on``: each with a usable certificate of the case's body, at least two people
    (``rule``: the article that asks for two, in the procedure at hand). ``assigning``: they are being put on
    the case now, so an overdue 年审 keeps them off where the city has chosen so (rules.CERTIFICATE_REVIEW)."""
    problems = []
    people = set()
    for cert in certificates:
        officer = cert.officer
        if officer.body_id != case.body_id:
            problems.append(f"{officer.name}（{cert}）不属于执法主体“{case.body}”，不能承办本案")
        elif not cert.usable_on(on):
            problems.append(
                f"{officer.name}的{cert}{cert.status_label_on(on)}（有效期至{zh_date(cert.valid_until)}），"
                f"不能承办案件（{rules.CERTIFICATE.citation}）"
            )
        elif assigning and rules.review_blocks() and cert.review_overdue_on(on):
            problems.append(
                f"{officer.name}的{cert}年审已于{zh_date(cert.review_due)}到期未审，不能承办新案件"
                f"（{rules.CERTIFICATE_REVIEW.citation}）"
            )
        else:
            people.add(officer.pk)
    if len(people) < 2:
        problems.append(f"承办执法人员须至少两名持有效执法证的人员（{rule.citation}）")
    return problems


def officers_under(rule):
    """The guard of an act that puts officers on a record (its ``certificates`` input), under ``rule``: the
    penalty case (处罚法第四十二条), a coercive measure (强制法第十八条) and an inspection share it."""

    def guard(record, *, certificates=None, on, **_):
        return certified(record, certificates or [], on, rule, assigning=True)

    return guard


officers_given = officers_under(rules.CERTIFIED_OFFICERS)


def officers_on_case(case, *, on, **_):
    return certified(case, [o.certificate for o in case.officers.select_related("certificate__officer")], on)


def uploaded(name: str, label: str, rule):
    """The guard of an act that must carry the file ``name`` (its form's upload field)."""

    def guard(record, **inputs):
        return None if inputs.get(name) else f"{label}：必须上传（{rule.citation}）"

    return guard


def hearing_right(case) -> bool:
    """第六十三条第一款: heavy kinds, or a fine or confiscation of a large amount."""
    kinds = set(case.penalty_kinds)
    if kinds.intersection(HEAVY_KINDS):
        return True
    return bool(kinds.intersection(MONEY_KINDS)) and (case.fine or 0) >= case.large_fine_threshold


def is_major(case) -> bool:
    """The city's major-decision catalogue (MAJOR_CATALOGUE): large fines, revocations, closures, after a
    hearing, or marked as of major public interest or complex."""
    kind = heaviest(case.penalty_kinds) if case.penalty_kinds else ""
    return (
        case.major_public_interest
        or bool(case.hearing_on)
        or kind in (PenaltyKind.REVOCATION, PenaltyKind.CLOSURE)
        or (case.fine or 0) >= rules.MAJOR_FINE[case.party_kind or PartyKind.PERSON]
    )


def hearing_request_due(case) -> dt.date | None:
    if not case.noticed_on or not hearing_right(case):
        return None
    return rules.HEARING_REQUEST.due(case.noticed_on, current_calendar()).due


def hearing_requested_in_time(case, *, on, **_):
    due = hearing_request_due(case)
    if due is None:
        return f"拟作出的处罚不属于应当告知听证权利的情形（{rules.HEARING_RIGHT.citation}）"
    if on > due:
        return f"申请听证的期限已于{zh_date(due)}届满（{rules.HEARING_REQUEST.citation}）"
    return None


def hearing_window_closed(case, *, on, **_):
    due = hearing_request_due(case)
    if due is not None and not case.hearing_requested_on and on <= due:
        return f"当事人申请听证的期限至{zh_date(due)}届满，届满前不能作出决定（{rules.HEARING_REQUEST.citation}）"
    return None


def hearing_notice_lead(case, *, hearing_on=None, on, **_):
    if hearing_on is None:
        return "听证日期：必须填写"
    earliest = earliest_after_notice(on, rules.HEARING_NOTICE.days, WORKDAYS, current_calendar())
    if hearing_on < earliest:
        return (
            f"听证日期：{zh_date(on)}通知的，听证最早于{zh_date(earliest)}举行"
            f"（举行听证的七日前通知，{rules.HEARING_NOTICE.citation}）"
        )
    return None


def hearing_day_reached(case, *, on, **_):
    if case.hearing_on and on < case.hearing_on:
        return f"听证定于{zh_date(case.hearing_on)}举行，尚未到期"
    return None


def penalty_proposed(case, *, penalty_kinds=(), fine=None, **_):
    problems = []
    if not penalty_kinds:
        problems.append(f"拟处罚种类：必须选择（{rules.NOTICE.citation}）")
    if set(penalty_kinds).intersection(MONEY_KINDS) and not fine:
        problems.append("罚没金额：罚款或没收的须填写金额")
    return problems


def within_benchmark(case, *, outside_reason="", **_):
    bench = case.benchmark
    if bench is None or case.fine is None or bench.contains(case.fine):
        return None
    if (outside_reason or case.outside_reason or "").strip():
        return None
    return (
        f"拟处罚款{case.fine}元超出裁量基准“{bench}”的幅度{bench.fine_min}至{bench.fine_max}元，"
        f"须书面说明理由（{rules.OUTSIDE_BENCHMARK.citation}）"
    )


def review_done(case, **_):
    if is_major(case) and not case.review_passed:
        return f"本案属重大执法决定，须经法制审核通过后方可决定（{rules.LEGAL_REVIEW.citation}）"
    return None


def reviewer_qualified(case, *, by, **_):
    from .queries import reviewer_record

    record = reviewer_record(by, case.unit)
    if record is None:
        return f"您不是本机关登记的法制审核人员（{rules.LEGAL_REVIEW.citation}）"
    if not record.qualification_number:
        return f"法制审核人员须登记法律职业资格（{rules.REVIEWER_QUALIFICATION.citation}）"
    return None


def decision_number_given(case, *, decision_number="", **_):
    return None if (decision_number or "").strip() else "决定书文号：必须填写"


def required_records(case) -> list[tuple[str, str]]:
    """(stage, kind) the file must hold before closing: one document per stage the case went through."""
    stages = [Stage.FILING, Stage.INVESTIGATION, Stage.NOTICE]
    if case.hearing_on:
        stages.append(Stage.HEARING)
    if case.reviewed_on:
        stages.append(Stage.REVIEW)
    stages += [Stage.DECISION, Stage.SERVICE]
    return [(stage, RecordKind.DOCUMENT) for stage in stages]


def records_complete(case, **_):
    held = set(case.records.values_list("stage", "kind"))
    return [
        f"缺少“{Stage(stage).label}”阶段的{RecordKind(kind).label}记录（{rules.FULL_RECORD.citation}）"
        for stage, kind in required_records(case)
        if (stage, kind) not in held
    ]


def record_content(case, *, kind="", upload=None, reference="", **_):
    if kind in (RecordKind.AUDIO, RecordKind.VIDEO):
        return None if (upload or (reference or "").strip()) else "音像记录：须上传文件或填写存储位置"
    return None if upload else "文件：必须上传"


def payment_due(case) -> dt.date | None:
    if not case.served_on or not case.fine:
        return None
    return rules.FINE_PAYMENT.due(case.served_on, current_calendar()).due


def payment_period_lapsed(case, *, on, **_):
    due = payment_due(case)
    if due is not None and on > due:
        return None
    return (
        f"罚款缴纳期限至{zh_date(due) if due else '送达后十五日'}届满，届满后仍未缴纳的方可加处罚款"
        f"（{rules.FINE_PAYMENT.citation}；{rules.LATE_FINE.citation}）"
    )


def late_fine_thirtieth_day(case) -> dt.date:
    """The thirtieth day of 加处罚款 (counted from the day after the payment period): a waiting period, so a
    rest day does not move it (行政强制法第四十六条“超过三十日”)."""
    rule = rules.LATE_FINE_ENFORCEMENT
    return earliest_after_notice(case.late_fine_from, rule.days, rule.unit, current_calendar())


def set_late_fine_from(case, **_):
    case.late_fine_from = payment_due(case)


def fine_settled(case, **_):
    """结案 after execution: the fine paid, or its enforced execution under way (处罚法第七十二条)."""
    if not case.owes_fine or case.coercions.filter(state__in=("executing", "applied", "closed")).exists():
        return None
    return (
        f"罚款尚未缴纳：登记缴纳，或经催告后强制执行、申请人民法院强制执行后方可结案"
        f"（{rules.FINE_PAYMENT.citation}；{rules.LATE_FINE.citation}）"
    )


def recipient_given(record, *, recipient="", **_):
    return None if (recipient or "").strip() else "接收机关：必须填写"


def renewable(cert, *, valid_until=None, on, **_):
    problems = []
    if valid_until is None or valid_until <= cert.valid_until:
        problems.append(f"新有效期须晚于现有效期{zh_date(cert.valid_until)}")
    problems += [f"{p}（{rules.RENEWAL.citation}）" for p in refusals("renewal_refusals", officer=cert.officer, on=on)]
    return problems


def review_opinion_given(cert, *, passed=False, opinion="", **_):
    if passed or (opinion or "").strip():
        return None
    return f"年审意见：年审不合格的须写明理由（{rules.CERTIFICATE_REVIEW.citation}）"


def dates_in_order(cert, **_):
    if cert.valid_until <= cert.valid_from:
        return "有效期至：须晚于有效期起"
    return None


def annulment_given(case, *, annulment="", **_):
    return None if annulment in Annulment.values else "变更撤销情形：须为" + "、".join(Annulment.labels) + "之一"
