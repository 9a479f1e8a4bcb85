"""执法监督与责任追究: case-file review (rubrics, campaigns, files scored item by item), rectification notices,
major-penalty filings, nightly warnings and 问责 cases. Other modules' records are referred to by id and a
copy of their number (read through their interface.py), never by a foreign key into their tables."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from yifa.core.crypto import EncryptedTextField
from yifa.core.models import Record, Versioned


class FileKind(models.TextChoices):
    PENALTY = "penalty", "行政处罚案卷"
    LICENSING = "licensing", "行政许可案卷"


class Section(models.TextChoices):
    VETO = "veto", "否决项"
    FORM = "form", "卷面"
    CONTENT = "content", "内容"


class Prefill(models.TextChoices):
    """What the case data can show for an item, for the reviewer to confirm."""

    NONE = "", "—"
    CERTIFICATE = "certificate", "执法人员无有效执法证"
    TWO_OFFICERS = "two_officers", "执法人员少于两人"
    LATE_CLOCK = "late_clock", "法定期限逾期办结"
    OUTSIDE_BENCHMARK = "outside_benchmark", "超出裁量基准未说明理由"


class Rubric(Versioned):
    """评查标准: veto items make a file 不合格; otherwise 卷面 and 内容 points are scored by deduction."""

    kind = models.CharField("案卷类别", max_length=10, choices=FileKind.choices, unique=True)
    name = models.CharField("名称", max_length=100)
    form_points = models.PositiveSmallIntegerField("卷面分", default=20)
    content_points = models.PositiveSmallIntegerField("内容分", default=80)
    pass_mark = models.PositiveSmallIntegerField("合格分", default=60)

    class Meta:
        verbose_name = verbose_name_plural = "评查标准"

    def __str__(self):
        return self.name


class RubricItem(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="items")
    section = models.CharField("类别", max_length=10, choices=Section.choices)
    code = models.CharField("编号", max_length=10)
    text = models.CharField("评查内容", max_length=300)
    points = models.PositiveSmallIntegerField("最多扣分", default=0)
    prefill = models.CharField("数据预填", max_length=20, choices=Prefill.choices, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "评查项目"
        ordering = ["rubric", "code"]
        constraints = [models.UniqueConstraint(fields=["rubric", "code"], name="rubric_item_code_once")]

    def __str__(self):
        return f"{self.code} {self.text}"


class CampaignState(models.TextChoices):
    DRAFT = "draft", "待抽取"
    SCORING = "scoring", "评查中"
    CONCLUDED = "concluded", "已完成"


class Campaign(Record):
    """案卷评查活动: the units and period reviewed; the sample drawn with a recorded seed."""

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("案卷类别", max_length=10, choices=FileKind.choices, default=FileKind.PENALTY)
    units = models.ManyToManyField("core.Unit", verbose_name="被评查单位", related_name="+")
    unit = models.ForeignKey("core.Unit", verbose_name="组织单位", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField("案卷决定日起")
    period_end = models.DateField("案卷决定日止")
    sample_size = models.PositiveIntegerField("每单位抽取件数")
    seed = models.BigIntegerField("随机种子", null=True, blank=True)
    population = models.PositiveIntegerField("可抽案卷数", default=0)
    state = models.CharField("状态", max_length=10, choices=CampaignState.choices, default=CampaignState.DRAFT)
    drawn_on = models.DateField("抽取日", null=True, blank=True)
    concluded_on = models.DateField("完成日", null=True, blank=True)
    bulletin = models.TextField("通报", blank=True)
    published_on = models.DateField("通报日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "案卷评查活动"
        ordering = ["-id"]

    def __str__(self):
        return self.name

    url_name = "campaign"


class FileState(models.TextChoices):
    PENDING = "pending", "待评查"
    SCORED = "scored", "已评分"


class ReviewFile(Record):
    """One sampled file: its scores item by item, its result."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="files")
    unit = models.ForeignKey("core.Unit", verbose_name="办案单位", on_delete=models.PROTECT, related_name="+")
    case_id = models.PositiveBigIntegerField("案件编号")
    case_number = models.CharField("案号", max_length=60)
    state = models.CharField("状态", max_length=10, choices=FileState.choices, default=FileState.PENDING)
    vetoed = models.BooleanField("触及否决项", default=False)
    form_score = models.DecimalField("卷面得分", max_digits=5, decimal_places=1, null=True, blank=True)
    content_score = models.DecimalField("内容得分", max_digits=5, decimal_places=1, null=True, blank=True)
    total = models.DecimalField("总分", max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField("合格", null=True, blank=True)
    scored_on = models.DateField("评分日", null=True, blank=True)
    scored_by = models.ForeignKey(
        "core.User", verbose_name="评查人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "评查案卷"
        ordering = ["unit_id", "case_id"]
        constraints = [models.UniqueConstraint(fields=["campaign", "case_id"], name="file_once_per_campaign")]

    def __str__(self):
        return f"案卷{self.case_number}"

    url_name = "file"

    def rubric_items(self):
        return RubricItem.objects.filter(rubric__kind=self.campaign.kind).order_by("code")

    @property
    def result_label(self) -> str:
        if self.passed is None:
            return "待评查"
        return "合格" if self.passed else "不合格"


class ItemScore(models.Model):
    file = models.ForeignKey(ReviewFile, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(RubricItem, on_delete=models.PROTECT, related_name="+")
    deducted = models.DecimalField("扣分", max_digits=5, decimal_places=1, default=0)
    vetoed = models.BooleanField("否决", default=False)
    note = models.CharField("说明", max_length=300, blank=True)
    from_data = models.BooleanField("据案件数据预填", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "逐项评分"
        ordering = ["item__code"]
        constraints = [models.UniqueConstraint(fields=["file", "item"], name="score_once_per_item")]


class NoticeKind(models.TextChoices):
    CORRECT = "correct", "纠错（行政执法监督意见书）"
    SUGGEST = "suggest", "建议"


class NoticeState(models.TextChoices):
    ISSUED = "issued", "已送达待整改"
    DONE = "done", "已整改（已回复）"


class NoticeSource(models.TextChoices):
    REVIEW = "review", "案卷评查"
    FILING = "filing", "重大行政处罚备案审查"
    WARNING = "warning", "执法预警"
    INSPECTION = "inspection", "专项检查"


class Notice(Record):
    """整改通知: a 纠错 notice (监督意见书, 30 days to correct, 山东条例第二十八条) or a 建议 to a unit."""

    unit = models.ForeignKey("core.Unit", verbose_name="被通知单位", on_delete=models.PROTECT, related_name="+")
    number = models.CharField("文号", max_length=60)
    kind = models.CharField("类别", max_length=10, choices=NoticeKind.choices, default=NoticeKind.CORRECT)
    source = models.CharField("来源", max_length=10, choices=NoticeSource.choices)
    subject = models.CharField("事项", max_length=200)
    link = models.CharField("来源链接", max_length=300, blank=True)
    text = models.TextField("意见")
    state = models.CharField("状态", max_length=10, choices=NoticeState.choices, default=NoticeState.ISSUED)
    issued_on = models.DateField("送达日")
    done_on = models.DateField("整改（回复）日", null=True, blank=True)
    report = models.TextField("整改情况", blank=True)
    on_time = models.BooleanField("按期整改", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "整改通知"
        ordering = ["-id"]

    def __str__(self):
        return f"{self.number}（{self.subject}）"

    url_name = "notice"


class FilingState(models.TextChoices):
    AWAITING = "awaiting", "待报送备案"
    FILED = "filed", "已备案待审查"
    REVIEWED = "reviewed", "已审查"


class FilingOutcome(models.TextChoices):
    AGREED = "agreed", "无异议"
    CORRECT = "correct", "发出纠错意见"
    SUGGEST = "suggest", "提出建议"


class Filing(Record):
    """重大行政处罚备案: opened when a department makes a major penalty decision; the department files it
    within the configured period; the legal office reviews it."""

    unit = models.ForeignKey("core.Unit", verbose_name="作出决定的单位", on_delete=models.PROTECT, related_name="+")
    case_id = models.PositiveBigIntegerField("案件编号", unique=True)
    case_number = models.CharField("案号", max_length=60)
    decision_number = models.CharField("决定书文号", max_length=60)
    party_name = models.CharField("当事人", max_length=100)
    penalty = models.CharField("处罚", max_length=60)
    fine = models.DecimalField("罚没金额（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    decided_on = models.DateField("决定日")
    state = models.CharField("状态", max_length=10, choices=FilingState.choices, default=FilingState.AWAITING)
    filed_on = models.DateField("备案日", null=True, blank=True)
    filing_note = models.TextField("备案说明", blank=True)
    outcome = models.CharField("审查结论", max_length=10, choices=FilingOutcome.choices, blank=True)
    opinion = models.TextField("审查意见", blank=True)
    reviewed_on = models.DateField("审查日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "重大行政处罚备案"
        ordering = ["-id"]

    def __str__(self):
        return f"{self.decision_number or self.case_number}备案"

    url_name = "filing"


class WarningKind(models.TextChoices):
    CERTIFICATE = "certificate", "执法证失效仍在办案"
    LIMIT_NEAR = "limit_near", "办案期限将届满"
    LIMIT_PAST = "limit_past", "办案期限已超过"
    OUTSIDE_BENCHMARK = "outside_benchmark", "超出裁量基准未说明理由"
    CORRECTION_RATE = "correction_rate", "行政复议纠错率偏高"
    DISCLOSURE_LATE = "disclosure_late", "政府信息公开逾期未答复"


class WarningState(models.TextChoices):
    OPEN = "open", "预警中"
    CLEARED = "cleared", "已消除"


class Alert(Versioned):
    """执法预警, found by the nightly sweep; cleared by the sweep once the data no longer shows it."""

    kind = models.CharField("类别", max_length=20, choices=WarningKind.choices)
    key = models.CharField("标识", max_length=120, unique=True)
    unit = models.ForeignKey("core.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("预警", max_length=200)
    detail = models.TextField("说明", blank=True)
    link = models.CharField("链接", max_length=300, blank=True)
    state = models.CharField("状态", max_length=10, choices=WarningState.choices, default=WarningState.OPEN)
    found_on = models.DateField("发现日")
    cleared_on = models.DateField("消除日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法预警"
        ordering = ["-found_on", "-id"]
        indexes = [models.Index(fields=["state", "kind"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("supervision:index") + f"#w{self.pk}"


class AccState(models.TextChoices):
    INVESTIGATING = "investigating", "调查中"
    DECIDED = "decided", "已作出处理决定"
    APPEALED = "appealed", "复核中"
    CLOSED = "closed", "已结案"


class AccSource(models.TextChoices):
    REVIEW = "review", "案卷评查"
    INSPECTION = "inspection", "专项检查"
    COMPLAINT = "complaint", "投诉举报"
    RECONSIDERATION = "reconsideration", "行政复议纠错"
    WARNING = "warning", "执法预警"
    OTHER = "other", "其他"


class SanctionLaw(models.TextChoices):
    GOVERNANCE = "governance", "公职人员政务处分法第七条（政务处分）"
    CIVIL_SERVANT = "civil_servant", "行政机关公务员处分条例第六条（处分）"
    ORGANISATIONAL = "organisational", "组织处理（诫勉、离岗培训、调离执法岗位等）"
    NONE = "none", "不予处分"


class Sanction(models.TextChoices):
    WARNING = "warning", "警告"
    DEMERIT = "demerit", "记过"
    MAJOR_DEMERIT = "major_demerit", "记大过"
    DEMOTION = "demotion", "降级"
    REMOVAL = "removal", "撤职"
    DISMISSAL = "dismissal", "开除"
    ORGANISATIONAL = "organisational", "组织处理"
    NONE = "none", "不予处分"


class Accountability(Record):
    """问责案件. Only the legal office and the named investigators see it (access.py)."""

    number = models.CharField("编号", max_length=60, unique=True)
    unit = models.ForeignKey("core.Unit", verbose_name="被问责人所在单位", on_delete=models.PROTECT, related_name="+")
    person_name = models.CharField("被问责人", max_length=50)
    person_post = models.CharField("职务（岗位）", max_length=100)
    source = models.CharField("线索来源", max_length=20, choices=AccSource.choices)
    source_link = models.CharField("来源记录", max_length=300, blank=True)
    allegation = models.TextField("问题线索")
    investigators = models.ManyToManyField("core.User", verbose_name="调查人员", related_name="+")
    state = models.CharField("状态", max_length=15, choices=AccState.choices, default=AccState.INVESTIGATING)
    opened_on = models.DateField("立案日")
    findings = models.TextField("调查认定的事实", blank=True)
    sanction_law = models.CharField("处理依据", max_length=15, choices=SanctionLaw.choices, blank=True)
    sanction = models.CharField("处理结果", max_length=15, choices=Sanction.choices, blank=True)
    decision_text = models.TextField("处理决定", blank=True)
    decided_on = models.DateField("决定日", null=True, blank=True)
    appeal_on = models.DateField("申请复核日", null=True, blank=True)
    appeal_result = models.TextField("复核结果", blank=True)
    published_on = models.DateField("公开曝光日", null=True, blank=True)
    publication = models.TextField("公开内容", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "问责案件"
        ordering = ["-id"]

    def __str__(self):  # the number only: clocks and audit events carry this label outside the circle
        return self.number

    url_name = "accountability"


class Channel(models.TextChoices):
    PORTAL = "portal", "门户网站"
    HOTLINE = "hotline", "12345热线转办"
    LETTER = "letter", "来信来访"


class ComplaintState(models.TextChoices):
    RECEIVED = "received", "待核查答复"
    REPLIED = "replied", "已答复"


class Complaint(Record):
    """执法投诉举报, from the portal or the 12345 hotline, against a unit; linked to the case and its
    officers once found. The complainant's name and phone are personal data: encrypted, masked on screen."""

    number = models.CharField("编号", max_length=40, unique=True)
    channel = models.CharField("来源", max_length=10, choices=Channel.choices)
    unit = models.ForeignKey("core.Unit", verbose_name="被投诉单位", on_delete=models.PROTECT, related_name="+")
    complainant_name = EncryptedTextField("投诉人")
    complainant_phone = EncryptedTextField("联系电话", blank=True)
    case_number = models.CharField("投诉人所述案号或事项", max_length=100, blank=True)
    officer_name = models.CharField("投诉人所述执法人员", max_length=100, blank=True)
    content = models.TextField("投诉内容")
    received_on = models.DateField("收到日")
    state = models.CharField("状态", max_length=10, choices=ComplaintState.choices, default=ComplaintState.RECEIVED)
    case_id = models.PositiveBigIntegerField("关联案件", null=True, blank=True)
    linked_case_number = models.CharField("关联案号", max_length=60, blank=True)
    linked_officers = models.CharField("承办执法人员", max_length=300, blank=True)
    reply = models.TextField("答复", blank=True)
    replied_on = models.DateField("答复日", null=True, blank=True)
    escalated_on = models.DateField("交办督办日", null=True, blank=True)
    escalation_due = models.DateField("督办时限", null=True, blank=True)
    escalation_note = models.TextField("督办要求", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法投诉举报"
        ordering = ["-id"]

    def __str__(self):
        return f"投诉{self.number}"

    url_name = "complaint"


class DisputeState(models.TextChoices):
    SUBMITTED = "submitted", "待协调"
    REFERRED = "referred", "已报请政府裁决"
    SETTLED = "settled", "已作出协调意见或裁决，待执行"
    CLOSED = "closed", "已执行"


class DecidingOrgan(models.TextChoices):
    LEGAL_OFFICE = "legal_office", "司法行政部门协调"
    GOVERNMENT = "government", "本级人民政府裁决"


class Dispute(Record):
    """执法争议: departments disagree over competence; the legal office coordinates, else the government rules."""

    number = models.CharField("编号", max_length=40, unique=True)
    unit = models.ForeignKey("core.Unit", verbose_name="提请单位", on_delete=models.PROTECT, related_name="+")
    other_units = models.ManyToManyField("core.Unit", verbose_name="争议相对单位", related_name="+")
    matter = models.TextField("争议事项")
    state = models.CharField("状态", max_length=10, choices=DisputeState.choices, default=DisputeState.SUBMITTED)
    submitted_on = models.DateField("提请日")
    deciding_organ = models.CharField("决定机关", max_length=15, choices=DecidingOrgan.choices, blank=True)
    decision = models.TextField("协调意见或裁决", blank=True)
    decided_on = models.DateField("决定日", null=True, blank=True)
    comply_by = models.DateField("执行期限", null=True, blank=True)
    complied_on = models.DateField("执行日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法争议"
        ordering = ["-id"]

    def __str__(self):
        return f"执法争议{self.number}"

    url_name = "dispute"


class InspectionScope(models.TextChoices):
    ENFORCEMENT = "enforcement", "行政执法"
    LICENSING = "licensing", "行政许可"
    BOTH = "both", "行政许可和行政执法"


class InspectionState(models.TextChoices):
    PLANNED = "planned", "已制定方案"
    UNDERWAY = "underway", "检查中"
    CONCLUDED = "concluded", "已结束"


class Inspection(Record):
    """专项检查（专项行政执法监督检查）: a plan naming the units, subject and period inspected; findings per
    unit; problems sent as rectification notices with their clocks; typical cases published."""

    number = models.CharField("编号", max_length=40, unique=True)
    name = models.CharField("名称", max_length=100)
    scope = models.CharField("检查范围", max_length=12, choices=InspectionScope.choices)
    subject = models.TextField("检查内容")
    units = models.ManyToManyField("core.Unit", verbose_name="被检查单位", related_name="+")
    unit = models.ForeignKey("core.Unit", verbose_name="组织单位", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField("检查事项期间起")
    period_end = models.DateField("检查事项期间止")
    due_on = models.DateField("检查完成期限")
    state = models.CharField("状态", max_length=10, choices=InspectionState.choices, default=InspectionState.PLANNED)
    started_on = models.DateField("开始日", null=True, blank=True)
    concluded_on = models.DateField("结束日", null=True, blank=True)
    summary = models.TextField("检查总结", blank=True)
    bulletin = models.TextField("典型案件通报", blank=True)
    published_on = models.DateField("通报日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "专项检查"
        ordering = ["-id"]

    def __str__(self):
        return f"{self.number} {self.name}"

    url_name = "inspection"


class Finding(models.Model):
    """One unit's finding in a special inspection; a problem found is sent as a rectification notice."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    unit = models.ForeignKey("core.Unit", verbose_name="被检查单位", on_delete=models.PROTECT, related_name="+")
    text = models.TextField("检查发现")
    problem = models.BooleanField("发现问题", default=False)
    typical = models.BooleanField("典型案件", default=False)
    notice = models.ForeignKey(
        Notice, verbose_name="整改通知", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    found_on = models.DateField("记录日")

    class Meta:
        verbose_name = verbose_name_plural = "专项检查发现"
        ordering = ["unit_id", "id"]


class CorrectionFact(models.Model):
    """A reconsideration decision on a unit's act (kept from the reconsideration module's event): whether it
    corrected the act (纠错). The nightly sweep reads these for the 纠错率 warning."""

    source = models.CharField("来源", max_length=60, unique=True)
    unit = models.ForeignKey("core.Unit", verbose_name="被申请人", on_delete=models.PROTECT, related_name="+")
    label = models.CharField("案件", max_length=200)
    link = models.CharField("链接", max_length=300, blank=True)
    corrected = models.BooleanField("纠错")
    decided_on = models.DateField("决定日", db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "复议决定结果"
