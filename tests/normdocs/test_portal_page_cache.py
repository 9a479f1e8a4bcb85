"""Anonymous portal pages come from a short-lived cache: a change published meanwhile shows once the stated
time has passed; signed-in people, form pages and lookups are never served from it."""

import time
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.cache.backends import locmem
from django.test import override_settings

from yifa.core.page_cache import CACHE

SECONDS = 60


@pytest.fixture
def page_cache():
    caches[CACHE].clear()
    with override_settings(PUBLIC_PAGE_SECONDS=SECONDS):
        yield caches[CACHE]
    caches[CACHE].clear()


def _rename(doc, title):
    from yifa.normdocs.models import Document

    Document.objects.filter(pk=doc.pk).update(title=title)


def test_a_published_change_shows_on_the_cached_catalogue_within_the_stated_time(
    client, published, page_cache, django_assert_max_num_queries, monkeypatch
):
    from django.test import Client

    anonymous = Client()
    assert "江临市最低生活保障审核确认办法" in anonymous.get("/normdocs/").content.decode()
    _rename(published, "江临市临时救助办法（修订）")
    with django_assert_max_num_queries(0):  # served from the cache: not one query
        cached = anonymous.get("/normdocs/").content.decode()
    assert "江临市最低生活保障审核确认办法" in cached  # still the kept page, for at most SECONDS
    later = time.time() + SECONDS + 1
    monkeypatch.setattr(locmem, "time", SimpleNamespace(time=lambda: later))  # SECONDS have passed
    assert "江临市临时救助办法（修订）" in anonymous.get("/normdocs/").content.decode()


def test_signed_in_people_and_form_pages_are_never_served_from_the_cache(cast, client, published, page_cache):
    from django.test import Client

    anonymous = Client()
    anonymous.get("/normdocs/")
    _rename(published, "江临市临时救助办法（修订）")
    client.force_login(cast["minzheng_liaison"])
    assert "江临市临时救助办法（修订）" in client.get("/normdocs/").content.decode()  # a session cookie: never cached
    # A form page sets the CSRF cookie: it is not kept, so two visitors never share a token.
    first = anonymous.get("/reconsideration/apply/")
    assert first.status_code == 200 and first.cookies
    assert Client().get("/reconsideration/apply/").cookies


def test_the_cache_is_off_in_tests_unless_turned_on(published):
    from django.test import Client

    anonymous = Client()
    anonymous.get("/normdocs/")
    _rename(published, "江临市临时救助办法（修订）")
    assert "江临市临时救助办法（修订）" in anonymous.get("/normdocs/").content.decode()
