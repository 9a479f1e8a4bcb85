"""行政规范性文件：登记、起草程序、备案、清理、公平竞争审查规则。"""

from __future__ import annotations

import datetime as dt
import re

from django.db import models
from django.urls import reverse

from yifa.core.models import Versioned

# 文号：机关代字〔年份〕序号号，如“江民发〔2022〕3号”。
NUMBER_PATTERN = re.compile(r"^[\u4e00-\u9fa5A-Za-z]{1,20}[〔\[［(（]\d{4}[〕\]］)）](\d{1,4})号$")


class DocStatus(models.TextChoices):
    DRAFT = "draft", "起草中"
    SOLICITING = "soliciting", "征求意见中"
    REVIEW = "review", "合法性审核中"
    APPROVED = "approved", "审核通过待发布"
    IN_FORCE = "in_force", "现行有效"
    EXPIRED = "expired", "已失效"
    MODIFIED = "modified", "已修改"
    REPEALED = "repealed", "已废止"
    INVALID = "invalid", "宣布失效"


PUBLISHED_STATUSES = (DocStatus.IN_FORCE, DocStatus.EXPIRED, DocStatus.MODIFIED, DocStatus.REPEALED, DocStatus.INVALID)
DRAFTING_STATUSES = (DocStatus.DRAFT, DocStatus.SOLICITING, DocStatus.REVIEW, DocStatus.APPROVED)


class ReviewOpinion(models.TextChoices):
    LAWFUL = "lawful", "合法"
    REVISE = "revise", "修改后合法（须修改）"
    UNLAWFUL = "unlawful", "不合法"


class SolicitationKind(models.TextChoices):
    PUBLIC = "public", "向社会公开征求意见"
    TARGETED = "targeted", "定向征求意见"


class FilingResult(models.TextChoices):
    PENDING = "", "待审查"
    ACCEPTED = "accepted", "予以备案"
    CORRECT = "correct", "要求纠正"
    REVOKE = "revoke", "撤销"
    REJECTED = "rejected", "不予备案"


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day N months later; a day the month lacks becomes its last day (民法典第二百零二条)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = (dt.date(year + (month == 11), (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last))


class Document(Versioned):
    title = models.CharField("标题", max_length=200)
    number = models.CharField("文号", max_length=60, blank=True)
    unit = models.ForeignKey("core.Unit", verbose_name="制定机关", on_delete=models.PROTECT, related_name="normdocs")
    joint_issuers = models.ManyToManyField(
        "core.Unit", verbose_name="联合制定机关", blank=True, related_name="joint_normdocs"
    )
    status = models.CharField("状态", max_length=12, choices=DocStatus.choices, default=DocStatus.DRAFT, db_index=True)
    signed_on = models.DateField("签发日期", null=True, blank=True)
    signed_by = models.CharField("签发人", max_length=50, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True, db_index=True)
    effective_on = models.DateField("施行日期", null=True, blank=True)
    valid_years = models.PositiveSmallIntegerField("有效期（年）", default=5, help_text="0表示未设有效期")
    expires_on = models.DateField("有效期届满日", null=True, blank=True, db_index=True)
    # the validity end the daily job last reminded of (its six months' notice): the job reads only documents
    # not yet reminded of their present end, whatever day it last ran
    expiry_reminded_for = models.DateField("已发届满评估提醒的届满日", null=True, blank=True, editable=False)
    full_text = models.TextField("全文", blank=True)
    legal_bases = models.JSONField("制定依据", default=list, blank=True)
    involves_business = models.BooleanField(
        "涉及经营者经济活动", default=True, help_text="涉及的须经公平竞争审查（公平竞争审查条例第二条）"
    )
    fair_competition_conclusion = models.TextField("公平竞争审查结论", blank=True)
    # 征求意见（可选步骤）
    solicitation_kind = models.CharField("征求意见方式", max_length=10, choices=SolicitationKind.choices, blank=True)
    solicitation_start = models.DateField("征求意见开始", null=True, blank=True)
    solicitation_end = models.DateField("征求意见截止", null=True, blank=True)
    solicitation_summary = models.TextField("意见采纳情况", blank=True)
    solicitation_short_reason = models.TextField("征求意见期限少于规定天数的理由", blank=True)
    # 合法性审核
    review_opinion = models.CharField("审核意见", max_length=10, choices=ReviewOpinion.choices, blank=True)
    review_comments = models.TextField("审核说明", blank=True)
    reviewed_on = models.DateField("审核日期", null=True, blank=True)
    reviewer = models.ForeignKey(
        "core.User", verbose_name="审核人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # 集体讨论
    meeting_on = models.DateField("集体讨论日期", null=True, blank=True)
    meeting_name = models.CharField("会议名称", max_length=100, blank=True)
    meeting_record = models.TextField("会议纪要", blank=True)
    # 备案
    filed_on = models.DateField("报送备案日期", null=True, blank=True)
    filed_with = models.CharField("备案机关", max_length=100, blank=True)
    filing_result = models.CharField(
        "备案审查结果", max_length=10, choices=FilingResult.choices, blank=True, default=""
    )
    filing_result_on = models.DateField("审查结果日期", null=True, blank=True)
    filing_comments = models.TextField("审查意见", blank=True)
    correction_open = models.BooleanField("纠正未完成", default=False)
    correction_closed_on = models.DateField("纠正完成日期", null=True, blank=True)
    correction_report = models.TextField("纠正情况", blank=True)
    # 失效、修改、废止的决定
    ended_on = models.DateField("失效/修改/废止日期", null=True, blank=True)
    ended_by = models.ForeignKey(
        "self", verbose_name="决定文件", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_by_campaign = models.ForeignKey(
        "Campaign", verbose_name="清理活动", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政规范性文件"
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "number"], condition=~models.Q(number=""), name="normdoc_number_unique_per_unit"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_on"]),
            # the daily job's documents in force past or near their validity's end
            models.Index(fields=["status", "expires_on"], name="normdoc_status_expiry"),
            # the catalogue's order, read from its start: a search for a common term stops after a page of hits
            models.Index(fields=["published_on", "id"], name="normdoc_page_order"),
            # the legal office's to-do: corrections still open (a few among all documents)
            models.Index(fields=["id"], condition=models.Q(correction_open=True), name="normdoc_correction_open"),
        ]

    def __str__(self):
        return f"{self.title}（{self.number}）" if self.number else self.title

    def get_absolute_url(self):
        return reverse("normdocs:detail", args=[self.pk])

    def get_public_url(self):
        return reverse("portal_normdocs:detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED_STATUSES and self.published_on is not None

    def computed_expiry(self) -> dt.date | None:
        """有效期自施行之日起算，届满日为第N年对应日的前一日。"""
        start = self.effective_on or self.published_on
        if not start or not self.valid_years:
            return None
        return add_years(start, self.valid_years) - dt.timedelta(days=1)

    @property
    def year(self) -> int | None:
        day = self.published_on or self.signed_on
        return day.year if day else None


class RelationKind(models.TextChoices):
    MODIFIES = "modifies", "修改"
    REPEALS = "repeals", "废止"
    REPLACES = "replaces", "替代"
    IMPLEMENTS = "implements", "实施"


class Relation(models.Model):
    """source 对 target 的关系（如 source 废止 target），由 decided_by 文件或清理活动决定。"""

    source = models.ForeignKey(Document, verbose_name="文件", on_delete=models.CASCADE, related_name="relations_out")
    kind = models.CharField("关系", max_length=12, choices=RelationKind.choices)
    target = models.ForeignKey(Document, verbose_name="对象文件", on_delete=models.CASCADE, related_name="relations_in")
    decided_by = models.ForeignKey(
        Document, verbose_name="决定文件", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    campaign = models.ForeignKey(
        "Campaign", verbose_name="清理活动", null=True, blank=True, on_delete=models.SET_NULL, related_name="relations"
    )
    on = models.DateField("日期")
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "文件关系"
        constraints = [models.UniqueConstraint(fields=["source", "kind", "target"], name="relation_once")]

    def __str__(self):
        return f"{self.source}{self.get_kind_display()}{self.target}"


class SearchGrams(models.Model):
    """全文检索用的二元切分文本（“民政 政局 …”）。SQLite 由 FTS5 外部内容表索引，
    PostgreSQL 由生成列 tsv = to_tsvector('simple', grams) 的 GIN 索引检索（迁移0003）。"""

    document = models.OneToOneField(Document, primary_key=True, on_delete=models.CASCADE, related_name="search_grams")
    grams = models.TextField()


class ScreenCategory(models.TextChoices):
    ENTRY_EXIT = "entry_exit", "市场准入和退出"
    LOCAL_PROTECTION = "local_protection", "地方保护和歧视外地经营者"
    DESIGNATED = "designated", "指定交易"
    SUBSIDY = "subsidy", "选择性补贴和税收优惠"
    CONDUCT = "conduct", "干预生产经营行为"
    NON_PUBLIC = "non_public", "限制非公有制经济"


class ScreenRule(models.Model):
    """公平竞争审查规则：短语或正则、说明、条款。法制机构可编辑。"""

    code = models.CharField("编号", max_length=40, unique=True)
    category = models.CharField("类别", max_length=20, choices=ScreenCategory.choices)
    pattern = models.CharField("短语或正则", max_length=300)
    is_regex = models.BooleanField("正则表达式", default=True)
    unless = models.CharField("排除（句中含此正则则不提示）", max_length=300, blank=True)
    article = models.CharField("条", max_length=20, help_text="如：第九条")
    item = models.CharField("项", max_length=20, blank=True, help_text="如：第（二）项")
    explanation = models.CharField("说明", max_length=300)
    active = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "公平竞争审查规则"
        ordering = ["category", "code"]

    def __str__(self):
        return f"{self.code} {self.pattern}"


class CampaignStatus(models.TextChoices):
    OPEN = "open", "清理中"
    CLOSED = "closed", "已结束并公布"


class Campaign(Versioned):
    title = models.CharField("名称", max_length=200)
    baseline = models.DateField("清理基准日")
    units = models.ManyToManyField("core.Unit", verbose_name="清理范围", related_name="+")
    status = models.CharField("状态", max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.OPEN)
    opened_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    closed_on = models.DateField("结束日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "清理活动"
        ordering = ["-baseline", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("normdocs:campaign", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == CampaignStatus.OPEN

    @property
    def is_published(self) -> bool:
        """A closed campaign's catalogues are public (清理后保留、修改的目录应当向社会公布)."""
        return self.status == CampaignStatus.CLOSED


class Proposal(models.TextChoices):
    RETAIN = "retain", "保留"
    MODIFY = "modify", "修改"
    REPEAL = "repeal", "废止"
    INVALID = "invalid", "宣布失效"


class ItemState(models.TextChoices):
    PENDING = "pending", "待提出意见"
    PROPOSED = "proposed", "已提出意见待确认"
    CONFIRMED = "confirmed", "法制机构已确认"


class CampaignItem(Versioned):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="items")
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="campaign_items")
    unit = models.ForeignKey("core.Unit", verbose_name="承办单位", on_delete=models.PROTECT, related_name="+")
    state = models.CharField("进度", max_length=10, choices=ItemState.choices, default=ItemState.PENDING, db_index=True)
    findings = models.JSONField("公平竞争审查提示", default=list, blank=True)
    expiry_note = models.CharField("有效期情况", max_length=200, blank=True)
    citation_notes = models.JSONField("所引依据的情况", default=list, blank=True)
    proposal = models.CharField("清理意见", max_length=10, choices=Proposal.choices, blank=True)
    reasons = models.TextField("理由", blank=True)
    confirmed_by = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "清理事项"
        ordering = ["unit__path", "document_id"]
        constraints = [models.UniqueConstraint(fields=["campaign", "document"], name="item_once")]

    def __str__(self):
        return f"{self.campaign}：{self.document}"

    def get_absolute_url(self):
        return reverse("normdocs:item", args=[self.pk])


from .screening_models import ScreeningMark, Verdict  # noqa: E402,F401  (the screening marks, in their own file)
