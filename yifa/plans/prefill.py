"""The first text of a new plan or report, drafted by other modules from their data (the assessment fills
the figures of the 法治政府建设年度报告's five parts). Each app's ``hooks.py`` may define
``annual_report_draft(unit=, year=, kind=)`` returning the text or None; ``kind`` is ``ReportKind``'s
value ("plan", "summary", "rule_of_law"). Used only when the unit leaves the body empty."""

from yifa.core.registry import contributions


def drafted_body(*, unit, year: int, kind: str) -> str:
    parts = []
    for _, hooks in contributions("hooks"):
        draft = getattr(hooks, "annual_report_draft", None)
        text = draft(unit=unit, year=year, kind=kind) if draft else None
        if text:
            parts.append(text)
    return "\n\n".join(parts)
