"""Annual plans and reports, imported work plans and their tasks, work information, institutions."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse

from yifa.core.models import Versioned
from yifa.lib.deadlines import last_day_before

from . import rules


class ReportKind(models.TextChoices):
    PLAN = "plan", "年度依法行政工作计划"
    SUMMARY = "summary", "年度依法行政工作报告"
    RULE_OF_LAW = "rule_of_law", "法治政府建设年度报告"

    @property
    def rule(self):
        return {
            ReportKind.PLAN: rules.ANNUAL_PLAN,
            ReportKind.SUMMARY: rules.YEAR_END_REPORT,
            ReportKind.RULE_OF_LAW: rules.RULE_OF_LAW_REPORT,
        }[self]

    def default_due(self, year: int) -> dt.date:
        """``year`` is the year the report covers; the 法治政府建设年度报告 on it is due the next spring."""
        if self is ReportKind.PLAN:
            return dt.date(year, *rules.ANNUAL_PLAN_DUE)
        if self is ReportKind.SUMMARY:
            return dt.date(year, *rules.YEAR_END_REPORT_DUE)
        return last_day_before(dt.date(year + 1, *rules.RULE_OF_LAW_REPORT_BEFORE))


def publication_due(year: int) -> dt.date:
    """法治政府建设年度报告 on ``year``: public before 1 April of the next year (督察工作规定第二十四条)."""
    return last_day_before(dt.date(year + 1, *rules.RULE_OF_LAW_PUBLICATION_BEFORE))


class ReportDue(models.Model):
    """A year's own due date for one kind of report, replacing the default."""

    year = models.PositiveIntegerField("年度")
    kind = models.CharField("报告类型", max_length=20, choices=ReportKind.choices)
    due = models.DateField("届满日")
    note = models.CharField("依据说明", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "年度报送时限"
        constraints = [models.UniqueConstraint(fields=["year", "kind"], name="one_due_per_year_kind")]


class ReportState(models.TextChoices):
    DRAFT = "draft", "起草中"
    APPROVED = "approved", "单位负责人已审核"
    SUBMITTED = "submitted", "已报送"
    RETURNED = "returned", "退回修改"
    ACCEPTED = "accepted", "已接收"


class AnnualReport(Versioned):
    unit = models.ForeignKey(
        "core.Unit", verbose_name="报送单位", on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveIntegerField("年度", db_index=True)
    kind = models.CharField("报告类型", max_length=20, choices=ReportKind.choices)
    state = models.CharField("状态", max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文", blank=True)
    is_public = models.BooleanField("接收后向社会公开", default=False)
    first_submitted_on = models.DateField("首次报送日", null=True, blank=True)
    accepted_on = models.DateField("接收日", null=True, blank=True)
    published_on = models.DateField("公开日", null=True, blank=True)
    return_comment = models.TextField("退回意见", blank=True)
    drafted_by = models.ForeignKey(
        "core.User", verbose_name="起草人", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "年度计划与报告"
        ordering = ["-year", "kind", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "year", "kind"], name="one_report_per_unit_year_kind")]

    def __str__(self):
        return f"{self.unit.name}{self.year}年{ReportKind(self.kind).label}"

    def get_absolute_url(self):
        return reverse("plans:report", args=[self.pk])

    @property
    def open_return_comment(self) -> str:
        """The legal office's comment while the report is back with the unit."""
        return self.return_comment if self.state == ReportState.RETURNED else ""


class PlanState(models.TextChoices):
    DRAFT = "draft", "待核对"
    CONFIRMED = "confirmed", "已确认分解"


class WorkPlan(Versioned):
    title = models.CharField("计划名称", max_length=200)
    year = models.PositiveIntegerField("年度")
    source_text = models.TextField("原文")
    preamble = models.TextField("前言", blank=True)
    state = models.CharField("状态", max_length=20, choices=PlanState.choices, default=PlanState.DRAFT)
    unit = models.ForeignKey("core.Unit", verbose_name="组织单位", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_on = models.DateField("确认日", null=True, blank=True)
    register = models.CharField("常设台账", max_length=40, blank=True, default="")

    class Meta:
        verbose_name = verbose_name_plural = "工作计划"
        ordering = ["-year", "-id"]
        constraints = [
            # one 执法投诉督办 register a year, even when two first escalations open it at once
            models.UniqueConstraint(
                fields=["register", "year"], condition=~models.Q(register=""), name="plan_register_once_a_year"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:plan", args=[self.pk])


class PlanSection(models.Model):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField("序号", max_length=10, blank=True)
    title = models.CharField("标题", max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return f"{self.number}、{self.title}" if self.number else self.title


class TaskState(models.TextChoices):
    DRAFT = "draft", "待确认"
    OPEN = "open", "推进中"
    CLOSED = "closed", "已办结"


class PlanTask(Versioned):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey(PlanSection, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveIntegerField(default=0)
    number = models.CharField("序号", max_length=10, blank=True)
    title = models.CharField("工作内容", max_length=300)
    text = models.TextField("原文")
    deadline_text = models.CharField("原文时限", max_length=60, blank=True)
    due = models.DateField("完成时限", null=True, blank=True, db_index=True)
    suggested_units = models.JSONField("原文所列单位", default=list, blank=True)
    state = models.CharField("状态", max_length=20, choices=TaskState.choices, default=TaskState.DRAFT, db_index=True)
    closed_on = models.DateField("办结日", null=True, blank=True)
    # A task another module handed over (an escalated complaint): its key there, and its page.
    source = models.CharField("来源", max_length=80, blank=True, db_index=True)
    source_link = models.CharField("来源链接", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "分解任务"
        ordering = ["plan", "order"]

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title

    def get_absolute_url(self):
        return reverse("plans:task", args=[self.pk])

    def overdue(self, today: dt.date) -> bool:
        return self.state == TaskState.OPEN and self.due is not None and today > self.due

    @property
    def label(self) -> str:
        return f"第{self.number}项" if self.number else "前言所列事项"


class AssignmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", "未开始"
    IN_PROGRESS = "in_progress", "推进中"
    DONE = "done", "已完成"


class Assignment(Versioned):
    """One responsible unit's share of a task."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "core.Unit", verbose_name="责任单位", on_delete=models.PROTECT, related_name="plan_assignments"
    )
    status = models.CharField(
        "进展", max_length=20, choices=AssignmentStatus.choices, default=AssignmentStatus.NOT_STARTED
    )
    percent = models.PositiveSmallIntegerField("完成比例", default=0)
    last_reported_on = models.DateField("最近报告日", null=True, blank=True)
    urge_count = models.PositiveSmallIntegerField("催办次数", default=0)
    last_urged_on = models.DateField("最近催办日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "任务责任单位"
        ordering = ["task__order", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="one_assignment_per_task_unit")]

    def __str__(self):
        return f"{self.task}（{self.unit.name}）"

    def get_absolute_url(self):
        return self.task.get_absolute_url()

    def overdue(self, today: dt.date) -> bool:
        return self.task.overdue(today) and self.status != AssignmentStatus.DONE


class ProgressReport(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    status = models.CharField("进展", max_length=20, choices=AssignmentStatus.choices)
    percent = models.PositiveSmallIntegerField("完成比例")
    narrative = models.TextField("进展情况")
    reported_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    reported_on = models.DateField("报告日")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "进展报告"
        ordering = ["-reported_on", "-id"]

    def __str__(self):
        return f"{self.assignment}：{self.percent}%"


class InfoState(models.TextChoices):
    SUBMITTED = "submitted", "已报送"
    ADOPTED = "adopted", "已采用"
    DECLINED = "declined", "未采用"


class InfoItem(models.Model):
    """工作信息报送: units send news of their law-based administration; the legal office adopts some."""

    unit = models.ForeignKey("core.Unit", verbose_name="报送单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    state = models.CharField("状态", max_length=20, choices=InfoState.choices, default=InfoState.SUBMITTED)
    submitted_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_on = models.DateField("报送日", db_index=True)
    decided_on = models.DateField("处理日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "工作信息"
        ordering = ["-submitted_on", "-id"]
        # the year's counts per unit and state (info_counts) read this index alone, not the rows
        indexes = [models.Index(fields=["submitted_on", "unit", "state"], name="plans_info_year_counts")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:info")


class InstitutionKind(models.TextChoices):
    """What an institution is about; other modules' acts tick the checklist by kind, never by name."""

    DECISION_RULES = "decision_rules", "重大事项决策规则"
    DECISION_FEEDBACK = "decision_feedback", "重大决策跟踪反馈和评估制度"
    DISCLOSURE = "disclosure", "政府信息公开工作制度"
    LAW_STUDY = "law_study", "领导干部学法制度"
    OTHER = "other", "其他制度"


class Institution(models.Model):
    """An institution the plan requires every unit to have (e.g. 重大事项决策规则 by 1 May)."""

    name = models.CharField("制度名称", max_length=200)
    kind = models.CharField("制度类别", max_length=30, choices=InstitutionKind.choices, default=InstitutionKind.OTHER)
    year = models.PositiveIntegerField("年度")
    due = models.DateField("建立时限", null=True, blank=True)
    basis = models.CharField("依据", max_length=300, blank=True)
    task = models.ForeignKey(PlanTask, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "应建制度"
        ordering = ["-year", "due", "id"]
        constraints = [models.UniqueConstraint(fields=["year", "name"], name="institution_once_per_year")]

    def __str__(self):
        return self.name


class InstitutionRecord(models.Model):
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="records")
    unit = models.ForeignKey("core.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    established_on = models.DateField("建立日期")
    document_title = models.CharField("制度文件", max_length=200)
    evidence = models.ForeignKey(
        "core.Attachment", verbose_name="佐证文件", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "制度建立情况"
        constraints = [models.UniqueConstraint(fields=["institution", "unit"], name="one_record_per_unit")]

    def __str__(self):
        return f"{self.unit.name}：{self.institution.name}"
