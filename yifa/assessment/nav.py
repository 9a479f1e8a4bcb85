NAV = [
    ("考核驾驶舱", "assessment:cockpit"),
    ("考核指标体系", "assessment:indicators"),
    ("考核异议", "assessment:objections"),
    ("第一责任人职责", "assessment:duties"),
    ("述法与年度报告", "assessment:reports"),
]
