"""The annual cycle as rules. These are fixed calendar dates of the year, not periods counted
from an event, so the due dates live in ``ReportKind.default_due`` and are configurable per
year (``ReportDue``); the rules carry the citation shown beside every due date.

《法治政府建设与责任落实督察工作规定》(中共中央办公厅、国务院办公厅，2019年4月15日起施行):
- 第二十三条：县级以上政府部门每年3月1日之前向本级党委和政府报告上一年度法治政府建设情况
  （第一季度内）；
- 第二十四条：每年4月1日之前，法治政府建设年度报告除涉及党和国家秘密的，应当通过报刊、网站等
  新闻媒体向社会公开。
The city's own arrangement (the seed, 深化依法行政规划安排, first paragraph) adds the annual plan in
the first quarter and the year-end report, copied (抄报) to the legal office.
"""

import datetime as dt

from yifa.lib.law import Rule
from yifa.lib.statutes import CITY_ARRANGEMENT, DUCHA

D = dt.date
P = "plans."

ARRANGEMENT = CITY_ARRANGEMENT

# Default due dates (month, day), each beside the rule that sets it; configurable per year (ReportDue).
ANNUAL_PLAN_DUE = (3, 31)  # 第一季度 of the year planned
YEAR_END_REPORT_DUE = (12, 31)  # 年底前 of the year reported
# “之前” excludes the named day (yifa.lib.deadlines.last_day_before): due the day before these.
RULE_OF_LAW_REPORT_BEFORE = (3, 1)  # 3月1日之前, the year after the one reported
RULE_OF_LAW_PUBLICATION_BEFORE = (4, 1)  # 4月1日之前, the year after the one reported

ANNUAL_PLAN = Rule(
    P + "annual_plan",
    "政府各部门于每年第一季度拟定年度依法行政计划",
    ARRANGEMENT,
    "正文第一段",
    note="默认届满日为当年3月31日，可按年度调整",
)
YEAR_END_REPORT = Rule(
    P + "year_end_report",
    "年底前报告本年度依法行政工作情况，总结同时抄报法制机构",
    ARRANGEMENT,
    "正文第一段",
    note="默认届满日为当年12月31日，可按年度调整",
)
RULE_OF_LAW_REPORT = Rule(
    P + "rule_of_law_report",
    "政府部门报告上一年度法治政府建设情况",
    DUCHA,
    "第二十三条",
    note="每年3月1日之前报告上一年度情况：“之前”不含3月1日当日，默认届满日为2月最后一日，可按年度调整",
)
RULE_OF_LAW_PUBLICATION = Rule(
    P + "rule_of_law_publication",
    "法治政府建设年度报告4月1日之前向社会公开",
    DUCHA,
    "第二十四条",
    note="涉及党和国家秘密的除外；“之前”不含4月1日当日，默认届满日为3月31日",
)
TASK_DUE = Rule(
    P + "task_due",
    "按分解确定的完成时限完成交办任务并报告进展",
    ARRANGEMENT,
    "各项任务",
    note="完成时限由任务分解表确定（固定日期，不按期间计算），办结时停止计时",
)
