"""What the public sees: accepted reports that their unit marked public."""

from django.db.models import Q
from django.urls import reverse

from .queries import published_reports


def _item(report):
    return {
        "title": f"{report.unit.name}：{report.title}",
        "url": reverse("portal_plans:report", args=[report.pk]),
        "date": report.published_on,
        "kind": report.get_kind_display(),
    }


def latest_reports(limit):
    return [_item(r) for r in published_reports(limit)]


SECTIONS = [("依法行政工作报告与法治政府建设年度报告", latest_reports)]


def search(q, limit):
    qs = published_reports().filter(Q(title__icontains=q) | Q(body__icontains=q))
    return [_item(r) for r in qs[:limit]]
