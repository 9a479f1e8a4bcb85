"""Forms of the enforcement pages: they only parse; the flows and services judge."""

from __future__ import annotations

from django import forms

from yifa.core.models import Unit
from yifa.core.procedure import ActionForm

from . import rules
from .models import (
    Annulment,
    AppraisalGrade,
    Benchmark,
    Body,
    BodyKind,
    Certificate,
    CoercionKind,
    Disposal,
    InspectionOutcome,
    PartyKind,
    PenaltyKind,
    Power,
    PowerKind,
    RecordKind,
    Stage,
)

DATE = forms.DateInput(attrs={"type": "date"})
TEXT = forms.Textarea(attrs={"rows": 2})


def certificates_of(body):
    return Certificate.objects.select_related("officer").filter(officer__body=body).exclude(state="revoked")


class CertificateChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, cert):
        return f"{cert.officer.name}（{cert}，有效期至{cert.valid_until:%Y-%m-%d}）"


class FileCaseForm(forms.Form):
    body = forms.ModelChoiceField(label="执法主体", queryset=Body.objects.none())
    number = forms.CharField(label="案号", max_length=60)
    party_kind = forms.ChoiceField(label="当事人类型", choices=PartyKind.choices)
    party_name = forms.CharField(label="当事人", max_length=100)
    party_id_number = forms.CharField(label="证件号码（加密保存，不公开）", max_length=40, required=False)
    violation = forms.CharField(label="违法行为", max_length=300)
    violation_on = forms.DateField(label="违法行为发生（终了）日", widget=DATE)
    discovered_on = forms.DateField(label="发现日", widget=DATE)
    grave = forms.BooleanField(label="涉及公民生命健康安全、金融安全且有危害后果（追责期限五年）", required=False)
    major_public_interest = forms.BooleanField(label="涉及重大公共利益或案情疑难复杂（须法制审核）", required=False)
    social_impact = forms.BooleanField(label="具有一定社会影响，决定应当公开", required=False, initial=True)
    certificates = CertificateChoice(
        label=f"承办执法人员（至少两名持有效执法证，{rules.CERTIFIED_OFFICERS.citation}）",
        queryset=Certificate.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["certificates"].queryset = (
            Certificate.objects.select_related("officer").filter(officer__body__in=bodies).exclude(state="revoked")
        )


def officers_form(case):
    class AssignOfficersForm(ActionForm):
        certificates = CertificateChoice(
            label="承办执法人员", queryset=certificates_of(case.body), widget=forms.CheckboxSelectMultiple
        )

    return AssignOfficersForm


def notice_form(case):
    class NoticeForm(ActionForm):
        penalty_kinds = forms.MultipleChoiceField(
            label="拟处罚种类", choices=PenaltyKind.choices, widget=forms.CheckboxSelectMultiple
        )
        fine = forms.DecimalField(label="罚没金额（元）", max_digits=14, decimal_places=2, min_value=0, required=False)
        benchmark = forms.ModelChoiceField(
            label="适用裁量基准",
            queryset=Benchmark.objects.filter(unit=case.unit, state="published"),
            required=False,
        )
        outside_reason = forms.CharField(label="超出裁量基准幅度的理由", widget=TEXT, required=False)

    return NoticeForm


class HearingForm(ActionForm):
    hearing_on = forms.DateField(label=f"听证日期（通知后第{rules.HEARING_NOTICE.days}个工作日起）", widget=DATE)


class OpinionForm(ActionForm):
    opinion = forms.CharField(label="审核意见", widget=TEXT)


class DecideForm(ActionForm):
    decision_number = forms.CharField(label="决定书文号", max_length=60)
    outside_reason = forms.CharField(label="超出裁量基准幅度的理由（超出时必填）", widget=TEXT, required=False)


class ExtendForm(ActionForm):
    days = forms.IntegerField(label="延长天数", min_value=1, max_value=rules.DECISION.extension_days)
    reason = forms.CharField(label="延长理由（负责人批准）", widget=TEXT)


class ReasonForm(ActionForm):
    reason = forms.CharField(label="理由", widget=TEXT)


class AnnulForm(ActionForm):
    annulment = forms.ChoiceField(label="情形", choices=Annulment.choices)
    reason = forms.CharField(label="依据和理由", widget=TEXT)


class WithdrawForm(ActionForm):
    reason = forms.CharField(label="撤回理由（向社会公开说明）", widget=TEXT)


class RecordForm(ActionForm):
    stage = forms.ChoiceField(label="阶段", choices=Stage.choices)
    kind = forms.ChoiceField(label="形式", choices=RecordKind.choices)
    title = forms.CharField(label="名称", max_length=200)
    reference = forms.CharField(label="音像存储位置（音像记录可只填此项）", max_length=300, required=False)
    upload = forms.FileField(label="文件", required=False)


class RenewForm(ActionForm):
    valid_until = forms.DateField(label="新有效期至", widget=DATE)


class BenchmarkImportForm(forms.Form):
    file = forms.FileField(label="裁量基准表（.xlsx）")


class BodyForm(forms.Form):
    """A body, and for a 综合行政执法机关 the powers transferred to it (处罚法第十八条第二款)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    unit = forms.ModelChoiceField(label="所属单位", queryset=Unit.objects.filter(active=True).order_by("path"))
    name = forms.CharField(label="主体名称", max_length=100)
    kind = forms.ChoiceField(label="主体类型", choices=BodyKind.choices)
    fields = forms.CharField(label="执法领域", max_length=200)
    legal_basis = forms.CharField(label=f"主体资格依据（{rules.BODY_REGISTER.citation}）", widget=TEXT, required=False)
    transferred_from = forms.CharField(label="行政处罚权划出部门（综合执法）", max_length=200, required=False)
    transferred_powers = forms.CharField(label="集中行使的处罚权（综合执法）", widget=TEXT, required=False)
    transfer_act = forms.CharField(
        label=f"决定文件（综合执法，{rules.CONSOLIDATION.citation}）", max_length=200, required=False
    )
    market_regulation = forms.BooleanField(label="市场监督管理部门（信用信息公示）", required=False)


class OfficerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    body = forms.ModelChoiceField(label="执法主体", queryset=Body.objects.order_by("name"))
    name = forms.CharField(label="姓名", max_length=50)
    id_number = forms.CharField(label="身份证号（加密保存；修改时留空则不变）", max_length=40, required=False)
    phone = forms.CharField(label="电话（加密保存；修改时留空则不变）", max_length=20, required=False)


class CertificateIssueForm(forms.Form):
    number = forms.CharField(label="证件编号", max_length=40)
    field = forms.CharField(label="执法领域", max_length=100)
    issuer = forms.CharField(label="发证机关", max_length=100)
    valid_from = forms.DateField(label="有效期起", widget=DATE)
    valid_until = forms.DateField(label="有效期至", widget=DATE)


class PowerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    body = forms.ModelChoiceField(label="实施主体", queryset=Body.objects.order_by("name"))
    code = forms.CharField(label="事项编码", max_length=40)
    name = forms.CharField(label="事项名称", max_length=200)
    kind = forms.ChoiceField(label="事项类别", choices=PowerKind.choices)
    # Checked by the service, whose message cites the rule.
    legal_basis = forms.CharField(
        label=f"设定和实施依据（{rules.POWER_CATALOGUE.citation}）", widget=TEXT, required=False
    )
    benchmark_code = forms.CharField(label="裁量基准编码（处罚事项）", max_length=40, required=False)
    responsible_post = forms.CharField(
        label=f"责任岗位（{rules.RESPONSIBILITY.citation}）", max_length=100, required=False
    )
    active = forms.BooleanField(label="在用（取消勾选即从清单撤下）", required=False, initial=True)


class CoercionForm(forms.Form):
    body = forms.ModelChoiceField(label="执法主体", queryset=Body.objects.none())
    number = forms.CharField(label="文书编号", max_length=60)
    kind = forms.ChoiceField(label="强制类别", choices=CoercionKind.choices)
    party_kind = forms.ChoiceField(label="当事人类型", choices=PartyKind.choices)
    party_name = forms.CharField(label="当事人", max_length=100)
    subject = forms.CharField(label="对象（场所、设施、财物清单或应履行的义务）", widget=TEXT)
    legal_basis = forms.CharField(label="法律依据", max_length=300)
    certificates = CertificateChoice(
        label=f"实施强制措施的执法人员（两名以上，{rules.COERCION_OFFICERS.citation}）",
        queryset=Certificate.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    comply_by = forms.DateField(
        label=f"催告书载明的履行期限（强制执行，{rules.URGE.citation}）", widget=DATE, required=False
    )
    decision_served_on = forms.DateField(
        label=f"行政决定送达日（申请人民法院强制执行的，据以计算申请期限，{rules.COURT_APPLICATION.citation}）",
        widget=DATE,
        required=False,
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["certificates"].queryset = certificates_of_bodies(bodies)


class SubstituteNowForm(forms.Form):
    """立即代履行: the record's facts and the execution record signed on site (行政强制法第五十一条、第五十二条)."""

    body = forms.ModelChoiceField(label="执法主体", queryset=Body.objects.none())
    number = forms.CharField(label="文书编号", max_length=60)
    party_kind = forms.ChoiceField(label="当事人类型", choices=PartyKind.choices)
    party_name = forms.CharField(label="当事人", max_length=100)
    subject = forms.CharField(label="清除的遗洒物、障碍物或者污染物及其地点", widget=TEXT)
    legal_basis = forms.CharField(label="法律依据", max_length=300)
    immediate_reason = forms.CharField(
        label=f"立即代履行的理由（当事人不能清除，{rules.IMMEDIATE_SUBSTITUTE.citation}）", widget=TEXT, required=False
    )
    supervisor = forms.CharField(label="到场监督的工作人员", max_length=100, required=False)
    cost = forms.DecimalField(
        label="代履行费用（元，由当事人承担）", min_value=0, max_digits=14, decimal_places=2, required=False
    )
    signed_record = forms.FileField(label="签名或盖章的执行文书", required=False)
    party_absent = forms.BooleanField(label="当事人不在场（事后立即通知）", required=False)

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


class InspectionForm(forms.Form):
    body = forms.ModelChoiceField(label="执法主体", queryset=Body.objects.none())
    power = forms.ModelChoiceField(label="执法事项（检查类）", queryset=Power.objects.none(), required=False)
    number = forms.CharField(label="检查编号", max_length=60)
    party_name = forms.CharField(label="检查对象", max_length=100)
    scope_text = forms.CharField(label="检查内容", max_length=300)
    certificates = CertificateChoice(
        label=f"检查执法人员（至少两名，{rules.INSPECTION_OFFICERS.citation}）",
        queryset=Certificate.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["power"].queryset = Power.objects.filter(body__in=bodies, kind="inspection", active=True)
        self.fields["certificates"].queryset = certificates_of_bodies(bodies)


def certificates_of_bodies(bodies):
    return Certificate.objects.select_related("officer").filter(officer__body__in=bodies).exclude(state="revoked")


class TransferForm(forms.Form):
    suspected_crime = forms.CharField(label="涉嫌罪名", max_length=100, required=False)
    report = forms.CharField(label=f"书面报告（{rules.TRANSFER_TEAM.citation}）", widget=TEXT, required=False)


class DisposeForm(ActionForm):
    disposal = forms.ChoiceField(label="处理决定", choices=Disposal.choices)


class ExecuteForm(ActionForm):
    decision_number = forms.CharField(label="强制执行决定书文号", max_length=60)
    immediate_reason = forms.CharField(
        label=f"立即强制执行的理由（催告期间，{rules.IMMEDIATE_EXECUTION.citation}）", widget=TEXT, required=False
    )


class ApplyCourtForm(ActionForm):
    decision_number = forms.CharField(label="强制执行申请书文号", max_length=60)
    late_reason = forms.CharField(
        label=f"逾期申请的正当理由（超过申请期限的，{rules.COURT_APPLICATION_LATE.citation}）",
        widget=TEXT,
        required=False,
    )


class ServeUrgeForm(ActionForm):
    served_on = forms.DateField(label=f"催告书送达日（{rules.COURT_URGE.citation}）", widget=DATE, required=False)
    decision_served_on = forms.DateField(
        label=f"行政决定送达日（未登记的须填写，据以计算申请期限，{rules.COURT_APPLICATION.citation}）",
        widget=DATE,
        required=False,
    )


class ConcludeForm(ActionForm):
    record_reference = forms.CharField(label="检查笔录编号或存储位置", max_length=200, required=False)
    finding = forms.CharField(label="检查情况", widget=TEXT, required=False)
    outcome = forms.ChoiceField(label="处理", choices=InspectionOutcome.choices)


class SendForm(ActionForm):
    recipient = forms.CharField(label="接收机关", max_length=100, required=False)
    letter = forms.FileField(label="涉嫌犯罪案件移送书", required=False)


class HandOverForm(ActionForm):
    recipient = forms.CharField(label="受移送的行政机关", max_length=100, required=False)
    reason = forms.CharField(label=f"移送理由（不属本机关管辖，{rules.HAND_OVER.citation}）", widget=TEXT)
    letter = forms.FileField(label="移送函（可选）", required=False)


class AnnualReviewForm(ActionForm):
    passed = forms.BooleanField(label="年审合格", required=False)
    opinion = forms.CharField(label="年审意见（不合格的须写明理由）", widget=TEXT, required=False)


class SubstituteDecisionForm(ActionForm):
    decision_number = forms.CharField(label="代履行决定书文号", max_length=60)
    danger = forms.CharField(
        label=f"不履行的后果（危害交通安全、造成环境污染或者破坏自然资源，{rules.SUBSTITUTE.citation}）",
        widget=TEXT,
        required=False,
    )
    performer = forms.CharField(label="代履行人", max_length=100, required=False)
    substitute_on = forms.DateField(label="代履行时间", widget=DATE, required=False)
    budget = forms.DecimalField(label="费用预算（元）", min_value=0, max_digits=14, decimal_places=2, required=False)


class SubstituteUrgeForm(ActionForm):
    substitute_on = forms.DateField(
        label=f"代履行时间（催告后三个工作日起，{rules.SUBSTITUTE_URGE.citation}）", widget=DATE, required=False
    )


class SubstitutePerformedForm(ActionForm):
    supervisor = forms.CharField(label="到场监督的工作人员", max_length=100, required=False)
    cost = forms.DecimalField(
        label="代履行费用（元，由当事人承担）", min_value=0, max_digits=14, decimal_places=2, required=False
    )
    signed_record = forms.FileField(label="签名或盖章的执行文书", required=False)


class AppraisalForm(forms.Form):
    year = forms.IntegerField(label="考核年度")
    grade = forms.ChoiceField(label=f"评议考核结果（{rules.APPRAISAL.citation}）", choices=AppraisalGrade.choices)
    remark = forms.CharField(label="评议意见", widget=TEXT, required=False)
