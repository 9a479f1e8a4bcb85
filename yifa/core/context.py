from .navigation import groups_for

INBOX = "core:inbox"


def workspace(request):
    """The staff menu, grouped by module, gathered from each app's nav.py, and the unread count the menu
    already computed for its 通知 link, shown again in the top bar (no second query)."""
    if not request.path.startswith("/staff/"):
        return {}
    groups = groups_for(request.user)
    unread = next((count for _, links in groups for link, count in links if link.url_name == INBOX), 0)
    return {"nav_groups": groups, "inbox_unread": unread}
