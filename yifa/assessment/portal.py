"""What the public sees of this module: the 述法 reports the legal office published (nothing personal: a
report holding an ID or phone number cannot be published, flows._nothing_personal)."""

from django.db.models import Q
from django.urls import reverse

from .queries import published_shufa


def _item(report):
    return {
        "title": f"{report.unit.name}：{report.title}",
        "url": reverse("portal_assessment:shufa", args=[report.pk]),
        "date": report.published_on,
        "kind": report.get_kind_display(),
    }


def latest_shufa(limit):
    return [_item(r) for r in published_shufa()[:limit]]


SECTIONS = [("领导干部年度述法报告", latest_shufa)]


def search(q, limit):
    return [_item(r) for r in published_shufa().filter(Q(title__icontains=q) | Q(body__icontains=q))[:limit]]
