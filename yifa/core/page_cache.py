"""Public pages for anonymous readers from a short-lived cache.

A view marked with ``@public_page`` (a catalogue, a published record) is kept for
``YIFA_PUBLIC_PAGE_SECONDS`` (default 60) and served again, for that long, to anyone who arrives without a
cookie, before session, login and CSRF are even looked at. A change published in the meantime therefore
shows on the portal within that many seconds. Nothing else is kept: not a page for a signed-in person or
one who carries any cookie (a CSRF token, a session), not a response that sets a cookie (every form page
does), not an error, not a lookup page (status enquiries are not marked). The cache is this worker's
memory by default, or Redis when ``YIFA_PAGE_CACHE_URL`` (or ``YIFA_CACHE_URL``) names one.
"""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.utils import translation

CACHE = "pages"
NEVER = ("/staff/", "/api/", "/admin/", "/login/", "/logout/", "/captcha/", "/static/")
MARK = "_yifa_public_page"


def public_page(view):
    """Mark a public view's pages as the same for every anonymous reader (cacheable)."""

    @functools.wraps(view)
    def marked(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        setattr(response, MARK, True)
        return response

    return marked


def _key(request) -> str:
    parts = [
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        translation.get_language_from_request(request),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _storable(response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        getattr(response, MARK, False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


class PublicPageCache:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PUBLIC_PAGE_SECONDS
        if not seconds or request.method != "GET" or request.COOKIES or request.path.startswith(NEVER):
            return self.get_response(request)
        cache = caches[CACHE]
        key = _key(request)
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if _storable(response):
            delattr(response, MARK)
            cache.set(key, response, seconds)
        return response
