NAV = [
    ("重大行政决策", "decisions:index"),
    ("决策事项目录", "decisions:catalogues"),
    ("决策规则看板", "decisions:rules_board"),
]
