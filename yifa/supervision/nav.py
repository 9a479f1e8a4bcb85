from yifa.core.navigation import Link
from yifa.core.procedure import LEGAL_OFFICE

NAV = [
    ("执法预警", "supervision:index"),
    Link("案卷评查", "supervision:campaigns", LEGAL_OFFICE),
    Link("专项检查", "supervision:inspections", LEGAL_OFFICE),
    Link("监督统计", "supervision:statistics", LEGAL_OFFICE),
    ("整改通知", "supervision:notices"),
    ("重大处罚备案", "supervision:filings"),
    ("执法投诉", "supervision:complaints"),
    ("执法争议协调", "supervision:disputes"),
    # Legal office only: asking whether someone is an investigator would cost every page a query; an
    # investigator outside the office is told by message, with the case's link, when named.
    Link("问责案件", "supervision:accountabilities", LEGAL_OFFICE),
]
