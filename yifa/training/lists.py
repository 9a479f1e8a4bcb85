"""The staff lists of training (``core.listing``): their columns, what sorts and what goes to Excel."""

from decimal import Decimal

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from yifa.core.listing import Column, Listing

TENTH = Decimal("0.1")


def _hours(value) -> float:
    return float(Decimal(value or 0).quantize(TENTH))


def hours(need: dict) -> Listing:
    """People and their hours of the year; ``need`` (queries.requirements) gives each kind's requirement."""
    from .models import OfficerKind

    def required(enforcement):
        return need[OfficerKind.ENFORCEMENT if enforcement else OfficerKind.GENERAL][0]

    return Listing(
        "学时统计",
        [
            Column("姓名", ("full_name", "username"), "full_name", show=lambda full, user: full or user),
            Column("单位", "unit__name", "unit__path"),
            Column("类别", "enforcement", sort=True, show=lambda e: "行政执法人员" if e else "机关工作人员"),
            Column("已完成学时", "hours", sort=True, show=_hours),
            Column("要求", "enforcement", show=lambda e: _hours(required(e))),
            Column(
                "状态",
                ("hours", "enforcement"),
                show=lambda h, e: "未达要求" if Decimal(h or 0) < Decimal(required(e)) else "已达要求",
            ),
        ],
    )


COURSES = Listing(
    "法制培训",
    [
        Column("日期", "held_on", sort=True),
        Column("主题", "topic", sort=True),
        Column("组织单位", "unit__name", "unit__path"),
        Column("授课人", "teacher", sort=True),
        Column("学时", "hours", sort=True, show=_hours),
        Column("参训人数", "attendees"),
    ],
)


def with_attendees(courses):
    """The courses with their number of attendees, counted in the same query (for the export)."""
    from .models import Attendance

    count = Attendance.objects.filter(course=OuterRef("pk")).values("course").annotate(n=Count("pk")).values("n")
    return courses.annotate(attendees=Coalesce(Subquery(count), 0))


STUDIES = Listing(
    "领导干部学法",
    [
        Column("日期", "held_on", sort=True),
        Column("单位", "unit__name", "unit__path"),
        Column("形式", "kind", sort=True),
        Column("学习内容", "law_studied", sort=True),
        Column("主讲人", "speaker", sort=True),
        Column("参加人数", "attendance", sort=True),
    ],
)


def plans(today) -> Listing:
    """Each unit's training plan under an outline; a plan still owed past the outline's date (or filed after
    it) says so, as on the page: the date comes with the row (a join), not a query per plan."""
    from .models import OutlineState, PlanState

    def state(value, filed_on, outline_state, due):
        label = PlanState(value).label
        if value == PlanState.PENDING and outline_state == OutlineState.PUBLISHED and today > due:
            return f"{label}（逾期）"
        return f"{label}（逾期报送）" if filed_on and filed_on > due else label

    return Listing(
        "单位培训计划",
        [
            Column("单位", "unit__name", "unit__path"),
            Column("状态", ("state", "filed_on", "outline__state", "outline__plans_due"), "state", show=state),
            Column("报送日", "filed_on", sort=True),
            Column("届满日", "outline__plans_due"),
        ],
    )
