"""What the assessment holds of its own: the facts other modules' acts leave behind (one row per record
and indicator, written by receivers.py), and the leaders' reports drafted from the data."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from yifa.core.models import Versioned


class Fact(models.Model):
    """One record behind an indicator: a document filed, a reconsideration decided … ``good`` is whether it
    counts for the unit (filed on time, upheld); ``link`` opens the record in its own module."""

    indicator = models.CharField("指标", max_length=40)
    unit = models.ForeignKey("core.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    source = models.CharField("来源记录", max_length=60)  # "<module>:<pk>": one fact per record and indicator
    label = models.CharField("事项", max_length=200)
    link = models.CharField("链接", max_length=300, blank=True)
    good = models.BooleanField("达标")
    on = models.DateField("日期")
    detail = models.CharField("说明", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "考核事实"
        constraints = [models.UniqueConstraint(fields=["indicator", "source"], name="one_fact_per_record")]
        indexes = [models.Index(fields=["indicator", "year", "unit"])]

    def __str__(self):
        return self.label


class ReportKind(models.TextChoices):
    SHUFA = "shufa", "主要负责人年度述法报告"
    RULE_OF_LAW = "rule_of_law", "法治政府建设年度报告（草稿）"


class ReportState(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    PUBLISHED = "published", "已公开"


class LeaderReport(Versioned):
    """A report yifa drafts from the unit's data; the leader edits and submits it."""

    unit = models.ForeignKey("core.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    kind = models.CharField("报告类型", max_length=20, choices=ReportKind.choices)
    state = models.CharField("状态", max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文")
    submitted_on = models.DateField("提交日", null=True, blank=True)
    submitted_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    published_on = models.DateField("公开日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "述法与法治政府建设报告"
        ordering = ["-year", "unit__path", "kind"]
        constraints = [models.UniqueConstraint(fields=["unit", "year", "kind"], name="one_leader_report_per_year")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assessment:report", args=[self.pk])
