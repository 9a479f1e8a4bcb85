NAV = [
    ("培训学时", "training:hours"),
    ("培训要点与计划", "training:plans"),
    ("培训登记", "training:courses"),
    ("领导干部学法", "training:studies"),
]
