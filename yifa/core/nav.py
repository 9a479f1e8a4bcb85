NAV = [
    ("我的待办", "core:todo"),
    ("本单位期限", "core:deadlines"),
    ("逾期事项", "core:overdue"),
]
ADMIN_NAV = [
    ("单位", "core:units"),
    ("人员", "core:people"),
    ("工作日历", "core:calendar"),
    ("法定规则", "core:rules"),
    ("审计日志", "core:audit"),
]
