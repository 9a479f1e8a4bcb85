"""The second factor: a TOTP authenticator app (django-otp), enrolled from a QR code drawn here (segno),
nothing fetched from outside. Required for the legal office, administrators and whoever may see
personal data unmasked; anyone else may enrol, and once enrolled must use it."""

from __future__ import annotations

from base64 import b32encode

import segno
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import can_see_personal_data, is_admin, is_legal_office

DEVICE_NAME = "手机验证器"


def second_factor_required(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or is_admin(user) or is_legal_office(user) or can_see_personal_data(user)


def must_verify(user) -> bool:
    """A session that may not go on until the second factor is enrolled or entered. (Whoever has a
    device entered it at login; the page asks again only if the session somehow lacks it.)"""
    return settings.TOTP_REQUIRED and not user.is_verified() and second_factor_required(user)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled: same key until confirmed, so the QR code stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def check_token(device: TOTPDevice, token: str) -> bool:
    """Six digits, once each (a replayed code is refused); failures slow further tries down."""
    token = (token or "").strip()
    return token.isascii() and token.isdigit() and device.verify_token(token)


def qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1f2937")


def secret_text(device: TOTPDevice) -> str:
    """The key in base32, grouped by four, for typing into an app without a camera."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
