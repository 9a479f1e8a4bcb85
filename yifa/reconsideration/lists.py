"""The staff lists of reconsideration (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing, clock_due, clock_title

from . import rules as R

CASES = Listing(
    "行政复议案件",
    [
        Column("案号或收件编号", ("case_number", "receipt_number"), "id", show=lambda case, receipt: case or receipt),
        Column("收到日期", "received_on", "received_on"),
        Column("申请方式", "channel", "channel"),
        Column("被申请人", "respondent_name", "respondent_name"),
        Column("行政行为", "act_title"),
        Column("状态", "state", "state"),
        Column("受理日期", "accepted_on", "accepted_on"),
        Column("结案日期", "closed_on", "closed_on"),
    ],
)


def _number(case_number, receipt_number):
    return case_number or receipt_number


BOARD = Listing(
    "行政复议期限监控",
    [
        Column("案号", ("case_number", "receipt_number"), "id", show=_number),
        Column("被申请人", "respondent_name", "respondent_name"),
        Column("状态", "state", "state"),
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
        Column("状态", "state", "state"),
        Column("案号", ("case__case_number", "case__receipt_number"), "case__case_number", show=_number),
        Column("送达机关", "recipient__name", "recipient__name"),
        Column("制发", "issued_on", "issued_on"),
        Column("报送期限", "clock_due", "clock_due", annotate=clock_due(open_only=False)),
        Column("纠正情况", ("feedback_on", "feedback"), "feedback_on", show=lambda on, text: on and f"{on}：{text}"),
    ],
)

SUBMISSIONS = Listing(
    "经作出处罚决定的机关提交的复议申请",
    [
        Column("状态", "state", "state"),
        Column("收到", "received_on", "received_on"),
        Column("机关", "unit__name", "unit__name"),
        Column("申请人", "applicant_name", "applicant_name"),
        Column("处罚决定", "act_title", "act_title"),
        Column("转送期限", "clock_due", "clock_due", annotate=clock_due(open_only=False)),
        Column("办理", "resolution"),
    ],
)

HELD = Listing(
    "暂存的网上申请",
    [
        Column("收到时间", "received_at", "received_at"),
        Column("摘要", "summary", "summary"),
        Column("暂存原因", "held_reason", "held_reason"),
        Column("办理", ""),
    ],
)

# the respondent's inbox: copies received, each with its reply clock (第四十八条、第五十四条)
INBOX = Listing(
    "本单位作为被申请人的行政复议案件",
    [
        Column("状态", "reply_on", "reply_on", show=lambda on: "已答复" if on else "待答复"),
        Column("案号", ("case_number", "receipt_number"), "case_number", show=_number),
        Column("行政行为", "act_title", "act_title"),
        Column("收到副本", "copy_sent_on", "copy_sent_on"),
        Column(
            "答复期限",
            "clock_due",
            "clock_due",
            annotate=clock_due(R.REPLY_2017.id, R.REPLY_2023.id, R.REPLY_SIMPLE.id, open_only=False),
        ),
        Column("办理", ""),
    ],
)
