from yifa.core.navigation import Link

from .who import INTAKE

NAV = [
    ("信息公开监控", "disclosure:board"),
    ("信息公开申请", "disclosure:requests"),
    Link("登记公开申请", "disclosure:register", INTAKE),
    Link("导入公开台账", "disclosure:import", INTAKE),
]
