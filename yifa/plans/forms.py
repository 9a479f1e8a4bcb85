"""The module's forms: the page actions' (ActionForm, carrying the version read) and the forms that
make a record or set a register."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from yifa.core.procedure import ActionForm, MultipleFileField

from .models import AssignmentStatus, InstitutionKind, ReportKind
from .queries import active_units, plan_rows

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# ---- forms that make a record or set a register -----------------------------------------------


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label="报告类型", choices=ReportKind.choices)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 10}), required=False)
    is_public = forms.BooleanField(label="接收后向社会公开", required=False)
    files = MultipleFileField(label="附件", required=False)


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
    kind = forms.TypedChoiceField(
        label="制度类别",
        choices=InstitutionKind.choices,
        initial=InstitutionKind.OTHER,
        required=False,
        empty_value=InstitutionKind.OTHER,
    )
    due = forms.DateField(label="建立时限", widget=DATE, required=False)
    basis = forms.CharField(label="依据", max_length=300, required=False)
    task = forms.IntegerField(widget=forms.HiddenInput, required=False)  # listed from a task's page


class RecordForm(forms.Form):
    document_title = forms.CharField(label="制度文件名称及文号", max_length=200)
    established_on = forms.DateField(label="建立日期", widget=DATE)
    file = forms.FileField(label="佐证文件", required=False)


# ---- page actions -------------------------------------------------------------------------------


class ReportEditForm(ActionForm):
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 10}), required=False)
    is_public = forms.BooleanField(label="接收后向社会公开", required=False)
    files = MultipleFileField(label="附件", required=False)


class ReturnForm(ActionForm):
    reason = forms.CharField(label="意见", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ProgressForm(ActionForm):
    status = forms.ChoiceField(label="进展", choices=AssignmentStatus.choices)
    percent = forms.IntegerField(label="完成比例", widget=forms.NumberInput(attrs={"min": 0, "max": 100}))
    narrative = forms.CharField(label="进展情况", widget=forms.Textarea(attrs={"rows": 3, "cols": 60}))
    files = MultipleFileField(label="佐证材料", required=False)


class UrgeForm(ActionForm):
    reason = forms.CharField(label="催办说明", max_length=500, required=False)


@dataclass
class CorrectionRow:
    task: object
    title: forms.BoundField
    units: forms.BoundField
    due: forms.BoundField
    drop: forms.BoundField


class CorrectionForm(ActionForm):
    """The decomposition table: each task's title, units and due date, or dropped. One button saves,
    the other saves and confirms (``confirm``)."""

    confirm = forms.BooleanField(required=False)
    tasks: list = []
    units: dict = {}

    def rows(self) -> list[CorrectionRow]:
        return [
            CorrectionRow(task, *(self[f"t{task.pk}_{name}"] for name in ("title", "units", "due", "drop")))
            for task in self.tasks
        ]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        rows = [
            {
                "task": task.pk,
                "title": data[f"t{task.pk}_title"],
                "units": [self.units[pk] for pk in data[f"t{task.pk}_units"]],
                "due": data[f"t{task.pk}_due"],
                "drop": data[f"t{task.pk}_drop"],
            }
            for task in self.tasks
        ]
        return {"rows": rows, "confirm": data["confirm"]}


def correction_form(plan) -> type[CorrectionForm]:
    """The table's form for this plan's tasks (one query for the tasks, one for the units)."""
    tasks = plan_rows(plan)
    units = {u.pk: u for u in active_units()}
    choices = [(pk, u.name) for pk, u in units.items()]
    fields = {"tasks": tasks, "units": units}
    for t in tasks:
        fields[f"t{t.pk}_title"] = forms.CharField(
            label=f"{t.label}的工作内容", max_length=300, required=False, initial=t.title
        )
        fields[f"t{t.pk}_units"] = forms.TypedMultipleChoiceField(
            label=f"{t.label}的责任单位",
            choices=choices,
            coerce=int,
            required=False,
            initial=[a.unit_id for a in t.assignments.all()],
            widget=forms.SelectMultiple(attrs={"size": 4}),
        )
        fields[f"t{t.pk}_due"] = forms.DateField(
            label=f"{t.label}的完成时限", required=False, initial=t.due, widget=DATE
        )
        fields[f"t{t.pk}_drop"] = forms.BooleanField(label=f"删除{t.label}", required=False)
    return type("CorrectionForm", (CorrectionForm,), fields)
