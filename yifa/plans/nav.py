NAV = [
    ("年度计划与报告", "plans:reports"),
    ("工作计划分解", "plans:plans"),
    ("任务督办", "plans:board"),
    ("工作信息报送", "plans:info"),
    ("制度建设清单", "plans:institutions"),
]
