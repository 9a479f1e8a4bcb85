"""Training courses with their attendance (hours per person per year), the year's hours requirements,
and the leading groups' law-study sessions."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from yifa.core.models import Versioned


class OfficerKind(models.TextChoices):
    GENERAL = "general", "机关工作人员"
    ENFORCEMENT = "enforcement", "行政执法人员"


class HoursRequirement(Versioned):
    """A year's required training hours for one kind of officer, with the document that sets it."""

    year = models.PositiveIntegerField("年度")
    kind = models.CharField("人员类别", max_length=20, choices=OfficerKind.choices)
    hours = models.DecimalField("年度学时要求", max_digits=5, decimal_places=1)
    basis = models.CharField("依据", max_length=200)

    class Meta:
        verbose_name = verbose_name_plural = "年度学时要求"
        constraints = [models.UniqueConstraint(fields=["year", "kind"], name="one_requirement_per_year_kind")]

    def __str__(self):
        return f"{self.year}年{OfficerKind(self.kind).label}{self.hours}学时"


class CourseKind(models.TextChoices):
    ORGANISED = "organised", "本单位组织培训"
    EXTERNAL = "external", "参加上级或外单位培训"
    ONLINE = "online", "网络培训"


class Course(Versioned):
    """培训：topic, teacher, materials, date and hours; the people who attended."""

    unit = models.ForeignKey("core.Unit", verbose_name="组织单位", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("培训方式", max_length=20, choices=CourseKind.choices, default=CourseKind.ORGANISED)
    topic = models.CharField("培训主题", max_length=200)
    teacher = models.CharField("授课人", max_length=100, blank=True)
    materials = models.TextField("培训材料", blank=True)
    held_on = models.DateField("培训日期", db_index=True)
    hours = models.DecimalField("学时", max_digits=4, decimal_places=1)
    exam = models.BooleanField("组织考试", default=False)
    recorded_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    # 扫码签到: the code in the QR, and the window in which a scan counts
    signin_code = models.CharField("签到码", max_length=32, unique=True, null=True, blank=True)
    signin_opens = models.DateTimeField("签到开始时间", null=True, blank=True)
    signin_closes = models.DateTimeField("签到截止时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "培训"
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.topic}"

    def get_absolute_url(self):
        return reverse("training:course", args=[self.pk])

    def signin_open_at(self, moment) -> bool:
        return bool(self.signin_code and self.signin_opens and self.signin_opens <= moment <= self.signin_closes)


class Attendance(models.Model):
    """One person's attendance of a course: the hours counted (the course's, unless he left early)."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey("core.User", verbose_name="参训人员", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度", db_index=True)  # the course's year, kept for the per-year sums
    hours = models.DecimalField("计入学时", max_digits=4, decimal_places=1)
    score = models.PositiveSmallIntegerField("考试成绩", null=True, blank=True)  # the course's Exam
    signed_in_at = models.DateTimeField("扫码签到时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "参训记录"
        constraints = [models.UniqueConstraint(fields=["course", "person"], name="attend_once_per_course")]
        # hours too: each person's hours of a year (the assessment's count of people who met the requirement,
        # one sum per person) are read from the index alone
        indexes = [models.Index(fields=["person", "year", "hours"], name="attendance_person_year_hours")]


class StudyKind(models.TextChoices):
    LEADING_GROUP = "leading_group", "领导班子学法"
    PRE_MEETING = "pre_meeting", "会前学法（常务会议、局务会议）"
    CENTRE_GROUP = "centre_group", "理论学习中心组学法"


class StudySession(Versioned):
    """领导干部学法：the date, the law studied, the speaker, who attended; a 会前学法 may name its meeting."""

    unit = models.ForeignKey("core.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("学法形式", max_length=20, choices=StudyKind.choices)
    held_on = models.DateField("学法日期", db_index=True)
    law_studied = models.CharField("学习的法律法规", max_length=200)
    speaker = models.CharField("主讲人", max_length=100)
    attendees = models.ManyToManyField("core.User", verbose_name="参加人员", related_name="+", blank=True)
    meeting = models.CharField("会议", max_length=200, blank=True)  # e.g. 第12次常务会议
    meeting_link = models.CharField("会议记录链接", max_length=300, blank=True)  # the decisions module's page
    meeting_record = models.ForeignKey(
        "MeetingRecord",
        verbose_name="所附会议",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="studies",
    )
    recorded_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "领导干部学法"
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {StudyKind(self.kind).label}：{self.law_studied}"

    def get_absolute_url(self):
        return reverse("training:study", args=[self.pk])


class OutlineState(models.TextChoices):
    DRAFT = "draft", "起草中"
    PUBLISHED = "published", "已发布"


class TrainingOutline(Versioned):
    """《年度政府法制培训要点》: the legal office's plan of the year's training; on publication each
    department and township owes its own training plan by ``plans_due``."""

    year = models.PositiveIntegerField("年度", unique=True)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("培训要点")
    plans_due = models.DateField("单位培训计划报送届满日")
    state = models.CharField("状态", max_length=20, choices=OutlineState.choices, default=OutlineState.DRAFT)
    published_on = models.DateField("发布日", null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "年度法制培训要点"
        ordering = ["-year"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:outline", args=[self.pk])


class PlanState(models.TextChoices):
    PENDING = "pending", "待报送"
    FILED = "filed", "已报送"


class UnitTrainingPlan(Versioned):
    """One department's or township's training plan under the year's outline (the arrangement, 六、第17项)."""

    outline = models.ForeignKey(TrainingOutline, on_delete=models.CASCADE, related_name="unit_plans")
    unit = models.ForeignKey("core.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    state = models.CharField("状态", max_length=20, choices=PlanState.choices, default=PlanState.PENDING)
    body = models.TextField("培训工作计划", blank=True)
    filed_on = models.DateField("报送日", null=True, blank=True)
    filed_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "单位年度培训计划"
        ordering = ["unit__path"]
        constraints = [models.UniqueConstraint(fields=["outline", "unit"], name="one_training_plan_per_unit")]

    def __str__(self):
        return f"{self.unit.name}{self.outline.year}年度培训工作计划"

    def get_absolute_url(self):
        return reverse("training:plan", args=[self.pk])


class Exam(Versioned):
    """A course's exam, where the unit holds one: the subject, date, full and pass marks; each attendee's
    score is on his attendance row (blank: absent)."""

    course = models.OneToOneField(Course, on_delete=models.CASCADE, related_name="exam_record")
    subject = models.CharField("考试科目", max_length=200)
    held_on = models.DateField("考试日期")
    full_mark = models.PositiveSmallIntegerField("满分", default=100)
    pass_mark = models.PositiveSmallIntegerField("合格分数")
    recorded_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "培训考试"

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.subject}考试"

    @property
    def unit(self):
        return self.course.unit

    def get_absolute_url(self):
        return self.course.get_absolute_url()


class MeetingRecord(models.Model):
    """A meeting another module recorded (the decisions module's collective discussion), as its event
    carried it: what a 会前学法 session may be attached to, without reading that module's tables."""

    source = models.CharField("来源记录", max_length=60, unique=True)  # "decisions:meeting:<pk>"
    unit = models.ForeignKey("core.Unit", verbose_name="会议机关", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("会议", max_length=50)
    held_on = models.DateField("会议日期", db_index=True)
    subject = models.CharField("议题", max_length=200)
    link = models.CharField("会议记录链接", max_length=300)

    class Meta:
        verbose_name = verbose_name_plural = "会议记录（其他模块）"
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.kind}（{self.subject}）"


class YearHours(models.Model):
    """A person's training hours in a year: the sum of his attendance, kept by ``year_hours`` whenever an
    attendance is written or deleted, so that counting who met the year's requirement reads one row per person
    instead of summing every attendance of the year."""

    person = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField("年度")
    hours = models.DecimalField("年度学时", max_digits=8, decimal_places=1)

    class Meta:
        verbose_name = verbose_name_plural = "年度学时合计"
        constraints = [models.UniqueConstraint(fields=["person", "year"], name="year_hours_once_per_person")]
