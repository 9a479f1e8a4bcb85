from .navigation import Link
from .procedure.who import ADMIN, ANY_STAFF
from .queries import unread_count

NAV = [
    Link("我的待办", "core:todo", ANY_STAFF),
    Link("本单位期限", "core:deadlines"),
    Link("逾期事项", "core:overdue"),
    Link("法定规则", "core:rules", ANY_STAFF),
    Link("审计日志", "core:audit"),
    Link("通知", "core:inbox", ANY_STAFF, count=unread_count),
    Link("我的账户", "core:account", ANY_STAFF),
]
ADMIN_NAV = [
    Link("单位", "core:units", ADMIN),
    Link("人员", "core:people", ADMIN),
    Link("工作日历", "core:calendar", ADMIN),
    Link("登录安全", "core:security", ADMIN),
]
