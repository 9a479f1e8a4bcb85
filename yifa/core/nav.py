NAV = [
    ("我的待办", "core:todo"),
    ("本单位期限", "core:deadlines"),
    ("逾期事项", "core:overdue"),
    ("法定规则", "core:rules"),
    ("审计日志", "core:audit"),
    ("通知", "core:inbox"),
]
# Shown to system administrators only (yifa.core.context).
ADMIN_NAV = [
    ("单位", "core:units"),
    ("人员", "core:people"),
    ("工作日历", "core:calendar"),
]
