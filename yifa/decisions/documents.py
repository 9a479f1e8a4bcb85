"""The texts the decisions module writes into its records."""

from __future__ import annotations

from django.db.models import Count

from yifa.lib.deadlines import zh_date

from .models import Comment, CommentKind, Decision, Response


def comment_summary_text(decision: Decision) -> str:
    rows = dict(
        Comment.objects.filter(decision=decision, kind=CommentKind.DRAFT)
        .values_list("response")
        .annotate(n=Count("id"))
    )
    total = sum(rows.values())
    lines = [
        f"本决策草案于{zh_date(decision.comment_opens)}至{zh_date(decision.comment_closes)}"
        f"向社会公开征求意见，共收到意见{total}条。"
    ]
    if total:
        lines.append("其中" + "，".join(f"{label}{rows.get(value, 0)}条" for value, label in Response.choices) + "。")
    by_paragraph = Comment.objects.filter(decision=decision, kind=CommentKind.DRAFT).order_by("paragraph", "id")
    for comment in by_paragraph:
        where = f"第{comment.paragraph}段" if comment.paragraph else "总体"
        lines.append(f"{where}：{comment.body[:80]}——{comment.get_response_display()}。{comment.response_reason}")
    return "\n".join(lines)
