from django.contrib.contenttypes.models import ContentType
from django.db import models

from yifa.lib.deadlines import rag


class DeadlineStatus(models.TextChoices):
    RUNNING = "running", "计时中"
    PAUSED = "paused", "中止计时"
    MET = "met", "按期办结"
    LATE = "late", "逾期办结"
    CANCELLED = "cancelled", "已撤销"


OPEN_STATUSES = (DeadlineStatus.RUNNING, DeadlineStatus.PAUSED)


class Deadline(models.Model):
    """A statutory clock running on one record. ``due`` is derived by
    ``yifa.lib.deadlines`` from the fields above it and stored for querying."""

    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    subject_id = models.CharField(max_length=40)
    subject_label = models.CharField("事项", max_length=200)
    link = models.CharField("链接", max_length=300, blank=True)
    rule_id = models.CharField("规则", max_length=80, db_index=True)
    title = models.CharField("期限名称", max_length=120)
    unit = models.ForeignKey("core.Unit", verbose_name="责任单位", on_delete=models.PROTECT, related_name="deadlines")
    assignee = models.ForeignKey(
        "core.User", verbose_name="承办人", null=True, blank=True, on_delete=models.SET_NULL, related_name="deadlines"
    )
    start = models.DateField("起算日")
    restart = models.DateField("重新起算日", null=True, blank=True)
    pauses = models.JSONField("中止区间", default=list, blank=True)
    paused_since = models.DateField("中止开始日", null=True, blank=True)
    extension_days = models.PositiveIntegerField("延长天数", default=0)
    extensions_used = models.PositiveSmallIntegerField("延长次数", default=0)
    due = models.DateField("届满日", null=True, blank=True, db_index=True)
    explanation = models.TextField("计算说明", blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=DeadlineStatus.choices, default=DeadlineStatus.RUNNING, db_index=True
    )
    closed_on = models.DateField("办结日", null=True, blank=True)
    overdue_justification = models.TextField("超期理由", blank=True)
    overdue_marked = models.BooleanField("已标记逾期", default=False)
    # the daily reminders already sent (``yifa sweep``): for which due date, and the fewest working days left
    # at which one went; a moved due date no longer matches, so its reminders go again
    reminded_due = models.DateField("已提醒的届满日", null=True, blank=True)
    reminded_mark = models.PositiveSmallIntegerField("已提醒（剩余工作日）", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "法定期限"
        ordering = ["due", "id"]
        indexes = [
            # unit and rule too: the assessment's count of the clocks running past their due date by unit reads
            # this index alone (SQLite picks it over the unit-first one below)
            models.Index(fields=["status", "due", "unit", "rule_id"], name="deadline_status_due_cover"),
            # rule_id too, so the assessment's count of clocks running past their due date by unit and rule
            # reads the index alone
            models.Index(fields=["unit", "status", "due", "rule_id"], name="deadline_unit_status_due_rule"),
            models.Index(fields=["rule_id", "status", "due"]),
            # the sweep's clocks still to mark overdue: the ones marked on earlier days are not read again
            models.Index(fields=["status", "overdue_marked", "due"], name="deadline_to_mark_overdue"),
            models.Index(fields=["subject_type", "subject_id"]),
            # the assessment's city-wide count of the clocks closed in a year by unit, status and rule, and its
            # trends by day, read from this index alone
            models.Index(
                fields=["closed_on", "status", "rule_id", "unit"],
                name="deadline_closed_cover",
                condition=models.Q(closed_on__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.subject_label}：{self.title}（{self.due}）"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def rag(self, today) -> str:
        """red / amber / green for the boards; grey when the clock is stopped or closed."""
        if not self.is_open or self.due is None:
            return "grey"
        return rag(self.due, today)


class ClosedClocks(models.Model):
    """The clocks closed met or late, counted per unit, rule and month of closing (``yifa.core.closed_counts``
    keeps it in the transaction that closes or deletes a clock): the assessment's year and trend figures sum
    these rows, whose number is bounded by units × rules × months, not by the number of clocks."""

    unit = models.ForeignKey("core.Unit", verbose_name="责任单位", on_delete=models.CASCADE, related_name="+")
    rule_id = models.CharField("规则", max_length=80)  # "*": every rule of the unit that month
    month = models.DateField("办结月份")  # its first day
    met = models.IntegerField("按期办结", default=0)
    late = models.IntegerField("逾期办结", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "法定期限办结计数"
        constraints = [models.UniqueConstraint(fields=["rule_id", "month", "unit"], name="one_closed_count")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.rule_id}：按期{self.met}，逾期{self.late}"
