"""Personal data at rest: AES (Fernet) with a key from YIFA_FIELD_KEY, and masking for screens."""

import base64
import functools
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import models

PREFIX = "enc1:"


def _fernet() -> Fernet:
    return _fernet_for(settings.FIELD_ENCRYPTION_KEY or ("dev-field-key:" + settings.SECRET_KEY))


@functools.lru_cache(maxsize=4)
def _fernet_for(secret: str) -> Fernet:
    """One key schedule per key, not one per value read (every request reads its user's row)."""
    key = base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest())
    return Fernet(key)


def encrypt(text: str) -> str:
    if not text:
        return ""
    return PREFIX + _fernet().encrypt(text.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored or not stored.startswith(PREFIX):
        return stored or ""
    try:
        return _fernet().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        return "（无法解密）"


def decrypt_many(stored_values) -> list[str]:
    """``decrypt`` for a batch of stored values with one key schedule (a data migration over many rows)."""
    fernet = _fernet()
    out = []
    for stored in stored_values:
        if not stored or not stored.startswith(PREFIX):
            out.append(stored or "")
            continue
        try:
            out.append(fernet.decrypt(stored[len(PREFIX) :].encode()).decode())
        except InvalidToken:
            out.append("（无法解密）")
    return out


class EncryptedTextField(models.TextField):
    """Stored encrypted; Python sees plain text. Not searchable or sortable by design."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def to_python(self, value):
        return decrypt(value) if isinstance(value, str) else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value and not value.startswith(PREFIX):
            return encrypt(value)
        return value


def mask_id_number(value: str) -> str:
    if not value:
        return ""
    if len(value) <= 8:
        return value[0] + "*" * (len(value) - 1)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str) -> str:
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    if not value:
        return ""
    return value[0] + "*" * (len(value) - 1) if len(value) <= 2 else value[0] + "*" * (len(value) - 2) + value[-1]
