"""Table 二's counts of what other modules publish and decide, one row per record, kept from their events
(receivers.py) and written on their authority: their flows already checked who acted."""

from __future__ import annotations

import datetime as dt

from yifa.core.procedure import add, change

from .models import OtherAct


def act_record(
    *, by, kind: str, unit, source: str, label: str, link: str, made_on: dt.date, ended_on: dt.date | None = None
) -> OtherAct:
    """A document published or a decision made (``ended_on``: the day a document's term of validity has
    run out, when it has one); the same record again (an import repeated) replaces it."""
    values = {
        "unit": unit,
        "kind": kind,
        "label": label[:200],
        "link": link[:300],
        "made_on": made_on,
        "ended_on": ended_on,
    }
    current = OtherAct.objects.filter(source=source).first()
    if current is None:
        return add(
            OtherAct(source=source, **values),
            by=by,
            who=None,
            public=True,  # a portal or system act has no person; the sending flow allowed it
            action="disclosure.other_act",
            label="计入年度报告表二",
            unit=unit,
            data={"source": source, "kind": kind},
        )
    return change(current, by=by, who=None, action="disclosure.other_act", label="更新年度报告表二", apply=values)


def act_ended(*, by, source: str, ended_on: dt.date, repealed: bool) -> OtherAct | None:
    """A document no longer in force from ``ended_on``; ``repealed`` counts it among the year's 废止."""
    current = OtherAct.objects.filter(source=source).first()
    if current is None:
        return None
    return change(
        current,
        by=by,
        who=None,
        action="disclosure.other_act_ended",
        label="年度报告表二：文件不再有效",
        apply={"ended_on": ended_on, "repealed": repealed},
        unit=current.unit,
    )
