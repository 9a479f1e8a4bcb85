"""The licensing item list (with the higher level's list it must stay within), applications on their
statutory clocks, and the certificates they lead to."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse

from yifa.core.crypto import EncryptedTextField
from yifa.core.models.versioned import Versioned


class Handling(models.TextChoices):
    SINGLE = "single", "本机关办理"
    JOINT = "joint", "统一、联合或者集中办理"
    PRELIMINARY = "lower", "下级行政机关初审后报上级决定"


class ItemState(models.TextChoices):
    DRAFT = "draft", "未公布"
    PUBLISHED = "published", "已公布"
    WITHDRAWN = "withdrawn", "已停止实施"


class HigherItem(models.Model):
    """One row of the higher level's list (the province's), as imported: the bound of the city's list."""

    code = models.CharField("事项编码", max_length=40, unique=True)
    name = models.CharField("事项名称", max_length=200)
    basis = models.TextField("设定依据")
    department = models.CharField("主管部门", max_length=100, blank=True)
    imported_on = models.DateField("导入日期")

    class Meta:
        verbose_name = verbose_name_plural = "上级行政许可事项"
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class Item(Versioned):
    code = models.CharField("事项编码", max_length=40, unique=True)
    name = models.CharField("事项名称", max_length=200)
    unit = models.ForeignKey("core.Unit", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+")
    department = models.CharField("主管部门", max_length=100)
    basis = models.TextField("设定依据")
    conditions = models.TextField("许可条件")
    materials = models.TextField("申请材料", help_text="每行一项")
    fee_standard = models.CharField("收费标准", max_length=200, blank=True, help_text="不收费的留空")
    fee_basis = models.CharField("收费依据", max_length=300, blank=True)
    statutory_days = models.PositiveSmallIntegerField("法定办结时限（工作日）")
    promised_days = models.PositiveSmallIntegerField("承诺办结时限（工作日）", null=True, blank=True)
    handling = models.CharField("办理方式", max_length=10, choices=Handling.choices, default=Handling.SINGLE)
    validity_years = models.PositiveSmallIntegerField(
        "证件有效期（年）", null=True, blank=True, help_text="长期有效的留空"
    )
    state = models.CharField("状态", max_length=12, choices=ItemState.choices, default=ItemState.DRAFT, db_index=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    promise_allowed = models.BooleanField("可以告知承诺方式办理", default=False)
    promise_text = models.TextField("告知承诺书格式文本", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政许可事项"
        ordering = ["code"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("licensing:item", args=[self.pk])

    def get_public_url(self):
        return reverse("portal_licensing:item", args=[self.pk])

    @property
    def material_list(self) -> list[str]:
        return [line.strip() for line in self.materials.splitlines() if line.strip()]

    @property
    def charges(self) -> bool:
        return bool(self.fee_standard.strip())


class Channel(models.TextChoices):
    ONLINE = "online", "网上申请"
    COUNTER = "counter", "窗口申请"


class AppState(models.TextChoices):
    RECEIVED = "received", "已收到，待受理"
    CORRECTION = "correction", "待补正"
    ACCEPTED = "accepted", "已受理，审查中"
    NOT_ACCEPTED = "not_accepted", "不予受理"
    GRANTED = "granted", "准予许可，待发证"
    REFUSED = "refused", "不予许可"
    ISSUED = "issued", "已发证"
    REVOKED = "revoked", "准予许可已撤销"


class ExclusionKind(models.TextChoices):
    HEARING = "hearing", "听证"
    TENDER = "tender", "招标"
    AUCTION = "auction", "拍卖"
    INSPECTION = "inspection", "检验"
    TESTING = "testing", "检测"
    QUARANTINE = "quarantine", "检疫"
    APPRAISAL = "appraisal", "鉴定"
    EXPERT_REVIEW = "expert_review", "专家评审"


class Application(Versioned):
    number = models.CharField("申请编号", max_length=30, unique=True, null=True, blank=True)
    lookup_code = models.CharField("查询码", max_length=12)
    item = models.ForeignKey(Item, verbose_name="许可事项", on_delete=models.PROTECT, related_name="applications")
    unit = models.ForeignKey("core.Unit", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField("申请方式", max_length=10, choices=Channel.choices)
    applicant_name = models.CharField("申请人", max_length=200)
    applicant_id_number = EncryptedTextField("证件号码")
    applicant_phone = EncryptedTextField("联系电话", blank=True)
    applicant_is_organisation = models.BooleanField("申请人为法人或者其他组织", default=False)
    summary = models.TextField("申请内容")
    by_promise = models.BooleanField("申请人选择告知承诺方式", default=False)
    received_on = models.DateField("收到日期", db_index=True)
    state = models.CharField("状态", max_length=14, choices=AppState.choices, default=AppState.RECEIVED, db_index=True)
    correction_notice_on = models.DateField("补正告知日期", null=True, blank=True)
    correction_items = models.TextField("需补正的全部内容", blank=True)
    correction_received_on = models.DateField("收到补正材料日期", null=True, blank=True)
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    preliminary_reported_on = models.DateField("报送上级行政机关日期", null=True, blank=True)
    deemed_accepted = models.BooleanField("逾期未告知补正，视为受理", default=False)
    voucher_number = models.CharField("受理凭证编号", max_length=40, blank=True)
    excluded_kind = models.CharField("不计时事项", max_length=16, choices=ExclusionKind.choices, blank=True)
    excluded_notice = models.TextField("书面告知所需时间", blank=True)
    extension_reason = models.TextField("延长理由", blank=True)
    hearing_rights_on = models.DateField("告知听证权利日期", null=True, blank=True)
    hearing_requested_on = models.DateField("申请听证日期", null=True, blank=True)
    hearing_notice_on = models.DateField("听证通知日期", null=True, blank=True)
    hearing_held_on = models.DateField("举行听证日期", null=True, blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_number = models.CharField("决定书文号", max_length=60, blank=True)
    outcome_reason = models.TextField("不予受理或不予许可的理由", blank=True)
    working_days_taken = models.PositiveIntegerField(
        "办理用时（工作日）", null=True, blank=True, help_text="自受理至作出决定，扣除第四十五条规定的不计时期间"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政许可申请"
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["unit", "state", "received_on"], name="licensing_app_unit_state"),
            models.Index(fields=["-decided_on", "-id"], name="licensing_app_decided"),
        ]

    def __str__(self):
        return f"{self.number or '（未编号）'} {self.item.name if self.item_id else ''}".strip()

    def get_absolute_url(self):
        return reverse("licensing:application", args=[self.pk])


class CertState(models.TextChoices):
    VALID = "valid", "有效"
    RENEWAL = "renewal", "已申请延续"
    REVOKED = "revoked", "已撤销"
    DEREGISTERED = "deregistered", "已注销"


class Certificate(Versioned):
    number = models.CharField("证件编号", max_length=60, unique=True)
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="certificate")
    item = models.ForeignKey(Item, verbose_name="许可事项", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("core.Unit", verbose_name="发证机关", on_delete=models.PROTECT, related_name="+")
    holder_name = models.CharField("被许可人", max_length=200)
    issued_on = models.DateField("发证日期")
    valid_until = models.DateField("有效期至", null=True, blank=True, db_index=True)
    state = models.CharField("状态", max_length=14, choices=CertState.choices, default=CertState.VALID, db_index=True)
    reminded_on = models.DateField("延续提醒日期", null=True, blank=True)
    renewal_applied_on = models.DateField("申请延续日期", null=True, blank=True)
    ground = models.TextField("撤销或注销的情形", blank=True)
    revoked_on = models.DateField("撤销日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政许可证件"
        ordering = ["-issued_on", "-id"]

    def __str__(self):
        return f"{self.number}（{self.item.name}）" if self.item_id else self.number

    def get_absolute_url(self):
        return reverse("licensing:certificate", args=[self.pk])

    def expired_on(self, today: dt.date) -> bool:
        return self.valid_until is not None and today > self.valid_until


class HigherListImport(models.Model):
    """One import of the higher level's list: it replaces the rows before it."""

    level = models.CharField("上级清单", max_length=60, default="省级行政许可事项清单")
    imported_on = models.DateField("导入日期")
    file_name = models.CharField("文件名", max_length=200, blank=True)
    rows = models.PositiveIntegerField("事项数")
    by = models.ForeignKey("core.User", verbose_name="导入人", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "上级清单导入"
        ordering = ["-id"]

    def __str__(self):
        return f"{self.level}（{self.imported_on}，{self.rows}项）"


class CheckState(models.TextChoices):
    PENDING = "pending", "待核查"
    KEPT = "kept", "承诺属实"
    FALSE = "false", "承诺不实"


class PromiseDraw(models.Model):
    """One random draw of the licences granted on a promise that will be checked: the seed and the
    population (in order) are kept, so anyone can draw the same sample again."""

    unit = models.ForeignKey("core.Unit", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+")
    drawn_on = models.DateField("抽取日期")
    granted_from = models.DateField("决定日期自")
    granted_to = models.DateField("决定日期至")
    percent = models.PositiveSmallIntegerField("抽取比例（%）")
    seed = models.CharField("随机种子", max_length=20)
    population = models.JSONField("抽取范围（申请序号，升序）", default=list)
    by = models.ForeignKey("core.User", verbose_name="抽取人", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "告知承诺核查抽取"
        ordering = ["-drawn_on", "-id"]

    def __str__(self):
        return f"{self.drawn_on}抽取（{self.percent}%，种子{self.seed}）"

    def get_absolute_url(self):
        return reverse("licensing:draw", args=[self.pk])


class PromiseCheck(Versioned):
    draw = models.ForeignKey(PromiseDraw, on_delete=models.PROTECT, related_name="checks")
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="promise_check")
    unit = models.ForeignKey("core.Unit", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+")
    state = models.CharField("核查结果", max_length=10, choices=CheckState.choices, default=CheckState.PENDING)
    checked_on = models.DateField("核查日期", null=True, blank=True)
    findings = models.TextField("核查情况", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "告知承诺核查"
        ordering = ["id"]

    def __str__(self):
        return f"{self.application.number}告知承诺核查" if self.application_id else "告知承诺核查"

    def get_absolute_url(self):
        return reverse("licensing:draw", args=[self.draw_id])


class ReformKind(models.TextChoices):
    CANCEL = "cancel", "取消审批"
    DELEGATE = "delegate", "下放审批层级"
    MERGE = "merge", "合并（整合实施）"
    PROMISE = "promise", "改为告知承诺"
    FILING = "filing", "审批改为备案"
    OPTIMISE = "optimise", "压减时限、精简材料"


class ReformEntry(Versioned):
    """One line of the reform record (改革台账): what was done to an item, and the document that decided it."""

    item = models.ForeignKey(
        Item, verbose_name="清单事项", null=True, blank=True, on_delete=models.SET_NULL, related_name="reforms"
    )
    item_code = models.CharField("事项编码", max_length=40, blank=True)
    item_name = models.CharField("事项名称", max_length=200)
    unit = models.ForeignKey("core.Unit", verbose_name="原实施机关", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("改革方式", max_length=10, choices=ReformKind.choices)
    counterpart = models.CharField("承接机关或合并后事项", max_length=200, blank=True)
    document_title = models.CharField("决定文件", max_length=200)
    document_number = models.CharField("文号", max_length=80)
    decided_on = models.DateField("印发日期", db_index=True)
    effective_on = models.DateField("施行日期", null=True, blank=True)
    days_before = models.PositiveSmallIntegerField("改革前办理时限（工作日）", null=True, blank=True)
    days_after = models.PositiveSmallIntegerField("改革后办理时限（工作日）", null=True, blank=True)
    materials_before = models.PositiveSmallIntegerField("改革前申请材料（件）", null=True, blank=True)
    materials_after = models.PositiveSmallIntegerField("改革后申请材料（件）", null=True, blank=True)
    note = models.TextField("备注", blank=True)
    by = models.ForeignKey("core.User", verbose_name="登记人", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "审批制度改革台账"
        ordering = ["-decided_on", "-id"]

    def __str__(self):
        return f"{self.item_name}（{self.get_kind_display()}，{self.document_number}）"

    def get_absolute_url(self):
        return reverse("licensing:reform_entry", args=[self.pk])

    @property
    def days_saved(self) -> int | None:
        if self.days_before is None or self.days_after is None:
            return None
        return self.days_before - self.days_after

    @property
    def materials_saved(self) -> int | None:
        if self.materials_before is None or self.materials_after is None:
            return None
        return self.materials_before - self.materials_after


class DocTemplate(models.Model):
    """A licensing document's .docx template as the office replaced it (the default is built in)."""

    kind = models.CharField("文书", max_length=30, unique=True)
    content = models.BinaryField("模板（.docx）")
    updated_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "许可文书模板"

    def __str__(self):
        return self.kind
