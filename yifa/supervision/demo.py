"""The demo city's supervision, made through the services (dates relative to today): an open case on which
an officer's certificate has expired (the nightly warning finds it), a review campaign drawn with a recorded
seed with one file vetoed and its rectification notice, a 问责 case investigated by the office's reviewer,
and the warnings of tonight's sweep."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yifa.core.errors import GateBlocked
from yifa.core.procedure import fire

from . import services, tasks
from .flows import FILE_FLOW

DAY = dt.timedelta(days=1)


def _score_one_vetoed(campaign, legal, today):
    review_file = campaign.files.order_by("id").first()
    if review_file is None:
        return
    items = list(review_file.rubric_items())
    scores = {i.pk: (0, False, "") for i in items}
    veto = next(i for i in items if i.code == "F5")
    scores[veto.pk] = (0, True, "现场检查笔录未附照片，主要证据不足")
    review_file = fire(FILE_FLOW, review_file, "score", by=legal, scores=scores, on=today)
    services.notice_issue(
        by=legal,
        unit=review_file.unit,
        kind="correct",
        source="review",
        subject=f"{review_file}评查不合格",
        link=review_file.get_absolute_url(),
        text="主要证据不足，请补充调查或依法纠正，并于三十日内报告整改情况。",
        on=today,
    )


def load(cast):
    today = timezone.localdate()
    legal = cast["legal_head"]
    campaign = services.campaign_create(
        by=legal,
        name=f"{today.year}年度行政处罚案卷评查",
        units=[cast["市场监管局"]],
        period_start=today - 365 * DAY,
        period_end=today,
        sample_size=3,
        on=today - 2 * DAY,
    )
    try:
        campaign = services.campaign_draw(by=legal, campaign=campaign, seed=20261201, on=today - 2 * DAY)
    except GateBlocked:  # no decided cases in the demo city: the campaign stays to be drawn
        campaign = None
    if campaign is not None:
        _score_one_vetoed(campaign, legal, today - DAY)
    services.accountability_open(
        by=legal,
        unit=cast["市场监管局"],
        person_name="冯某",
        person_post="执法大队队员",
        source="warning",
        source_link="/staff/supervision/",
        allegation="执法证过期后仍作为承办人员参与办案（执法预警）",
        investigators=[cast["reviewer"]],
        on=today,
    )
    tasks.daily(today)
