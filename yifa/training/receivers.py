"""Meetings the decisions module records, kept so a 会前学法 session can be attached to its meeting
without reading that module's tables. Each handler documents what it reads of the event's record."""

from __future__ import annotations

from . import services

DECISION_MEETING = "decisions:meeting:{}"  # the source a meeting of the decisions module is kept under


def meeting_held(*, obj, by, on, meeting=None, **_):
    """A major decision was discussed at a meeting (``decision.decide`` / ``decision.return_to_drafting``).
    Reads the decision's ``decision_body`` (a ``core.Unit``), ``str()`` and ``get_absolute_url()``, and the
    ``meeting`` input's ``pk``, ``held_on`` and ``get_kind_display()``."""
    if meeting is None or getattr(meeting, "pk", None) is None:
        return
    services.meeting_known(
        by=by,
        source=DECISION_MEETING.format(meeting.pk),
        unit=obj.decision_body,
        kind=meeting.get_kind_display(),
        held_on=meeting.held_on,
        subject=str(obj),
        link=obj.get_absolute_url(),
    )


RECEIVERS = {"decision.decide": meeting_held, "decision.return_to_drafting": meeting_held}
