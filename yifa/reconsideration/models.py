"""Reconsideration cases (行政复议案件), their parties, hearings, committee and opinion letters."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse

from yifa.core.crypto import EncryptedTextField
from yifa.core.models.versioned import Versioned

NEW_LAW_FROM = dt.date(2024, 1, 1)  # 行政复议法（2023）第九十条


class Channel(models.TextChoices):
    ONLINE = "online", "网上申请"
    POST = "post", "邮寄"
    COUNTER = "counter", "当面递交"
    ORAL = "oral", "口头申请（当场记录）"


class CaseState(models.TextChoices):
    REVIEW = "review", "受理审查中"
    CORRECTION = "correction", "待申请人补正"
    ACCEPTED = "accepted", "审理中"
    SUSPENDED = "suspended", "中止审理"
    APPROVAL = "approval", "决定待审批"
    DECIDED = "decided", "已作出决定"
    MEDIATED = "mediated", "调解结案"
    TERMINATED = "terminated", "已终止"
    NOT_ACCEPTED = "not_accepted", "不予受理"
    ABANDONED = "abandoned", "视为放弃申请"


OPEN_STATES = (CaseState.REVIEW, CaseState.CORRECTION, CaseState.ACCEPTED, CaseState.SUSPENDED, CaseState.APPROVAL)
CLOSED_STATES = (CaseState.DECIDED, CaseState.MEDIATED, CaseState.TERMINATED)


class Procedure(models.TextChoices):
    NORMAL = "normal", "普通程序"
    SIMPLIFIED = "simplified", "简易程序"


class SimplifiedBasis(models.TextChoices):
    ON_THE_SPOT = "on_the_spot", "行政行为当场作出（第五十三条第一款第一项）"
    WARNING = "warning", "警告或者通报批评（第一款第二项）"
    SMALL_AMOUNT = "small_amount", "涉及款额三千元以下（第一款第三项）"
    DISCLOSURE = "disclosure", "政府信息公开案件（第一款第四项）"
    CONSENT = "consent", "当事人各方同意（第二款）"


class ActType(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    LICENSING = "licensing", "行政许可"
    CONFIRMATION = "confirmation", "行政确认"
    LEVY = "levy", "行政征收征用"
    DISCLOSURE = "disclosure", "政府信息公开"
    INACTION = "inaction", "不履行法定职责"
    AGREEMENT = "agreement", "行政协议"
    OTHER = "other", "其他"


class DecisionType(models.TextChoices):
    CHANGE = "change", "变更（第六十三条）"
    REVOKE = "revoke", "撤销或者部分撤销（第六十四条）"
    REVOKE_REDO = "revoke_redo", "撤销并责令重新作出（第六十四条）"
    ILLEGAL = "illegal", "确认违法（第六十五条）"
    PERFORM = "perform", "责令履行（第六十六条）"
    VOID = "void", "确认无效（第六十七条）"
    UPHOLD = "uphold", "维持（第六十八条）"
    REJECT_CLAIM = "reject_claim", "驳回复议请求（第六十九条）"
    REJECT_APPLICATION = "reject_application", "驳回复议申请（第三十三条）"


# 纠错：改变或否定原行政行为的决定。
CORRECTING = (
    DecisionType.CHANGE,
    DecisionType.REVOKE,
    DecisionType.REVOKE_REDO,
    DecisionType.ILLEGAL,
    DecisionType.PERFORM,
    DecisionType.VOID,
)

SIMPLE_MAX_AMOUNT = 3000  # 第五十三条第一款第三项：三千元以下


class SuspensionGround(models.TextChoices):
    DEATH = "1", "申请人死亡，近亲属尚未确定是否参加（第三十九条第一款第一项）"
    INCAPACITY = "2", "申请人丧失行为能力，尚未确定法定代理人（第二项）"
    MISSING = "3", "申请人下落不明（第三项）"
    DISSOLVED = "4", "法人或其他组织终止，尚未确定承受人（第四项）"
    FORCE_MAJEURE = "5", "不可抗力或其他正当理由不能参加（第五项）"
    MEDIATION = "6", "调解、和解，申请人和被申请人同意中止（第六项）"
    INTERPRETATION = "7", "法律适用问题需有权机关解释或确认（第七项）"
    OTHER_CASE = "8", "需以其他案件审理结果为依据（第八项）"
    NORM_REVIEW = "9", "规范性文件或依据附带审查（第九项）"
    OTHER = "10", "其他需要中止的情形（第十项）"


# 第四十一条第一款第五项：这三项中止满六十日仍未消除的，终止。
LIMITED_SUSPENSIONS = (SuspensionGround.DEATH, SuspensionGround.INCAPACITY, SuspensionGround.DISSOLVED)


class TerminationGround(models.TextChoices):
    WITHDRAWN = "1", "申请人撤回申请，复议机构准予撤回（第四十一条第一款第一项）"
    SETTLED = "1s", "双方和解后申请人撤回申请（第七十四条、第四十一条第一款第一项）"
    DEATH = "2", "申请人死亡，无近亲属或近亲属放弃（第二项）"
    DISSOLVED = "3", "法人或其他组织终止，无承受人或承受人放弃（第三项）"
    CRIMINAL = "4", "因同一违法行为涉嫌犯罪被采取刑事强制措施（第四项）"
    SUSPENDED_60 = "5", "中止满六十日原因仍未消除（第五项）"


class StayGround(models.TextChoices):
    RESPONDENT = "1", "被申请人认为需要停止执行（第四十二条第一项）"
    ORGAN = "2", "行政复议机关认为需要停止执行（第二项）"
    REQUEST = "3", "申请人、第三人申请停止执行，要求合理（第三项）"
    LAW = "4", "法律、法规、规章规定停止执行（第四项）"


class ApprovalMode(models.TextChoices):
    HEAD = "head", "复议机关负责人同意"
    COLLECTIVE = "collective", "集体讨论通过"


class Case(Versioned):
    # 案号 is given when the case is accepted (or deemed accepted), so rejected and abandoned applications do
    # not consume it; until then the application is known by its 收件编号, given on receipt with the lookup code.
    case_number = models.CharField("案号", max_length=60, unique=True, null=True, blank=True)
    receipt_number = models.CharField("收件编号", max_length=60, unique=True)
    not_accepted_number = models.CharField("不予受理决定书文号", max_length=60, blank=True)
    lookup_code = models.CharField("查询码", max_length=12, unique=True)
    channel = models.CharField("申请方式", max_length=10, choices=Channel.choices)
    received_on = models.DateField("收到申请日期", db_index=True)
    state = models.CharField("状态", max_length=20, choices=CaseState.choices, default=CaseState.REVIEW, db_index=True)
    procedure = models.CharField("审理程序", max_length=12, choices=Procedure.choices, default=Procedure.NORMAL)
    simplified_basis = models.CharField(
        "适用简易程序的依据", max_length=20, choices=SimplifiedBasis.choices, blank=True
    )
    office = models.ForeignKey(
        "core.Unit", verbose_name="复议机构", on_delete=models.PROTECT, related_name="reconsideration_cases"
    )
    handler = models.ForeignKey(
        "core.User", verbose_name="承办人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    respondent_unit = models.ForeignKey(
        "core.Unit",
        verbose_name="被申请人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reconsideration_respondent",
    )
    respondent_name = models.CharField("被申请人名称", max_length=100)
    act_title = models.CharField("被申请复议的行政行为", max_length=200)
    act_type = models.CharField("行政行为类型", max_length=20, choices=ActType.choices)
    act_date = models.DateField("行政行为作出日期")
    known_on = models.DateField("知道或应当知道行政行为之日")
    real_estate = models.BooleanField("因不动产提出", default=False)
    not_informed = models.BooleanField("行政机关未告知复议权利、机关和期限", default=False)
    rights_known_on = models.DateField("知道复议权利、机关和期限之日", null=True, blank=True)
    delay_grounds = models.TextField("耽误申请期限的正当理由", blank=True)
    amount = models.DecimalField("涉及款额（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    requests = models.TextField("行政复议请求")
    facts_reasons = models.TextField("事实和理由")
    compensation_claim = models.TextField("一并提出的行政赔偿请求", blank=True)
    is_major = models.BooleanField("重大、疑难、复杂", default=False)
    is_technical = models.BooleanField("专业性、技术性较强", default=False)

    correction_items = models.TextField("补正事项", blank=True)
    correction_sent_on = models.DateField("补正通知日期", null=True, blank=True)
    correction_served_on = models.DateField("申请人收到补正通知日期（送达日）", null=True, blank=True)
    correction_due_on = models.DateField("补正期限（2017年法案件由复议机构确定）", null=True, blank=True)
    correction_received_on = models.DateField("收到补正材料日期", null=True, blank=True)
    correction_extension_days = models.PositiveSmallIntegerField("补正期限延长工作日数", default=0)
    correction_extension_reason = models.TextField("补正期限延长理由", blank=True)
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    deemed_accepted = models.BooleanField("视为受理", default=False)
    not_accepted_reason = models.TextField("不予受理理由", blank=True)
    competent_organ = models.CharField("有管辖权的行政复议机关", max_length=100, blank=True)
    copy_sent_on = models.DateField("副本发送日期", null=True, blank=True)
    copy_served_on = models.DateField("被申请人收到副本日期（送达日）", null=True, blank=True)
    reply_on = models.DateField("答复日期", null=True, blank=True)
    reply_text = models.TextField("书面答复", blank=True)
    suspended_on = models.DateField("中止日期", null=True, blank=True)
    suspension_ground = models.CharField("中止情形", max_length=3, choices=SuspensionGround.choices, blank=True)
    termination_ground = models.CharField("终止情形", max_length=3, choices=TerminationGround.choices, blank=True)
    extension_days = models.PositiveSmallIntegerField("延长天数", default=0)
    extension_last_days = models.PositiveSmallIntegerField("最近一次延长天数", default=0)
    extension_reason = models.TextField("延长理由", blank=True)
    decision_type = models.CharField("决定类型", max_length=20, choices=DecisionType.choices, blank=True)
    decision_text = models.TextField("决定内容", blank=True)
    findings = models.TextField("经审理查明的事实", blank=True)
    stayed_on = models.DateField("决定停止执行日期", null=True, blank=True)
    stay_ground = models.CharField("停止执行情形", max_length=2, choices=StayGround.choices, blank=True)
    enforce_on = models.DateField("责令履行日期", null=True, blank=True)
    enforce_due_on = models.DateField("限期履行至", null=True, blank=True)
    enforce_matters = models.TextField("责令履行事项", blank=True)
    compensation = models.TextField("赔偿、返还财产等决定", blank=True)
    mediation_text = models.TextField("调解协议内容", blank=True)
    approval_mode = models.CharField("审批方式", max_length=12, choices=ApprovalMode.choices, blank=True)
    approved_by = models.ForeignKey(
        "core.User", verbose_name="批准人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    collective_meeting = models.CharField("集体讨论的会议名称", max_length=100, blank=True)
    collective_on = models.DateField("集体讨论日期", null=True, blank=True)
    collective_record = models.TextField("集体讨论会议记录", blank=True)
    closed_on = models.DateField("结案日期", null=True, blank=True, db_index=True)
    overdue_justification = models.TextField("超审限理由", blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True, db_index=True)
    public_text = models.TextField("公开文本（已去除个人信息）", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政复议案件"
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["state", "received_on"])]

    def __str__(self):
        return f"{self.number}（{self.act_title[:30]}）"

    def get_absolute_url(self):
        return reverse("reconsideration:case", args=[self.pk])

    @property
    def number(self) -> str:
        """What the case is known by: its 案号 once accepted, its 收件编号 before."""
        return self.case_number or self.receipt_number

    @property
    def number_label(self) -> str:
        return "案号" if self.case_number else "收件编号"

    @property
    def law_year(self) -> int:
        return 2017 if self.received_on < NEW_LAW_FROM else 2023

    @property
    def is_simplified(self) -> bool:
        return self.procedure == Procedure.SIMPLIFIED

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def needs_committee(self) -> bool:
        return self.is_major or self.is_technical

    @property
    def applicants(self):
        return [p for p in self.parties.all() if p.role == PartyRole.APPLICANT]

    @property
    def applicant_names(self) -> str:
        return "、".join(p.name for p in self.applicants)


class PartyRole(models.TextChoices):
    APPLICANT = "applicant", "申请人"
    REPRESENTATIVE = "representative", "法定代表人/代表人"
    AGENT = "agent", "委托代理人"
    THIRD_PARTY = "third_party", "第三人"


class PartyKind(models.TextChoices):
    PERSON = "person", "自然人"
    LEGAL = "legal", "法人"
    OTHER = "other", "其他组织"


class Party(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField("身份", max_length=20, choices=PartyRole.choices)
    kind = models.CharField("类型", max_length=10, choices=PartyKind.choices, default=PartyKind.PERSON)
    name = models.CharField("姓名或名称", max_length=100)
    id_number = EncryptedTextField("身份证件号码或统一社会信用代码", blank=True)
    phone = EncryptedTextField("联系电话", blank=True)
    address = EncryptedTextField("通讯地址", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "当事人"
        ordering = ["id"]

    def __str__(self):
        return f"{self.get_role_display()}：{self.name}"


class HearingKind(models.TextChoices):
    HEAR = "hear", "听取意见或书面审理（第四十九条）"
    FORMAL = "formal", "听证（第五十条、第五十一条）"
    INSPECTION = "inspection", "调查取证、勘验（第四十四条至第四十六条）"
    EXPERT = "expert", "鉴定、专家意见"


class Hearing(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hearings")
    kind = models.CharField("方式", max_length=12, choices=HearingKind.choices)
    notified_on = models.DateField("通知日期", null=True, blank=True)
    held_on = models.DateField("日期")
    place = models.CharField("地点或方式", max_length=100, blank=True)
    panel = models.CharField("主持人、听证员", max_length=200, blank=True)
    matters = models.TextField("事项", blank=True)
    record = models.TextField("记录", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "听取意见与听证"
        ordering = ["held_on", "id"]


class MemberKind(models.TextChoices):
    DEPARTMENT = "department", "政府部门"
    EXPERT = "expert", "专家"
    SCHOLAR = "scholar", "学者"


class CommitteeMember(models.Model):
    name = models.CharField("姓名", max_length=50)
    kind = models.CharField("类别", max_length=12, choices=MemberKind.choices)
    affiliation = models.CharField("单位或职务", max_length=100)
    term_start = models.DateField("任期起")
    term_end = models.DateField("任期止")

    class Meta:
        verbose_name = verbose_name_plural = "行政复议委员会委员"
        ordering = ["kind", "name"]

    def __str__(self):
        return f"{self.name}（{self.affiliation}）"

    def serving_on(self, day: dt.date) -> bool:
        return self.term_start <= day <= self.term_end


class CommitteeMeeting(models.Model):
    held_on = models.DateField("会议日期")
    title = models.CharField("会议名称", max_length=100)
    members = models.ManyToManyField(CommitteeMember, verbose_name="出席委员", related_name="meetings")

    class Meta:
        verbose_name = verbose_name_plural = "行政复议委员会会议"
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.title}"


class CommitteeOpinion(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="committee_opinions")
    meeting = models.ForeignKey(
        CommitteeMeeting, verbose_name="会议", on_delete=models.PROTECT, related_name="opinions"
    )
    opinion = models.TextField("咨询意见")

    class Meta:
        verbose_name = verbose_name_plural = "委员会咨询意见"


class LetterState(models.TextChoices):
    ISSUED = "issued", "待报送纠正情况"
    ANSWERED = "answered", "已报送纠正情况"


class OpinionLetter(Versioned):
    """行政复议意见书（第七十六条），纠正情况六十日内报送。"""

    state = models.CharField("状态", max_length=10, choices=LetterState.choices, default=LetterState.ISSUED)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="opinion_letters")
    recipient = models.ForeignKey("core.Unit", verbose_name="送达机关", on_delete=models.PROTECT, related_name="+")
    issued_on = models.DateField("制发日期")
    content = models.TextField("意见内容")
    feedback_on = models.DateField("报送纠正情况日期", null=True, blank=True)
    feedback = models.TextField("纠正情况", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政复议意见书"
        ordering = ["-issued_on"]

    def __str__(self):
        return f"{self.case.number}意见书（致{self.recipient}）"

    def get_absolute_url(self):
        return reverse("reconsideration:opinions")


class NumberKind(models.TextChoices):
    CASE = "case", "案号（受理时编号）"
    RECEIPT = "receipt", "收件编号（收到申请时编号，申请人凭其和查询码查询）"
    NOT_ACCEPTED = "not_accepted", "不予受理决定书文号（作出决定时编号）"


DEFAULT_PATTERNS = {
    NumberKind.CASE: "〔{year}〕江临复字第{seq}号",
    NumberKind.RECEIPT: "〔{year}〕江临复收字第{seq}号",
    NumberKind.NOT_ACCEPTED: "〔{year}〕江临复不受字第{seq}号",
}


class Numbering(models.Model):
    """编号规则，每类一套：{year}、{seq} 为占位符；每年顺序号从1开始。"""

    kind = models.CharField("编号种类", max_length=20, choices=NumberKind.choices, default=NumberKind.CASE)
    pattern = models.CharField("编号格式", max_length=60, default="〔{year}〕江临复字第{seq}号")
    year = models.PositiveIntegerField("年度")
    last = models.PositiveIntegerField("已用顺序号", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "编号规则"
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="reconsideration_numbering_kind_year")]


class DocTemplate(models.Model):
    kind = models.CharField("文书", max_length=30, unique=True)
    content = models.BinaryField("模板（.docx）")
    updated_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "文书模板"


class NormSource(models.TextChoices):
    REQUEST = "request", "申请人提出附带审查申请（第五十六条）"
    OWN_MOTION = "own", "复议机关审查中认为依据不合法（第五十七条）"


class NormConclusion(models.TextChoices):
    LAWFUL = "lawful", "相关条款合法，在决定书中一并告知（第五十九条）"
    UNLAWFUL = "unlawful", "超越权限或违反上位法，停止执行并责令纠正（第五十九条）"
    FORWARDED_REPLY = "forwarded", "接受转送机关已回复处理意见（第六十条）"


class NormState(models.TextChoices):
    OPEN = "open", "处理中"
    FORWARDED = "forwarded", "已转送，待回复"
    CONCLUDED = "concluded", "已处理完毕"


class NormReview(Versioned):
    """行政复议附带审查（第五十六条至第六十条）。审查期间行政复议中止（第三十九条第一款第九项）。"""

    state = models.CharField("状态", max_length=10, choices=NormState.choices, default=NormState.OPEN)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="norm_reviews")
    source = models.CharField("审查来源", max_length=10, choices=NormSource.choices)
    document = models.CharField("规范性文件或依据", max_length=200)
    started_on = models.DateField("收到附带审查申请/认为依据不合法之日")
    competent = models.BooleanField("本机关有权处理")
    drafter_unit = models.ForeignKey(
        "core.Unit", verbose_name="制定机关", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    drafter_name = models.CharField("制定机关名称", max_length=100, blank=True)
    suspended_case = models.BooleanField("因本审查中止复议", default=False)
    drafter_notified_on = models.DateField("书面通知制定机关日期", null=True, blank=True)
    drafter_served_on = models.DateField("制定机关收到通知日期", null=True, blank=True)
    drafter_reply_on = models.DateField("制定机关答复日期", null=True, blank=True)
    drafter_reply = models.TextField("制定机关书面答复", blank=True)
    forwarded_on = models.DateField("转送日期", null=True, blank=True)
    forwarded_to_unit = models.ForeignKey(
        "core.Unit", verbose_name="接受转送的机关", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    forwarded_to_name = models.CharField("接受转送的机关名称", max_length=100, blank=True)
    concluded_on = models.DateField("处理完毕日期", null=True, blank=True)
    conclusion = models.CharField("处理结果", max_length=12, choices=NormConclusion.choices, blank=True)
    conclusion_text = models.TextField("处理意见", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政复议附带审查"
        ordering = ["-started_on", "-id"]

    def __str__(self):
        return f"{self.case.number}附带审查（{self.document[:30]}）"

    def get_absolute_url(self):
        return reverse("reconsideration:norm_review", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.concluded_on is None


class SubmissionState(models.TextChoices):
    RECEIVED = "received", "待转送"
    FORWARDED = "forwarded", "已转送复议机关"
    RESOLVED = "resolved", "已自行处理"


class OrganSubmission(Versioned):
    """经作出处罚决定的机关提交的复议申请（第三十二条）：该机关认为需要维持处罚决定的，
    自收到之日起五个工作日内转送复议机关。仅当该机关为本平台单位时登记计时。"""

    state = models.CharField("状态", max_length=10, choices=SubmissionState.choices, default=SubmissionState.RECEIVED)
    unit = models.ForeignKey("core.Unit", verbose_name="作出处罚决定的机关", on_delete=models.PROTECT, related_name="+")
    received_on = models.DateField("收到复议申请日期")
    applicant_name = models.CharField("申请人", max_length=100)
    act_title = models.CharField("行政处罚决定", max_length=200)
    summary = models.TextField("申请内容摘要", blank=True)
    forwarded_on = models.DateField("转送复议机关日期", null=True, blank=True)
    case = models.ForeignKey(
        Case, verbose_name="复议案件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_on = models.DateField("自行处理完毕日期", null=True, blank=True)
    resolution = models.TextField("自行处理情况（撤销或变更处罚决定等）", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "经原机关提交的复议申请"
        ordering = ["-received_on", "-id"]

    def __str__(self):
        return f"{self.unit}收到的复议申请（{self.applicant_name}，{self.act_title[:30]}）"

    def get_absolute_url(self):
        return reverse("reconsideration:submissions")


from .intake_models import IntakeState, OnlineIntake  # noqa: E402, F401
