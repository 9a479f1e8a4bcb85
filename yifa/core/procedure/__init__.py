"""The procedure kit: what a module declares to act. See CONTRIBUTING.md.

- ``Flow``/``Transition`` (``flows.py``): states, acts (those keeping the state too), who, when, guards,
  fields, clocks, messages; ``fire`` and ``create`` run them in one transaction with one audit event; ``create_many``
  makes many records (an import) with one event for all.
- ``Who``: a permission with its Chinese label.
- ``Action``/``Actions`` (``actions.py``): each act's form; one generic view runs them.
- ``ActionForm``, ``MultipleFileField``, ``show_service_errors``, ``Checks``: forms and input checks;
  ``create_page``: the page whose form creates one record through a service.
- ``change``/``add``: the same write discipline for records without a procedure (settings, registers).
"""

from .actions import Action, Actions, Offered
from .engine import (
    FLOWS,
    INPUT,
    NEW,
    ON,
    PUBLIC,
    Clock,
    Extend,
    Flow,
    Message,
    PublicActor,
    Transition,
    assign,
    create,
    create_many,
    fire,
    state_label,
)
from .forms import ActionForm, Checks, MultipleFileField, form_error_text, show_service_errors
from .pages import create_page
from .records import add, add_many, change, remove, reveal
from .who import ADMIN, ANY_STAFF, LEGAL_OFFICE, MEMBER, NOBODY, Who, in_unit_of, with_role

__all__ = [
    "ADMIN",
    "ANY_STAFF",
    "FLOWS",
    "INPUT",
    "LEGAL_OFFICE",
    "MEMBER",
    "NEW",
    "NOBODY",
    "ON",
    "PUBLIC",
    "Action",
    "ActionForm",
    "Actions",
    "Checks",
    "Clock",
    "Extend",
    "Flow",
    "Message",
    "MultipleFileField",
    "Offered",
    "PublicActor",
    "Transition",
    "Who",
    "add",
    "add_many",
    "assign",
    "change",
    "create",
    "create_many",
    "fire",
    "form_error_text",
    "in_unit_of",
    "remove",
    "reveal",
    "show_service_errors",
    "create_page",
    "state_label",
    "with_role",
]
