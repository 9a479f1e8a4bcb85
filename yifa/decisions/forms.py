"""Forms of the decision pages: they only parse; the services and the flow judge. Each page action's form
is an ActionForm, carrying the version of the record the user read."""

from django import forms

from yifa.core.models import Unit, UnitKind
from yifa.core.procedure import ActionForm
from yifa.core.public_forms import PublicForm

from . import rules
from .models import (
    CatalogueItem,
    Category,
    ExecutionStatus,
    MeetingKind,
    Opinion,
    Outcome,
    Performer,
    Response,
    RiskLevel,
    Trigger,
    Verdict,
)

DATE = forms.DateInput(attrs={"type": "date"})


def units():
    return Unit.objects.filter(active=True).exclude(kind=UnitKind.OUTSIDE).order_by("path")


class StartForm(forms.Form):
    catalogue_item = forms.ModelChoiceField(
        label="目录事项", required=False, queryset=CatalogueItem.objects.select_related("catalogue__unit")
    )
    title = forms.CharField(label="决策事项", max_length=200, required=False)
    decision_body_unit = forms.ModelChoiceField(label="决策机关", queryset=Unit.objects.none())
    lead = forms.ModelChoiceField(label="承办单位", queryset=Unit.objects.none())
    category = forms.ChoiceField(label="类别", choices=[("", "（随目录事项）"), *Category.choices], required=False)
    ad_hoc_reason = forms.CharField(label="目录外启动理由", widget=forms.Textarea, required=False)
    public_interest = forms.BooleanField(label="涉及社会公众切身利益", required=False)
    technical = forms.BooleanField(label="专业性技术性较强", required=False)
    risky = forms.BooleanField(label="可能影响社会稳定公共安全", required=False)
    hearing_required = forms.BooleanField(label="依法应当听证", required=False)
    hearing_basis = forms.CharField(label="听证依据", max_length=200, required=False)
    affects_market = forms.BooleanField(label="涉及市场主体经济活动", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_body_unit"].queryset = units()
        self.fields["lead"].queryset = units()


class DraftForm(ActionForm):
    research = forms.CharField(label="调查研究情况", widget=forms.Textarea, required=False)
    options = forms.CharField(label="备选方案", widget=forms.Textarea, required=False)
    cost_benefit = forms.CharField(label="成本效益分析", widget=forms.Textarea, required=False)
    legal_basis = forms.CharField(label="法律、法规、规章等依据", widget=forms.Textarea, required=False)
    draft_text = forms.CharField(label="决策草案（每行一段，公众可逐段提意见）", widget=forms.Textarea, required=False)
    draft_explanation = forms.CharField(label="草案说明", widget=forms.Textarea, required=False)
    fair_competition = forms.CharField(
        label="公平竞争审查情况（涉及市场主体经济活动的）", widget=forms.Textarea, required=False
    )


class CommentWindowForm(ActionForm):
    opens = forms.DateField(label="开始日期", widget=DATE)
    closes = forms.DateField(label="截止日期", widget=DATE)
    short_reason = forms.CharField(
        label=f"缩短期限的说明（不足{rules.PUBLIC_COMMENT_PERIOD.days}日时必填）", widget=forms.Textarea, required=False
    )
    real_name = forms.BooleanField(label="须实名提出意见", required=False)


class AnswerForm(ActionForm):
    comment = forms.IntegerField(widget=forms.HiddenInput)
    response = forms.ChoiceField(label="处理结果", choices=Response.choices)
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class ExpertForm(ActionForm):
    name = forms.CharField(label="专家姓名", max_length=50)
    affiliation = forms.CharField(label="工作单位", max_length=100)
    expertise = forms.CharField(label="专业领域", max_length=100, required=False)
    no_conflict = forms.BooleanField(label="已声明与决策事项无直接利害关系", required=False)


class ExpertOpinionForm(ActionForm):
    expert = forms.IntegerField(widget=forms.HiddenInput)
    opinion = forms.CharField(label="论证意见", widget=forms.Textarea(attrs={"rows": 2}))
    handling = forms.CharField(label="研究采纳情况", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class RiskForm(ActionForm):
    assessor = forms.CharField(label="评估单位", max_length=100)
    level = forms.ChoiceField(label="风险等级", choices=RiskLevel.choices)
    risk_points = forms.CharField(label="风险点", widget=forms.Textarea(attrs={"rows": 2}))
    measures = forms.CharField(label="防范措施", widget=forms.Textarea(attrs={"rows": 2}))
    contingency = forms.CharField(label="处置预案", widget=forms.Textarea(attrs={"rows": 2}))
    controllable = forms.BooleanField(label="风险可控", required=False)
    report = forms.FileField(label="风险评估报告", required=False)


class HearingForm(ActionForm):
    hearing_on = forms.DateField(label="听证日期", widget=DATE)
    place = forms.CharField(label="地点", max_length=200)
    signup_closes = forms.DateField(label="报名截止", widget=DATE)
    selection_method = forms.CharField(label="参加人遴选办法", widget=forms.Textarea(attrs={"rows": 2}))


class NumbersField(forms.Field):
    """Several record numbers (the participants ticked in a table); the flow checks they belong."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        try:
            return [int(v) for v in value or []]
        except (TypeError, ValueError):
            raise forms.ValidationError("须为报名人编号", code="invalid") from None


class SelectForm(ActionForm):
    hearing = forms.IntegerField(widget=forms.HiddenInput)
    selected = NumbersField(label="遴选", required=False)


class HearingRecordForm(ActionForm):
    hearing = forms.IntegerField(widget=forms.HiddenInput)
    held_on = forms.DateField(label="举行日期", widget=DATE)
    transcript = forms.FileField(label="听证笔录", required=False)
    participants_signed = forms.BooleanField(label="参加人已确认笔录并签字", required=False)
    transcript_is_basis = forms.BooleanField(label="笔录列为决策依据", required=False)


class ReviewSubmitForm(ActionForm):
    planned_meeting_on = forms.DateField(label="拟提交讨论日期", widget=DATE)
    procedure_note = forms.CharField(
        label="履行决策法定程序的说明", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    short_reason = forms.CharField(
        label=f"审查时间不足{rules.LEGALITY_REVIEW_TIME.days}个工作日的理由",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class OpinionForm(ActionForm):
    opinion = forms.ChoiceField(label="审查意见", choices=Opinion.choices)
    text = forms.CharField(label="审查意见书", widget=forms.Textarea(attrs={"rows": 3}))


class MeetingForm(ActionForm):
    kind = forms.ChoiceField(label="会议", choices=MeetingKind.choices)
    held_on = forms.DateField(label="会议日期", widget=DATE)
    attendees = forms.CharField(label="出席人员", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    legal_head_attended = forms.BooleanField(label="法制机构负责人列席", required=False)
    opinions = forms.CharField(
        label="发言意见（每行：发言人｜同意/不同意/其他｜意见）",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    head_name = forms.CharField(label="行政首长", max_length=50)
    head_spoke_last = forms.BooleanField(label="行政首长最后发表意见", required=False)
    head_conclusion = forms.CharField(label="行政首长的决定", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    majority_differs_reason = forms.CharField(
        label="与多数意见不一致的理由", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    outcome = forms.ChoiceField(label="结果", choices=Outcome.choices)

    STANCES = {"同意": "agree", "不同意": "disagree", "其他": "other"}

    def clean_opinions(self):
        rows = []
        for line in self.cleaned_data["opinions"].splitlines():
            parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
            if len(parts) == 3 and parts[0]:
                rows.append({"speaker": parts[0], "stance": self.STANCES.get(parts[1], parts[1]), "opinion": parts[2]})
            elif line.strip():
                raise forms.ValidationError(f"发言意见：“{line.strip()}”须为“发言人｜同意/不同意/其他｜意见”")
        return rows


class PublishForm(ActionForm):
    decision_no = forms.CharField(label="文号", max_length=80, required=False)
    decision_text = forms.CharField(label="决策内容", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    executing_unit = forms.ModelChoiceField(label="执行单位", queryset=Unit.objects.none(), required=False)
    party_reported_on = forms.DateField(
        label=f"向同级党委请示报告日期（{rules.PARTY_REPORT.citation}）", widget=DATE, required=False
    )
    feedback_every_days = forms.IntegerField(label="执行情况报告周期（日）", initial=90)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["executing_unit"].queryset = units()


class FeedbackForm(ActionForm):
    status = forms.ChoiceField(label="执行状态", choices=ExecutionStatus.choices)
    progress = forms.IntegerField(label="进度%", min_value=0, max_value=100)
    milestones = forms.CharField(label="已完成节点", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    problems = forms.CharField(label="存在问题", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class EvaluationStartForm(ActionForm):
    trigger = forms.ChoiceField(label="启动情形", choices=Trigger.choices)
    performer = forms.ChoiceField(label="评估方式", choices=Performer.choices)
    performer_name = forms.CharField(label="承担评估的单位或专家", max_length=100)


class EvaluationConcludeForm(ActionForm):
    evaluation = forms.IntegerField(widget=forms.HiddenInput)
    findings = forms.CharField(label="评估结论", widget=forms.Textarea(attrs={"rows": 3}))
    public_input = forms.CharField(label="听取公众意见情况", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    verdict = forms.ChoiceField(label="决定", choices=Verdict.choices)
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ReasonForm(ActionForm):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class CatalogueForm(forms.Form):
    unit = forms.ModelChoiceField(label="决策机关", queryset=Unit.objects.none())
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units()


class CatalogueItemForm(ActionForm):
    title = forms.CharField(label="事项名称", max_length=200)
    category = forms.ChoiceField(label="类别", choices=Category.choices)
    lead_unit = forms.ModelChoiceField(label="承办单位", queryset=Unit.objects.none())
    public_interest = forms.BooleanField(label="涉及社会公众切身利益", required=False)
    technical = forms.BooleanField(label="专业性技术性较强", required=False)
    risky = forms.BooleanField(label="可能影响社会稳定公共安全", required=False)
    hearing_required = forms.BooleanField(label="依法应当听证", required=False)
    hearing_basis = forms.CharField(label="听证依据", max_length=200, required=False)
    affects_market = forms.BooleanField(label="涉及市场主体经济活动", required=False)
    planned = forms.CharField(label="计划时间", max_length=60, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units()


class CataloguePublishForm(ActionForm):
    party_consent_on = forms.DateField(label="同级党委同意日期", widget=DATE, required=False)


class DecisionRulesForm(forms.Form):
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none())
    title = forms.CharField(label="规则名称", max_length=200)
    document_no = forms.CharField(label="文号", max_length=80, required=False)
    adopted_on = forms.DateField(label="通过日期", widget=DATE)
    document = forms.FileField(label="规则文本", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units()


class PublicCommentForm(PublicForm):
    paragraph = forms.TypedChoiceField(label="针对段落", coerce=int, empty_value=None, required=False, choices=[])
    body = forms.CharField(label="您的意见", widget=forms.Textarea(attrs={"rows": 4}), max_length=2000)
    name = forms.CharField(label="姓名", max_length=50, required=False)
    phone = forms.CharField(label="联系电话（不公开）", max_length=20, required=False)
    anonymous = forms.BooleanField(label="匿名提出", required=False)

    def __init__(self, *args, paragraphs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = [("", "对草案整体")] + [
            (i, f"第{i}段：{text[:20]}") for i, text in enumerate(paragraphs, start=1)
        ]


class SignupForm(PublicForm):
    name = forms.CharField(label="姓名", max_length=50)
    phone = forms.CharField(label="联系电话（不公开）", max_length=20)
    affiliation = forms.CharField(label="单位或身份", max_length=100, required=False)
    interest = forms.CharField(label="您代表的利益方面", max_length=100, required=False)
