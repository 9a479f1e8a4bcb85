NAV = [
    ("复议监控", "reconsideration:board"),
    ("复议案件", "reconsideration:cases"),
    ("登记申请", "reconsideration:intake"),
    ("待答复（被申请人）", "reconsideration:inbox"),
    ("附带审查待办", "reconsideration:norm_inbox"),
    ("经本机关提交的复议申请", "reconsideration:submissions"),
    ("复议委员会", "reconsideration:committee"),
    ("复议意见书", "reconsideration:opinions"),
    ("复议统计", "reconsideration:stats"),
    ("复议设置", "reconsideration:settings"),
]
