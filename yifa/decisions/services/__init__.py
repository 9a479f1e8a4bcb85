"""The decisions module's writes: each checks its input, builds its rows and runs one act of the module's
flows (flows.py) through the procedure kit, which locks, checks the version, writes and records the event."""

from .catalogue import catalogue_create, catalogue_item_add, catalogue_publish, decision_rules_record
from .execution import decision_suspend, evaluation_conclude, evaluation_start, feedback_file
from .participation import (
    comment_answer,
    comment_submit,
    comment_summary_generate,
    comment_window_open,
    expert_invite,
    expert_opinion_record,
    hearing_record,
    hearing_schedule,
    hearing_select,
    hearing_signup,
    risk_assess,
)
from .procedure import (
    decision_archive,
    decision_discuss,
    decision_draft,
    decision_publish,
    decision_start,
    decision_terminate,
    review_opinion,
    review_submit,
)

__all__ = [
    "catalogue_create",
    "catalogue_item_add",
    "catalogue_publish",
    "decision_rules_record",
    "decision_suspend",
    "evaluation_conclude",
    "evaluation_start",
    "feedback_file",
    "comment_answer",
    "comment_submit",
    "comment_summary_generate",
    "comment_window_open",
    "expert_invite",
    "expert_opinion_record",
    "hearing_record",
    "hearing_schedule",
    "hearing_select",
    "hearing_signup",
    "risk_assess",
    "decision_archive",
    "decision_discuss",
    "decision_draft",
    "decision_publish",
    "decision_start",
    "decision_terminate",
    "review_opinion",
    "review_submit",
]
