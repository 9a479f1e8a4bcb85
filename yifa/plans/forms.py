import datetime as dt

from django import forms

from yifa.core.errors import YifaError

from .models import ReportKind


def first_error(form) -> str:
    field, errors = next(iter(form.errors.items()))
    label = form.fields[field].label if field in form.fields else ""
    return f"{label}：{errors[0]}" if label else errors[0]


def parse_date(text: str, label: str):
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise YifaError(f"{label}：“{text}”不是YYYY-MM-DD格式的日期", field="due") from None


DATE = forms.DateInput(attrs={"type": "date"})


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label="报告类型", choices=ReportKind.choices)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 10}), required=False)
    is_public = forms.BooleanField(label="接收后向社会公开", required=False)


class DueForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="报告类型", choices=ReportKind.choices)
    due = forms.DateField(label="届满日", widget=DATE)
    note = forms.CharField(label="依据说明", max_length=200, required=False)


class ImportForm(forms.Form):
    title = forms.CharField(label="计划名称（可不填，默认取首行）", max_length=200, required=False)
    year = forms.IntegerField(label="计划年度（补全缺少年份的日期）", min_value=2000, max_value=2100, required=False)
    text = forms.CharField(label="粘贴计划正文", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    file = forms.FileField(label="或上传.docx/.txt文件", required=False)


class InfoForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="内容", widget=forms.Textarea(attrs={"rows": 5}))


class InstitutionForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    name = forms.CharField(label="制度名称", max_length=200)
    due = forms.DateField(label="建立时限", widget=DATE, required=False)
    basis = forms.CharField(label="依据", max_length=300, required=False)


class RecordForm(forms.Form):
    document_title = forms.CharField(label="制度文件名称及文号", max_length=200)
    established_on = forms.DateField(label="建立日期", widget=DATE)
    file = forms.FileField(label="佐证文件", required=False)
