"""政府信息公开条例（2019）as code: every period and gate of the module, once, with its article.

# 第三十三条第二款、第三十条、第三十二条、第三十四条、第二十六条的期限均为工作日：
# 跳过周末和法定节假日，计入调休上班日（核心工作日历）。
"""

import datetime as dt

from yifa.lib.deadlines import WORKDAYS
from yifa.lib.law import Law, Rule
from yifa.lib.statutes import DISCLOSURE

P = "disclosure."
FEE_NOTICE = Law("政府信息公开信息处理费管理办法（国办函〔2020〕109号）", dt.date(2020, 11, 6), dt.date(2021, 1, 1))

GUIDE = Rule(
    P + "guide",
    "编制、公布政府信息公开指南和政府信息公开目录，并及时更新",
    DISCLOSURE,
    "第十二条",
)
PROACTIVE_SCOPE = Rule(
    P + "proactive_scope",
    "主动公开的政府信息：第十九条所列及第二十条各项",
    DISCLOSURE,
    "第十九条、第二十条",
)
PUBLICATION = Rule(
    P + "publication",
    "主动公开",
    DISCLOSURE,
    "第二十六条",
    days=20,
    unit=WORKDAYS,
    note="自该政府信息形成或者变更之日起20个工作日内及时公开；法律、法规另有规定的从其规定",
)
APPLICANTS = Rule(
    P + "applicants",
    "公民、法人或者其他组织可以申请获取政府信息；申请应载明申请人、所需信息的特征描述和获取方式",
    DISCLOSURE,
    "第二十七条、第二十九条",
)
RECEIPT = Rule(
    P + "receipt",
    "收到申请的日期：当面提交以提交之日，邮寄以签收之日（平常信函以确认之日），互联网和传真以双方确认之日",
    DISCLOSURE,
    "第三十一条",
)
CLARIFICATION_NOTICE = Rule(
    P + "clarification_notice",
    "一次性告知补正",
    DISCLOSURE,
    "第三十条",
    days=7,
    unit=WORKDAYS,
    note="自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限",
)
CLARIFICATION = Rule(
    P + "clarification",
    "申请人补正（合理的补正期限，由行政机关在补正通知中确定）",
    DISCLOSURE,
    "第三十条",
    note="答复期限自行政机关收到补正的申请之日起计算；无正当理由逾期不补正的，视为放弃申请，不再处理",
)
REPLY = Rule(
    P + "reply",
    "答复申请",
    DISCLOSURE,
    "第三十三条第二款",
    days=20,
    unit=WORKDAYS,
    extension_days=20,
    note="自收到申请之日起20个工作日内答复；延长须经政府信息公开工作机构负责人同意并告知申请人，最长20个工作日",
)
EXTENSION = Rule(
    P + "extension",
    "延长答复期限须经政府信息公开工作机构负责人同意并告知申请人",
    DISCLOSURE,
    "第三十三条第二款",
)
NOT_COUNTED = Rule(
    P + "not_counted",
    "征求第三方和其他机关意见所需时间不计算在答复期限内",
    DISCLOSURE,
    "第三十三条第三款",
    note="自发出征求意见书之日起至收到意见（或意见期限届满）之日前一日止，不计入答复期限",
)
THIRD_PARTY = Rule(
    P + "third_party",
    "第三方提出意见",
    DISCLOSURE,
    "第三十二条",
    days=15,
    unit=WORKDAYS,
    note="第三方自收到征求意见书之日起15个工作日内提出意见；逾期未提出的，由行政机关依照条例决定是否公开",
)
OTHER_ORGAN = Rule(
    P + "other_organ",
    "被征求意见机关提出意见",
    DISCLOSURE,
    "第三十四条",
    days=15,
    unit=WORKDAYS,
    note="被征求意见机关自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的视为同意公开",
)
REPEAT = Rule(
    P + "repeat",
    "已就申请作出答复、申请人重复申请公开相同政府信息的，告知不予重复处理",
    DISCLOSURE,
    "第三十六条第六项",
)
EXCESSIVE = Rule(
    P + "excessive",
    "申请数量、频次明显超过合理范围的，可以要求说明理由",
    DISCLOSURE,
    "第三十五条",
)
REPLY_KINDS = Rule(
    P + "reply_kinds",
    "根据不同情况分别作出答复；不予公开的说明理由；非本机关负责公开的告知负责机关名称、联系方式",
    DISCLOSURE,
    "第三十六条",
)
SEPARABLE = Rule(
    P + "separable",
    "能够作区分处理的，提供可以公开的内容，并对不予公开的内容说明理由",
    DISCLOSURE,
    "第三十七条",
)
TO_PROACTIVE = Rule(
    P + "to_proactive",
    "多个申请人就相同政府信息向同一行政机关提出公开申请，且可以公开的，可以纳入主动公开的范围",
    DISCLOSURE,
    "第四十四条",
)
REPEATED_REQUESTS_FOR_PROACTIVE = 3  # how many similar requests suggest 第四十四条
FEES = Rule(
    P + "fees",
    "信息处理费：按件计收（同一申请人一个自然月内累计申请10件以下不收费）",
    FEE_NOTICE,
    "按件计收标准",
    note="11—30件每件100元；31件以上每增加10件，每件收费标准提高100元；办法全文未收入 shared/laws，条文序号待核",
)
UNIT_REPORT = Rule(
    P + "unit_report",
    "政府部门向本级政府信息公开工作主管部门提交并公布上一年度年度报告",
    DISCLOSURE,
    "第四十九条",
    note="每年1月31日前",
)
GOVERNMENT_REPORT = Rule(
    P + "government_report",
    "县级以上人民政府信息公开工作主管部门汇总并公布本级政府上一年度年度报告",
    DISCLOSURE,
    "第四十九条",
    note="每年3月31日前",
)
REPORT_CONTENT = Rule(
    P + "report_content",
    "年度报告的内容；第三部分“收到和处理政府信息公开申请情况”须满足：本年新收＋上年结转＝本年度办理结果总计＋结转下年度继续办理",
    DISCLOSURE,
    "第五十条",
    note="表格格式依国办公开办函〔2021〕30号",
)
PERSONAL_DATA = Rule(
    P + "personal_data",
    "申请人身份信息加密保存、脱敏显示，不在门户和公开答复中公开",
    DISCLOSURE,
    "第十五条",
    note="涉及个人隐私的政府信息不得公开（亦见个人信息保护法第三十四条）",
)
PROACTIVE_COUNTS = Rule(
    P + "proactive_counts",
    "年度报告表二：规章和行政规范性文件的制发、废止、现行有效件数，行政许可、行政处罚、行政强制的处理决定数量，行政事业性收费金额",
    DISCLOSURE,
    "第五十条第一项",
    note="行政规范性文件自规范性文件模块的公布、废止事件计数，许可、处罚决定自许可、执法模块的决定事件计数；"
    "行政强制的处理决定数量自执法模块的行政强制案件计数：实施查封、扣押、冻结（行政强制法第二十四条、第三十一条，"
    "制作决定书）按实施之日，行政机关强制执行决定（第三十七条）按决定之日各计一件；申请人民法院强制执行"
    "（第五十三条）由法院裁定，不计；本平台不办理规章和收费，由本机关填报",
)
CHALLENGES = Rule(
    P + "challenges",
    "年度报告表四：因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
    DISCLOSURE,
    "第五十条第三项",
    note="按受理（立案）年度计数，年底前未审结的列“尚未审结”；维持原行为或驳回复议请求计“结果维持”，"
    "撤销、变更、确认违法、确认无效、责令履行计“结果纠正”，驳回复议申请、调解、终止等计“其他结果”；"
    "复议机关作共同被告的，只由作出原行政行为的机关统计（国办公开办函〔2016〕201号）",
)
