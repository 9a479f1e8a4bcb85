"""``yifa seed``: synthetic decisions and public comments for the benchmarks (bulk rows, no procedure)."""

from __future__ import annotations

import datetime as dt
import random

from yifa.core.bulk import insert_objects
from yifa.core.models import Unit, UnitKind

from .models import Comment, CommentKind, Decision, DecisionState, Response

BATCH = 2000
TOPICS = ["停车收费", "养老服务补贴", "公交线路调整", "老旧小区改造", "垃圾分类", "学区划分", "河道整治", "菜市场改造"]


def seed(*, scale: int, progress) -> dict:
    rng = random.Random(2026)
    today = dt.date.today()
    units = list(Unit.objects.filter(kind__in=(UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)).values_list("pk", flat=True))
    city = Unit.objects.filter(kind=UnitKind.GOVERNMENT, parent__isnull=True).values_list("pk", flat=True).first()
    if not units or city is None:
        return {"decisions": 0, "comments": 0}
    count = max(1, scale // 20)
    states = DecisionState.values
    rows = []
    for i in range(count):
        started = today - dt.timedelta(days=rng.randint(0, 700))
        opens = started + dt.timedelta(days=rng.randint(5, 30))
        rows.append(
            Decision(
                title=f"{rng.choice(TOPICS)}方案（样本{i + 1}）",
                decision_body_id=city,
                lead_unit_id=rng.choice(units),
                category="policy",
                state=rng.choice(states),
                started_on=started,
                public_interest=rng.random() < 0.6,
                ad_hoc_reason="基准测试样本",
                draft_text="第一条 样本。\n第二条 样本。\n第三条 样本。",
                comment_opens=opens,
                comment_closes=opens + dt.timedelta(days=30),
            )
        )
    insert_objects(rows)
    progress("重大行政决策", count, count)
    ids = list(Decision.objects.filter(ad_hoc_reason="基准测试样本").values_list("pk", "comment_opens"))
    comments = []
    for n in range(scale):
        pk, opens = rng.choice(ids)
        answered = rng.random() < 0.7
        comments.append(
            Comment(
                decision_id=pk,
                kind=CommentKind.DRAFT,
                paragraph=rng.randint(1, 3),
                body=f"样本意见{n}",
                anonymous=True,
                submitted_on=opens + dt.timedelta(days=rng.randint(0, 29)),
                response=rng.choice(Response.values) if answered else "",
                response_reason="样本答复" if answered else "",
            )
        )
        if len(comments) >= BATCH:
            insert_objects(comments)
            progress("公众意见", n + 1, scale)
            comments = []
    insert_objects(comments)
    progress("公众意见", scale, scale)
    return {"decisions": count, "comments": scale}
