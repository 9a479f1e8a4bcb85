from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .models import DayKind, Role, Unit, UnitKind, User


class UnitForm(forms.Form):
    name = forms.CharField(label="单位名称", max_length=100)
    short_name = forms.CharField(label="简称", max_length=30, required=False)
    kind = forms.ChoiceField(label="类型", choices=UnitKind.choices)
    parent = forms.ModelChoiceField(
        label="上级单位", queryset=Unit.objects.filter(active=True).order_by("path"), required=False
    )
    is_legal_office = forms.BooleanField(label="法制机构", required=False)


class PersonForm(forms.Form):
    username = forms.CharField(label="登录名", max_length=40)
    full_name = forms.CharField(label="姓名", max_length=50)
    unit = forms.ModelChoiceField(label="所在单位", queryset=Unit.objects.order_by("path"))
    roles = forms.MultipleChoiceField(
        label="角色", choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    title = forms.CharField(label="职务", max_length=50, required=False)
    phone = forms.CharField(label="电话", max_length=20, required=False)
    id_number = forms.CharField(label="身份证号", max_length=18, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    password = forms.CharField(
        label="初始密码",
        widget=forms.PasswordInput,
        help_text="本人首次登录时须改为自己的密码",
    )


class CalendarDayForm(forms.Form):
    date = forms.DateField(label="日期", widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label="类型", choices=DayKind.choices)
    name = forms.CharField(label="节日名称", max_length=40, required=False)


class PersonUpdateForm(forms.Form):
    user = forms.ModelChoiceField(label="人员", queryset=User.objects.select_related("unit").order_by("username"))
    roles = forms.MultipleChoiceField(
        label="角色", choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    is_active = forms.BooleanField(label="允许登录", required=False, initial=True)


class UnitVersionForm(forms.Form):
    """Every edit names the version of the unit the page showed, so a stale page cannot overwrite."""

    expected_version = forms.CharField(
        widget=forms.HiddenInput,
        max_length=64,
        error_messages={"required": "版本：缺少页面打开时单位的版本，为避免覆盖他人的修改，请刷新页面后重试"},
    )


class UnitEditForm(UnitVersionForm):
    name = forms.CharField(label="单位名称", max_length=100)
    short_name = forms.CharField(label="简称", max_length=30, required=False)
    kind = forms.ChoiceField(label="类型", choices=UnitKind.choices)
    is_legal_office = forms.BooleanField(label="法制机构", required=False)


class UnitMoveForm(UnitVersionForm):
    parent = forms.ModelChoiceField(
        label="新的上级单位",
        queryset=Unit.objects.filter(active=True).order_by("path"),
        required=False,
        empty_label="（无，作为顶级单位）",
    )


class UnitDeactivateForm(UnitVersionForm):
    reason = forms.CharField(label="停用理由", max_length=200, widget=forms.Textarea(attrs={"rows": 2}))


class AuditFilterForm(forms.Form):
    """The audit log's filters: who, what, which record, from and to which day."""

    actor = forms.CharField(label="操作人", max_length=50, required=False)
    action = forms.CharField(label="动作", max_length=60, required=False)
    subject = forms.CharField(label="对象", max_length=100, required=False)
    since = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", "截止日期：不能早于起始日期")
        return data


class QuickSelectMultiple(forms.SelectMultiple):
    """A multiple select rendered in one pass: Django renders each option through its own template (about half
    a millisecond each), and a list of a city's staff has hundreds of them."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in (value or [])}
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name, "multiple": True})
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((str(v), mark_safe(" selected") if str(v) in chosen else "", label) for v, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)
