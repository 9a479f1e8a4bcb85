"""Forms of the kit: every action form carries the version the user read; service errors land under
the field they name; ``Checks`` collects every bad field before anything is written."""

from __future__ import annotations

from django import forms

from ..errors import AccessDenied, InvalidInput, NotFound, YifaError

MAX_TEXT = 5000


class ActionForm(forms.Form):
    """The base of every page action's form. ``version`` is the record's version when the page was
    opened; a stale one is refused by the engine instead of overwriting someone else's change."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={"required": "版本号：缺少，请刷新页面后重试", "invalid": "版本号：须为整数"},
    )

    def service_kwargs(self) -> dict:
        """What the service receives: the cleaned fields without the version, uploads as (name, bytes)."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        for name, value in list(data.items()):
            if hasattr(value, "read") and hasattr(value, "name"):
                data[name] = (value.name, value.read())
            elif isinstance(value, list) and value and hasattr(value[0], "read"):
                data[name] = [(f.name, f.read()) for f in value]
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (evidence, attachments); ``service_kwargs`` passes them as (name, bytes)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


def show_service_errors(form: forms.Form, exc: YifaError) -> None:
    """Each error a service raised, under the field it names (all of them, for InvalidInput); the rest
    above the form. A gate's unmet conditions are listed one by one. A refusal of the person rather than of
    the input (AccessDenied, NotFound) is raised again, for the page to answer 403 or 404."""
    if isinstance(exc, AccessDenied | NotFound):
        raise exc
    unmet = getattr(exc, "unmet", None)
    if unmet:
        for problem in unmet:
            form.add_error(None, problem)
        return
    errors = getattr(exc, "errors", None) or {exc.field: exc.message}
    for field, message in errors.items():
        shown = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if shown else None, message)


def form_error_text(form: forms.Form) -> str:
    """All of a form's errors in one Chinese sentence, each with its field's label."""
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        parts.extend(f"{label}：{e}" if label and not e.startswith(label) else e for e in errors)
    return "；".join(parts)


class Checks:
    """Collects every bad field, then raises once (nothing is written before)."""

    def __init__(self):
        self.errors: dict[str, str] = {}

    def text(self, field: str, label: str, value, *, required: bool = True, limit: int = MAX_TEXT) -> str:
        value = (value or "").strip()
        if required and not value:
            self.errors[field] = f"{label}：必须填写"
        elif len(value) > limit:
            self.errors[field] = f"{label}：不能超过{limit}字"
        return value

    def choice(self, field: str, label: str, value, choices) -> str:
        if value not in choices.values:
            self.errors[field] = f"{label}：须为" + "、".join(choices.labels) + "之一"
        return value

    def date(self, field: str, label: str, value, *, required: bool = True):
        if value is None and required:
            self.errors[field] = f"{label}：必须填写"
        return value

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def done(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors)
