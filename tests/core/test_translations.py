"""The project's own translations (yifa/locale) win over any package's: django-simple-captcha ships a
zh_Hans catalogue that says "这个字段是必须的" for Django's required-field message."""

from pathlib import Path

import polib
from django import forms
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "yifa" / "locale"


def test_djangos_required_message_reads_as_django_says_it():
    with translation.override("zh-hans"):
        assert translation.gettext("This field is required.") == "这个字段是必填项。"
        form = forms.Form()
        form.fields["name"] = forms.CharField(label="姓名")
        form.data, form.is_bound = {}, True
        assert form.errors["name"] == ["这个字段是必填项。"]


def test_the_message_is_translated_not_patched_into_forms():
    """A patched class attribute is one language and one class; the catalogue is every form and field."""
    assert not isinstance(forms.Field.default_error_messages["required"], str)


def test_each_compiled_catalogue_is_the_one_make_messages_writes():
    catalogues = sorted(LOCALE.rglob("*.po"))
    assert catalogues
    for po in catalogues:
        mo = po.with_suffix(".mo")
        assert mo.exists(), f"{mo} missing: run `make messages`"
        assert polib.pofile(str(po)).to_binary() == mo.read_bytes(), f"{mo} is stale: run `make messages`"
