"""Password rules (等保2.0 三级 身份鉴别): Django's validators plus a complexity rule, applied wherever a
password is set — by an administrator, by the person, or by ``createsuperuser``/``changepassword``."""

from __future__ import annotations

import string

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

CLASSES = (
    ("大写字母", set(string.ascii_uppercase)),
    ("小写字母", set(string.ascii_lowercase)),
    ("数字", set(string.digits)),
)
CLASS_NAMES = "大写字母、小写字母、数字、符号"


def character_classes(password: str) -> int:
    """How many of upper case, lower case, digits and symbols (anything else) the password uses."""
    used = sum(1 for _, chars in CLASSES if any(c in chars for c in password))
    return used + any(not c.isascii() or not c.isalnum() for c in password)


class ComplexityValidator:
    """At least ``min_length`` characters from at least ``min_classes`` of the four classes."""

    def __init__(self, min_length: int = 10, min_classes: int = 3):
        self.min_length, self.min_classes = min_length, min(max(min_classes, 1), 4)

    def validate(self, password, user=None):
        if len(password) < self.min_length or character_classes(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self):
        return f"至少{self.min_length}位，且须包含{CLASS_NAMES}中的至少{self.min_classes}类"


def password_problems(password: str, user=None) -> str:
    """Every rule the password breaks, as one Chinese sentence (empty if it passes)."""
    try:
        validate_password(password or "", user=user)
    except ValidationError as exc:
        return "；".join(dict.fromkeys(exc.messages))
    return ""
