"""The demo city's reports: the civil affairs bureau's 述法 report drafted from its data, waiting for its
head to edit and submit; the scores come from what the other modules' demos did (their receivers ran)."""

from django.utils import timezone

from . import services
from .models import ReportKind


def load(cast):
    year = timezone.localdate().year
    services.report_draft(by=cast["minzheng_liaison"], unit=cast["民政局"], year=year, kind=ReportKind.SHUFA)
