"""What this module does when other modules act (core/bus.py)."""

from . import services
from .flows import UNIT_MEMBER
from .models import InstitutionKind
from .queries import institutions_to_record
from .supervision import handed_task_file


def tick_decision_rules(*, obj, by, on=None, **_):
    """A unit recorded its 重大事项决策规则 (the arrangement, 一、1: in place by 1 May): the checklist's
    rules institutions due that year or later are established for that unit on the day they were adopted.

    ``obj`` is the decisions module's record; only ``unit``, ``adopted_on``, ``title`` and
    ``document_no`` are read. That module decided who may record a unit's rules; this one asks only that
    the actor belongs to the unit (or a unit above it)."""
    due = institutions_to_record(unit=obj.unit, kind=InstitutionKind.DECISION_RULES, since_year=obj.adopted_on.year)
    for institution in due:
        services.institution_record(
            by=by,
            institution=institution,
            unit=obj.unit,
            established_on=obj.adopted_on,
            document_title=" ".join(filter(None, [obj.title, obj.document_no])),
            who=UNIT_MEMBER,
        )


def file_escalated_complaint(*, by, on, unit, due, title, note, link, source, **_):
    """The legal office escalated a complaint to the complained-of unit (``enforcement_complaint.escalate``):
    the event's unit, due date, title, note and link become a task of that unit in the year's
    执法投诉督办 register; the complaint reads it back through ``plans.interface.escalated_task(source)``."""
    handed_task_file(by=by, unit=unit, due=due, title=title, note=note, link=link, source=source, on=on)


RECEIVERS = {
    "decision_rules.record": tick_decision_rules,
    "enforcement_complaint.escalate": file_escalated_complaint,
}
