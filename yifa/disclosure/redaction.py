"""Proposed redactions for the public copy of a reply (第十五条; 个人信息保护法第三十四条): names the staff
list (the applicant, third parties), ID numbers, phone numbers, e-mail addresses and street addresses.
Staff see the proposal in the reply form and confirm or correct it; the requester keeps the full text."""

from __future__ import annotations

import re

MARK = "【已隐去】"
PATTERNS = [
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),  # 居民身份证号码
    re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"),  # 手机号码
    re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)"),  # 固定电话
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # 电子邮箱
    re.compile(
        r"[\u4e00-\u9fa5]{1,12}(?:路|街|巷|大道|村|小区)[\u4e00-\u9fa5\d]{0,8}?\d+号(?:\d+(?:栋|幢))?(?:\d+室)?"
    ),
]


def redact(text: str, *, names: list[str] = ()) -> str:
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name, MARK)
    for pattern in PATTERNS:
        text = pattern.sub(MARK, text)
    return text
