from __future__ import annotations

from django import forms

from yifa.core.procedure import ActionForm
from yifa.core.public_forms import PublicForm

from .models import Channel, ExclusionKind, ReformKind


class ImportForm(forms.Form):
    file = forms.FileField(label="清单文件（.xlsx）")
    commit = forms.BooleanField(label="确认导入（不勾选则只预览）", required=False)


class ApplicantForm(forms.Form):
    applicant_name = forms.CharField(label="申请人（姓名或单位名称）", max_length=200)
    applicant_id_number = forms.CharField(label="证件号码（身份证号或统一社会信用代码）", max_length=40)
    applicant_phone = forms.CharField(label="联系电话", max_length=20, required=False)
    summary = forms.CharField(label="申请内容", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    by_promise = forms.BooleanField(
        label="选择告知承诺方式办理：已阅读上方的告知承诺书，承诺所述属实，愿意接受核查并承担不实承诺的法律责任",
        required=False,
    )

    def __init__(self, *args, promise_allowed=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not promise_allowed:
            del self.fields["by_promise"]


class PortalApplicantForm(PublicForm, ApplicantForm):
    """The online application: the public-form limits, and a captcha from the second submission on."""


class CounterForm(ApplicantForm):
    item = forms.ModelChoiceField(label="许可事项", queryset=None)
    received_on = forms.DateField(label="收到申请材料日期", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, items=None, **kwargs):
        super().__init__(*args, promise_allowed=True, **kwargs)
        self.fields["by_promise"].label = "申请人选择告知承诺方式办理（已签署告知承诺书）"
        self.fields["item"].queryset = items
        self.order_fields(["item", "received_on"])

    channel = Channel.COUNTER


class LookupForm(PublicForm):
    number = forms.CharField(
        label="申请编号", max_length=30, help_text="如2026许000123，年份可加括号（2026）或〔2026〕，也可只填顺序号123"
    )
    code = forms.CharField(label="查询码", max_length=12)


class CertificateLookupForm(forms.Form):
    number = forms.CharField(label="证件编号", max_length=60)


class ReasonForm(ActionForm):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class CorrectionForm(ActionForm):
    items = forms.CharField(
        label="需要补正的全部内容（一次告知）", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class ExtendForm(ActionForm):
    days = forms.IntegerField(label="延长工作日数", min_value=1, max_value=15, initial=10)
    reason = forms.CharField(label="延长理由（告知申请人）", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class ExcludeForm(ActionForm):
    kind = forms.ChoiceField(label="事项", choices=[c for c in ExclusionKind.choices if c[0] != "hearing"])
    notice = forms.CharField(label="书面告知申请人所需时间", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class HearingForm(ActionForm):
    notice_on = forms.DateField(label="听证通知日期", widget=forms.DateInput(attrs={"type": "date"}))
    held_on = forms.DateField(label="举行听证日期", widget=forms.DateInput(attrs={"type": "date"}))


class GrantForm(ActionForm):
    decision_number = forms.CharField(label="决定书文号", max_length=60)


class RefuseForm(GrantForm):
    reason = forms.CharField(
        label="不予许可的理由（并告知申请复议、诉讼的权利）", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class IssueForm(ActionForm):
    number = forms.CharField(label="证件编号", max_length=60)


class RenewForm(ActionForm):
    valid_until = forms.DateField(label="延续后有效期至", widget=forms.DateInput(attrs={"type": "date"}))


REVOCATION_GROUNDS = [
    ("第六十九条第一款第（一）项", "工作人员滥用职权、玩忽职守作出准予许可决定"),
    ("第六十九条第一款第（二）项", "超越法定职权作出准予许可决定"),
    ("第六十九条第一款第（三）项", "违反法定程序作出准予许可决定"),
    ("第六十九条第一款第（四）项", "对不具备申请资格或者不符合法定条件的申请人准予许可"),
    ("第六十九条第二款", "被许可人以欺骗、贿赂等不正当手段取得许可（含告知承诺不实）"),
]
DEREGISTRATION_GROUNDS = [
    ("第七十条第（一）项", "有效期届满未延续"),
    ("第七十条第（二）项", "公民死亡或者丧失行为能力"),
    ("第七十条第（三）项", "法人或者其他组织依法终止"),
    ("第七十条第（四）项", "许可依法被撤销、撤回，或者证件依法被吊销"),
    ("第七十条第（五）项", "因不可抗力导致许可事项无法实施"),
]


class RevokeForm(ActionForm):
    ground = forms.ChoiceField(
        label="撤销情形（行政许可法）", choices=[(f"{a} {b}", f"{a}：{b}") for a, b in REVOCATION_GROUNDS]
    )
    reason = forms.CharField(label="事实和理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class DeregisterForm(ActionForm):
    ground = forms.ChoiceField(
        label="注销情形（行政许可法）", choices=[(f"{a} {b}", f"{a}：{b}") for a, b in DEREGISTRATION_GROUNDS]
    )
    reason = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)


class PromiseForm(ActionForm):
    allowed = forms.BooleanField(label="该事项可以告知承诺方式办理", required=False)
    text = forms.CharField(
        label="告知承诺书格式文本", widget=forms.Textarea(attrs={"rows": 8}), max_length=10000, required=False
    )


class GrantOnPromiseForm(ActionForm):
    decision_number = forms.CharField(label="决定书文号", max_length=60)


class DrawForm(forms.Form):
    granted_from = forms.DateField(label="决定日期自", widget=forms.DateInput(attrs={"type": "date"}))
    granted_to = forms.DateField(label="决定日期至", widget=forms.DateInput(attrs={"type": "date"}))
    percent = forms.IntegerField(label="抽取比例（%）", min_value=1, max_value=100, initial=20)
    seed = forms.CharField(label="随机种子（留空由系统生成；复核时填原种子）", max_length=20, required=False)


class FindingsForm(ActionForm):
    findings = forms.CharField(label="核查情况", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class FalsePromiseForm(FindingsForm):
    reason = forms.CharField(label="撤销许可的事实和理由", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class ReformForm(forms.Form):
    """One line of the reform record; the service checks the rules between fields (reform._checked)."""

    item = forms.ModelChoiceField(
        label="清单事项（清单外或已删除的事项可不选，填写名称）", queryset=None, required=False
    )
    item_code = forms.CharField(label="事项编码", max_length=40, required=False)
    item_name = forms.CharField(label="事项名称（选择清单事项的可不填）", max_length=200, required=False)
    unit = forms.ModelChoiceField(label="原实施机关（选择清单事项的可不选）", queryset=None, required=False)
    kind = forms.ChoiceField(label="改革方式", choices=ReformKind.choices)
    counterpart = forms.CharField(label="承接机关（下放）或合并后事项（合并）", max_length=200, required=False)
    document_title = forms.CharField(label="决定文件名称", max_length=200)
    document_number = forms.CharField(label="文号", max_length=80)
    decided_on = forms.DateField(label="印发日期", widget=DATE_INPUT)
    effective_on = forms.DateField(label="施行日期（不填视为印发之日施行）", widget=DATE_INPUT, required=False)
    days_before = forms.IntegerField(label="改革前办理时限（工作日）", min_value=0, max_value=9999, required=False)
    days_after = forms.IntegerField(label="改革后办理时限（工作日）", min_value=0, max_value=9999, required=False)
    materials_before = forms.IntegerField(label="改革前申请材料（件）", min_value=0, max_value=9999, required=False)
    materials_after = forms.IntegerField(label="改革后申请材料（件）", min_value=0, max_value=9999, required=False)
    note = forms.CharField(label="备注", widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        from yifa.core.models import Unit

        from .models import Item

        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = Item.objects.select_related("unit").order_by("code")
        self.fields["unit"].queryset = Unit.objects.order_by("name")


class TemplateForm(forms.Form):
    kind = forms.ChoiceField(label="文书", choices=())
    file = forms.FileField(label="模板文件（.docx）")

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(kinds)
