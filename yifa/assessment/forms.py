from django import forms

from yifa.core.procedure import ActionForm, MultipleFileField
from yifa.core.procedure.forms import MAX_TEXT

from .flows import BODY_LIMIT
from .models import DutyState, ReportKind


class ReportEditForm(ActionForm):
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 24}), max_length=BODY_LIMIT)


class DraftForm(forms.Form):
    kind = forms.ChoiceField(label="报告类型", choices=[(ReportKind.SHUFA, ReportKind.SHUFA.label)])
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)


POINTS = {"min_value": 0, "max_value": 100, "max_digits": 5, "decimal_places": 1}


class ObjectionForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, max_length=40)
    year = forms.IntegerField(widget=forms.HiddenInput, min_value=2000, max_value=2100)
    reason = forms.CharField(label="异议理由和证据说明", widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_TEXT)
    files = MultipleFileField(label="证据材料", required=False)


class UpholdForm(ActionForm):
    answer = forms.CharField(label="答复意见", widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_TEXT)
    points = forms.DecimalField(label="复核后得分", **POINTS)


class DismissForm(ActionForm):
    answer = forms.CharField(label="答复意见", widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_TEXT)


class IndicatorSettingForm(forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput, min_value=2000, max_value=2100)
    code = forms.CharField(widget=forms.HiddenInput, max_length=40)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    level = forms.CharField(label="一级指标", max_length=40)
    points = forms.DecimalField(label="分值", **POINTS)
    enabled = forms.BooleanField(label="计入考核", required=False)


class ManualIndicatorForm(forms.Form):
    year = forms.IntegerField(label="自年度", min_value=2000, max_value=2100)
    name = forms.CharField(label="指标名称", max_length=100)
    level = forms.CharField(label="一级指标", max_length=40)
    points = forms.DecimalField(label="分值", **POINTS)
    measure = forms.CharField(label="评分标准", max_length=300)
    basis = forms.CharField(label="依据", max_length=200)


class ManualScoreForm(forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput, min_value=2000, max_value=2100)
    unit = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    points = forms.DecimalField(label="得分", **POINTS)
    evidence = forms.CharField(label="评分依据", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class DutyForm(forms.Form):
    title = forms.CharField(label="职责", max_length=300)
    basis = forms.CharField(label="依据（本省文件名称和条款）", max_length=200)
    from_year = forms.IntegerField(label="起始年度", min_value=2000, max_value=2100)
    sort = forms.IntegerField(label="排序", min_value=0, max_value=999, required=False)


class DutyRetireForm(forms.Form):
    last_year = forms.IntegerField(label="适用至年度", min_value=1999, max_value=2100)
    version = forms.IntegerField(widget=forms.HiddenInput)


class DutyRecordForm(forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput, min_value=2000, max_value=2100)
    state = forms.ChoiceField(label="履行情况", choices=DutyState.choices)
    note = forms.CharField(
        label="履职情况及证据", widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_TEXT, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
