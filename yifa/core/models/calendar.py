from django.db import models


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", "法定节假日"
    MAKEUP = "makeup", "调休上班日"


class CalendarDay(models.Model):
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=DayKind.choices)
    name = models.CharField("节日", max_length=40, blank=True)
    changed_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "工作日历"
        ordering = ["date"]

    def __str__(self):
        return f"{self.date} {self.get_kind_display()} {self.name}"


class CalendarYear(models.Model):
    """A year whose State Council schedule has been entered; other years count weekends only."""

    year = models.PositiveIntegerField("年度", unique=True)
    source = models.CharField("依据", max_length=200, blank=True)
    entered_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "已录入放假安排的年度"
        ordering = ["year"]

    def __str__(self):
        return str(self.year)


class RecomputeJob(models.Model):
    """A calendar edit's recomputation of the open clocks it can move, run by the task worker
    (``yifa db_worker``); the calendar page shows its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "重新计算中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    reason = models.CharField("原因", max_length=100)
    day = models.DateField("日期", null=True, blank=True)
    year = models.PositiveIntegerField("年度", null=True, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField("待算期限", default=0)
    done = models.PositiveIntegerField("已算", default=0)
    changed = models.PositiveIntegerField("届满日变动", default=0)
    requested_at = models.DateTimeField("提交时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "期限重算任务"
        ordering = ["-id"]

    def __str__(self):
        return f"{self.reason}（{self.get_status_display()}）"

    @property
    def percent(self) -> int:
        return 100 if self.status == self.Status.DONE else (self.done * 100 // self.total if self.total else 0)
