NAV = [
    ("规范性文件", "normdocs:list"),
    ("起草新文件", "normdocs:create"),
    ("备案与有效期", "normdocs:filing"),
    ("清理活动", "normdocs:campaigns"),
    ("公平竞争审查筛查", "normdocs:screening_check"),
    ("公平竞争审查规则", "normdocs:screen_rules"),
    ("导入目录", "normdocs:import"),
]
