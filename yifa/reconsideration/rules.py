"""行政复议法 as code. A case follows the version in force when its clock started
(2023 revision from 2024-01-01, 第九十条; the 2017 text before).

# 行政复议法（2023）第八十八条第二款：三日、五日、七日、十日指工作日，不含法定休假日。
# 行政复议法（2017）第四十条第二款：只有五日、七日指工作日；十日为自然日。
# 六十日、三十日为自然日，末日逢休息日顺延（第八十八条第一款 → 民事诉讼法第八十五条）。
"""

from django.conf import settings

from yifa.lib import remedies
from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS
from yifa.lib.law import Rule, Versions
from yifa.lib.statutes import FUYI_2017, FUYI_2023, FUYI_REGULATION

P = "reconsideration."

# 申请期限: the party's remedy period, declared once for every module in lib/remedies.py.
APPLICATION = remedies.RECONSIDERATION
APPLICATION_DELAY_2023 = Rule(
    P + "application_delay.2023",
    "因不可抗力或者其他正当理由耽误法定申请期限的，申请期限自障碍消除之日起继续计算",
    FUYI_2023,
    "第二十条第二款",
)
APPLICATION_DELAY_2017 = Rule(
    P + "application_delay.2017",
    "因不可抗力或者其他正当理由耽误法定申请期限的，申请期限自障碍消除之日起继续计算",
    FUYI_2017,
    "第九条第二款",
)
APPLICATION_DELAY = Versions(APPLICATION_DELAY_2017, APPLICATION_DELAY_2023)

NOT_INFORMED_LIMIT = Rule(
    P + "not_informed_limit",
    "未告知复议权利时的最长申请期限（一年）",
    FUYI_2023,
    "第二十条第三款",
    note="自知道或者应当知道行政行为内容之日起最长不得超过一年；到期年对应日为最后一日，"
    "逢休息日顺延（民法典第二百零二条、第二百零三条）；2017年法无此规定",
)
NOT_INFORMED_YEARS = 1
ABSOLUTE_LIMIT = Rule(
    P + "absolute_limit",
    "最长申请期限：不动产二十年，其他五年",
    FUYI_2023,
    "第二十一条",
    note="自行政行为作出之日起计算，超过的不予受理",
)
ABSOLUTE_LIMIT_YEARS = {"real_estate": 20, "other": 5}

REVIEW_2023 = Rule(
    P + "acceptance_review.2023",
    "受理审查",
    FUYI_2023,
    "第三十条第一款",
    days=5,
    unit=WORKDAYS,
    note="审查期限届满未作出不予受理决定的，届满之日起视为受理（第三款）",
)
REVIEW_2017 = Rule(
    P + "acceptance_review.2017",
    "受理审查",
    FUYI_2017,
    "第十七条第一款",
    days=5,
    unit=WORKDAYS,
    note="未决定不予受理的，自收到之日起即为受理（第二款）",
)
REVIEW = Versions(REVIEW_2017, REVIEW_2023)

DEEMED_2023 = Rule(P + "deemed_acceptance.2023", "审查期限届满视为受理", FUYI_2023, "第三十条第三款")
DEEMED_2017 = Rule(P + "deemed_acceptance.2017", "未决定不予受理的，自收到之日起即为受理", FUYI_2017, "第十七条第二款")
DEEMED = Versions(DEEMED_2017, DEEMED_2023)

CORRECTION_NOTICE_2023 = Rule(
    P + "correction_notice.2023",
    "补正通知（一次性载明补正事项）",
    FUYI_2023,
    "第三十一条第一款",
    days=5,
    unit=WORKDAYS,
    note="自收到申请之日起",
)
CORRECTION_NOTICE_2017 = Rule(
    P + "correction_notice.2017",
    "补正通知",
    FUYI_REGULATION,
    "第二十九条",
    days=5,
    unit=CALENDAR_DAYS,
    note="自收到申请之日起。实施条例的“5日”是自然日：2017年法第四十条第二款把五日、七日定为工作日，只及于"
    "该法本身的期间；条例的期间依该法第四十条第一款适用民事诉讼法，末日逢休息日顺延",
)
CORRECTION_NOTICE = Versions(CORRECTION_NOTICE_2017, CORRECTION_NOTICE_2023)
# 第三十一条第二款只说“可以延长合理的补正期限”，未设上限；本市以此为合理上限（可在 settings 中
# 以 YIFA_CORRECTION_EXTENSION_MAX_WORKDAYS 调整），每次延长须记录正当理由。
CORRECTION_EXTENSION_MAX_WORKDAYS = getattr(settings, "YIFA_CORRECTION_EXTENSION_MAX_WORKDAYS", 10)
CORRECTION_2023 = Rule(
    P + "correction_period.2023",
    "申请人补正",
    FUYI_2023,
    "第三十一条第二款",
    days=10,
    unit=WORKDAYS,
    extension_days=CORRECTION_EXTENSION_MAX_WORKDAYS,
    note="自收到补正通知之日起；有正当理由不能按期补正的，可以延长合理的补正期限（法律未设上限，"
    f"本市合理上限累计{CORRECTION_EXTENSION_MAX_WORKDAYS}个工作日，为本市设定而非法定）；"
    "收到补正材料后依照第三十条重新审查（第三款）；无正当理由逾期不补正视为放弃",
)
CORRECTION_EXTENSION = Rule(
    P + "correction_extension",
    "有正当理由不能按期补正的，延长合理的补正期限",
    FUYI_2023,
    "第三十一条第二款",
    note=f"须记录正当理由；本市合理上限累计{CORRECTION_EXTENSION_MAX_WORKDAYS}个工作日（非法定）",
)
CORRECTION_2017 = Rule(
    P + "correction_period.2017",
    "申请人补正（合理期限，由复议机构确定）",
    FUYI_REGULATION,
    "第二十九条",
    note="补正申请材料所用时间不计入审理期限",
)
CORRECTION = Versions(CORRECTION_2017, CORRECTION_2023)

COPY_2023 = Rule(P + "copy.2023", "发送申请书副本", FUYI_2023, "第四十八条", days=7, unit=WORKDAYS, note="自受理之日起")
COPY_2017 = Rule(
    P + "copy.2017", "发送申请书副本", FUYI_2017, "第二十三条第一款", days=7, unit=WORKDAYS, note="自受理之日起"
)
COPY = Versions(COPY_2017, COPY_2023)
COPY_SIMPLE = Rule(
    P + "copy.simplified",
    "发送申请书副本（简易程序）",
    FUYI_2023,
    "第五十四条第一款",
    days=3,
    unit=WORKDAYS,
    note="自受理之日起",
)

REPLY_2023 = Rule(
    P + "reply.2023",
    "被申请人书面答复",
    FUYI_2023,
    "第四十八条",
    days=10,
    unit=WORKDAYS,
    note="自收到申请书副本之日起，并提交证据、依据",
)
REPLY_2017 = Rule(
    P + "reply.2017",
    "被申请人书面答复",
    FUYI_2017,
    "第二十三条第一款",
    days=10,
    unit=CALENDAR_DAYS,
    note="2017年法第四十条只将五日、七日定为工作日，十日按自然日计算",
)
REPLY = Versions(REPLY_2017, REPLY_2023)
REPLY_SIMPLE = Rule(
    P + "reply.simplified",
    "被申请人书面答复（简易程序）",
    FUYI_2023,
    "第五十四条第一款",
    days=5,
    unit=WORKDAYS,
    note="自收到申请书副本之日起",
)
NO_REPLY_2023 = Rule(P + "no_reply.2023", "被申请人未按期答复的，视为该行政行为没有证据、依据", FUYI_2023, "第七十条")
NO_REPLY_2017 = Rule(
    P + "no_reply.2017",
    "被申请人不按期答复的，视为该具体行政行为没有证据、依据，决定撤销",
    FUYI_2017,
    "第二十八条第一款第四项",
)
NO_REPLY = Versions(NO_REPLY_2017, NO_REPLY_2023)

DECISION_2023 = Rule(
    P + "decision.2023",
    "作出行政复议决定",
    FUYI_2023,
    "第六十二条第一款",
    days=60,
    unit=CALENDAR_DAYS,
    extension_days=30,
    note="自受理之日起；情况复杂的，经复议机构负责人批准可以适当延长，并书面告知当事人；"
    "延长期限累计最多不得超过三十日（可分次延长，每次均须批准并告知）",
)
DECISION_2017 = Rule(
    P + "decision.2017",
    "作出行政复议决定",
    FUYI_2017,
    "第三十一条第一款",
    days=60,
    unit=CALENDAR_DAYS,
    extension_days=30,
    note="经复议机关负责人批准可延长，并告知申请人和被申请人",
)
DECISION = Versions(DECISION_2017, DECISION_2023)
DECISION_SIMPLE = Rule(
    P + "decision.simplified",
    "作出行政复议决定（简易程序）",
    FUYI_2023,
    "第六十二条第二款",
    days=30,
    unit=CALENDAR_DAYS,
    note="自受理之日起",
)
# 第六十二条第一款（2017年法第三十一条第一款）只限定延长的总天数（三十日），不限次数：
# services extend with max_times=None, and the clock checks the total against extension_days.

SIMPLIFIED = Rule(
    P + "simplified",
    "适用简易程序：事实清楚、权利义务关系明确、争议不大，且属法定情形或各方同意",
    FUYI_2023,
    "第五十三条",
)
TO_NORMAL = Rule(P + "to_normal", "简易程序转为普通程序须经复议机构负责人批准", FUYI_2023, "第五十五条")
HEAR_PARTIES = Rule(
    P + "hear_parties", "普通程序应当听取当事人意见，因当事人原因不能听取的可以书面审理", FUYI_2023, "第四十九条"
)
HEARING_REQUIRED = Rule(P + "hearing_required", "重大、疑难、复杂案件应当组织听证", FUYI_2023, "第五十条第一款")
HEARING_NOTICE = Rule(
    P + "hearing_notice",
    "听证通知",
    FUYI_2023,
    "第五十一条第一款",
    days=5,
    unit=WORKDAYS,
    minimum=True,
    note="于举行听证的五日前书面通知当事人。“X日前”全平台一种读法（yifa.lib.deadlines.earliest_after_notice，"
    "与重大行政决策听证相同）：通知日不计入（民法典第二百零一条），听证最早在通知后第五个工作日举行"
    "（第八十八条第二款：五日为工作日）；听证日是事件而非行为，不因休息日顺延",
)
SUSPENSION = Rule(
    P + "suspension",
    "行政复议中止；原因消除后及时恢复审理，中止、恢复均书面告知当事人",
    FUYI_2023,
    "第三十九条",
    note="法条未写“不计入”：中止期间审理期限停止计算，是“中止”一词的含义（期间中止），平台据此暂停审理期限",
)
# 实施条例与2023年法不抵触的部分继续适用：勘验、鉴定所用时间不计入审理期限。
INSPECTION_TIME = Rule(
    P + "excluded.inspection",
    "现场勘验所用时间不计入行政复议审理期限",
    FUYI_REGULATION,
    "第三十四条第三款",
)
APPRAISAL_TIME = Rule(P + "excluded.appraisal", "鉴定所用时间不计入行政复议审理期限", FUYI_REGULATION, "第三十七条")
SUSPENSION_LIMIT = Rule(
    P + "suspension_limit",
    "因第三十九条第一款第一、二、四项中止满六十日原因仍未消除的，终止",
    FUYI_2023,
    "第四十一条第一款第五项",
    days=60,
    unit=CALENDAR_DAYS,
)
TERMINATION = Rule(P + "termination", "终止行政复议的情形", FUYI_2023, "第四十一条")
COMMITTEE = Rule(
    P + "committee", "重大疑难复杂、专业技术性强等案件应当提请行政复议委员会提出咨询意见", FUYI_2023, "第五十二条第二款"
)
# 程序上的行为依行为之日施行的法律（第九十条：2024年1月1日起施行，未设过渡条款，程序从新）；已经起算的期间
# 依起算之日施行的法律计算到底（periods）。故2023年12月收到、2024年仍在审理的案件，2024年作出的决定、批准的
# 延长适用2023年法，批准人和引用的条文随之改变。
APPROVAL_2023 = Rule(
    P + "approval.2023",
    "决定经复议机关负责人同意或者集体讨论通过",
    FUYI_2023,
    "第六十一条第一款",
    note="复议机关是人民政府，其负责人为市长或副市长；复议机构（司法局）负责人只批准延长审理期限（第六十二条）"
    "和转为普通程序（第五十五条）。集体讨论通过的，须登记会议名称、日期和会议记录",
)
APPROVAL_2017 = Rule(
    P + "approval.2017",
    "决定经复议机关负责人同意或者集体讨论通过",
    FUYI_2017,
    "第二十八条第一款",
    note="复议机关负责法制工作的机构提出意见，经复议机关负责人同意或集体讨论通过后作出决定",
)
APPROVAL = Versions(APPROVAL_2017, APPROVAL_2023)
EXTENSION_APPROVAL_2023 = Rule(
    P + "extension_approval.2023", "延长审理期限经复议机构负责人批准", FUYI_2023, "第六十二条第一款"
)
EXTENSION_APPROVAL_2017 = Rule(
    P + "extension_approval.2017", "延长审理期限经复议机关负责人批准", FUYI_2017, "第三十一条第一款"
)
EXTENSION_APPROVAL = Versions(EXTENSION_APPROVAL_2017, EXTENSION_APPROVAL_2023)
MEDIATION = Rule(P + "mediation", "经调解达成协议的，制作调解书", FUYI_2023, "第七十三条")
SETTLEMENT = Rule(P + "settlement", "决定作出前可以自愿和解", FUYI_2023, "第七十四条")
OPINION_FEEDBACK = Rule(
    P + "opinion_feedback",
    "意见书纠正情况报送",
    FUYI_2023,
    "第七十六条",
    days=60,
    unit=CALENDAR_DAYS,
    note="自收到行政复议意见书之日起",
)
PUBLICATION = Rule(P + "publication", "根据行政行为的公开情况公开决定书", FUYI_2023, "第七十九条")

# Not a statute: the city's arrangement (seed, 五、第15项) asks for a recorded reason before a late decision.
ON_TIME_POLICY = "《深化依法行政规划安排》第五部分：没有正当理由，原则上不允许超审限结案"

# 2023年法新增的期限（第八十八条第二款：三日、五日、七日、十日为工作日；三十日、六十日为自然日）。
FORWARD_VIA_ORGAN = Rule(
    P + "forward_via_penalty_organ",
    "经作出处罚决定的机关提交的复议申请，转送复议机关",
    FUYI_2023,
    "第三十二条第二款",
    days=5,
    unit=WORKDAYS,
    note="约束作出行政处罚决定的行政机关（被申请人）：认为需要维持处罚决定的，自收到复议申请之日起"
    "五个工作日内转送；仅当该机关是本平台单位时由平台计时",
)
NORM_REVIEW_SUSPENDS = Rule(
    P + "norm_review_suspends",
    "有第五十六条、第五十七条规定情形的，行政复议中止",
    FUYI_2023,
    "第三十九条第一款第九项",
    note="附带审查期间审理期限停止计算，审查处理完毕后恢复审理并书面告知当事人（第三十九条第二、三款）",
)
NORM_REQUEST_HANDLE = Rule(
    P + "norm_request.handle",
    "附带审查申请：有权处理的，依法处理",
    FUYI_2023,
    "第五十六条",
    days=30,
    unit=CALENDAR_DAYS,
    note="申请人依第十三条提出附带审查申请，复议机关有权处理的；自收到附带审查申请之日起计算",
)
NORM_REQUEST_FORWARD = Rule(
    P + "norm_request.forward",
    "附带审查申请：无权处理的，转送有权处理的行政机关",
    FUYI_2023,
    "第五十六条",
    days=7,
    unit=WORKDAYS,
    note="自收到附带审查申请之日起",
)
NORM_OWN_HANDLE = Rule(
    P + "norm_own.handle",
    "审查中认为依据不合法：有权处理的，依法处理",
    FUYI_2023,
    "第五十七条",
    days=30,
    unit=CALENDAR_DAYS,
    note="自复议机关认为被申请人行为的依据不合法之日起计算",
)
NORM_OWN_FORWARD = Rule(
    P + "norm_own.forward",
    "审查中认为依据不合法：无权处理的，转送有权处理的国家机关",
    FUYI_2023,
    "第五十七条",
    days=7,
    unit=WORKDAYS,
    note="自复议机关认为依据不合法之日起",
)
DRAFTER_NOTICE = Rule(
    P + "norm_review.drafter_notice",
    "书面通知制定机关就相关条款的合法性提出书面答复",
    FUYI_2023,
    "第五十八条第一款",
    days=3,
    unit=WORKDAYS,
    note="约束行政复议机构；自行政复议中止之日起计算",
)
DRAFTER_REPLY = Rule(
    P + "norm_review.drafter_reply",
    "制定机关提交书面答复及相关材料",
    FUYI_2023,
    "第五十八条第一款",
    days=10,
    unit=WORKDAYS,
    note="约束规范性文件或依据的制定机关；自收到书面通知之日起；仅当制定机关是本平台单位时由平台计时",
)
FORWARDED_REPLY = Rule(
    P + "norm_review.forwarded_reply",
    "接受转送的机关将处理意见回复转送的复议机关",
    FUYI_2023,
    "第六十条",
    days=60,
    unit=CALENDAR_DAYS,
    note="约束接受转送的行政机关、国家机关；自收到转送之日起；仅当该机关是本平台单位时由平台计时",
)

# 决定书主文引用的条文（“根据……第X条之规定，本机关决定：”），按作出决定之日施行的法律。
_BASIS_2023 = {
    "change": ("第六十三条", "变更"),
    "revoke": ("第六十四条", "撤销或者部分撤销"),
    "revoke_redo": ("第六十四条", "撤销并责令重新作出"),
    "illegal": ("第六十五条", "确认违法"),
    "perform": ("第六十六条", "责令履行"),
    "void": ("第六十七条", "确认无效"),
    "uphold": ("第六十八条", "维持"),
    "reject_claim": ("第六十九条", "驳回行政复议请求"),
    "reject_application": ("第三十三条", "驳回行政复议申请"),
}
_BASIS_2017 = {
    "change": (FUYI_2017, "第二十八条第一款第三项"),
    "revoke": (FUYI_2017, "第二十八条第一款第三项"),
    "revoke_redo": (FUYI_2017, "第二十八条第一款第三项"),
    "illegal": (FUYI_2017, "第二十八条第一款第三项"),
    "void": (FUYI_2017, "第二十八条第一款第三项"),
    "perform": (FUYI_2017, "第二十八条第一款第二项"),
    "uphold": (FUYI_2017, "第二十八条第一款第一项"),
    "reject_claim": (FUYI_REGULATION, "第四十八条第一款第一项"),
    "reject_application": (FUYI_REGULATION, "第四十八条第一款第二项"),
}
DECISION_BASIS = {
    kind: Versions(
        Rule(P + f"basis.{kind}.2017", f"决定{title}", _BASIS_2017[kind][0], _BASIS_2017[kind][1]),
        Rule(P + f"basis.{kind}.2023", f"决定{title}", FUYI_2023, article),
    )
    for kind, (article, title) in _BASIS_2023.items()
}
FINDINGS = Rule(
    P + "findings",
    "行政复议机构审查行政行为、提出意见，决定依据审查认定的事实和证据作出（决定书载明经审理查明的事实）",
    FUYI_2023,
    "第六十一条",
)
THIRD_PARTY = Rule(P + "third_party", "通知利害关系人作为第三人参加行政复议", FUYI_2023, "第十六条第一款")
STAY = Rule(P + "stay", "行政复议期间行政行为不停止执行，法定情形应当停止执行", FUYI_2023, "第四十二条")
ENFORCE = Rule(P + "enforce", "被申请人不履行或者无正当理由拖延履行的，责令其限期履行", FUYI_2023, "第七十七条第二款")
NOT_COMPETENT = Rule(
    P + "not_competent",
    "不予受理决定说明理由；不属于本机关管辖的，告知有管辖权的行政复议机关",
    FUYI_2023,
    "第三十条第二款",
)
SERVICE = Rule(P + "service", "行政复议文书的送达依照民事诉讼法关于送达的规定", FUYI_2023, "第八十八条第一款")
