NAV = [
    ("行政处罚案件", "enforcement:index"),
    ("行政强制案件", "enforcement:coercion_list"),
    ("行政检查", "enforcement:inspection_list"),
    ("移送涉嫌犯罪", "enforcement:transfer_list"),
    ("执法事项清单", "enforcement:powers"),
    ("执法主体", "enforcement:bodies"),
    ("执法人员", "enforcement:officers"),
    ("裁量基准", "enforcement:benchmarks"),
    ("执法统计", "enforcement:statistics"),
]
