"""The records behind one line of a unit's score, as the score page loads them when the line is opened."""

import re

from django.urls import reverse


def records_shown(client, unit, code: str, year: int) -> str:
    """Opens the unit's score page, follows the link its line ``code`` offers (as htmx does) and returns the
    fragment: the records, each linked to its page."""
    page = client.get(reverse("assessment:unit", args=[unit.pk]) + f"?year={year}").content.decode()
    link = re.search(rf'hx-get="([^"]+/records/{code}/[^"]*)"', page).group(1).replace("&amp;", "&")
    fragment = client.get(link, headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()
    return fragment.content.decode()
