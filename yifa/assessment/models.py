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
        indexes = [
            # the cockpit's five-year trends of a few indicators read it alone (SQLite prefers an index that
            # begins with the indicator when the query names several)
            models.Index(fields=["indicator", "year", "on", "unit", "good"], name="fact_trend_cover"),
            # covering the city-wide counts by indicator and unit, and the trends by day
            models.Index(fields=["year", "indicator", "on", "unit", "good"], name="fact_counts_cover"),
        ]

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


class IndicatorSetting(Versioned):
    """The legal office's setting of one indicator from a year on: its level, points and whether it counts.
    A declared indicator (computed from the modules) keeps its computation; a manual one (``manual``) is
    scored unit by unit with evidence. A year without a row of its own takes the latest earlier one."""

    year = models.PositiveIntegerField("起始年度")
    code = models.CharField("指标代码", max_length=40)
    name = models.CharField("指标名称", max_length=100)
    level = models.CharField("一级指标", max_length=40)
    points = models.DecimalField("分值", max_digits=5, decimal_places=1)
    enabled = models.BooleanField("计入考核", default=True)
    manual = models.BooleanField("人工评分", default=False)
    measure = models.CharField("评分标准", max_length=300, blank=True)
    basis = models.CharField("依据", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "考核指标设置"
        constraints = [models.UniqueConstraint(fields=["year", "code"], name="one_indicator_setting_per_year")]

    def __str__(self):
        return f"{self.year}年{self.name}（{self.points}分）"


class ObjectionState(models.TextChoices):
    FILED = "filed", "待答复"
    UPHELD = "upheld", "异议成立"
    DISMISSED = "dismissed", "异议不成立"


class Objection(Versioned):
    """异议: a unit objects to one indicator's provisional score with evidence; the legal office answers."""

    unit = models.ForeignKey("core.Unit", verbose_name="提出单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    code = models.CharField("指标代码", max_length=40)
    indicator_name = models.CharField("指标", max_length=100)
    points_then = models.DecimalField("提出时得分", max_digits=5, decimal_places=1)
    reason = models.TextField("异议理由和证据说明")
    state = models.CharField("状态", max_length=20, choices=ObjectionState.choices, default=ObjectionState.FILED)
    filed_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    filed_on = models.DateField("提出日", null=True, blank=True)
    answer = models.TextField("法制机构答复", blank=True)
    points = models.DecimalField("复核后得分", max_digits=5, decimal_places=1, null=True, blank=True)
    answered_on = models.DateField("答复日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "考核异议"
        ordering = ["-year", "state", "-id"]
        indexes = [models.Index(fields=["year", "state"])]

    def __str__(self):
        return f"{self.unit.name}对“{self.indicator_name}”的异议"

    def get_absolute_url(self):
        return reverse("assessment:objection", args=[self.pk])


class ManualScore(Versioned):
    """A unit's points on one indicator set by the legal office: a manual indicator's score with its
    evidence, or a computed one's score as corrected on an upheld objection (which it names)."""

    year = models.PositiveIntegerField("年度")
    code = models.CharField("指标代码", max_length=40)
    unit = models.ForeignKey("core.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField("得分", max_digits=5, decimal_places=1)
    evidence = models.TextField("评分依据")
    objection = models.ForeignKey(Objection, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "人工评分"
        constraints = [models.UniqueConstraint(fields=["year", "code", "unit"], name="one_manual_score")]
        indexes = [models.Index(fields=["year", "unit"])]


class RankingConfirmation(models.Model):
    """The legal office confirms a year's ranking once the year is over and every objection is answered;
    the ranking as confirmed is kept (unit, total, rank), later data no longer changes it."""

    year = models.PositiveIntegerField("年度", unique=True)
    confirmed_on = models.DateField("确认日")
    confirmed_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    ranking = models.JSONField("确认的排名")

    class Meta:
        verbose_name = verbose_name_plural = "考核排名确认"

    def __str__(self):
        return f"{self.year}年度考核排名（{self.confirmed_on:%Y-%m-%d}确认）"


class Duty(Versioned):
    """One duty of a unit's principal leader as first responsible person (第一责任人职责清单): the list is data,
    kept by the legal office from the province's own rules; a duty counts from ``from_year`` until retired."""

    title = models.CharField("职责", max_length=300)
    basis = models.CharField("依据", max_length=200)
    sort = models.PositiveSmallIntegerField("排序", default=0)
    from_year = models.PositiveIntegerField("起始年度")
    until_year = models.PositiveIntegerField("截止年度", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "第一责任人职责"
        ordering = ["sort", "id"]

    def __str__(self):
        return self.title


class DutyState(models.TextChoices):
    NOT_STARTED = "not_started", "未开展"
    IN_PROGRESS = "in_progress", "推进中"
    DONE = "done", "已履行"


class DutyRecord(Versioned):
    """A unit's year's state of one duty, with what was done (履职情况及证据)."""

    unit = models.ForeignKey("core.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    duty = models.ForeignKey(Duty, on_delete=models.PROTECT, related_name="records")
    state = models.CharField("履行情况", max_length=20, choices=DutyState.choices, default=DutyState.NOT_STARTED)
    note = models.TextField("履职情况及证据", blank=True)
    updated_on = models.DateField("更新日")

    class Meta:
        verbose_name = verbose_name_plural = "第一责任人职责履行情况"
        constraints = [models.UniqueConstraint(fields=["unit", "year", "duty"], name="one_duty_record_per_unit_year")]
