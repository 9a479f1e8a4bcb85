"""The supervision part of the public portal: review 通报, published 问责 outcomes, the complaint form."""

from django.urls import reverse, reverse_lazy

from . import queries


def _bulletins(limit):
    for c in queries.public_bulletins()[:limit]:
        yield {
            "title": f"{c.name}结果通报",
            "url": reverse("portal_supervision:bulletins") + f"#campaign-{c.pk}",
            "date": c.published_on,
            "kind": "执法监督通报",
        }


SECTIONS = [("执法监督通报", _bulletins)]
SERVICES = [
    ("投诉行政执法行为", reverse_lazy("portal_supervision:complain"), "认为行政执法行为违法或者不当的，网上投诉、举报"),
    ("执法监督通报", reverse_lazy("portal_supervision:bulletins"), "案卷评查结果通报和问责公开曝光"),
]
