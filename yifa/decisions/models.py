"""Major administrative decisions (重大行政决策): catalogue, the procedure's records, execution."""

from __future__ import annotations

import datetime as dt
import secrets

from django.db import models
from django.urls import reverse

from yifa.core.crypto import EncryptedTextField
from yifa.core.models import Versioned

from .rules import LEGALITY_REVIEW_TIME


class Category(models.TextChoices):
    # 重大行政决策程序暂行条例第三条第一款
    PUBLIC_POLICY = "policy", "重大公共政策和措施"
    PLAN = "plan", "经济和社会发展等方面的重要规划"
    RESOURCES = "resources", "开发利用、保护重要自然资源和文化资源"
    PROJECT = "project", "重大公共建设项目"
    OTHER = "other", "其他重大事项"


class DecisionState(models.TextChoices):
    DRAFTING = "drafting", "起草中"
    REVIEWING = "reviewing", "合法性审查中"
    REVIEWED = "reviewed", "待集体讨论"
    DECIDED = "decided", "已决定待公布"
    PUBLISHED = "published", "已公布实施"
    SUSPENDED = "suspended", "中止执行"
    STOPPED = "stopped", "停止执行"
    ADJUSTED = "adjusted", "已调整（见新一轮）"
    TERMINATED = "terminated", "已终止"


PUBLIC_STATES = (DecisionState.PUBLISHED, DecisionState.SUSPENDED, DecisionState.STOPPED, DecisionState.ADJUSTED)
IN_FORCE_STATES = (DecisionState.PUBLISHED, DecisionState.SUSPENDED)


class CatalogueState(models.TextChoices):
    DRAFTING = "drafting", "编制中"
    PUBLISHED = "published", "已公布"


class Catalogue(Versioned):
    """决策事项目录 of one government for one year (第三条第三款)."""

    unit = models.ForeignKey("core.Unit", verbose_name="决策机关", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    state = models.CharField("状态", max_length=12, choices=CatalogueState.choices, default=CatalogueState.DRAFTING)
    party_consent_on = models.DateField("同级党委同意日期", null=True, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "决策事项目录"
        ordering = ["-year", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_catalogue_per_unit_year")]

    def __str__(self):
        return f"{self.unit}{self.year}年度重大行政决策事项目录"

    def get_absolute_url(self):
        return reverse("decisions:catalogue", args=[self.pk])


class CatalogueItem(models.Model):
    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="items")
    title = models.CharField("事项名称", max_length=200)
    category = models.CharField("类别", max_length=12, choices=Category.choices)
    lead_unit = models.ForeignKey("core.Unit", verbose_name="承办单位", on_delete=models.PROTECT, related_name="+")
    public_interest = models.BooleanField("涉及社会公众切身利益", default=False)
    technical = models.BooleanField("专业性技术性较强", default=False)
    risky = models.BooleanField("可能影响社会稳定公共安全", default=False)
    hearing_required = models.BooleanField("依法应当听证", default=False)
    hearing_basis = models.CharField("听证依据", max_length=200, blank=True)
    affects_market = models.BooleanField("涉及市场主体经济活动", default=False)
    planned = models.CharField("计划时间", max_length=60, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "决策事项"
        ordering = ["id"]

    def __str__(self):
        return self.title


class RulesState(models.TextChoices):
    RECORDED = "recorded", "已登记"


class DecisionRules(models.Model):
    """An organ's 重大事项决策规则 (the seed: to be in place by 1 May). The plans module reads a recorded
    entry through the ``decision_rules.record`` event (see flows.record_rules)."""

    state = models.CharField("状态", max_length=10, choices=RulesState.choices, default=RulesState.RECORDED)
    unit = models.ForeignKey("core.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("规则名称", max_length=200)
    document_no = models.CharField("文号", max_length=80, blank=True)
    adopted_on = models.DateField("通过日期")
    document = models.ForeignKey("core.Attachment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recorded_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "重大事项决策规则"
        ordering = ["unit__path", "-adopted_on"]

    def __str__(self):
        return self.title


class Decision(Versioned):
    title = models.CharField("决策事项", max_length=200)
    decision_body = models.ForeignKey("core.Unit", verbose_name="决策机关", on_delete=models.PROTECT, related_name="+")
    lead_unit = models.ForeignKey("core.Unit", verbose_name="承办单位", on_delete=models.PROTECT, related_name="+")
    catalogue_item = models.ForeignKey(
        CatalogueItem,
        verbose_name="目录事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    ad_hoc_reason = models.TextField("目录外启动理由", blank=True)
    category = models.CharField("类别", max_length=12, choices=Category.choices)
    public_interest = models.BooleanField("涉及社会公众切身利益", default=False)
    technical = models.BooleanField("专业性技术性较强", default=False)
    risky = models.BooleanField("可能影响社会稳定公共安全", default=False)
    hearing_required = models.BooleanField("依法应当听证", default=False)
    hearing_basis = models.CharField("听证依据", max_length=200, blank=True)
    affects_market = models.BooleanField("涉及市场主体经济活动", default=False)
    state = models.CharField(
        "状态", max_length=12, choices=DecisionState.choices, default=DecisionState.DRAFTING, db_index=True
    )
    round = models.PositiveSmallIntegerField("轮次", default=1)
    previous = models.ForeignKey(
        "self", verbose_name="调整前的决策", null=True, blank=True, on_delete=models.PROTECT, related_name="next_rounds"
    )
    started_on = models.DateField("启动日期")
    # 起草 (第十二条)
    research = models.TextField("调查研究情况", blank=True)
    options = models.TextField("备选方案", blank=True)
    cost_benefit = models.TextField("成本效益分析", blank=True)
    legal_basis = models.TextField("法律、法规、规章等依据", blank=True)
    draft_text = models.TextField("决策草案", blank=True)
    draft_explanation = models.TextField("草案说明", blank=True)
    fair_competition = models.TextField("公平竞争审查情况", blank=True)
    # 公开征求意见 (第十五条)
    comment_opens = models.DateField("征求意见开始", null=True, blank=True)
    comment_closes = models.DateField("征求意见截止", null=True, blank=True)
    comment_short_reason = models.TextField("缩短期限的说明", blank=True)
    comment_real_name = models.BooleanField("须实名提出意见", default=False)
    comment_summary = models.TextField("意见采纳情况说明", blank=True)
    # 决定和公布 (第三十条、第三十二条)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    party_reported_on = models.DateField("向同级党委请示报告日期", null=True, blank=True)
    decision_no = models.CharField("文号", max_length=80, blank=True)
    decision_text = models.TextField("决策内容", blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    executing_unit = models.ForeignKey(
        "core.Unit", verbose_name="执行单位", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    feedback_every_days = models.PositiveSmallIntegerField("执行情况报告周期（日）", default=90)
    # what the daily job last reminded of: the report period that began on this day (publication or the last
    # report), and the comment period that closed on this day; it reads only decisions not yet reminded
    feedback_reminded_after = models.DateField("已提醒的报告周期起算日", null=True, blank=True, editable=False)
    comments_reminded_for = models.DateField("已提醒的征求意见截止日", null=True, blank=True, editable=False)
    archived_on = models.DateField("归档日期", null=True, blank=True)
    created_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "重大行政决策"
        ordering = ["-id"]
        indexes = [models.Index(fields=["state", "comment_closes"])]

    def __str__(self):
        return self.title if self.round == 1 else f"{self.title}（第{self.round}轮）"

    def get_absolute_url(self):
        return reverse("decisions:detail", args=[self.pk])

    def paragraphs(self) -> list[str]:
        return [line.strip() for line in (self.draft_text or "").splitlines() if line.strip()]

    def comment_open_on(self, day: dt.date) -> bool:
        return bool(self.comment_opens and self.comment_opens <= day <= self.comment_closes)

    def comment_days_left(self, day: dt.date) -> int | None:
        if not self.comment_open_on(day):
            return None
        return (self.comment_closes - day).days + 1

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES

    @property
    def in_force(self) -> bool:
        return self.state in IN_FORCE_STATES

    ROUND_COPIES = (
        "title",
        "decision_body",
        "lead_unit",
        "catalogue_item",
        "category",
        "public_interest",
        "technical",
        "risky",
        "hearing_required",
        "hearing_basis",
        "affects_market",
        "research",
        "options",
        "cost_benefit",
        "legal_basis",
        "draft_text",
        "draft_explanation",
        "fair_competition",
    )

    def next_round(self, *, by, on: dt.date, reason: str) -> Decision:
        """The unsaved next round of an adjusted decision: the procedure runs again (第三十七条) on a copy of
        this round's item and draft."""
        return Decision(
            **{name: getattr(self, name) for name in self.ROUND_COPIES},
            previous=self,
            round=self.round + 1,
            started_on=on,
            ad_hoc_reason=f"经决策后评估调整：{reason}",
            created_by=by,
        )


def new_code() -> str:
    return secrets.token_hex(6)


class CommentKind(models.TextChoices):
    DRAFT = "draft", "对决策草案的意见"
    IMPLEMENTATION = "implementation", "对决策实施的意见"


class Response(models.TextChoices):
    ADOPTED = "adopted", "采纳"
    PARTLY = "partly", "部分采纳"
    NOT_ADOPTED = "not_adopted", "不予采纳"


class Comment(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="comments")
    kind = models.CharField("类型", max_length=16, choices=CommentKind.choices, default=CommentKind.DRAFT)
    paragraph = models.PositiveSmallIntegerField("段落", null=True, blank=True)
    quote = models.TextField("所评段落原文", blank=True)
    body = models.TextField("意见")
    name = EncryptedTextField("姓名", blank=True)
    phone = EncryptedTextField("联系电话", blank=True)
    anonymous = models.BooleanField("匿名", default=False)
    code = models.CharField("查询码", max_length=16, unique=True, default=new_code)
    submitted_on = models.DateField("提交日期")
    response = models.CharField("处理结果", max_length=12, choices=Response.choices, blank=True)
    response_reason = models.TextField("理由", blank=True)
    answered_by = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answered_on = models.DateField("答复日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "公众意见"
        ordering = ["paragraph", "id"]
        indexes = [models.Index(fields=["decision", "kind", "paragraph"])]

    def __str__(self):
        return f"意见{self.code}"


class ExpertOpinion(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="expert_opinions")
    name = models.CharField("专家姓名", max_length=50)
    affiliation = models.CharField("工作单位", max_length=100)
    expertise = models.CharField("专业领域", max_length=100, blank=True)
    no_conflict = models.BooleanField("已声明与决策事项无直接利害关系", default=False)
    invited_on = models.DateField("邀请日期")
    opinion = models.TextField("论证意见", blank=True)
    submitted_on = models.DateField("提交日期", null=True, blank=True)
    handling = models.TextField("研究采纳情况", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "专家论证意见"
        ordering = ["id"]

    def __str__(self):
        return f"{self.name}（{self.affiliation}）"


class RiskLevel(models.TextChoices):
    HIGH = "high", "高"
    MEDIUM = "medium", "中"
    LOW = "low", "低"


class RiskAssessment(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="risk_assessments")
    assessor = models.CharField("评估单位", max_length=100)
    assessed_on = models.DateField("评估日期")
    level = models.CharField("风险等级", max_length=8, choices=RiskLevel.choices)
    risk_points = models.TextField("风险点")
    measures = models.TextField("防范措施")
    contingency = models.TextField("处置预案")
    controllable = models.BooleanField("风险可控", default=True)
    report = models.ForeignKey("core.Attachment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "风险评估"
        ordering = ["-assessed_on", "-id"]

    def __str__(self):
        return f"风险评估（{self.get_level_display()}）"


class Hearing(Versioned):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="hearings")
    hearing_on = models.DateField("听证日期")
    place = models.CharField("地点", max_length=200)
    notice_on = models.DateField("公告日期")
    selection_method = models.TextField("参加人遴选办法")
    signup_closes = models.DateField("报名截止")
    participants_published_on = models.DateField("参加人名单公布日期", null=True, blank=True)
    held_on = models.DateField("举行日期", null=True, blank=True)
    transcript = models.ForeignKey(
        "core.Attachment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    transcript_is_basis = models.BooleanField("听证笔录作为决策依据", default=False)
    participants_signed = models.BooleanField("参加人已确认笔录并签字", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "听证会"
        ordering = ["-hearing_on"]

    def __str__(self):
        return f"{self.decision.title}听证会（{self.hearing_on}）"


class ParticipantStatus(models.TextChoices):
    APPLIED = "applied", "已报名"
    SELECTED = "selected", "已遴选"
    NOT_SELECTED = "not_selected", "未遴选"


class HearingParticipant(models.Model):
    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="participants")
    name = EncryptedTextField("姓名")
    phone = EncryptedTextField("联系电话", blank=True)
    affiliation = models.CharField("单位或身份", max_length=100, blank=True)
    interest = models.CharField("利益相关方面", max_length=100, blank=True)
    invited = models.BooleanField("由承办单位邀请", default=False)
    status = models.CharField(
        "状态", max_length=14, choices=ParticipantStatus.choices, default=ParticipantStatus.APPLIED
    )
    code = models.CharField("查询码", max_length=16, unique=True, default=new_code)

    class Meta:
        verbose_name = verbose_name_plural = "听证参加人"
        ordering = ["id"]

    @property
    def awaits_selection(self) -> bool:
        return self.status == ParticipantStatus.APPLIED


class Opinion(models.TextChoices):
    LAWFUL = "lawful", "合法"
    REVISE = "revise", "修改后合法"
    UNLAWFUL = "unlawful", "不合法"
    # 第二十五条第二款：国家尚无明确规定的探索性改革决策事项，可以明示法律风险，提交讨论
    RISK_STATED = "risk_stated", "探索性改革事项，明示法律风险"


class LegalityReview(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="reviews")
    submitted_on = models.DateField("送审日期")
    submitted_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    planned_meeting_on = models.DateField("拟提交讨论日期")
    short_reason = models.TextField(f"审查时间不足{LEGALITY_REVIEW_TIME.days}个工作日的理由", blank=True)
    procedure_note = models.TextField("履行决策法定程序的说明")
    opinion = models.CharField("审查意见", max_length=12, choices=Opinion.choices, blank=True)
    opinion_text = models.TextField("审查意见书", blank=True)
    reviewed_on = models.DateField("审查日期", null=True, blank=True)
    reviewer = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "合法性审查"
        ordering = ["-id"]


class MeetingKind(models.TextChoices):
    EXECUTIVE = "executive", "政府常务会议"
    PLENARY = "plenary", "政府全体会议"
    LEADERSHIP = "leadership", "部门领导班子会议"


class Outcome(models.TextChoices):
    ADOPT = "adopt", "通过"
    RETURN = "return", "退回修改"


class Meeting(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField("会议", max_length=12, choices=MeetingKind.choices)
    held_on = models.DateField("会议日期")
    attendees = models.TextField("出席人员")
    legal_head_attended = models.BooleanField("法制机构负责人列席", default=False)
    opinions = models.JSONField("发言意见", default=list)
    head_name = models.CharField("行政首长", max_length=50)
    head_spoke_last = models.BooleanField("行政首长最后发表意见", default=False)
    head_conclusion = models.TextField("行政首长的决定")
    majority_differs_reason = models.TextField("与多数意见不一致的理由", blank=True)
    outcome = models.CharField("结果", max_length=8, choices=Outcome.choices)
    recorded_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "集体讨论记录"
        ordering = ["-held_on", "-id"]

    @property
    def dissents(self) -> list[dict]:
        return [o for o in self.opinions if o.get("stance") == "disagree"]


class ExecutionStatus(models.TextChoices):
    ON_TRACK = "on_track", "按计划推进"
    DELAYED = "delayed", "进度滞后"
    BLOCKED = "blocked", "遇到重大问题"
    DONE = "done", "已完成"


class Feedback(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="feedback")
    unit = models.ForeignKey("core.Unit", on_delete=models.PROTECT, related_name="+")
    reported_on = models.DateField("报告日期")
    status = models.CharField("执行状态", max_length=10, choices=ExecutionStatus.choices)
    progress = models.PositiveSmallIntegerField("进度%")
    milestones = models.TextField("已完成节点", blank=True)
    problems = models.TextField("存在问题", blank=True)
    by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "执行情况报告"
        ordering = ["-reported_on", "-id"]


class Performer(models.TextChoices):
    OWN = "own", "决策机关自行组织"
    EXPERTS = "experts", "专家评估"
    AGENCY = "agency", "委托第三方机构"


class Trigger(models.TextChoices):
    # 第三十六条第一款
    UNDERPERFORMING = "underperforming", "实施后明显未达到预期效果"
    MANY_OPINIONS = "many_opinions", "公民、法人或者其他组织提出较多意见"
    NECESSARY = "necessary", "决策机关认为有必要"


class Verdict(models.TextChoices):
    CONTINUE = "continue", "继续执行"
    ADJUST = "adjust", "调整"
    SUSPEND = "suspend", "中止执行"
    STOP = "stop", "停止执行"


class Evaluation(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="evaluations")
    trigger = models.CharField("启动情形", max_length=16, choices=Trigger.choices)
    performer = models.CharField("评估方式", max_length=8, choices=Performer.choices)
    performer_name = models.CharField("承担评估的单位或专家", max_length=100)
    started_on = models.DateField("启动日期")
    findings = models.TextField("评估结论", blank=True)
    public_input = models.TextField("听取公众意见情况", blank=True)
    verdict = models.CharField("决定", max_length=10, choices=Verdict.choices, blank=True)
    concluded_on = models.DateField("完成日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "决策后评估"
        ordering = ["-started_on", "-id"]
