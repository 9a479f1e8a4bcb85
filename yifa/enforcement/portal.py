"""What enforcement contributes to the public portal's home page and search."""

from django.urls import reverse

from . import queries


def _decisions(limit):
    for c in queries.public_decisions()[:limit]:
        yield {
            "title": f"{c.decision_number} {c.masked_party}（{c.get_heaviest_kind_display()}）",
            "url": reverse("portal_enforcement:decisions") + f"#case-{c.pk}",
            "date": c.published_on,
            "kind": "行政处罚决定",
        }


SECTIONS = [("行政处罚决定公开", _decisions)]
SERVICES = [
    ("行政处罚决定公开", "/enforcement/", "具有一定社会影响的行政处罚决定及撤回说明"),
    ("执法主体和相对集中行政处罚权", "/enforcement/bodies/", "执法主体、执法领域和依据，综合执法划转的处罚权"),
    ("行政执法事项清单", "/enforcement/powers/", "各执法主体的处罚、强制、检查事项，依据、裁量基准和责任岗位"),
    ("行政处罚裁量基准", "/enforcement/benchmarks/", "已公布的裁量基准"),
]


def search(q: str, limit: int = 50):
    for c in queries.public_decisions().filter(decision_number__icontains=q)[:limit]:
        yield {
            "title": f"{c.decision_number} {c.masked_party}",
            "url": reverse("portal_enforcement:decisions") + f"#case-{c.pk}",
            "date": c.published_on,
            "kind": "行政处罚决定",
        }
