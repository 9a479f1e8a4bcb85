from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY

from yifa.portal.frame import frame

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_frame(context):
    request = context.get("request")
    return frame(request.path if request else "/")


@register.simple_tag(takes_context=True)
def block_text(context, name):
    """The page's own ``{% block name %}`` rendered once more (the title as the last breadcrumb)."""
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = blocks.get_block(name) if blocks else None
    return block.nodelist.render(context) if block else ""
