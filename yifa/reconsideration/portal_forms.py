"""The forms the public posts: the application (第二十二条) and the status lookup. Shapes only; the law's
conditions stay in the services."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings

from yifa.core.public_forms import PublicForm
from yifa.core.services import valid_id_number
from yifa.core.uploads import refuse_upload

from .forms import ApplicationForm
from .models import PartyKind
from .services import CREDIT_CODE

MOBILE = re.compile(r"^1[3-9]\d{9}$")
# The hint on the files field promises these; anything else is refused by its bytes, whatever its name.
PORTAL_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".docx"}


class PortalApplicationForm(PublicForm, ApplicationForm):
    consent = forms.BooleanField(
        label="我已阅读上方的个人信息处理告知",
        error_messages={"required": "请阅读个人信息处理告知并勾选确认，方可提交"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant_id"].help_text = "申请人为自然人的，必填18位居民身份证号码"
        self.fields["applicant_phone"].help_text = "申请人为自然人的，必填11位手机号码，用于联系和送达"
        self.fields[
            "files"
        ].help_text = (
            f"PDF、JPG、PNG 或 Word（.docx），合计不超过{settings.PUBLIC_UPLOAD_TOTAL_BYTES // (1024 * 1024)}MB"
        )

    def clean_applicant_id(self):
        return self.cleaned_data["applicant_id"].strip().upper()

    def clean_applicant_phone(self):
        return self.cleaned_data["applicant_phone"].strip().replace(" ", "").replace("-", "")

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        total = sum(f.size for f in files)
        limit = settings.PUBLIC_UPLOAD_TOTAL_BYTES
        if total > limit:
            raise forms.ValidationError(f"证据材料合计{total / 1048576:.1f}MB，超过每次提交{limit // 1048576}MB的上限")
        for f in files:
            problem = refuse_upload(f.read(), f.name, PORTAL_SUFFIXES)
            f.seek(0)
            if problem:
                raise forms.ValidationError(problem)
        return files

    def clean(self):
        data = super().clean()
        person = data.get("applicant_kind") == PartyKind.PERSON
        idn, phone = data.get("applicant_id", ""), data.get("applicant_phone", "")
        if person:
            if not idn:
                self.add_error("applicant_id", "身份证号：申请人为自然人的，须填写居民身份证号码")
            elif not valid_id_number(idn):
                self.add_error("applicant_id", "身份证号：须为18位，且末位校验码正确（GB 11643）")
            if not phone:
                self.add_error("applicant_phone", "联系电话：申请人为自然人的，须填写手机号码")
        elif idn and not CREDIT_CODE.match(idn):
            self.add_error("applicant_id", "统一社会信用代码：须为18位代码（GB 32100）")
        if phone and not MOBILE.match(phone) and "applicant_phone" not in self.errors:
            self.add_error("applicant_phone", "联系电话：须为11位手机号码（1开头，第二位3至9）")
        return data


class PortalLookupForm(PublicForm):
    number = forms.CharField(
        label="案号", max_length=60, help_text="如〔2026〕江临复字第12号，括号可用()或【】，也可只填顺序号12"
    )
    code = forms.CharField(label="查询码", max_length=12)
