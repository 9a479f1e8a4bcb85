"""Every form the public posts has a length limit on each text field and goes through the core limits."""

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.urls import get_resolver

from yifa.core.public_forms import PublicForm
from yifa.decisions.forms import PublicCommentForm, SignupForm
from yifa.reconsideration.portal_forms import PortalApplicationForm, PortalLookupForm

PUBLIC_FORMS = [PortalApplicationForm, PortalLookupForm, PublicCommentForm, SignupForm]


@pytest.mark.parametrize("form_class", PUBLIC_FORMS)
def test_every_text_field_of_a_public_form_is_bounded(db, form_class):
    form = form_class()
    for name, field in form.fields.items():
        if isinstance(field, forms.CharField):
            assert field.max_length, name
            assert any(getattr(v, "limit_value", None) == field.max_length for v in field.validators), name


def test_a_public_form_without_a_limit_on_a_line_field_is_a_programming_error():
    class Careless(PublicForm):
        name = forms.CharField()

    with pytest.raises(ImproperlyConfigured):
        Careless()


def _public_post_views():
    """Every portal view (mounted outside /staff/, /api/, /admin/) that accepts a POST."""
    found = []
    for pattern in get_resolver().url_patterns:
        prefix = str(pattern.pattern)
        if prefix.startswith(("staff/", "api/", "admin/", "login", "logout", "captcha/")):
            continue
        for sub in getattr(pattern, "url_patterns", [pattern]):
            found.append((prefix + str(sub.pattern), sub.callback))
    return found


def test_every_portal_form_view_is_behind_the_core_limits():
    """A view that renders a form the public posts must be wrapped by public_post."""
    import inspect

    unguarded = []
    for route, view in _public_post_views():
        source = inspect.getsource(inspect.unwrap(view)) if callable(view) else ""
        posts = "request.POST" in source
        if posts and not getattr(view, "public_scope", None):
            unguarded.append(route)
    assert unguarded == []
