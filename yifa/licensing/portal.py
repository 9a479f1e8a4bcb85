"""The licensing part of the public portal: the published item list and the three services."""

from django.urls import reverse_lazy

from yifa.core.queries import page_of

from . import queries


def _items(rows):
    return [
        {"title": f"{i.name}（办事指南）", "url": i.get_public_url(), "date": i.published_on, "kind": "行政许可事项"}
        for i in rows
    ]


def latest(limit):
    return _items(page_of(queries.public_items().order_by("-published_on", "-id"), 1, limit)["rows"])


def search(q, limit):
    return _items(page_of(queries.public_items(q), 1, limit)["rows"])


SECTIONS = [("行政许可事项清单", latest)]
SERVICES = [
    (
        "行政许可事项清单与办事指南",
        reverse_lazy("portal_licensing:catalogue"),
        "查询许可事项的依据、条件、材料、收费和时限，网上申请",
    ),
    ("查询许可办理进度", reverse_lazy("portal_licensing:status"), "凭申请编号和查询码查询办理进度"),
    ("行政许可决定公开", reverse_lazy("portal_licensing:decisions"), "查阅准予行政许可的决定（许可法第四十条）"),
    ("查验许可证件", reverse_lazy("portal_licensing:certificate"), "凭证件编号查询许可证件的有效期和状态"),
]
