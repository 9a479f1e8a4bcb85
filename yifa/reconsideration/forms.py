"""Forms validate shapes only; the law's conditions are in gates.py and the services. Every act's form is an
``ActionForm``: it carries the version the user read."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from yifa.core.models import Unit
from yifa.core.procedure import ActionForm, MultipleFileField

from .models import (
    ActType,
    Channel,
    DecisionType,
    HearingKind,
    MemberKind,
    NormConclusion,
    NormSource,
    NumberKind,
    PartyKind,
    Procedure,
    SimplifiedBasis,
    StayGround,
    SuspensionGround,
    TerminationGround,
)

# <input type="date"> only takes ISO dates; the locale format (2026/12/01) would leave it empty.
DATE = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class ApplicationForm(forms.Form):
    """行政复议申请书（第二十二条）. Portal and counter share it."""

    applicant_kind = forms.ChoiceField(label="申请人类型", choices=PartyKind.choices)
    applicant_name = forms.CharField(label="申请人姓名或名称", max_length=100)
    applicant_id = forms.CharField(label="身份证号或统一社会信用代码", max_length=18, required=False)
    applicant_phone = forms.CharField(label="联系电话", max_length=20, required=False)
    applicant_address = forms.CharField(label="通讯地址", max_length=200, required=False)
    representative_name = forms.CharField(label="法定代表人或代表人", max_length=100, required=False)
    agent_name = forms.CharField(label="委托代理人", max_length=100, required=False)
    agent_phone = forms.CharField(label="代理人电话", max_length=20, required=False)
    respondent_unit = forms.ModelChoiceField(
        label="被申请人（本市机关）", required=False, queryset=Unit.objects.filter(active=True).order_by("path")
    )
    respondent_name = forms.CharField(label="或外部机关名称", max_length=100, required=False)
    act_title = forms.CharField(label="不服的行政行为（文号、名称）", max_length=200)
    act_type = forms.ChoiceField(label="行政行为类型", choices=ActType.choices)
    act_date = forms.DateField(label="行政行为作出日期", **DATE)
    known_on = forms.DateField(label="知道该行政行为的日期", **DATE)
    not_informed = forms.BooleanField(label="行政机关未告知申请复议的权利、机关和期限", required=False)
    real_estate = forms.BooleanField(label="因不动产提出", required=False)
    amount = forms.DecimalField(label="涉及款额（元）", required=False, min_value=0, max_digits=14, decimal_places=2)
    requests = forms.CharField(label="行政复议请求", widget=forms.Textarea)
    facts_reasons = forms.CharField(label="事实和理由", widget=forms.Textarea)
    compensation_claim = forms.CharField(
        label="一并提出的行政赔偿请求（可不填）", widget=forms.Textarea, required=False
    )
    delay_grounds = forms.CharField(label="如超过申请期限，耽误的正当理由", widget=forms.Textarea, required=False)
    files = MultipleFileField(label="证据材料（PDF、图片、Word，可多选）", required=False)

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        parties = [
            {
                "role": "applicant",
                "kind": d["applicant_kind"],
                "name": d["applicant_name"],
                "id_number": d["applicant_id"],
                "phone": d["applicant_phone"],
                "address": d["applicant_address"],
            }
        ]
        if d["representative_name"]:
            parties.append({"role": "representative", "kind": "person", "name": d["representative_name"]})
        if d["agent_name"]:
            parties.append({"role": "agent", "kind": "person", "name": d["agent_name"], "phone": d["agent_phone"]})
        files = [(f.name, f.read()) for f in d["files"]]
        return dict(
            parties=parties,
            respondent_unit=d["respondent_unit"],
            respondent_name=d["respondent_name"],
            act_title=d["act_title"],
            act_type=d["act_type"],
            act_date=d["act_date"],
            known_on=d["known_on"],
            not_informed=d["not_informed"],
            real_estate=d["real_estate"],
            amount=d["amount"],
            requests=d["requests"],
            facts_reasons=d["facts_reasons"],
            compensation_claim=d["compensation_claim"],
            delay_grounds=d["delay_grounds"],
            files=files,
        )


class CounterForm(ApplicationForm):
    channel = forms.ChoiceField(label="申请方式", choices=[c for c in Channel.choices if c[0] != Channel.ONLINE])
    received_on = forms.DateField(label="收到申请日期", initial=timezone.localdate, **DATE)

    field_order = ["channel", "received_on"]


class LookupForm(forms.Form):
    number = forms.CharField(label="案号", max_length=60)
    code = forms.CharField(label="查询码", max_length=12)


def _on():
    return forms.DateField(label="日期", initial=timezone.localdate, **DATE)


def _text(label, required=True):
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 3}), required=required)


def _unit(label):
    return forms.ModelChoiceField(label=label, queryset=Unit.objects.order_by("path"), required=False)


class OnForm(ActionForm):
    on = _on()


class RequestCorrectionForm(ActionForm):
    items = _text("补正事项（一次性列明）")
    on = _on()
    served_on = forms.DateField(
        label="申请人收到补正通知日期（当面送达填当日；邮寄的待送达后登记）", required=False, **DATE
    )
    correction_due_on = forms.DateField(label="补正期限（仅2017年法案件）", required=False, **DATE)


class ServeCorrectionForm(ActionForm):
    served_on = forms.DateField(label="申请人收到补正通知日期（送达日）", **DATE)
    on = _on()


class ExtendCorrectionForm(ActionForm):
    days = forms.IntegerField(label="延长工作日数", min_value=1)
    reason = _text("不能按期补正的正当理由")
    on = _on()


class AcceptForm(ActionForm):
    procedure = forms.ChoiceField(label="审理程序", choices=Procedure.choices)
    simplified_basis = forms.ChoiceField(
        label="简易程序依据（第五十三条）", required=False, choices=[("", "—")] + SimplifiedBasis.choices
    )
    is_major = forms.BooleanField(label="重大、疑难、复杂", required=False)
    is_technical = forms.BooleanField(label="专业性、技术性较强", required=False)
    delay_grounds = _text("逾期申请的正当理由（如有）", required=False)
    on = _on()


class NotAcceptForm(ActionForm):
    reason = _text("不予受理理由")
    competent_organ = forms.CharField(
        label="有管辖权的行政复议机关（不属于本机关管辖时填写，第三十条第二款）", max_length=100, required=False
    )
    on = _on()


class SendCopyForm(ActionForm):
    on = _on()
    served_on = forms.DateField(
        label="外部机关收到副本日期（送达日；本市单位经平台送达当日收到，无需填写）", required=False, **DATE
    )


class ServeCopyForm(ActionForm):
    served_on = forms.DateField(label="被申请人收到副本日期（送达日）", **DATE)
    on = _on()


class ToNormalForm(ActionForm):
    reason = _text("转为普通程序的理由")
    on = _on()


class ExtendForm(ActionForm):
    days = forms.IntegerField(label="延长天数", min_value=1)
    reason = _text("延长理由")
    on = _on()


class SuspendForm(ActionForm):
    ground = forms.ChoiceField(label="中止情形", choices=SuspensionGround.choices)
    reason = _text("说明", required=False)
    on = _on()


class ResumeForm(ActionForm):
    reason = _text("中止原因消除的情况", required=False)
    on = _on()


class TerminateForm(ActionForm):
    ground = forms.ChoiceField(label="终止情形", choices=TerminationGround.choices)
    reason = _text("说明", required=False)
    on = _on()


class MediateForm(ActionForm):
    mediation_text = _text("调解协议内容")
    on = _on()


class ThirdPartyForm(ActionForm):
    """第十六条：追加第三人。"""

    joined = forms.ChoiceField(
        label="参加方式", choices=[("notified", "复议机构通知参加"), ("applied", "利害关系人申请参加")]
    )
    kind = forms.ChoiceField(label="第三人类型", choices=PartyKind.choices)
    name = forms.CharField(label="第三人姓名或名称", max_length=100)
    id_number = forms.CharField(label="身份证号或统一社会信用代码", max_length=18, required=False)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    address = forms.CharField(label="通讯地址", max_length=200, required=False)
    on = _on()


class ProposeForm(ActionForm):
    decision_type = forms.ChoiceField(label="决定类型", choices=DecisionType.choices)
    findings = _text("经审理查明的事实")
    decision_text = _text("审查意见与决定理由")
    compensation = _text("赔偿、返还财产等（第七十二条，可不填）", required=False)
    on = _on()


class ReturnForm(ActionForm):
    reason = _text("退回理由")


class ApproveForm(ActionForm):
    on = _on()


class CollectiveForm(ActionForm):
    meeting = forms.CharField(label="会议名称（如市政府常务会议）", max_length=100)
    meeting_on = forms.DateField(label="会议日期", **DATE)
    meeting_record = _text("会议记录（讨论意见和结论）")
    on = _on()


class StayForm(ActionForm):
    ground = forms.ChoiceField(label="停止执行情形", choices=StayGround.choices)
    on = _on()


class PerformanceOrderForm(ActionForm):
    matters = _text("应当履行的内容")
    due_on = forms.DateField(label="限期履行至", **DATE)
    on = _on()


class ExcludeTimeForm(ActionForm):
    kind = forms.ChoiceField(
        label="事项",
        choices=[("inspection", "现场勘验（实施条例第三十四条第三款）"), ("appraisal", "鉴定（第三十七条）")],
    )
    first = forms.DateField(label="开始日期", **DATE)
    last = forms.DateField(label="结束日期", **DATE)
    on = _on()


class JustifyForm(ActionForm):
    reason = _text("超审限的正当理由")


class HearingForm(ActionForm):
    kind = forms.ChoiceField(label="方式", choices=HearingKind.choices)
    notified_on = forms.DateField(label="通知日期（听证必填）", required=False, **DATE)
    held_on = forms.DateField(label="举行日期", **DATE)
    place = forms.CharField(label="地点或方式", max_length=100, required=False)
    panel = forms.CharField(label="主持人、听证员", max_length=200, required=False)
    matters = _text("事项", required=False)
    record = _text("记录", required=False)


class OpinionForm(ActionForm):
    recipient = forms.ModelChoiceField(label="送达机关", queryset=Unit.objects.order_by("path"))
    content = _text("违法或者不当之处及意见")
    on = _on()


class NormReviewForm(ActionForm):
    source = forms.ChoiceField(label="审查来源", choices=NormSource.choices)
    document = forms.CharField(label="规范性文件或依据（名称及条款）", max_length=200)
    started_on = forms.DateField(label="收到附带审查申请之日或认为依据不合法之日", **DATE)
    competent = forms.TypedChoiceField(
        label="本机关是否有权处理",
        coerce=lambda v: v == "yes",
        choices=[
            ("yes", "有权处理（三十日内处理，第五十八条通知制定机关）"),
            ("no", "无权处理（七日内转送有权处理的机关）"),
        ],
    )
    drafter_unit = _unit("制定机关（本平台单位）")
    drafter_name = forms.CharField(label="制定机关名称（外部机关）", max_length=100, required=False)
    on = _on()


# 附带审查各步骤（第五十八条、第五十九条、第六十条）。
class NotifyDrafterForm(ActionForm):
    on = _on()
    served_on = forms.DateField(label="外部制定机关收到通知日期（可不填）", required=False, **DATE)


class DrafterReplyForm(ActionForm):
    text = _text("制定机关书面答复")
    on = _on()


class ForwardForm(ActionForm):
    to_unit = _unit("接受转送的机关（本平台单位）")
    to_name = forms.CharField(label="接受转送的机关名称（外部机关）", max_length=100, required=False)
    on = _on()


class ConcludeForm(ActionForm):
    conclusion = forms.ChoiceField(label="处理结果", choices=NormConclusion.choices)
    text = _text("处理意见")
    on = _on()


class ReplyForm(ActionForm):
    text = forms.CharField(label="书面答复", widget=forms.Textarea)
    files = MultipleFileField(label="证据、依据和其他有关材料", required=False)


class FeedbackForm(ActionForm):
    feedback = forms.CharField(label="纠正情况", widget=forms.Textarea)


class ResolveForm(ActionForm):
    resolution = _text("撤销或变更处罚决定的情况")


class MemberForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    kind = forms.ChoiceField(label="类别", choices=MemberKind.choices)
    affiliation = forms.CharField(label="单位或职务", max_length=100)
    term_start = forms.DateField(label="任期起", **DATE)
    term_end = forms.DateField(label="任期止", **DATE)


class NumberingForm(forms.Form):
    kind = forms.ChoiceField(label="编号种类", choices=NumberKind.choices)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year)
    pattern = forms.CharField(
        label="编号格式",
        max_length=60,
        help_text="用 {year} 表示年度，{seq} 表示顺序号。案号在受理时编号，收件编号在收到申请时编号",
    )


class TemplateForm(forms.Form):
    file = forms.FileField(label="模板文件（.docx）")


class OrganSubmissionForm(forms.Form):
    """经作出处罚决定的机关提交的复议申请（第三十二条）."""

    received_on = forms.DateField(label="收到复议申请日期", **DATE)
    applicant_name = forms.CharField(label="申请人", max_length=100)
    act_title = forms.CharField(label="行政处罚决定（当场作出或依据电子技术监控设备记录作出）", max_length=200)
    summary = forms.CharField(label="申请内容摘要", widget=forms.Textarea(attrs={"rows": 3}), required=False)
