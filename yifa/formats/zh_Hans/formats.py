"""Chinese formats, with ISO dates first: an HTML date input (``type="date"``) shows its value only in
YYYY-MM-DD, so a pre-filled date (today, the stored date) would otherwise render blank."""

from django.conf.locale.zh_Hans.formats import *  # noqa: F403
from django.conf.locale.zh_Hans.formats import DATE_INPUT_FORMATS as _DATES
from django.conf.locale.zh_Hans.formats import DATETIME_INPUT_FORMATS as _DATETIMES

DATE_INPUT_FORMATS = ["%Y-%m-%d", *(f for f in _DATES if f != "%Y-%m-%d")]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M", *(f for f in _DATETIMES if f != "%Y-%m-%d %H:%M")]
