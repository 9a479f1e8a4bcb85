"""The demo city's reports: the civil affairs bureau's 述法 report drafted from its data, waiting for its
head to edit and submit; the scores come from what the other modules' demos did (their receivers ran)."""

from django.utils import timezone

from yifa.lib.law import get_rule

from . import duties, services
from .models import DutyState, ReportKind

# A starting checklist drawn from the city's arrangement (each duty is a rule already declared, with its
# citation); the legal office replaces it with the province's own list.
DEMO_DUTIES = (
    "assessment.first_responsible",
    "training.leadership_study",
    "training.pre_meeting_study",
    "plans.annual_plan",
    "plans.year_end_report",
)


def load(cast):
    year = timezone.localdate().year
    listed = [
        duties.duty_add(by=cast["legal_head"], title=rule.title, basis=rule.citation, from_year=year, sort=n)
        for n, rule in enumerate(map(get_rule, DEMO_DUTIES), start=1)
    ]
    duties.duty_record(
        by=cast["minzheng_head"],
        unit=cast["民政局"],
        year=year,
        duty=listed[1],
        state=DutyState.IN_PROGRESS,
        note="上半年领导班子集中学法一次",
    )
    services.report_draft(by=cast["minzheng_liaison"], unit=cast["民政局"], year=year, kind=ReportKind.SHUFA)
