"""Page actions: one table per module names, for each transition a page may fire, its form and (only
where the engine's ``fire`` is not enough) the service that runs it. One generic view runs them all, for
htmx partials and full-page posts alike; a page offers exactly the acts its flow allows this user on this
record now (state, ``when``, ``who``), so no view or template restates a state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ..errors import NotFound, YifaError
from .engine import Flow, fire
from .forms import ActionForm, form_error_text, show_service_errors


@dataclass(frozen=True)
class Action:
    name: str  # the transition's name in the table's flow (or in ``flow``)
    form: type[ActionForm] = ActionForm
    call: Callable[..., Any] | None = None  # call(obj, by=, expected_version=, **inputs); default: fire
    label: str = ""  # default: the transition's label
    done: str | Callable[[Any], str] = ""  # what happened, said to the user: default “已<label>”
    initial: Callable[[Any], dict] | None = None
    flow: Flow | None = None
    form_for: Callable[[Any], type[ActionForm]] | None = None  # a form made for the record (a row per task …)


@dataclass
class Offered:
    """An action as the page shows it."""

    name: str
    label: str
    form: ActionForm
    url: str
    confirm: str
    who: str
    key: str = ""  # the element id's tail when several records' actions share a page


@dataclass
class Actions:
    flow: Flow
    actions: list[Action]
    url: str  # the url name of the generic view, taking (pk, name)
    access: Callable[[Any, Any], Any]  # access(user, pk) → the record, or raise
    page: Callable | None = None  # the record's page view, re-rendered with a refused form's errors
    many: bool = False  # several records' actions on one page (a list, each unit's share): ids carry the pk
    by_name: dict[str, Action] = field(init=False)

    def __post_init__(self):
        self.by_name = {a.name: a for a in self.actions}
        for a in self.actions:
            (a.flow or self.flow).transition(a.name)  # a typo fails at import, not on a click

    def _flow(self, action: Action) -> Flow:
        return action.flow or self.flow

    def label(self, action: Action) -> str:
        return action.label or self._flow(action).transition(action.name).label

    def _form(self, action: Action, obj, *args, **kwargs) -> ActionForm:
        form_class = action.form_for(obj) if action.form_for else action.form
        if self.many:
            kwargs["auto_id"] = f"id_%s-{obj.pk}"
        return form_class(*args, prefix=action.name, **kwargs)

    def _offer(self, action: Action, obj, form: ActionForm, who: str = "") -> Offered:
        return Offered(
            action.name,
            self.label(action),
            form,
            reverse(self.url, args=[obj.pk, action.name]),
            self._flow(action).transition(action.name).confirm,
            who,
            f"{action.name}-{obj.pk}" if self.many else "",
        )

    def offered(self, user, obj, *, bound: dict | None = None) -> list[Offered]:
        found = []
        for action in self.actions:
            flow = self._flow(action)
            if not (flow.is_open(obj, action.name) and flow.may(user, obj, action.name)):
                continue
            form = (bound or {}).get(action.name)
            if form is None:
                initial = {"version": getattr(obj, "version", 0), **(action.initial(obj) if action.initial else {})}
                form = self._form(action, obj, initial=initial)
            found.append(self._offer(action, obj, form, flow.transition(action.name).who.label))
        return found

    def run(self, request, obj, name: str):
        action = self.by_name.get(name)
        if action is None:
            raise NotFound(f"没有名为“{name}”的操作")
        form = self._form(action, obj, request.POST, request.FILES)
        if form.is_valid():
            try:
                result = self._call(action, obj, request.user, form)
            except YifaError as exc:
                show_service_errors(form, exc)
            else:
                return self._done(request, action, result or obj)
        return self._refused(request, action, obj, form)

    def _call(self, action: Action, obj, user, form: ActionForm):
        version = form.cleaned_data["version"]
        inputs = form.service_kwargs()
        if action.call:
            return action.call(obj, by=user, expected_version=version, **inputs)
        return fire(self._flow(action), obj, action.name, by=user, expected_version=version, **inputs)

    def _done(self, request, action: Action, obj):
        text = action.done(obj) if callable(action.done) else (action.done or self._default_done(action, obj))
        messages.success(request, text)
        target = obj.get_absolute_url()
        if request.htmx:
            response = HttpResponse(status=204)
            response["HX-Redirect"] = target
            return response
        return redirect(target)

    def _default_done(self, action: Action, obj) -> str:
        """“已送法制机构合法性审核，现为“合法性审核中””: the act, and where the record now stands."""
        flow = self._flow(action)
        target = flow.transition(action.name).target
        text = f"已{self.label(action)}"
        return f"{text}，现为“{flow.states(target).label}”" if target else text

    def _refused(self, request, action: Action, obj, form: ActionForm):
        if request.htmx:
            return render(request, "core/_action.html", {"a": self._offer(action, obj, form), "open": True})
        if self.page is not None:
            flow = self._flow(action)
            if not (flow.is_open(obj, action.name) and flow.may(request.user, obj, action.name)):
                messages.error(request, form_error_text(form))  # the page no longer offers the act: say why above it
            response = self.page(request, obj.pk, bound={action.name: form})
            response.status_code = 400
            return response
        messages.error(request, form_error_text(form))
        return redirect(obj.get_absolute_url())

    def selectable(self, user, objs, name: str) -> list[tuple[Any, bool]]:
        """Each record with whether ``name`` is open to this user on it now (a row's checkbox)."""
        flow = self._flow(self.by_name[name])
        return [(obj, flow.is_open(obj, name) and flow.may(user, obj, name)) for obj in objs]

    def run_many(self, request, name: str, pks: list[str]) -> tuple[int, str]:
        """One act on every selected record, all or none; (how many, or the first refusal)."""
        action = self.by_name[name]
        if not pks:
            return 0, "请先勾选要办理的事项"
        try:
            with transaction.atomic():
                for pk in pks:
                    obj = self.access(request.user, pk)
                    data = request.POST.copy()
                    data[f"{action.name}-version"] = str(getattr(obj, "version", 0))
                    form = self._form(action, obj, data)
                    if not form.is_valid():
                        raise YifaError(f"{obj}：{form_error_text(form)}")
                    self._call(action, obj, request.user, form)
        except YifaError as exc:
            return 0, exc.message
        return len(pks), ""

    def bulk_view(self, name: str, back: str, done: Callable[[int], str]):
        """Several records at once (催办所选): the page posts ``pk`` once per ticked row."""
        from ..views import staff_view

        @staff_view
        @require_POST
        def act_on_many(request):
            count, refused = self.run_many(request, name, request.POST.getlist("pk")[:500])
            if refused:
                messages.error(request, refused)
            else:
                messages.success(request, done(count))
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = reverse(back)
                return response
            return redirect(back)

        return act_on_many

    def view(self):
        """The module's one action view: ``path("<int:pk>/act/<str:name>/", ACTIONS.view(), name="act")``."""
        from ..views import staff_view

        @staff_view
        @require_POST
        def act(request, pk: int, name: str):
            return self.run(request, self.access(request.user, pk), name)

        return act
