"""Forms check shapes only; the law's conditions are the flow's guards and the services' checks."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from yifa.core.models import Unit, UnitKind
from yifa.core.procedure import ActionForm
from yifa.core.public_forms import PublicForm

from .models import ApplicantKind, Category, Challenge, ChallengeKind, ChallengeResult, Channel, ConsultKind, Outcome

DATE = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
STAFF_CHANNELS = [(v, label) for v, label in Channel.choices if v not in (Channel.ONLINE, Channel.LEDGER)]


def _text(label, required=True, rows=3):
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), required=required)


def _on(label="日期"):
    return forms.DateField(label=label, initial=timezone.localdate, **DATE)


def disclosure_units():
    return Unit.objects.filter(active=True, kind__in=(UnitKind.GOVERNMENT, UnitKind.DEPARTMENT, UnitKind.TOWNSHIP))


class ApplicantFields(forms.Form):
    applicant_kind = forms.ChoiceField(label="申请人类型", choices=ApplicantKind.choices)
    applicant_name = forms.CharField(label="申请人姓名或名称", max_length=100)
    applicant_id_number = forms.CharField(label="身份证明号码（或统一社会信用代码）", max_length=30, required=False)
    applicant_phone = forms.CharField(label="联系电话", max_length=20, required=False)
    applicant_address = forms.CharField(label="通信地址", max_length=200, required=False)
    content = _text("申请公开的政府信息（名称、文号或便于查询的特征性描述）", rows=4)
    form_wanted = forms.CharField(label="获取信息的方式（纸质、电子邮件、自行领取等）", max_length=100, required=False)


class ApplyForm(PublicForm, ApplicantFields):
    unit = forms.ModelChoiceField(label="向哪个行政机关申请", queryset=disclosure_units().order_by("path"))
    field_order = ["unit"]


class RegisterForm(ApplicantFields):
    unit = forms.ModelChoiceField(label="收到申请的行政机关", queryset=disclosure_units().order_by("path"))
    channel = forms.ChoiceField(label="提交方式", choices=STAFF_CHANNELS)
    submitted_on = forms.DateField(label="申请人提交（寄出、发送）日期", initial=timezone.localdate, **DATE)
    received_on = forms.DateField(
        label="收到申请日期（当面：提交之日；邮寄：签收之日；平常信函、传真、电子邮件：确认之日）",
        initial=timezone.localdate,
        **DATE,
    )
    field_order = ["unit", "channel", "submitted_on", "received_on"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units


class LookupForm(PublicForm):
    number = forms.CharField(
        label="申请编号", max_length=60, help_text="如民政局依申请〔2026〕12号，括号可用()或【】，也可只填顺序号12"
    )
    code = forms.CharField(label="查询码", max_length=12)


class ConfirmForm(ActionForm):
    received_on = forms.DateField(label="确认收到日期（与申请人确认之日）", initial=timezone.localdate, **DATE)


class ClarificationForm(ActionForm):
    clarification_items = _text("需要补正的事项（一次性说明）")
    clarification_due = forms.DateField(label="补正期限（合理期限的最后一日）", **DATE)
    on = _on("通知日期")


class OnForm(ActionForm):
    on = _on()


class ConsultForm(ActionForm):
    consult_kind = forms.ChoiceField(label="征求意见类型", choices=ConsultKind.choices)
    consulted = forms.CharField(label="征求意见对象", max_length=200)
    on = _on("发出征求意见书日期")


class ExtendForm(ActionForm):
    days = forms.IntegerField(label="延长工作日数（最长20个工作日）", min_value=1, max_value=20, initial=20)
    reason = _text("延长理由（经政府信息公开工作机构负责人同意，并告知申请人）")
    on = _on("同意延长日期")


class ReplyForm(ActionForm):
    outcome = forms.ChoiceField(label="办理结果", choices=[("", "请选择"), *Outcome.choices])
    outcome_reason = _text("理由（不予公开、部分公开、无法提供、不予处理的依据和理由）", required=False)
    refer_to = forms.CharField(
        label="负责公开的行政机关名称、联系方式（非本机关信息时）", max_length=200, required=False
    )
    reply_text = _text("答复内容（申请人收到的全文）", rows=6)
    public_text = _text("公开版答复（留空则按建议隐去姓名、身份证号、电话、地址）", required=False, rows=6)
    on = _on("答复日期")


class PublicCopyForm(ActionForm):
    public_text = _text("公开版答复（已按建议隐去姓名、身份证号、电话、地址，请核对）", rows=6)


class CatalogueForm(forms.Form):
    title = forms.CharField(label="信息名称", max_length=200)
    category = forms.ChoiceField(label="类别", choices=Category.choices)
    formed_on = forms.DateField(label="形成或者变更日期", initial=timezone.localdate, **DATE)
    body = _text("内容或链接", required=False)


class GuideForm(forms.Form):
    office = forms.CharField(label="政府信息公开工作机构", max_length=100)
    address = forms.CharField(label="办公地址", max_length=200, required=False)
    hours = forms.CharField(label="办公时间", max_length=100, required=False)
    contact = forms.CharField(label="联系电话、传真、电子邮箱", max_length=200, required=False)
    text = _text("指南正文（公开的方式、申请的渠道和程序、救济途径等）", rows=8)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _count(label):
    return forms.IntegerField(label=label, min_value=0, max_value=1_000_000, initial=0)


class ReportTextForm(forms.Form):
    overview = _text("一、总体情况", required=False, rows=5)
    rules_made = _count("规章：本年制发件数")
    rules_repealed = _count("规章：本年废止件数")
    rules_in_force = _count("规章：现行有效件数")
    fees_wan = forms.DecimalField(
        label="行政事业性收费：本年收费金额（万元）", min_value=0, max_digits=12, decimal_places=4, initial=0
    )
    problems = _text("五、存在的主要问题及改进情况", required=False, rows=5)
    other = _text("六、其他需要报告的事项", required=False, rows=4)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ChallengeForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=ChallengeKind.choices)
    reference = forms.CharField(label="案号（复议机关或人民法院的案号）", max_length=60)
    filed_on = forms.DateField(label="受理或立案日期", **DATE)
    result = forms.ChoiceField(label="结果", choices=ChallengeResult.choices, initial=ChallengeResult.PENDING)
    concluded_on = forms.DateField(label="审结日期（尚未审结的不填）", required=False, **DATE)
    request_number = forms.CharField(label="所涉政府信息公开申请编号（可不填）", max_length=60, required=False)
    note = forms.CharField(
        label="说明（复议机关作共同被告的诉讼，只由作出原行政行为的机关登记）", max_length=300, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @classmethod
    def for_challenge(cls, challenge: Challenge, data=None):
        return cls(
            data,
            prefix=f"c{challenge.pk}",
            initial={
                "kind": challenge.kind,
                "reference": challenge.reference,
                "filed_on": challenge.filed_on,
                "result": challenge.result,
                "concluded_on": challenge.concluded_on,
                "request_number": challenge.request.number if challenge.request_id else "",
                "note": challenge.note,
                "version": challenge.version,
            },
        )


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(label="行政机关", queryset=disclosure_units().order_by("path"))
    file = forms.FileField(label="台账文件（.xlsx 或 UTF-8 .csv）")

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
