"""The periods in which a party may challenge any administrative act, declared once. Reconsideration counts
the first to accept or refuse an application, enforcement waits for both to lapse before it may apply to the
court (行政强制法第五十三条), and every decision tells the party of both (行政许可法第三十八条第二款 and the like)."""

from .deadlines import CALENDAR_DAYS, MONTHS
from .law import Rule, Versions
from .statutes import FUYI_2017, FUYI_2023, LITIGATION

RECONSIDERATION_2017 = Rule(
    "remedy.reconsideration.2017",
    "认为具体行政行为侵犯其合法权益的，可以自知道该具体行政行为之日起六十日内提出行政复议申请",
    FUYI_2017,
    "第九条第一款",
    days=60,
    unit=CALENDAR_DAYS,
    note="自知道该具体行政行为之日起",
)
RECONSIDERATION_2023 = Rule(
    "remedy.reconsideration.2023",
    "认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请",
    FUYI_2023,
    "第二十条第一款",
    days=60,
    unit=CALENDAR_DAYS,
    note="自知道或者应当知道行政行为之日起；因正当理由耽误的，障碍消除之日起继续计算（第二款）",
)
# A party follows the text in force on the day it knew of the act (2023 revision from 2024-01-01, 第九十条).
RECONSIDERATION = Versions(RECONSIDERATION_2017, RECONSIDERATION_2023)

LITIGATION_PERIOD = Rule(
    "remedy.litigation",
    "直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出",
    LITIGATION,
    "第四十六条第一款",
    days=6,
    unit=MONTHS,
    note="到期月的对应日届满，无对应日的为该月末日（民法典第二百零二条）",
)
