from django import template
from django.utils import timezone

from yifa.core.crypto import mask_id_number, mask_name, mask_phone
from yifa.core.procedure import state_label as _state_label

register = template.Library()


@register.filter
def rag(deadline) -> str:
    return deadline.rag(timezone.localdate())


register.filter("mask_phone", mask_phone)
register.filter("mask_id", mask_id_number)
register.filter("mask_name", mask_name)


@register.filter
def state_label(state: str, action: str) -> str:
    """{{ event.to_state|state_label:event.action }} → the state's Chinese label."""
    return _state_label(action or "", state or "")
