"""What disclosure keeps when other modules act (core/bus.py): the annual report's table 二 counts the
documents and decisions they publish (第五十条第一项), table 四 the reconsiderations of disclosure acts
(第五十条第三项). Each handler documents the attributes of the other module's record it reads."""

from __future__ import annotations

import datetime as dt

from .challenges import from_reconsideration, result_of_decision
from .models import ActKind, ChallengeResult
from .other_acts import act_ended, act_record


def normdoc_published(*, obj, by, on, **_):
    """``normdocs.publish`` and ``normdocs.import``. Reads ``pk``, ``unit``, ``published_on``,
    ``expires_on``, ``ended_on``, ``status``, ``get_absolute_url()`` and ``str()`` of the document; an
    imported draft (no 公布日期) is not counted."""
    if obj.published_on is None:
        return
    ended_on = obj.ended_on
    if ended_on is None and obj.status != "in_force":  # imported as no longer in force, day not recorded
        ended_on = on
    if ended_on is None and obj.expires_on:
        ended_on = obj.expires_on + dt.timedelta(days=1)  # 有效期届满的次日起失效
    source = f"normdocs:{obj.pk}"
    act_record(
        by=by,
        kind=ActKind.NORMDOC,
        unit=obj.unit,
        source=source,
        label=str(obj),
        link=obj.get_absolute_url(),
        made_on=obj.published_on,
        ended_on=ended_on,
    )
    if obj.ended_on and obj.status in REPEALED_STATUSES:
        act_ended(by=by, source=source, ended_on=obj.ended_on, repealed=True)


# 废止 in table 二: repealed, replaced, revoked on filing review or declared invalid; a document modified
# or expired is no longer in force but was not repealed.
REPEALED_STATUSES = ("repealed", "invalid")


def _normdoc_ended(repealed: bool):
    def handler(*, obj, by, on, **_):
        """Reads ``pk`` and ``ended_on`` of the document (the day the deciding act took effect)."""
        act_ended(by=by, source=f"normdocs:{obj.pk}", ended_on=obj.ended_on or on, repealed=repealed)

    return handler


def _decision(kind: str, module: str):
    def handler(*, obj, by, on, **_):
        """Reads ``pk``, ``unit``, ``number``, ``decision_number``, ``decided_on`` and
        ``get_absolute_url()`` of the application or case (never its party's name)."""
        act_record(
            by=by,
            kind=kind,
            unit=obj.unit,
            source=f"{module}:{obj.pk}",
            label=f"{obj.number or ''} {obj.decision_number}".strip() or f"{ActKind(kind).label}决定",
            link=obj.get_absolute_url(),
            made_on=obj.decided_on or on,
        )

    return handler


def coercion_decided(*, obj, by, on, **_):
    """``coercion_case.impose`` (查封、扣押、冻结决定) and ``coercion_case.execute`` (强制执行决定): one 行政强制
    处理决定 each (rules.PROACTIVE_COUNTS). Reads ``pk``, ``unit``, ``number``, ``decision_number``,
    ``started_on``, ``decided_on`` and ``get_absolute_url()`` of the case (never its party's name)."""
    act_record(
        by=by,
        kind=ActKind.COERCION,
        unit=obj.unit,
        source=f"coercion:{obj.pk}",
        label=(obj.decision_number or obj.number or "行政强制决定").strip(),
        link=obj.get_absolute_url(),
        made_on=obj.decided_on or obj.started_on or on,
    )


def reconsideration_accepted(*, obj, by, on, **_):
    """``reconsideration.accept`` / ``deemed_accept``. Reads ``pk``, ``number``, ``act_type``,
    ``respondent_unit(_id)``, ``accepted_on``, ``act_title``, ``requests``, ``closed_on`` and
    ``get_absolute_url()`` of the case; only cases on a disclosure act (``act_type`` “disclosure”)
    of one of the city's units count."""
    from_reconsideration(case=obj, by=by, on=on)


def reconsideration_decided(*, obj, by, on, **_):
    """``reconsideration.approve`` / ``approve_collective``: also reads ``decision_type``."""
    from_reconsideration(case=obj, by=by, on=on, result=result_of_decision(obj.decision_type))


def reconsideration_closed_otherwise(*, obj, by, on, **_):
    """``reconsideration.mediate`` / ``terminate``: 其他结果."""
    from_reconsideration(case=obj, by=by, on=on, result=ChallengeResult.OTHER)


RECEIVERS = {
    "normdocs.publish": normdoc_published,
    "normdocs.import": normdoc_published,
    "normdocs.repealed_by": _normdoc_ended(repealed=True),
    "normdocs.replaced_by": _normdoc_ended(repealed=True),
    "normdocs.modified_by": _normdoc_ended(repealed=False),
    "normdocs.cleanup_repeal": _normdoc_ended(repealed=True),
    "normdocs.cleanup_invalid": _normdoc_ended(repealed=True),
    "normdocs.cleanup_modify": _normdoc_ended(repealed=False),
    "normdocs.filing_revoke": _normdoc_ended(repealed=True),
    "licensing_application.grant": _decision(ActKind.LICENCE, "licensing"),
    "licensing_application.refuse": _decision(ActKind.LICENCE, "licensing"),
    "penalty_case.decide": _decision(ActKind.PENALTY, "enforcement"),
    "coercion_case.impose": coercion_decided,
    "coercion_case.execute": coercion_decided,
    "reconsideration.accept": reconsideration_accepted,
    "reconsideration.deemed_accept": reconsideration_accepted,
    "reconsideration.approve": reconsideration_decided,
    "reconsideration.approve_collective": reconsideration_decided,
    "reconsideration.mediate": reconsideration_closed_otherwise,
    "reconsideration.terminate": reconsideration_closed_otherwise,
}
