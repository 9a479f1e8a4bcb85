"""执法监督与责任追究 as code: each period and gate once, citing its article.

The city's province is Shandong (as in enforcement/rules.py): 《山东省行政执法监督条例》 gives the review,
the 监督意见书 and its thirty days. Where the act sets a system but no period (the filing of major penalty
decisions), the city's number is a setting, named in the note.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS
from yifa.lib.deadlines import add_months as months_after
from yifa.lib.law import Rule
from yifa.lib.statutes import CIVIL_SERVANT_SANCTIONS, CIVIL_SERVANTS, DISCLOSURE, GOVERNANCE_SANCTIONS, PENALTY
from yifa.lib.statutes import SHANDONG_SUPERVISION as SHANDONG

CASE_FILE_REVIEW = Rule(
    "supervision.case_file_review",
    "行政执法监督机关应当定期组织行政执法案卷评查",
    SHANDONG,
    "第十四条第二款",
    note="抽样随机、可复现：记录随机种子，同一种子抽得同一批案卷",
)
CERTIFIED_OFFICERS = Rule(
    "supervision.certified_officers",
    "执法人员须取得行政执法证件后方可从事行政执法工作；实施行政处罚的执法人员不得少于两人",
    SHANDONG,
    "第十条",
    note="并见行政处罚法第四十二条第一款。评查时一票否决；每日预警查找仍在办理未结案件的证件已过期、暂扣或吊销的执法人员",
)
SUPERVISION_OPINION = Rule(
    "supervision.rectification",
    "行政执法机关应当自收到《行政执法监督意见书》之日起三十日内自行纠正违法或者不当的行政执法行为",
    SHANDONG,
    "第二十八条",
    days=30,
    unit=CALENDAR_DAYS,
    note="评查不合格、重大处罚备案审查纠错、专项检查发现的问题，均以整改通知（监督意见书）送达，自送达之日起算",
)
MAJOR_PENALTY_FILING = Rule(
    "supervision.major_penalty_filing",
    "重大行政处罚决定作出后报本级政府法制机构备案",
    SHANDONG,
    "第十三条",
    days=settings.MAJOR_PENALTY_FILING_WORKDAYS,
    unit=WORKDAYS,
    note=(
        "条例第十三条确立重大行政执法决定法制审核制度，未规定备案期限；本市取自作出决定之日起"
        f"{settings.MAJOR_PENALTY_FILING_WORKDAYS}个工作日，由设置 YIFA_MAJOR_PENALTY_FILING_WORKDAYS 调整。"
        "重大的范围用行政执法模块的重大执法决定目录（行政处罚法第五十八条第一款）"
    ),
)
COMPLAINT_REPLY = Rule(
    "supervision.complaint_reply",
    "公民、法人和其他组织认为行政执法行为违法或者不当的，可以投诉、举报；被投诉单位核查后答复投诉人",
    SHANDONG,
    "第六条",
    days=settings.COMPLAINT_REPLY_WORKDAYS,
    unit=WORKDAYS,
    note=(
        "条例第六条确立投诉举报权利，未规定答复期限；本市取自收到（12345热线转办或门户提交）之日起"
        f"{settings.COMPLAINT_REPLY_WORKDAYS}个工作日，由设置 YIFA_COMPLAINT_REPLY_WORKDAYS 调整"
    ),
)
DISPUTE = Rule(
    "supervision.dispute",
    "行政执法机关之间发生执法争议的，提请本级人民政府法制工作部门协调解决；协调无法达成一致的，报请本级人民政府裁决",
    SHANDONG,
    "第十八条第二款",
    note="协调意见或裁决决定写明执行期限，期限到期前提醒、逾期标记；不执行的责令改正（条例第三十七条第六项）",
)
FILING_REVIEW = Rule(
    "supervision.filing_review",
    "法制机构对备案的重大行政处罚决定进行审查，发现违法或者不当的发出纠错意见，或者提出建议",
    SHANDONG,
    "第二十八条",
)
LIMIT_WARNING = Rule(
    "supervision.limit_warning",
    "办案期限将届满（5个工作日内）或已超过的案件，每日预警",
    PENALTY,
    "第六十条",
    note="期限由行政执法模块按第六十条计算；预警只读取其届满日",
)
LIMIT_WARNING_WORKDAYS = 5
SANCTION_GOVERNANCE = Rule(
    "supervision.sanction_governance",
    "政务处分的种类为警告、记过、记大过、降级、撤职、开除",
    GOVERNANCE_SANCTIONS,
    "第七条",
)
SANCTION_CIVIL_SERVANT = Rule(
    "supervision.sanction_civil_servant",
    "行政机关公务员处分的种类为警告、记过、记大过、降级、撤职、开除",
    CIVIL_SERVANT_SANCTIONS,
    "第六条",
)
ACCOUNTABILITY_DECISION = Rule(
    "supervision.accountability_decision",
    "给予行政机关公务员处分，应当自批准立案之日起6个月内作出决定；案情复杂的可以延长，最长不得超过12个月",
    CIVIL_SERVANT_SANCTIONS,
    "第四十四条",
    note=(
        "按月计算：立案日后第6个月的对应日届满，没有对应日的为月末日（民法典第二百零二条）；"
        "届满日为法定休假日的顺延至其后第一个工作日（民事诉讼法第八十五条第三款）"
    ),
)
ACCOUNTABILITY_MONTHS = 6
DECISION_CONTENT = Rule(
    "supervision.decision_content",
    "处分决定应当载明经查证的违法违纪事实、处分的种类和依据、不服处分决定的申诉途径和期限",
    CIVIL_SERVANT_SANCTIONS,
    "第四十五条",
)
APPEAL = Rule(
    "supervision.appeal",
    "对处分不服的，可以自知道该人事处理之日起三十日内向原处理机关申请复核",
    CIVIL_SERVANTS,
    "第九十五条第一款",
    days=30,
    unit=CALENDAR_DAYS,
)
APPEAL_DECISION = Rule(
    "supervision.appeal_decision",
    "原处理机关应当自接到复核申请书后的三十日内作出复核决定",
    CIVIL_SERVANTS,
    "第九十六条",
    days=30,
    unit=CALENDAR_DAYS,
)
ACCOUNTABILITY = Rule(
    "supervision.accountability",
    "建立健全行政执法责任追究制度，对不依法履行职责的行政执法机关及其工作人员追究责任",
    SHANDONG,
    "第三十五条",
    note="问责案件只有法制机构和指定的调查人员可见",
)


def accountability_due(opened_on: dt.date, calendar) -> dt.date:
    day = months_after(opened_on, ACCOUNTABILITY_MONTHS)
    while not calendar.is_workday(day):
        day += dt.timedelta(days=1)
    return day


SPECIAL_INSPECTION = Rule(
    "supervision.special_inspection",
    "行政执法监督应当采取日常监督、专项监督、综合检查等方式进行，也可以采取抽查或者暗访等方式",
    SHANDONG,
    "第二十一条",
    note=(
        "专项检查方案写明被检查单位、检查内容、检查事项期间和检查完成期限（条例未规定期限，由方案确定，"
        "期限届满前提醒、逾期标记）；发现的问题以整改通知（监督意见书）送达，自送达之日起三十日内整改"
        "（条例第二十八条）；典型案件可向社会通报"
    ),
)

CORRECTION_RATE_WARNING = Rule(
    "supervision.correction_rate_warning",
    "行政执法机关的行政执法行为违法或者不当等比例较高的，可以约请该行政执法机关的相关负责人进行谈话",
    SHANDONG,
    "第二十六条",
    note=(
        f"本市取：单位近12个月作为被申请人审结的行政复议案件中，纠错（变更、撤销、确认违法、责令履行、确认无效，"
        f"行政复议法第六十三条至第六十七条）超过{settings.CORRECTION_RATE_WARNING_PERCENT}%"
        f"且审结不少于{settings.CORRECTION_RATE_WARNING_MIN_CASES}件的，每日预警；由设置"
        " YIFA_CORRECTION_RATE_WARNING_PERCENT、YIFA_CORRECTION_RATE_WARNING_MIN_CASES 调整"
    ),
)
CORRECTION_RATE_MONTHS = 12
DISCLOSURE_LATE_WARNING = Rule(
    "supervision.disclosure_late_warning",
    "政府信息公开申请答复期限已届满仍未答复的，每日预警",
    DISCLOSURE,
    "第三十三条第二款",
    note="期限由政府信息公开模块按条例第三十三条计算（含延长、不计算在内的期间）；预警只读取其届满日",
)
