"""行政执法: bodies (执法主体), officers and their certificates (执法人员、执法证), legal reviewers,
discretion benchmarks (裁量基准) and penalty cases with their officers and full-process records."""

from __future__ import annotations

import datetime as dt
import secrets

from django.db import models
from django.urls import reverse

from yifa.core.crypto import EncryptedTextField
from yifa.core.models import Record, Versioned
from yifa.lib.deadlines import add_months


class BodyKind(models.TextChoices):
    STATUTORY = "statutory", "法定行政机关"
    AUTHORIZED = "authorized", "法律法规授权组织"
    ENTRUSTED = "entrusted", "受委托组织"
    CONSOLIDATED = "consolidated", "综合行政执法机关（相对集中行政处罚权）"


class Body(Record):
    """执法主体: a unit that may enforce, in which fields, on which basis (山东省行政执法监督条例第九条)."""

    unit = models.ForeignKey("core.Unit", verbose_name="所属单位", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("主体名称", max_length=100, unique=True)
    kind = models.CharField("主体类型", max_length=15, choices=BodyKind.choices, default=BodyKind.STATUTORY)
    fields = models.CharField("执法领域", max_length=200)
    legal_basis = models.TextField("主体资格依据")
    transferred_from = models.CharField("行政处罚权划出部门", max_length=200, blank=True)
    transferred_powers = models.TextField("集中行使的处罚权", blank=True)
    transfer_act = models.CharField("决定文件", max_length=200, blank=True)
    market_regulation = models.BooleanField("市场监督管理部门", default=False)

    url_name = "body"

    class Meta:
        verbose_name = verbose_name_plural = "执法主体"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Officer(Record):
    """执法人员. ID number and phone are personal data: encrypted, never on the portal."""

    body = models.ForeignKey(Body, verbose_name="执法主体", on_delete=models.PROTECT, related_name="officers")
    user = models.ForeignKey(
        "core.User", verbose_name="平台账号", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField("姓名", max_length=50)
    id_number = EncryptedTextField("身份证号", blank=True)
    phone = EncryptedTextField("电话", blank=True)

    url_name = "officer"

    class Meta:
        verbose_name = verbose_name_plural = "执法人员"
        ordering = ["body__name", "name"]

    def __str__(self):
        return self.name

    @property
    def unit(self):
        return self.body.unit


class CertificateStatus(models.TextChoices):
    VALID = "valid", "有效"
    SUSPENDED = "suspended", "暂扣"
    REVOKED = "revoked", "吊销"
    EXPIRED = "expired", "已过期"  # never stored: a valid certificate past its end date


def public_code() -> str:
    return secrets.token_urlsafe(12)


class Certificate(Versioned):
    officer = models.ForeignKey(Officer, verbose_name="持证人", on_delete=models.PROTECT, related_name="certificates")
    number = models.CharField("证件编号", max_length=40, unique=True)
    field = models.CharField("执法领域", max_length=100)
    issuer = models.CharField("发证机关", max_length=100)
    valid_from = models.DateField("有效期起")
    valid_until = models.DateField("有效期至")
    state = models.CharField("状态", max_length=10, choices=CertificateStatus.choices, default=CertificateStatus.VALID)
    code = models.CharField("核验码", max_length=32, unique=True, default=public_code, editable=False)
    last_reviewed_on = models.DateField("上次年审合格日", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政执法证"
        ordering = ["number"]
        indexes = [models.Index(fields=["state", "valid_until"])]

    def __str__(self):
        return f"执法证{self.number}"

    def get_absolute_url(self):
        return reverse("enforcement:officer", args=[self.officer_id])

    @property
    def unit(self):
        return self.officer.body.unit

    def status_on(self, day: dt.date) -> str:
        if self.state == CertificateStatus.VALID and day > self.valid_until:
            return CertificateStatus.EXPIRED
        return self.state

    def status_label_on(self, day: dt.date) -> str:
        if self.state == CertificateStatus.VALID and day < self.valid_from:
            return "尚未生效"
        return CertificateStatus(self.status_on(day)).label

    def usable_on(self, day: dt.date) -> bool:
        return self.status_on(day) == CertificateStatus.VALID and day >= self.valid_from

    @property
    def review_due(self) -> dt.date:
        """年审到期日: the configured months after issue or the last passed review (rules.CERTIFICATE_REVIEW)."""
        from .rules import review_months

        return add_months(self.last_reviewed_on or self.valid_from, review_months())

    def review_overdue_on(self, day: dt.date) -> bool:
        return self.state == CertificateStatus.VALID and day > self.review_due


class CertificateReview(models.Model):
    """One 年审 of a certificate: the result and the reviewer's opinion; a pass moves the next due date."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField("年审日")
    passed = models.BooleanField("年审合格")
    opinion = models.TextField("年审意见", blank=True)
    reviewer = models.ForeignKey("core.User", verbose_name="年审人", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "执法证年审记录"
        ordering = ["-reviewed_on", "-id"]


class AppraisalGrade(models.TextChoices):
    EXCELLENT = "excellent", "优秀"
    COMPETENT = "competent", "称职"
    BASIC = "basic", "基本称职"
    INCOMPETENT = "incompetent", "不称职"


class Appraisal(Versioned):
    """评议考核 of one officer for one year (处罚法第七十五条; the province's 评议考核 article)."""

    officer = models.ForeignKey(Officer, verbose_name="执法人员", on_delete=models.PROTECT, related_name="appraisals")
    year = models.PositiveIntegerField("考核年度")
    grade = models.CharField("评议考核结果", max_length=12, choices=AppraisalGrade.choices)
    remark = models.TextField("评议意见", blank=True)
    appraised_on = models.DateField("评议考核日")

    class Meta:
        verbose_name = verbose_name_plural = "执法人员评议考核"
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["officer", "year"], name="appraisal_once_a_year")]

    def __str__(self):
        return f"{self.officer}{self.year}年度评议考核：{self.get_grade_display()}"

    @property
    def unit(self):
        return self.officer.body.unit

    def get_absolute_url(self):
        return reverse("enforcement:officer", args=[self.officer_id])


class LegalReviewer(Versioned):
    """从事法制审核的人员 of a unit, with the 法律职业资格 (处罚法第五十八条第二款)."""

    unit = models.ForeignKey("core.Unit", verbose_name="所在单位", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey("core.User", verbose_name="审核人员", on_delete=models.PROTECT, related_name="+")
    qualification_number = models.CharField("法律职业资格证书编号", max_length=40, blank=True)
    since = models.DateField("从事法制审核起始日")

    class Meta:
        verbose_name = verbose_name_plural = "法制审核人员"
        constraints = [models.UniqueConstraint(fields=["unit", "user"], name="reviewer_once_per_unit")]

    def __str__(self):
        return f"{self.user}（{self.unit}）"


class BenchmarkState(models.TextChoices):
    DRAFT = "draft", "待审核"
    PUBLISHED = "published", "已公布"


class Degree(models.TextChoices):
    MINOR = "minor", "轻微"
    GENERAL = "general", "一般"
    SERIOUS = "serious", "较重"
    GRAVE = "grave", "严重"


class Benchmark(Versioned):
    """One row of a 裁量基准 (处罚法第三十四条): a violation, its circumstances and degree, the fine range."""

    unit = models.ForeignKey("core.Unit", verbose_name="制定单位", on_delete=models.PROTECT, related_name="+")
    code = models.CharField("基准编码", max_length=40)
    edition = models.PositiveIntegerField("版本", default=1)
    violation = models.CharField("违法行为", max_length=200)
    circumstance = models.CharField("违法情节", max_length=300)
    degree = models.CharField("裁量阶次", max_length=10, choices=Degree.choices)
    fine_min = models.DecimalField("罚款下限（元）", max_digits=14, decimal_places=2)
    fine_max = models.DecimalField("罚款上限（元）", max_digits=14, decimal_places=2)
    legal_basis = models.CharField("法律依据", max_length=300)
    state = models.CharField("状态", max_length=10, choices=BenchmarkState.choices, default=BenchmarkState.DRAFT)
    reviewed_by = models.ForeignKey(
        "core.User", verbose_name="法制机构审核人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_on = models.DateField("公布日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "裁量基准"
        ordering = ["code", "-edition"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "code", "degree", "edition"], name="benchmark_edition_once")
        ]

    def __str__(self):
        return f"{self.code} {self.violation}（{self.get_degree_display()}）"

    def contains(self, amount) -> bool:
        return self.fine_min <= amount <= self.fine_max


class PowerKind(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    INSPECTION = "inspection", "行政检查"


class Power(Record):
    """执法事项清单的一项: the power, its legal basis, the body holding it, its discretion benchmark and the
    post answerable for it (执法责任制). Every change goes through the kit, so the audit keeps before/after."""

    body = models.ForeignKey(Body, verbose_name="实施主体", on_delete=models.PROTECT, related_name="powers")
    code = models.CharField("事项编码", max_length=40, unique=True)
    name = models.CharField("事项名称", max_length=200)
    kind = models.CharField("事项类别", max_length=12, choices=PowerKind.choices)
    legal_basis = models.TextField("设定和实施依据")
    benchmark_code = models.CharField("裁量基准编码", max_length=40, blank=True)
    responsible_post = models.CharField("责任岗位", max_length=100)
    active = models.BooleanField("在用", default=True)

    url_name = "power"

    class Meta:
        verbose_name = verbose_name_plural = "执法事项"
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def unit(self):
        return self.body.unit


class CaseState(models.TextChoices):
    FILED = "filed", "已立案（调查取证）"
    NOTIFIED = "notified", "已告知（陈述申辩）"
    HEARING = "hearing", "听证"
    REVIEW = "review", "法制审核中"
    READY = "ready", "待决定"
    DECIDED = "decided", "已决定待送达"
    SERVED = "served", "已送达（执行中）"
    CLOSED = "closed", "已结案"
    ANNULLED = "annulled", "决定已变更或撤销"
    DROPPED = "dropped", "撤销立案"
    HANDED = "handed", "已移送其他行政机关"


class PartyKind(models.TextChoices):
    PERSON = "person", "自然人"
    ORGANISATION = "organisation", "法人或其他组织"


class PenaltyKind(models.TextChoices):
    """处罚法第九条, ordered from the lightest: statistics count a case once, under its heaviest kind."""

    WARNING = "warning", "警告、通报批评"
    FINE = "fine", "罚款"
    CONFISCATION = "confiscation", "没收违法所得、没收非法财物"
    DOWNGRADE = "downgrade", "暂扣许可证件、降低资质等级"
    LIMIT = "limit", "限制开展生产经营活动"
    REVOCATION = "revocation", "吊销许可证件"
    CLOSURE = "closure", "责令停产停业、责令关闭、限制从业"
    DETENTION = "detention", "行政拘留"
    OTHER = "other", "其他行政处罚"


SEVERITY = {kind: rank for rank, kind in enumerate(PenaltyKind.values)}


def heaviest(kinds) -> str:
    """The heaviest of a case's penalties (“其他” counts as lightest: its weight is unknown)."""
    ranked = sorted(kinds, key=lambda k: -1 if k == PenaltyKind.OTHER else SEVERITY[k])
    return ranked[-1] if ranked else ""


class Annulment(models.TextChoices):
    CHANGED = "changed", "变更"
    REVOKED = "revoked", "撤销"
    ILLEGAL = "illegal", "确认违法"
    VOID = "void", "确认无效"


class Case(Record):
    """A penalty case (行政处罚案件), general procedure."""

    body = models.ForeignKey(Body, verbose_name="执法主体", on_delete=models.PROTECT, related_name="cases")
    unit = models.ForeignKey("core.Unit", verbose_name="办案单位", on_delete=models.PROTECT, related_name="+")
    number = models.CharField("案号", max_length=60)
    state = models.CharField("状态", max_length=10, choices=CaseState.choices, default=CaseState.FILED)
    party_kind = models.CharField("当事人类型", max_length=15, choices=PartyKind.choices)
    party_name = models.CharField("当事人", max_length=100)
    party_id_number = EncryptedTextField("证件号码", blank=True)
    violation = models.CharField("违法行为", max_length=300)
    violation_on = models.DateField("违法行为发生（终了）日")
    discovered_on = models.DateField("发现日")
    grave = models.BooleanField("涉及生命健康安全、金融安全且有危害后果", default=False)
    filed_on = models.DateField("立案日")
    benchmark = models.ForeignKey(
        Benchmark, verbose_name="适用裁量基准", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    penalty_kinds = models.JSONField("拟处罚种类", default=list, blank=True)
    heaviest_kind = models.CharField("最重处罚种类", max_length=15, choices=PenaltyKind.choices, blank=True)
    fine = models.DecimalField("罚没金额（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    outside_reason = models.TextField("偏离裁量基准理由", blank=True)
    major_public_interest = models.BooleanField("涉及重大公共利益或疑难复杂", default=False)
    noticed_on = models.DateField("告知日", null=True, blank=True)
    hearing_requested_on = models.DateField("申请听证日", null=True, blank=True)
    hearing_notice_on = models.DateField("听证通知日", null=True, blank=True)
    hearing_on = models.DateField("听证日", null=True, blank=True)
    reviewed_on = models.DateField("法制审核日", null=True, blank=True)
    review_passed = models.BooleanField("法制审核通过", default=False)
    review_opinion = models.TextField("法制审核意见", blank=True)
    decision_number = models.CharField("决定书文号", max_length=60, blank=True)
    decided_on = models.DateField("决定日", null=True, blank=True)
    served_on = models.DateField("送达日", null=True, blank=True)
    social_impact = models.BooleanField("具有一定社会影响（应公开）", default=True)
    published_on = models.DateField("公开日", null=True, blank=True)
    annulment = models.CharField("决定变更撤销", max_length=10, choices=Annulment.choices, blank=True)
    annulled_on = models.DateField("变更撤销日", null=True, blank=True)
    withdrawn_on = models.DateField("撤回公开日", null=True, blank=True)
    withdrawal_reason = models.TextField("撤回说明", blank=True)
    closed_on = models.DateField("结案日", null=True, blank=True)
    paid_on = models.DateField("罚款缴纳日", null=True, blank=True)
    late_fine_from = models.DateField("缴纳期限届满日（加处罚款自次日起算）", null=True, blank=True)
    handed_to = models.CharField("受移送机关", max_length=100, blank=True)
    handed_on = models.DateField("移送日", null=True, blank=True)
    hand_over_letter = models.ForeignKey(
        "core.Attachment", verbose_name="移送函", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    url_name = "case"

    class Meta:
        verbose_name = verbose_name_plural = "行政处罚案件"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["unit", "-id"]),
            models.Index(fields=["state", "-id"]),
            models.Index(fields=["unit", "state", "-id"], name="case_unit_state_list"),
            models.Index(fields=["-published_on", "-id"], name="case_public_list"),
            models.Index(fields=["-withdrawn_on", "-id"], name="case_withdrawn_list"),
            # the annual statistics (queries.statistics) read this index alone on PostgreSQL (index-only scan):
            # 88k decided cases of a year summed in about 30 ms instead of 230 ms at a million cases
            models.Index(
                fields=["decided_on", "heaviest_kind"], include=["fine", "id", "unit"], name="case_statistics"
            ),
            # search (queries.cases_for): exact matches here; on PostgreSQL substrings use the trigram indexes
            # of migration 0008
            models.Index(fields=["number"], name="case_number"),
            models.Index(fields=["party_name"], name="case_party_name"),
            # the case list sorted by filing date (queries.CASE_ORDERS): keyset pages walk it from a known row
            models.Index(fields=["filed_on", "id"], name="case_filed_list"),
        ]

    def __str__(self):
        return f"{self.number} {self.party_name}"

    @property
    def large_fine_threshold(self):
        from .rules import large_fine

        return large_fine(self.party_kind)

    @property
    def is_public(self) -> bool:
        return bool(self.published_on) and not self.withdrawn_on

    @property
    def owes_fine(self) -> bool:
        return bool(self.fine) and self.served_on is not None and self.paid_on is None

    def late_fine_on(self, day: dt.date):
        """加处罚款 accrued by ``day``: 3% of the fine a day after the payment period, never above the fine
        (处罚法第七十二条第一款第一项; 行政强制法第四十五条第二款)."""
        from decimal import Decimal

        from .rules import LATE_FINE_RATE

        if not self.late_fine_from or not self.fine:
            return Decimal("0")
        until = self.paid_on or day
        days = max(0, (until - self.late_fine_from).days)
        return min(self.fine, (self.fine * LATE_FINE_RATE * days).quantize(Decimal("0.01")))

    @property
    def masked_party(self) -> str:
        """The party as the portal shows it: a person by surname only (个人信息保护法第二十八条)."""
        if self.party_kind == PartyKind.PERSON:
            return (self.party_name[:1] + "某") if self.party_name else ""
        return self.party_name


class CaseOfficer(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="officers")
    certificate = models.ForeignKey(Certificate, verbose_name="执法证", on_delete=models.PROTECT, related_name="+")
    lead = models.BooleanField("主办", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "承办执法人员"
        constraints = [models.UniqueConstraint(fields=["case", "certificate"], name="officer_once_per_case")]


class Stage(models.TextChoices):
    FILING = "filing", "立案"
    INVESTIGATION = "investigation", "调查取证"
    NOTICE = "notice", "告知"
    HEARING = "hearing", "听证"
    REVIEW = "review", "法制审核"
    DECISION = "decision", "决定"
    SERVICE = "service", "送达"
    EXECUTION = "execution", "执行"


class RecordKind(models.TextChoices):
    DOCUMENT = "document", "文书"
    PHOTO = "photo", "照片"
    AUDIO = "audio", "录音"
    VIDEO = "video", "录像"


class CaseRecord(models.Model):
    """全过程记录 (处罚法第四十七条): a document, photo, or an audio/video reference, for one stage."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="records")
    stage = models.CharField("阶段", max_length=15, choices=Stage.choices)
    kind = models.CharField("形式", max_length=10, choices=RecordKind.choices)
    title = models.CharField("名称", max_length=200)
    reference = models.CharField("音像存储位置", max_length=300, blank=True)
    attachment = models.ForeignKey(
        "core.Attachment", verbose_name="文件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_on = models.DateField("记录日")

    class Meta:
        verbose_name = verbose_name_plural = "全过程记录"
        ordering = ["recorded_on", "id"]


class CoercionKind(models.TextChoices):
    """行政强制法第九条 (measures) and 第四、五章 (execution by the organ, or by the court on its application)."""

    SEAL = "seal", "查封场所、设施或者财物"
    SEIZE = "seize", "扣押财物"
    FREEZE = "freeze", "冻结存款、汇款"
    EXECUTION = "execution", "行政机关强制执行"
    COURT = "court", "申请人民法院强制执行"
    SUBSTITUTE = "substitute", "代履行"


MEASURES = (CoercionKind.SEAL, CoercionKind.SEIZE, CoercionKind.FREEZE)


class CoercionState(models.TextChoices):
    IMPOSED = "imposed", "强制措施实施中"
    DISPOSED = "disposed", "已作出处理决定"
    URGED = "urged", "已催告"
    EXECUTING = "executing", "已决定强制执行"
    APPLIED = "applied", "已申请人民法院强制执行"
    SUBSTITUTING = "substituting", "已作出代履行决定"
    PERFORMED = "performed", "代履行完毕"
    CLOSED = "closed", "已结案"


class Disposal(models.TextChoices):
    """行政强制法第二十七条、第三十二条: what follows a measure within its period."""

    LIFT = "lift", "解除"
    CONFISCATE = "confiscate", "没收"
    DESTROY = "destroy", "销毁"
    PENALTY = "penalty", "转入行政处罚决定处理"


class CoercionCase(Record):
    """A 行政强制 case: a measure (查封、扣押、冻结) with its period, or the execution of a decision after 催告."""

    body = models.ForeignKey(Body, verbose_name="执法主体", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("core.Unit", verbose_name="办案单位", on_delete=models.PROTECT, related_name="+")
    number = models.CharField("文书编号", max_length=60)
    kind = models.CharField("强制类别", max_length=10, choices=CoercionKind.choices)
    state = models.CharField("状态", max_length=12, choices=CoercionState.choices)
    party_kind = models.CharField("当事人类型", max_length=15, choices=PartyKind.choices)
    party_name = models.CharField("当事人", max_length=100)
    subject = models.TextField("对象（场所、设施、财物清单或应履行的义务）")
    legal_basis = models.CharField("法律依据", max_length=300)
    started_on = models.DateField("实施或催告日")
    certificates = models.ManyToManyField(Certificate, verbose_name="实施执法人员", related_name="+", blank=True)
    notice_delivered_on = models.DateField("冻结决定书交付日", null=True, blank=True)
    extended = models.BooleanField("已延长期限", default=False)
    disposal = models.CharField("处理决定", max_length=12, choices=Disposal.choices, blank=True)
    disposed_on = models.DateField("处理决定日", null=True, blank=True)
    comply_by = models.DateField("催告书载明的履行期限", null=True, blank=True)
    urge_served_on = models.DateField("催告书送达日", null=True, blank=True)
    decision_served_on = models.DateField("行政决定送达日", null=True, blank=True)
    late_reason = models.TextField("逾期申请人民法院强制执行的正当理由", blank=True)
    decision_number = models.CharField("强制执行决定书或申请书文号", max_length=60, blank=True)
    decided_on = models.DateField("强制执行决定或申请日", null=True, blank=True)
    immediate_reason = models.TextField("立即强制执行的理由", blank=True)
    closed_on = models.DateField("结案日", null=True, blank=True)
    penalty_case = models.ForeignKey(
        Case,
        verbose_name="执行的行政处罚决定",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coercions",
    )
    danger = models.TextField("不履行的后果（危害交通安全、造成环境污染或者破坏自然资源）", blank=True)
    performer = models.CharField("代履行人", max_length=100, blank=True)
    budget = models.DecimalField("费用预算（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    substitute_on = models.DateField("代履行日", null=True, blank=True)
    substitute_urged_on = models.DateField("代履行前催告日", null=True, blank=True)
    supervisor = models.CharField("到场监督的工作人员", max_length=100, blank=True)
    cost = models.DecimalField("代履行费用（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    performed_on = models.DateField("代履行完毕日", null=True, blank=True)
    signed_record = models.ForeignKey(
        "core.Attachment",
        verbose_name="签名的执行文书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    party_absent = models.BooleanField("当事人不在场", default=False)
    party_notified_on = models.DateField("事后通知当事人日", null=True, blank=True)

    url_name = "coercion"

    class Meta:
        verbose_name = verbose_name_plural = "行政强制案件"
        ordering = ["-id"]
        indexes = [models.Index(fields=["unit", "-id"], name="coercion_unit_list")]

    def __str__(self):
        return f"{self.number} {self.party_name}"

    @property
    def is_measure(self) -> bool:
        return self.kind in MEASURES


class InspectionState(models.TextChoices):
    OPEN = "open", "检查中"
    CLOSED = "closed", "已办结"


class InspectionOutcome(models.TextChoices):
    CLEAR = "clear", "未发现违法行为"
    ORDER = "order", "责令改正"
    FILE = "file", "转立案调查"
    TRANSFER = "transfer", "涉嫌犯罪移送"


class InspectionCase(Record):
    """A 行政检查: who inspected whom, under which power, what was found and what followed."""

    body = models.ForeignKey(Body, verbose_name="执法主体", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("core.Unit", verbose_name="检查单位", on_delete=models.PROTECT, related_name="+")
    power = models.ForeignKey(
        Power, verbose_name="执法事项", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField("检查编号", max_length=60)
    state = models.CharField("状态", max_length=10, choices=InspectionState.choices)
    party_name = models.CharField("检查对象", max_length=100)
    scope_text = models.CharField("检查内容", max_length=300)
    inspected_on = models.DateField("检查日")
    certificates = models.ManyToManyField(Certificate, verbose_name="检查执法人员", related_name="+", blank=True)
    record_reference = models.CharField("检查笔录编号或存储位置", max_length=200, blank=True)
    finding = models.TextField("检查情况", blank=True)
    outcome = models.CharField("处理", max_length=10, choices=InspectionOutcome.choices, blank=True)
    closed_on = models.DateField("办结日", null=True, blank=True)

    url_name = "inspection"

    class Meta:
        verbose_name = verbose_name_plural = "行政检查"
        ordering = ["-id"]
        indexes = [models.Index(fields=["unit", "-id"], name="inspection_unit_list")]

    def __str__(self):
        return f"{self.number} {self.party_name}"


class TransferState(models.TextChoices):
    REPORTED = "reported", "已报告待审批"
    APPROVED = "approved", "已批准待移送"
    REFUSED = "refused", "不批准移送"
    SENT = "sent", "已移送公安机关"
    ACCEPTED = "accepted", "公安机关已立案"
    DECLINED = "declined", "公安机关不予立案"
    CLOSED = "closed", "已办结"


class Transfer(Record):
    """移送涉嫌犯罪案件 (处罚法第二十七条; 行政执法机关移送涉嫌犯罪案件的规定): the report, the head's decision,
    the transfer with its 移送书, and what the police answered."""

    case = models.ForeignKey(
        Case, verbose_name="行政处罚案件", null=True, blank=True, on_delete=models.PROTECT, related_name="transfers"
    )
    inspection = models.ForeignKey(
        InspectionCase, verbose_name="行政检查", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey("core.Unit", verbose_name="移送单位", on_delete=models.PROTECT, related_name="+")
    state = models.CharField("状态", max_length=10, choices=TransferState.choices)
    suspected_crime = models.CharField("涉嫌罪名", max_length=100)
    report = models.TextField("移送涉嫌犯罪案件的书面报告")
    reported_on = models.DateField("报告日")
    decided_on = models.DateField("审批日", null=True, blank=True)
    recipient = models.CharField("接收机关", max_length=100, blank=True)
    sent_on = models.DateField("移送日", null=True, blank=True)
    letter = models.ForeignKey(
        "core.Attachment",
        verbose_name="涉嫌犯罪案件移送书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_on = models.DateField("公安机关答复日", null=True, blank=True)
    handed_over_on = models.DateField("移交涉案物品和材料日", null=True, blank=True)

    url_name = "transfer"

    class Meta:
        verbose_name = verbose_name_plural = "移送涉嫌犯罪案件"
        ordering = ["-id"]

    def __str__(self):
        source = self.case or self.inspection
        return f"移送：{source}（涉嫌{self.suspected_crime}）"
