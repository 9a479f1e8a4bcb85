from .navigation import groups_for


def workspace(request):
    """The staff menu, grouped by module, gathered from each app's nav.py."""
    if not request.path.startswith("/staff/"):
        return {}
    return {"nav_groups": groups_for(request.user)}
