"""The supervision part of the public portal: the complaint form."""

from django.urls import reverse_lazy

SERVICES = [
    ("投诉行政执法行为", reverse_lazy("portal_supervision:complain"), "认为行政执法行为违法或者不当的，网上投诉、举报"),
]
