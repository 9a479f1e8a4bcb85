"""The staff lists of reconsideration (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing, clock_due, clock_title

from . import rules as R

CASES = Listing(
    "行政复议案件",
    [
        Column("案号或收件编号", ("case_number", "receipt_number"), "id", show=lambda case, receipt: case or receipt),
        Column("收到日期", "received_on", sort=True),
        Column("申请方式", "channel", sort=True),
        Column("被申请人", "respondent_name", sort=True),
        Column("行政行为", "act_title"),
        Column("状态", "state", sort=True),
        Column("受理日期", "accepted_on", sort=True),
        Column("结案日期", "closed_on", sort=True),
    ],
)


def _number(case_number, receipt_number):
    return case_number or receipt_number


BOARD = Listing(
    "行政复议期限监控",
    [
        Column("案号", ("case_number", "receipt_number"), "id", show=_number),
        Column("被申请人", "respondent_name", sort=True),
        Column("状态", "state", sort=True),
        Column("各环节期限", "", "worst"),
        # the page shows every running step; the export gives the one due first, its date a date cell
        Column("最近一步期限", "clock_title", annotate=clock_title(), page=False),
        Column("最近一步届满日", "clock_due", annotate=clock_due(), page=False),
        Column("超审限理由", "overdue_justification"),
    ],
)

LETTERS = Listing(
    "行政复议意见书",
    [
        Column("状态", "state", sort=True),
        Column("案号", ("case__case_number", "case__receipt_number"), "case__case_number", show=_number),
        Column("送达机关", "recipient__name", sort=True),
        Column("制发", "issued_on", sort=True),
        Column("报送期限", "clock_due", sort=True, annotate=clock_due(open_only=False)),
        Column("纠正情况", ("feedback_on", "feedback"), "feedback_on", show=lambda on, text: on and f"{on}：{text}"),
    ],
)

SUBMISSIONS = Listing(
    "经作出处罚决定的机关提交的复议申请",
    [
        Column("状态", "state", sort=True),
        Column("收到", "received_on", sort=True),
        Column("机关", "unit__name", sort=True),
        Column("申请人", "applicant_name", sort=True),
        Column("处罚决定", "act_title", sort=True),
        Column("转送期限", "clock_due", sort=True, annotate=clock_due(open_only=False)),
        Column("办理", "resolution"),
    ],
)

HELD = Listing(
    "暂存的网上申请",
    [
        Column("收到时间", "received_at", sort=True),
        Column("摘要", "summary", sort=True),
        Column("暂存原因", "held_reason", sort=True),
        Column("办理", ""),
    ],
)

# the respondent's inbox: copies received, each with its reply clock (第四十八条、第五十四条)
INBOX = Listing(
    "本单位作为被申请人的行政复议案件",
    [
        Column("状态", "reply_on", sort=True, show=lambda on: "已答复" if on else "待答复"),
        Column("案号", ("case_number", "receipt_number"), "case_number", show=_number),
        Column("行政行为", "act_title", sort=True),
        Column("收到副本", "copy_sent_on", sort=True),
        Column(
            "答复期限",
            "clock_due",
            sort=True,
            annotate=clock_due(R.REPLY_2017.id, R.REPLY_2023.id, R.REPLY_SIMPLE.id, open_only=False),
        ),
        Column("办理", ""),
    ],
)
