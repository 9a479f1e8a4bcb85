"""What the portal shows of reconsideration: published decisions (第七十九条) and the two services."""

from django.urls import reverse, reverse_lazy

from .queries import published


def _items(cases):
    return [
        {
            "title": f"{c.number} 行政复议决定书（{c.respondent_name}）",
            "url": reverse("portal_reconsideration:decision", args=[c.pk]),
            "date": c.published_on,
            "kind": "行政复议决定",
        }
        for c in cases
    ]


def latest_decisions(limit):
    return _items(published(limit))


def search(q, limit):
    return _items(published(limit, q=q))


SECTIONS = [("行政复议决定公开", latest_decisions)]
SERVICES = [
    ("申请行政复议", reverse_lazy("portal_reconsideration:apply"), "网上提交行政复议申请书和证据材料"),
    ("查询复议进度", reverse_lazy("portal_reconsideration:status"), "凭案号和查询码查询办理进度"),
]
