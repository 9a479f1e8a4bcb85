from django import forms

from yifa.core.procedure import ActionForm

from .flows import BODY_LIMIT
from .models import ReportKind


class ReportEditForm(ActionForm):
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 24}), max_length=BODY_LIMIT)


class DraftForm(forms.Form):
    kind = forms.ChoiceField(label="报告类型", choices=ReportKind.choices)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
