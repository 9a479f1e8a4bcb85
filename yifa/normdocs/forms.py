from django import forms

from yifa.core.models import Unit
from yifa.core.procedure import ActionForm

from . import rules
from .models import FilingResult, Proposal, RelationKind, ReviewOpinion, ScreenCategory, SolicitationKind
from .queries import issuing_units

DATE = forms.DateInput(attrs={"type": "date"})


class DocumentForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    unit = forms.ModelChoiceField(label="制定机关", queryset=Unit.objects.none())
    joint_issuers = forms.ModelMultipleChoiceField(
        label="联合制定机关", required=False, queryset=Unit.objects.filter(active=True).order_by("path")
    )
    full_text = forms.CharField(label="全文", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    upload = forms.FileField(label="或上传正文（.docx/.pdf）", required=False)
    legal_bases = forms.CharField(
        label="制定依据（每行一项）", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    valid_years = forms.IntegerField(label="有效期（年）", min_value=0, max_value=50, initial=5)
    involves_business = forms.BooleanField(label="涉及经营者经济活动（须公平竞争审查）", required=False, initial=True)
    fair_competition_conclusion = forms.CharField(
        label=f"公平竞争审查结论（{rules.FAIR_COMPETITION_BEFORE_REVIEW.citation}）",
        help_text="涉及经营者经济活动的，送合法性审核前必须填写",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        required=False,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = issuing_units(user)


class EditForm(ActionForm):
    title = forms.CharField(label="标题", max_length=200)
    full_text = forms.CharField(label="全文", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    legal_bases = forms.CharField(
        label="制定依据（每行一项）", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    valid_years = forms.IntegerField(label="有效期（年）", min_value=0, max_value=50)
    involves_business = forms.BooleanField(label="涉及经营者经济活动", required=False)
    fair_competition_conclusion = forms.CharField(
        label=f"公平竞争审查结论（{rules.FAIR_COMPETITION_CONCLUSION.citation}）",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class SolicitForm(ActionForm):
    kind = forms.ChoiceField(label="方式", choices=SolicitationKind.choices)
    start = forms.DateField(label="开始", widget=DATE)
    end = forms.DateField(label="截止", widget=DATE)
    short_reason = forms.CharField(
        label=f"期限少于{rules.SOLICITATION_MINIMUM.days}个工作日的理由",
        help_text=rules.SOLICITATION_MINIMUM.citation,
        max_length=500,
        required=False,
    )


class ReturnForFairCompetitionForm(ActionForm):
    reason = forms.CharField(label="退回说明", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class SummaryForm(ActionForm):
    summary = forms.CharField(label="意见采纳情况", widget=forms.Textarea(attrs={"rows": 2}))


class ReviewForm(ActionForm):
    opinion = forms.ChoiceField(label="审核意见", choices=ReviewOpinion.choices)
    comments = forms.CharField(label="审核说明", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    on = forms.DateField(label="审核日期", widget=DATE)


class MeetingForm(ActionForm):
    meeting_on = forms.DateField(label="会议日期", widget=DATE)
    meeting_name = forms.CharField(label="会议名称", max_length=100, initial="局务会议")
    record = forms.CharField(label="会议纪要", widget=forms.Textarea(attrs={"rows": 3}))


class PublishForm(ActionForm):
    number = forms.CharField(label="文号", max_length=60, required=False)
    signed_by = forms.CharField(label="签发人", max_length=50, required=False)
    signed_on = forms.DateField(label="签发日期", widget=DATE, required=False)
    published_on = forms.DateField(label="公布日期", widget=DATE, required=False)
    effective_on = forms.DateField(label="施行日期（空则自公布之日）", widget=DATE, required=False)


class FileForm(ActionForm):
    filed_on = forms.DateField(label="报送备案日期", widget=DATE)
    filed_with = forms.CharField(label="备案机关", max_length=100, initial="江临市人民政府")


class FilingResultForm(ActionForm):
    result = forms.ChoiceField(label="审查结果", choices=[c for c in FilingResult.choices if c[0]])
    on = forms.DateField(label="日期", widget=DATE)
    comments = forms.CharField(label="审查意见", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class CorrectionForm(ActionForm):
    report = forms.CharField(label="纠正情况", widget=forms.Textarea(attrs={"rows": 2}))
    on = forms.DateField(label="完成日期", widget=DATE)


class RelationForm(ActionForm):
    kind = forms.ChoiceField(label="本文件", choices=RelationKind.choices)
    target = forms.IntegerField(label="对象文件编号")
    on = forms.DateField(label="日期", widget=DATE)
    note = forms.CharField(label="说明", max_length=200, required=False)


class AttachForm(ActionForm):
    file = forms.FileField(label="附件")


class ScreenRuleForm(forms.Form):
    code = forms.CharField(label="编号", max_length=40)
    category = forms.ChoiceField(label="类别", choices=ScreenCategory.choices)
    pattern = forms.CharField(label="短语或正则", max_length=300)
    is_regex = forms.BooleanField(label="按正则表达式匹配", required=False, initial=True)
    unless = forms.CharField(label="排除（正则）", max_length=300, required=False)
    article = forms.CharField(label="条", max_length=20, initial="第九条")
    item = forms.CharField(label="项", max_length=20, required=False)
    explanation = forms.CharField(label="说明", max_length=300)
    active = forms.BooleanField(label="启用", required=False, initial=True)


class ScreenTryForm(forms.Form):
    text = forms.CharField(label="待筛查文本", widget=forms.Textarea(attrs={"rows": 6}), max_length=200000)


class CampaignForm(forms.Form):
    title = forms.CharField(label="名称", max_length=200)
    baseline = forms.DateField(label="清理基准日", widget=DATE)
    units = forms.ModelMultipleChoiceField(
        label="清理范围", queryset=Unit.objects.filter(active=True).exclude(kind="division").order_by("path")
    )


class ProposeForm(ActionForm):
    proposal = forms.ChoiceField(label="清理意见", choices=Proposal.choices)
    reasons = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class ConfirmForm(ActionForm):
    comments = forms.CharField(label="意见", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ReturnForm(ActionForm):
    comments = forms.CharField(label="退回理由", widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(forms.Form):
    file = forms.FileField(label="规范性文件目录（.xlsx 或 CSV，CSV 为 UTF-8 或 GB18030 编码）")
    commit = forms.BooleanField(label="确认导入（不勾选则只预览）", required=False)
