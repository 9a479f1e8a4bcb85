from django.apps import apps

from .access import is_admin
from .registry import contributions


def workspace(request):
    """The staff menu, grouped by module, gathered from each app's nav.py."""
    if not request.path.startswith("/staff/"):
        return {}
    groups = []
    for name, module in contributions("nav"):
        groups.append((apps.get_app_config(name).verbose_name, module.NAV))
        if name == "core" and is_admin(request.user):
            groups.append(("系统管理", module.ADMIN_NAV))
    return {"nav_groups": groups}
