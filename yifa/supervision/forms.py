"""Forms of the supervision pages: they only parse; the flows and services judge."""

from __future__ import annotations

from django import forms

from yifa.core.models import Unit, User
from yifa.core.procedure import ActionForm
from yifa.core.public_forms import PublicForm

from . import rules
from .models import (
    AccSource,
    Channel,
    FileKind,
    FilingOutcome,
    InspectionScope,
    NoticeKind,
    Sanction,
    SanctionLaw,
    Section,
)

DATE = forms.DateInput(attrs={"type": "date"})
TEXT = forms.Textarea(attrs={"rows": 2})


class CampaignForm(forms.Form):
    name = forms.CharField(label="名称", max_length=100)
    kind = forms.ChoiceField(label="案卷类别", choices=FileKind.choices)
    units = forms.ModelMultipleChoiceField(
        label="被评查单位", queryset=Unit.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    period_start = forms.DateField(label="案卷决定日起", widget=DATE)
    period_end = forms.DateField(label="案卷决定日止", widget=DATE)
    sample_size = forms.IntegerField(label="每单位抽取件数", min_value=1, max_value=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = Unit.objects.filter(is_legal_office=False).exclude(parent=None).order_by("path")


class DrawForm(ActionForm):
    seed = forms.IntegerField(
        label="随机种子（留空则随机生成并记录；填入以往的种子可重现同一样本）",
        required=False,
        min_value=0,
        max_value=10**15,
    )


def score_form(review_file):
    """One row per rubric item: the deduction (or, for a veto item, the veto) and its note."""
    items = list(review_file.rubric_items())
    fields = {}
    for item in items:
        if item.section == Section.VETO:
            fields[f"v{item.pk}"] = forms.BooleanField(label=f"{item.code} {item.text}（否决项）", required=False)
        else:
            fields[f"d{item.pk}"] = forms.DecimalField(
                label=f"{item.code} {item.text}（{Section(item.section).label}，最多扣{item.points}分）",
                min_value=0,
                max_value=item.points,
                decimal_places=1,
                initial=0,
            )
        fields[f"n{item.pk}"] = forms.CharField(label=f"{item.code} 说明", max_length=300, required=False)
    fields["suggested"] = forms.CharField(widget=forms.HiddenInput, required=False)

    def service_kwargs(self):
        data = self.cleaned_data
        scores = {
            item.pk: (data.get(f"d{item.pk}") or 0, bool(data.get(f"v{item.pk}")), data.get(f"n{item.pk}", ""))
            for item in items
        }
        suggested = [int(x) for x in (data.get("suggested") or "").split(",") if x.isdigit()]
        return {"scores": scores, "suggested": suggested}

    return type("ScoreForm", (ActionForm,), {**fields, "service_kwargs": service_kwargs})


def score_initial(review_file) -> dict:
    """The scores a file already has, else what the case data shows (for the reviewer to confirm)."""
    from .queries import suggestions

    values = {}
    saved = list(review_file.scores.all())
    if saved:
        for s in saved:
            values[f"v{s.item_id}"], values[f"d{s.item_id}"], values[f"n{s.item_id}"] = s.vetoed, s.deducted, s.note
        values["suggested"] = ",".join(str(s.item_id) for s in saved if s.from_data)
        return values
    found = suggestions(review_file)
    values["suggested"] = ",".join(str(pk) for pk in found)
    for pk, (deducted, veto, note) in found.items():
        values[f"v{pk}" if veto else f"d{pk}"] = veto or deducted
        values[f"n{pk}"] = note
    return values


class NoticeForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=NoticeKind.choices)
    text = forms.CharField(label=f"意见（{rules.SUPERVISION_OPINION.citation}：自送达之日起三十日内整改）", widget=TEXT)


class ReportForm(ActionForm):
    report = forms.CharField(label="整改情况", widget=TEXT)


class FileForm(ActionForm):
    note = forms.CharField(label="备案说明", widget=TEXT, required=False)


class FilingReviewForm(ActionForm):
    outcome = forms.ChoiceField(label="审查结论", choices=FilingOutcome.choices)
    opinion = forms.CharField(label="审查意见（纠错、建议时必填）", widget=TEXT, required=False)


class AccountabilityForm(forms.Form):
    unit = forms.ModelChoiceField(label="被问责人所在单位", queryset=Unit.objects.order_by("path"))
    person_name = forms.CharField(label="被问责人", max_length=50)
    person_post = forms.CharField(label="职务（岗位）", max_length=100)
    source = forms.ChoiceField(label="线索来源", choices=AccSource.choices)
    source_link = forms.CharField(label="来源记录（评查、预警、投诉等的链接）", max_length=300, required=False)
    allegation = forms.CharField(label="问题线索", widget=TEXT)
    investigators = forms.ModelMultipleChoiceField(
        label="调查人员（只有法制机构和调查人员能看到本案）",
        queryset=User.objects.filter(is_active=True).order_by("username"),
        widget=forms.SelectMultiple,
    )


class FindingsForm(ActionForm):
    findings = forms.CharField(label="调查认定的事实", widget=TEXT)


class DecisionForm(ActionForm):
    sanction_law = forms.ChoiceField(label="处理依据", choices=SanctionLaw.choices)
    sanction = forms.ChoiceField(label="处理结果", choices=Sanction.choices)
    decision_text = forms.CharField(
        label=f"处理决定（{rules.DECISION_CONTENT.citation}：事实、种类和依据、申诉途径和期限）", widget=TEXT
    )


class AppealResultForm(ActionForm):
    appeal_result = forms.CharField(label="复核结果", widget=TEXT)


class PublicationForm(ActionForm):
    publication = forms.CharField(label="公开曝光内容（不含身份证号、电话等个人信息）", widget=TEXT)


def complained_units():
    return Unit.objects.filter(kind__in=["department", "township"]).order_by("path")


class PublicComplaintForm(PublicForm):
    unit = forms.ModelChoiceField(label="被投诉单位", queryset=Unit.objects.none())
    case_number = forms.CharField(label="案号或事项（如知道）", max_length=100, required=False)
    officer_name = forms.CharField(label="执法人员姓名或执法证号（如知道）", max_length=100, required=False)
    content = forms.CharField(label="投诉内容", widget=forms.Textarea(attrs={"rows": 5}))
    complainant_name = forms.CharField(label="您的姓名（不公开）", max_length=50)
    complainant_phone = forms.CharField(label="联系电话（不公开）", max_length=20, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = complained_units()


class ComplaintForm(forms.Form):
    channel = forms.ChoiceField(label="来源", choices=[c for c in Channel.choices if c[0] != Channel.PORTAL])
    received_on = forms.DateField(label="收到日（12345转办日）", widget=DATE)
    unit = forms.ModelChoiceField(label="被投诉单位", queryset=Unit.objects.none())
    case_number = forms.CharField(label="投诉人所述案号或事项", max_length=100, required=False)
    officer_name = forms.CharField(label="投诉人所述执法人员", max_length=100, required=False)
    content = forms.CharField(label="投诉内容", widget=TEXT)
    complainant_name = forms.CharField(label="投诉人", max_length=50)
    complainant_phone = forms.CharField(label="联系电话", max_length=20, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = complained_units()


class LinkCaseForm(ActionForm):
    case_number = forms.CharField(label="案号", max_length=60)


class ComplaintReplyForm(ActionForm):
    reply = forms.CharField(label="核查情况和答复", widget=TEXT)


class EscalateForm(ActionForm):
    due = forms.DateField(label="督办时限（今天以后的工作日）", widget=DATE)
    note = forms.CharField(label="督办要求", widget=TEXT)


class BulletinForm(ActionForm):
    bulletin = forms.CharField(label="通报（在门户公开，附各单位评查结果；不含个人信息）", widget=TEXT)


class DisputeForm(forms.Form):
    other_units = forms.ModelMultipleChoiceField(
        label="争议相对单位", queryset=Unit.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    matter = forms.CharField(label="争议事项（职责、管辖的分歧和各方意见）", widget=TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_units"].queryset = complained_units()


class SettlementForm(ActionForm):
    decision = forms.CharField(label="协调意见或裁决", widget=TEXT)
    comply_by = forms.DateField(label="执行期限", widget=DATE)


class ReasonForm(ActionForm):
    reason = forms.CharField(label="理由", widget=TEXT)


class InspectionForm(forms.Form):
    name = forms.CharField(label="名称", max_length=100)
    scope = forms.ChoiceField(label="检查范围", choices=InspectionScope.choices)
    subject = forms.CharField(label="检查内容", widget=TEXT)
    units = forms.ModelMultipleChoiceField(
        label="被检查单位", queryset=Unit.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    period_start = forms.DateField(label="检查事项期间起", widget=DATE)
    period_end = forms.DateField(label="检查事项期间止", widget=DATE)
    due_on = forms.DateField(label="检查完成期限", widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = Unit.objects.filter(is_legal_office=False).exclude(parent=None).order_by("path")


def finding_form(inspection):
    """A finding for one of the plan's units; a problem is sent as a rectification notice."""

    class FindingForm(ActionForm):
        unit = forms.ModelChoiceField(label="被检查单位", queryset=inspection.units.order_by("path"))
        text = forms.CharField(label="检查发现", widget=TEXT)
        problem = forms.BooleanField(label="发现问题（送达整改通知）", required=False)
        rectify = forms.CharField(
            label=f"整改意见（{rules.SUPERVISION_OPINION.citation}：自送达之日起三十日内整改）",
            widget=TEXT,
            required=False,
        )
        typical = forms.BooleanField(label="列为典型案件", required=False)

    return FindingForm


class ConcludeInspectionForm(ActionForm):
    summary = forms.CharField(label="检查总结", widget=TEXT, required=False)


class TypicalBulletinForm(ActionForm):
    bulletin = forms.CharField(label="典型案件通报（在门户公开；不含个人信息）", widget=TEXT)
