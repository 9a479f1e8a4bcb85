"""How every period is counted; the periods themselves live in each module's rules.py."""

from yifa.lib.law import Rule
from yifa.lib.statutes import CIVIL_CODE, CIVIL_PROCEDURE, FUYI_2023

START_DAY_NOT_COUNTED = Rule(
    "core.start_day_not_counted",
    "开始的当日不计入，自下一日开始计算",
    CIVIL_CODE,
    "第二百零一条第一款",
)
LAST_DAY_HOLIDAY_ROLLS = Rule(
    "core.last_day_holiday_rolls",
    "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为届满日",
    CIVIL_PROCEDURE,
    "第八十五条第三款",
)
WORKDAY_PERIODS = Rule(
    "core.workday_periods",
    "“三日”“五日”“七日”“十日”的期间指工作日，不含法定休假日",
    FUYI_2023,
    "第八十八条第二款",
)
