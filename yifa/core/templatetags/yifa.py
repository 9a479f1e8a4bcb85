from django import template
from django.utils import timezone

from yifa.core.crypto import mask_id_number, mask_name, mask_phone

register = template.Library()


@register.filter
def rag(deadline) -> str:
    return deadline.rag(timezone.localdate())


register.filter("mask_phone", mask_phone)
register.filter("mask_id", mask_id_number)
register.filter("mask_name", mask_name)
