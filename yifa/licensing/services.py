"""What the declarations cannot say: the row an application starts as, checked field by field."""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone

from yifa.core.procedure import Checks, create
from yifa.core.services import valid_id_number

from . import rules
from .flows import APPLICATIONS
from .models import Application, Channel, Item

ID_LENGTHS = (15, 18)
# 统一社会信用代码 (GB 32100): an organisation, whose name may be published (许可法第四十条); a valid resident ID
# number, or anything else, may be a person's (an 18-character ID can match the code's shape: checked first).
CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def is_organisation(id_number: str) -> bool:
    code = (id_number or "").upper()
    return bool(CREDIT_CODE.match(code)) and not valid_id_number(code)


def receive(
    *,
    by,
    item: Item,
    channel: str,
    received_on: dt.date,
    applicant_name: str,
    applicant_id_number: str,
    applicant_phone: str = "",
    summary: str,
    by_promise: bool = False,
) -> Application:
    check = Checks()
    name = check.text("applicant_name", "申请人", applicant_name, limit=200)
    id_number = check.text("applicant_id_number", "证件号码", applicant_id_number, limit=40).upper()
    if id_number and not (id_number.isalnum() and 8 <= len(id_number) <= 30):
        check.fail("applicant_id_number", "证件号码：应为身份证号或统一社会信用代码")
    phone = check.text("applicant_phone", "联系电话", applicant_phone, required=False, limit=20)
    text = check.text("summary", "申请内容", summary)
    check.choice("channel", "申请方式", channel, Channel)
    check.date("received_on", "收到日期", received_on)
    if received_on and received_on > timezone.localdate():
        check.fail("received_on", "收到日期：不能晚于今天")
    if by_promise and not item.promise_allowed:
        check.fail("by_promise", f"该事项不实行告知承诺，须按一般程序申请（{rules.PROMISE_ALLOWED.citation}）")
    check.done()

    def build():
        return Application(
            item=item,
            unit=item.unit,
            channel=channel,
            applicant_name=name,
            applicant_id_number=id_number,
            applicant_phone=phone,
            summary=text,
            received_on=received_on,
            by_promise=bool(by_promise),
            applicant_is_organisation=is_organisation(id_number),
        )

    return create(APPLICATIONS, "receive", build=build, by=by, on=received_on)
