"""Training hours and leaders' law study as rules.

- 公务员法第六十八条第二款: the time a civil servant spends in training is set by the competent department,
  so the annual hours are configurable per year (``HoursRequirement``); the defaults below are the issue's
  common figures (40 学时, 80 for enforcement officers), shown with that reading beside them.
- 山东省行政执法监督条例第十条: enforcement officers take part in legal training as required.
- The city's arrangement (seed, 六、第18项): each township government's and department's leading group takes
  part in law study at least twice a year; 会前学法 before executive and bureau meetings; 中心组学法.
"""

import datetime as dt

from yifa.lib.law import Rule
from yifa.lib.plan_dates import QUARTER_END, month_end
from yifa.lib.statutes import CITY_ARRANGEMENT, CIVIL_SERVANTS, SHANDONG_SUPERVISION

D = dt.date
P = "training."

GENERAL_HOURS_DEFAULT = 40
ENFORCEMENT_HOURS_DEFAULT = 80
STUDY_SESSIONS_MINIMUM = 2
WARNING_FROM = (10, 1)  # 第四季度 of the year: the warning is raised from 1 October
SIGNIN_WINDOW_LONGEST = dt.timedelta(hours=24)  # a scan counts only while the session is on (platform choice)

TRAINING_HOURS = Rule(
    P + "hours",
    "公务员年度培训学时由公务员主管部门确定",
    CIVIL_SERVANTS,
    "第六十八条第二款",
    note=f"学时按年度配置并注明依据；未配置时默认{GENERAL_HOURS_DEFAULT}学时",
)
ENFORCEMENT_TRAINING = Rule(
    P + "enforcement_hours",
    "行政执法人员按照规定参加专业法律知识、公共法律知识和职业素养等培训",
    SHANDONG_SUPERVISION,
    "第十条第二款",
    note=f"学时按年度配置并注明依据；未配置时默认{ENFORCEMENT_HOURS_DEFAULT}学时，低于要求的不予换发执法证",
)
LEADERSHIP_STUDY = Rule(
    P + "leadership_study",
    f"乡镇政府、各部门领导班子每年至少参与{STUDY_SESSIONS_MINIMUM}次依法行政法律知识学习",
    CITY_ARRANGEMENT,
    "六、第18项",
    note="第四季度（10月1日起）仍不足两次的，提醒该单位",
)
PRE_MEETING_STUDY = Rule(
    P + "pre_meeting_study",
    "落实政府常务会议和各部门局务会议会前学法制度、中心组学法制度",
    CITY_ARRANGEMENT,
    "六、第18项",
)
# 各乡镇各部门的培训工作计划 is due in the first quarter (the reading; 六、第17项 itself names no date).
# “第一季度” ends on the quarter's last day, as yifa.lib.plan_dates reads it (no “前” to exclude it):
# due 31 March, overdue from 1 April. The legal office may set a later day when it publishes the outline late.
PLANS_DUE_QUARTER = 1


def plans_due_default(year: int) -> dt.date:
    return month_end(year, QUARTER_END[PLANS_DUE_QUARTER])


TRAINING_PLAN = Rule(
    P + "training_plan",
    "市政府法制办制定《年度政府法制培训要点》，各乡镇各部门制定相应的培训工作计划",
    CITY_ARRANGEMENT,
    "六、第17项",
    note="单位培训工作计划于第一季度内报送：默认届满日为当年3月31日（含当日），4月1日起逾期；法制机构发布要点时可另定",
)
