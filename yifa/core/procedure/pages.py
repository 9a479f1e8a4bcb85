"""The page shapes every module repeats around the kit: a form that creates one record through a service."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect, render

from yifa.core.errors import YifaError

from .forms import show_service_errors


def create_page(
    request,
    form,
    *,
    make: Callable,
    done: Callable,
    template: str,
    context: dict | None = None,
    refused_status: int = 200,
):
    """Render ``form`` on ``template``; on a valid POST call ``make(**cleaned_data)`` (a service that creates
    through the kit), say ``done(record)`` and open the record's page. A refusal comes back beside its field, with
    status 400 when ``refused_status`` asks for it."""
    if request.method == "POST" and form.is_valid():
        try:
            found = make(**form.cleaned_data)
            messages.success(request, done(found))
            return redirect(found)
        except YifaError as exc:
            show_service_errors(form, exc)
    status = refused_status if form.is_bound and form.errors else 200
    return render(request, template, {"form": form, **(context or {})}, status=status)
