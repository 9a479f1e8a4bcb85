NAV = [
    ("行政许可事项清单", "licensing:items"),
    ("许可申请", "licensing:applications"),
    ("许可证件", "licensing:certificates"),
    ("告知承诺核查", "licensing:draws"),
    ("上级清单与差异", "licensing:higher"),
    ("许可统计", "licensing:statistics"),
    ("审批制度改革台账", "licensing:reform"),
    ("许可文书模板", "licensing:templates"),
]
