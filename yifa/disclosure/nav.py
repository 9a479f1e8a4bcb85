NAV = [
    ("信息公开监控", "disclosure:board"),
    ("信息公开申请", "disclosure:requests"),
    ("登记公开申请", "disclosure:register"),
    ("导入公开台账", "disclosure:import"),
]
