"""政府信息公开: requests (依申请公开), the proactive catalogue (主动公开) and the unit's guide and annual report.
Every unit (department, township, the government itself) is a 行政机关 with its own of each."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from yifa.core.crypto import EncryptedTextField
from yifa.core.models.versioned import Versioned


class Channel(models.TextChoices):
    # 第三十一条：收到申请的日期因提交方式而异。
    ONLINE = "online", "互联网（门户网站）"
    COUNTER = "counter", "当面提交"
    POST_SIGNED = "post_signed", "邮寄（需签收）"
    POST_ORDINARY = "post_ordinary", "平常信函"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"
    ORAL = "oral", "口头提出（代为填写）"
    LEDGER = "ledger", "台账导入（提交方式未记载）"


# 当面提交（口头提出当场代填）以提交之日为收到之日；其余以签收或双方确认之日为准。
SAME_DAY_CHANNELS = (Channel.COUNTER, Channel.ORAL)


class ApplicantKind(models.TextChoices):
    """The columns of the annual report's table 三, in its order."""

    PERSON = "person", "自然人"
    BUSINESS = "business", "商业企业"
    RESEARCH = "research", "科研机构"
    PUBLIC_INTEREST = "public_interest", "社会公益组织"
    LEGAL_SERVICE = "legal_service", "法律服务机构"
    OTHER = "other", "其他"


class Outcome(models.TextChoices):
    """办理结果, one per row of table 三（国办公开办函〔2021〕30号）; the labels are the import's values."""

    OPEN = "open", "予以公开"
    PARTIAL = "partial", "部分公开"
    SECRET = "secret", "不予公开：属于国家秘密"
    FORBIDDEN = "forbidden", "不予公开：其他法律行政法规禁止公开"
    SAFETY = "safety", "不予公开：危及“三安全一稳定”"
    THIRD_PARTY = "third_party", "不予公开：保护第三方合法权益"
    INTERNAL = "internal", "不予公开：属于三类内部事务信息"
    PROCESS = "process", "不予公开：属于四类过程性信息"
    CASE_FILE = "case_file", "不予公开：属于行政执法案卷"
    QUERY = "query", "不予公开：属于行政查询事项"
    NOT_HELD = "not_held", "无法提供：本机关不掌握相关政府信息"
    NEEDS_MAKING = "needs_making", "无法提供：没有现成信息需要另行制作"
    STILL_UNCLEAR = "still_unclear", "无法提供：补正后申请内容仍不明确"
    PETITION = "petition", "不予处理：信访举报投诉类申请"
    REPEAT = "repeat", "不予处理：重复申请"
    PUBLICATION = "publication", "不予处理：要求提供公开出版物"
    VEXATIOUS = "vexatious", "不予处理：无正当理由大量反复申请"
    CONFIRM = "confirm", "不予处理：要求行政机关确认或重新出具已获取信息"
    NO_CORRECTION = "no_correction", ("其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
    NO_FEE = "no_fee", "其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    OTHER = "other", "其他处理：其他"


def outcome_group(value: str) -> str:
    """予以公开, 部分公开, 不予公开, 无法提供, 不予处理 or 其他处理."""
    return Outcome(value).label.split("：")[0]


# Every refusal must carry its reason (第三十六条第三项、第三十七条).
NEEDS_REASON = tuple(o for o in Outcome if outcome_group(o) not in ("予以公开",))


class RequestState(models.TextChoices):
    SUBMITTED = "submitted", "待确认收到"
    OPEN = "open", "办理中"
    CLARIFYING = "clarifying", "待申请人补正"
    CONSULTING = "consulting", "征求意见中"
    CLOSED = "closed", "已办结"


OPEN_STATES = (RequestState.OPEN, RequestState.CLARIFYING, RequestState.CONSULTING)


class ConsultKind(models.TextChoices):
    THIRD_PARTY = "third_party", "征求第三方意见（第三十二条）"
    OTHER_ORGAN = "other_organ", "征求其他机关意见（第三十四条）"


class Request(Versioned):
    unit = models.ForeignKey("core.Unit", verbose_name="行政机关", on_delete=models.PROTECT, related_name="+")
    number = models.CharField("编号", max_length=60, unique=True)
    lookup_code = models.CharField("查询码", max_length=12, unique=True)
    channel = models.CharField("提交方式", max_length=20, choices=Channel.choices)
    submitted_on = models.DateField("提交日期")
    received_on = models.DateField("收到申请日期", null=True, blank=True, db_index=True)
    state = models.CharField(
        "状态", max_length=20, choices=RequestState.choices, default=RequestState.SUBMITTED, db_index=True
    )
    applicant_kind = models.CharField("申请人类型", max_length=20, choices=ApplicantKind.choices)
    applicant_name = EncryptedTextField("申请人姓名或名称")
    applicant_id_number = EncryptedTextField("身份证明号码", blank=True)
    applicant_phone = EncryptedTextField("联系电话", blank=True)
    applicant_address = EncryptedTextField("通信地址", blank=True)
    # A keyed digest of the applicant's identity: finds earlier requests by the same person without decrypting.
    applicant_key = models.CharField(max_length=64, db_index=True, blank=True)
    content = models.TextField("申请公开的政府信息")
    form_wanted = models.CharField("获取信息的方式", max_length=100, blank=True)
    similar_to = models.ForeignKey(
        "self", verbose_name="相似的在先申请", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    same_applicant = models.BooleanField("同一申请人在先申请过相似信息", default=False)
    clarification_items = models.TextField("需要补正的事项", blank=True)
    clarification_due = models.DateField("补正期限", null=True, blank=True)
    clarification_notice_on = models.DateField("补正通知日期", null=True, blank=True)
    supplement_on = models.DateField("收到补正日期", null=True, blank=True)
    consult_kind = models.CharField("征求意见类型", max_length=20, choices=ConsultKind.choices, blank=True)
    consulted = models.CharField("征求意见对象", max_length=200, blank=True)
    extension_days = models.PositiveSmallIntegerField("延长答复期限（工作日）", default=0)
    outcome = models.CharField("办理结果", max_length=20, choices=Outcome.choices, blank=True, db_index=True)
    outcome_reason = models.TextField("理由", blank=True)
    refer_to = models.CharField("负责公开的行政机关及联系方式", max_length=200, blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True, db_index=True)
    reply_text = models.TextField("答复内容（申请人收到的全文）", blank=True)
    public_text = models.TextField("答复内容（公开版，已隐去个人信息）", blank=True)
    public_summary = models.TextField("申请内容（公开版）", blank=True)
    redaction_confirmed = models.BooleanField("公开版已经工作人员确认", default=False)
    imported = models.BooleanField("由台账导入", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开申请"
        indexes = [models.Index(fields=["unit", "received_on"]), models.Index(fields=["unit", "replied_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(replied_on__isnull=True) | models.Q(replied_on__gte=models.F("received_on")),
                name="disclosure_reply_not_before_receipt",
            )
        ]

    def __str__(self):
        return f"{self.number} 政府信息公开申请"

    def get_absolute_url(self):
        return reverse("disclosure:request", args=[self.pk])

    @property
    def outcome_group(self) -> str:
        return outcome_group(self.outcome) if self.outcome else ""


class Counter(models.Model):
    """The next number of a unit's requests in a year (one UPDATE, so concurrent intakes never share one)."""

    unit = models.ForeignKey("core.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="disclosure_counter_once")]


class Category(models.TextChoices):
    """主动公开的内容：第二十条各项，以及第十九条的其他信息。"""

    RULES = "20_1", "（一）行政法规、规章和规范性文件"
    FUNCTIONS = "20_2", "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"
    PLANS = "20_3", "（三）国民经济和社会发展规划、专项规划、区域规划及相关政策"
    STATISTICS = "20_4", "（四）国民经济和社会发展统计信息"
    LICENSING = "20_5", "（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"
    PENALTY = "20_6", "（六）实施行政处罚、行政强制的依据、条件、程序以及认为具有一定社会影响的行政处罚决定"
    FINANCE = "20_7", "（七）财政预算、决算信息"
    FEES = "20_8", "（八）行政事业性收费项目及其依据、标准"
    PROCUREMENT = "20_9", "（九）政府集中采购项目的目录、标准及实施情况"
    SUBSIDIES = "20_10", "（十）重大建设项目的批准和实施情况"
    POVERTY = "20_11", "（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"
    EMERGENCY = "20_12", "（十二）突发公共事件的应急预案、预警信息及应对情况"
    ENVIRONMENT = "20_13", "（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"
    RECRUITMENT = "20_14", "（十四）公务员招考的职位、名额、报考条件等事项以及录用结果"
    OTHER_20 = "20_15", "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"
    ART_19 = "19", "第十九条：涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的其他政府信息"


class CatalogueState(models.TextChoices):
    PENDING = "pending", "待公开"
    PUBLISHED = "published", "已公开"


class CatalogueItem(Versioned):
    unit = models.ForeignKey("core.Unit", verbose_name="行政机关", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("信息名称", max_length=200)
    category = models.CharField("类别", max_length=10, choices=Category.choices)
    formed_on = models.DateField("形成或者变更日期")
    state = models.CharField(
        "状态", max_length=20, choices=CatalogueState.choices, default=CatalogueState.PENDING, db_index=True
    )
    published_on = models.DateField("公开日期", null=True, blank=True)
    body = models.TextField("内容", blank=True)
    from_request = models.ForeignKey(
        Request,
        verbose_name="因多次申请转为主动公开",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = verbose_name_plural = "主动公开目录"
        indexes = [models.Index(fields=["unit", "state", "published_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("disclosure:catalogue", args=[self.unit_id])


class Guide(Versioned):
    """政府信息公开指南（第十二条）: one per unit."""

    unit = models.OneToOneField("core.Unit", verbose_name="行政机关", on_delete=models.PROTECT, related_name="+")
    text = models.TextField("指南内容")
    office = models.CharField("政府信息公开工作机构", max_length=100, blank=True)
    address = models.CharField("办公地址", max_length=200, blank=True)
    hours = models.CharField("办公时间", max_length=100, blank=True)
    contact = models.CharField("联系电话、传真、电子邮箱", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开指南"

    def __str__(self):
        return f"{self.unit}政府信息公开指南"

    def get_absolute_url(self):
        return reverse("disclosure:catalogue", args=[self.unit_id])


class AnnualReport(Versioned):
    """政府信息公开工作年度报告（第四十九、五十条）; tables 一 to 四 are counted, parts 五 and 六 written."""

    unit = models.ForeignKey("core.Unit", verbose_name="行政机关", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    overview = models.TextField("一、总体情况", blank=True)
    problems = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other = models.TextField("六、其他需要报告的事项", blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    figures = models.JSONField("公布时的数据", default=dict, blank=True)
    # 表二中本平台没有来源记录的数字，由本机关填报（设区的市政府规章、行政事业性收费金额）。
    rules_made = models.PositiveIntegerField("规章：本年制发件数", default=0)
    rules_repealed = models.PositiveIntegerField("规章：本年废止件数", default=0)
    rules_in_force = models.PositiveIntegerField("规章：现行有效件数", default=0)
    fees_wan = models.DecimalField("行政事业性收费：本年收费金额（万元）", max_digits=12, decimal_places=4, default=0)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开工作年度报告"
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="disclosure_report_once")]

    def __str__(self):
        return f"{self.unit}{self.year}年政府信息公开工作年度报告"

    def get_absolute_url(self):
        return reverse("disclosure:report", args=[self.unit_id, self.year])


class ActKind(models.TextChoices):
    """What other modules publish or decide that table 二 counts (第二十条第（一）、（五）、（六）项)."""

    NORMDOC = "normdoc", "行政规范性文件"
    LICENCE = "licence", "行政许可"
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"


class OtherAct(models.Model):
    """One document published or decision made in another module, kept from its event (receivers.py):
    ``made_on`` is the publication or decision date; ``ended_on`` when a document stops being in force,
    ``repealed`` when it ended by repeal, replacement, revocation or a declaration of invalidity."""

    unit = models.ForeignKey("core.Unit", verbose_name="行政机关", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("类别", max_length=10, choices=ActKind.choices)
    source = models.CharField("来源记录", max_length=60, unique=True)  # "<module>:<pk>"
    label = models.CharField("名称", max_length=200)
    link = models.CharField("链接", max_length=300, blank=True)
    made_on = models.DateField("公布或决定日期")
    ended_on = models.DateField("失效日期", null=True, blank=True)
    repealed = models.BooleanField("废止", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "其他模块公开或作出的事项"
        indexes = [models.Index(fields=["unit", "kind", "made_on"])]

    def __str__(self):
        return self.label


class ChallengeKind(models.TextChoices):
    """The three column groups of table 四."""

    RECONSIDERATION = "reconsideration", "行政复议"
    DIRECT_SUIT = "direct_suit", "行政诉讼（未经复议直接起诉）"
    SUIT_AFTER = "suit_after", "行政诉讼（复议后起诉）"


class ChallengeResult(models.TextChoices):
    """The columns of each group, in the report's order."""

    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"
    PENDING = "pending", "尚未审结"


class Challenge(Versioned):
    """A reconsideration or a lawsuit against the unit's disclosure work (表四). Reconsiderations decided on
    this platform arrive from the reconsideration module's events (``source`` set, not editable here);
    lawsuits and reconsiderations before other organs are entered by the unit's staff."""

    unit = models.ForeignKey("core.Unit", verbose_name="被申请人或被告", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("类别", max_length=20, choices=ChallengeKind.choices)
    reference = models.CharField("案号", max_length=60)
    filed_on = models.DateField("受理或立案日期", db_index=True)
    result = models.CharField("结果", max_length=10, choices=ChallengeResult.choices, default=ChallengeResult.PENDING)
    concluded_on = models.DateField("审结日期", null=True, blank=True)
    request = models.ForeignKey(
        Request, verbose_name="所涉政府信息公开申请", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField("说明", max_length=300, blank=True)
    source = models.CharField("来源记录", max_length=60, blank=True)  # "reconsideration:<pk>" when from the module
    link = models.CharField("链接", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开行政复议、行政诉讼"
        indexes = [models.Index(fields=["unit", "filed_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source"], condition=~models.Q(source=""), name="disclosure_challenge_source_once"
            ),
            models.CheckConstraint(
                condition=models.Q(concluded_on__isnull=True) | models.Q(concluded_on__gte=models.F("filed_on")),
                name="disclosure_challenge_concluded_after_filing",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference}"

    def get_absolute_url(self):
        return reverse("disclosure:challenges", args=[self.unit_id])

    @property
    def from_module(self) -> bool:
        return bool(self.source)
