"""What the decisions module contributes to the public portal's home page and search."""

from django.urls import reverse
from django.utils import timezone

from . import queries


def _drafts(limit):
    today = timezone.localdate()
    for d in queries.open_for_comment(today)[:limit]:
        yield {
            "title": f"{d.title}（征求意见，还剩{d.comment_days_left(today)}天）",
            "url": reverse("portal_decisions:decision", args=[d.pk]),
            "date": d.comment_opens,
            "kind": "决策草案",
        }


def _hearings(limit):
    for h in queries.upcoming_hearings(timezone.localdate())[:limit]:
        yield {
            "title": f"{h.decision.title}听证会（{h.hearing_on:%Y-%m-%d}）",
            "url": reverse("portal_decisions:hearing", args=[h.pk]),
            "date": h.notice_on,
            "kind": "听证公告",
        }


def _published(limit):
    for d in queries.published_decisions()[:limit]:
        yield {
            "title": d.title,
            "url": reverse("portal_decisions:decision", args=[d.pk]),
            "date": d.published_on,
            "kind": "重大行政决策",
        }


SECTIONS = [("决策草案征求意见", _drafts), ("决策听证公告", _hearings), ("重大行政决策公布", _published)]
SERVICES = [
    ("对决策草案提意见", "/decisions/", "正在公开征求意见的重大行政决策草案，可逐段提出意见"),
    ("决策事项目录", "/decisions/catalogues/", "各级政府年度重大行政决策事项目录"),
]


def search(q: str, limit: int = 50):
    today = timezone.localdate()
    for d in queries.public_search(q, today)[:limit]:
        yield {
            "title": d.title,
            "url": reverse("portal_decisions:decision", args=[d.pk]),
            "date": d.published_on or d.comment_opens,
            "kind": "重大行政决策",
        }
