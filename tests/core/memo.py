"""A tiny procedure used only by the foundation's tests: a memo that is drafted, submitted and approved.
Its table is created for the test database by tests/core/conftest.py (it is no installed app)."""

from django.db import models

from yifa.core.models import Role, Versioned
from yifa.core.procedure import Flow, Transition, in_unit_of, with_role


class MemoState(models.TextChoices):
    DRAFT = "draft", "起草中"
    SUBMITTED = "submitted", "已报送"
    APPROVED = "approved", "已批准"


class Memo(Versioned):
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文", blank=True)
    legal_review_done = models.BooleanField(default=False)
    state = models.CharField(max_length=20, choices=MemoState.choices, default=MemoState.DRAFT)
    # No database constraint: the flush after a live-server test truncates core_unit without
    # knowing this test-only table, and PostgreSQL refuses to truncate a referenced table.
    unit = models.ForeignKey("core.Unit", on_delete=models.PROTECT, related_name="+", db_constraint=False)

    class Meta:
        app_label = "yifa_tests"

    def __str__(self):
        return self.title


def needs_body(memo, **ctx):
    return None if memo.body.strip() else "尚未填写正文"


def needs_legal_review(memo, **ctx):
    return None if memo.legal_review_done else "尚未完成合法性审查"


MEMO_FLOW = Flow(
    name="memo",
    states=MemoState,
    transitions=[
        Transition(
            "submit",
            "报送",
            (MemoState.DRAFT,),
            MemoState.SUBMITTED,
            who=in_unit_of(Role.LIAISON, Role.HEAD, label="本单位联络员或负责人"),
            guards=(needs_body, needs_legal_review),
        ),
        Transition(
            "approve",
            "批准",
            (MemoState.SUBMITTED,),
            MemoState.APPROVED,
            who=with_role(Role.LEADER),
            reason_required=True,
        ),
    ],
)


def memo_url(memo) -> str:
    return f"/test-memos/{memo.pk}/"


Memo.get_absolute_url = memo_url
