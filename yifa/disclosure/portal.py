"""What the portal shows of disclosure: each organ's page and the two services."""

from django.urls import reverse, reverse_lazy

from .models import CatalogueItem, CatalogueState


def _items(qs):
    return [
        {
            "title": f"{i.title}（{i.unit.name}）",
            "url": reverse("portal_disclosure:unit", args=[i.unit_id]),
            "date": i.published_on,
            "kind": "主动公开",
        }
        for i in qs
    ]


def _published():
    return (
        CatalogueItem.objects.filter(state=CatalogueState.PUBLISHED)
        .select_related("unit")
        .order_by("-published_on", "-id")
    )


def latest(limit):
    return _items(_published()[:limit])


def search(q, limit):
    return _items(_published().filter(title__icontains=q)[:limit])


SECTIONS = [("政府信息主动公开", latest)]
SERVICES = [
    ("申请政府信息公开", reverse_lazy("portal_disclosure:apply"), "向本市行政机关申请获取政府信息"),
    ("查询信息公开申请", reverse_lazy("portal_disclosure:status"), "凭申请编号和查询码查询办理进度和答复"),
    ("政府信息公开", reverse_lazy("portal_disclosure:units"), "各行政机关的指南、目录、年度报告"),
]
