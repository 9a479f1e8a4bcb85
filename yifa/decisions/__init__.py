"""重大行政决策 (major administrative decisions) under 重大行政决策程序暂行条例 (2019):
catalogue (第三条), drafting, public comment (第十五条), hearing (第十六条), experts (第十九条),
risk (第二十二条), legality review (第二十五、二十六条), collective discussion (第三十条),
publication (第三十二条), archive (第三十三条), execution, post-evaluation and adjustment
(第三十四至三十七条). Which steps an item needs is decided in ``rules.required_steps``."""
