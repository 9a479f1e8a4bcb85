from yifa.core.navigation import Link
from yifa.core.procedure import LEGAL_OFFICE

from .who import STAFF

NAV = [
    ("复议监控", "reconsideration:board"),
    ("复议案件", "reconsideration:cases"),
    Link("登记申请", "reconsideration:intake", STAFF),
    ("待答复（被申请人）", "reconsideration:inbox"),
    ("附带审查待办", "reconsideration:norm_inbox"),
    ("经本机关提交的复议申请", "reconsideration:submissions"),
    Link("复议委员会", "reconsideration:committee", LEGAL_OFFICE),
    ("复议意见书", "reconsideration:opinions"),
    ("复议统计", "reconsideration:stats"),
    Link("复议设置", "reconsideration:settings", LEGAL_OFFICE),
]
