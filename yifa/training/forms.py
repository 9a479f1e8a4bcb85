"""Forms that make a record or set a register; the people offered are those the user may manage."""

from __future__ import annotations

from django import forms

from yifa.core.access import scope
from yifa.core.forms import QuickSelectMultiple
from yifa.core.models import User
from yifa.core.procedure import ActionForm
from yifa.core.procedure.forms import MAX_TEXT

from .models import CourseKind, OfficerKind, StudyKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MOMENT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
HOURS = {"min_value": 0.5, "max_digits": 4, "decimal_places": 1}


class PeopleField(forms.ModelMultipleChoiceField):
    widget = QuickSelectMultiple  # every person of the city, for a city-wide role

    def label_from_instance(self, obj):
        return f"{obj.display_name}（{obj.unit.name if obj.unit else ''}）"


def _people(user, unit=None):
    qs = scope(User.objects.filter(is_active=True, unit__isnull=False), user).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    # only what an option shows: a user row also carries encrypted personal data, decrypted when loaded
    return qs.order_by("unit__path", "username").only("username", "full_name", "unit__name", "unit__path")


class CourseForm(forms.Form):
    topic = forms.CharField(label="培训主题", max_length=200)
    kind = forms.ChoiceField(label="培训方式", choices=CourseKind.choices, initial=CourseKind.ORGANISED)
    teacher = forms.CharField(label="授课人", max_length=100, required=False)
    held_on = forms.DateField(label="培训日期", widget=DATE)
    hours = forms.DecimalField(label="学时", max_value=200, **HOURS)
    materials = forms.CharField(label="培训材料", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    exam = forms.BooleanField(label="组织考试", required=False)
    attendees = PeopleField(label="参训人员（扫码签到的可不选）", queryset=User.objects.none(), required=False)
    signin_opens = forms.DateTimeField(
        label="扫码签到开始时间", widget=MOMENT, input_formats=MOMENT_FORMATS, required=False
    )
    signin_closes = forms.DateTimeField(
        label="扫码签到截止时间", widget=MOMENT, input_formats=MOMENT_FORMATS, required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = _people(user)


class SigninWindowForm(forms.Form):
    signin_opens = forms.DateTimeField(label="扫码签到开始时间", widget=MOMENT, input_formats=MOMENT_FORMATS)
    signin_closes = forms.DateTimeField(label="扫码签到截止时间", widget=MOMENT, input_formats=MOMENT_FORMATS)
    version = forms.IntegerField(widget=forms.HiddenInput)


class StudyForm(forms.Form):
    kind = forms.ChoiceField(label="学法形式", choices=StudyKind.choices)
    held_on = forms.DateField(label="学法日期", widget=DATE)
    law_studied = forms.CharField(label="学习的法律法规", max_length=200)
    speaker = forms.CharField(label="主讲人", max_length=100)
    meeting = forms.CharField(label="会议（会前学法必填）", max_length=200, required=False)
    meeting_link = forms.CharField(
        label="会议记录链接（本平台重大决策会议页面，可不填）", max_length=300, required=False
    )
    attendees = PeopleField(label="参加人员", queryset=User.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = _people(user, user.unit if user.unit_id else None)


class RequirementForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="人员类别", choices=OfficerKind.choices)
    hours = forms.DecimalField(label="年度学时要求", max_value=500, **HOURS)
    basis = forms.CharField(label="依据（文件名称和条款）", max_length=200)


class OutlineForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="培训要点", widget=forms.Textarea(attrs={"rows": 8}), max_length=MAX_TEXT * 4)
    plans_due = forms.DateField(label="单位培训计划报送届满日（默认第一季度末）", widget=DATE, required=False)


class OutlineEditForm(ActionForm):
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="培训要点", widget=forms.Textarea(attrs={"rows": 8}), max_length=MAX_TEXT * 4)
    plans_due = forms.DateField(label="单位培训计划报送届满日", widget=DATE)


class PlanFileForm(ActionForm):
    body = forms.CharField(
        label="本单位培训工作计划", widget=forms.Textarea(attrs={"rows": 10}), max_length=MAX_TEXT * 4
    )


class ExamForm(forms.Form):
    """The course's exam: subject, date, marks, and a score per attendee (blank: absent)."""

    subject = forms.CharField(label="考试科目", max_length=200)
    held_on = forms.DateField(label="考试日期", widget=DATE)
    full_mark = forms.IntegerField(label="满分", min_value=1, max_value=1000, initial=100)
    pass_mark = forms.IntegerField(label="合格分数", min_value=0, max_value=1000, initial=60)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, attendance, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(attendance)
        for row in self.rows:
            self.fields[f"score_{row.person_id}"] = forms.IntegerField(
                label=f"{row.person.display_name}成绩", min_value=0, max_value=1000, required=False
            )
            self.initial.setdefault(f"score_{row.person_id}", row.score)

    def score_fields(self):
        return [(row, self[f"score_{row.person_id}"]) for row in self.rows]

    def scores(self) -> dict[int, int | None]:
        return {row.person_id: self.cleaned_data.get(f"score_{row.person_id}") for row in self.rows}


class AttachMeetingForm(forms.Form):
    meeting_record = forms.ModelChoiceField(label="所附会议（本单位已记录的会议）", queryset=None)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting_record"].queryset = meetings
