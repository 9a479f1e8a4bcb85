"""行政处罚法 (2021) and the three systems as code: each period and gate once, citing its article.

Working days: 处罚法第八十五条 makes its “二日”“三日”“五日”“七日” working days; its “九十日” stays calendar days.
Where provinces differ (the city's province is configurable), the numbers below cite the act chosen.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

from yifa.lib.deadlines import CALENDAR_DAYS, MONTHS, WORKDAYS
from yifa.lib.law import Law, Rule
from yifa.lib.statutes import (
    COERCION,
    CRIME_TRANSFER,
    HENAN_ENFORCEMENT,
    LITIGATION_INTERPRETATION,
    MARKET_PUBLICITY,
    PENALTY,
    SHANDONG_SUPERVISION,
    THREE_SYSTEMS,
)


class Province:
    """Where the provincial acts differ, the articles of the province chosen in settings.ENFORCEMENT_PROVINCE."""

    def __init__(
        self,
        law: Law,
        body_register: str,
        certificate: str,
        responsibility: str,
        inspection: str = "",
        *,
        qualification: str,
        appraisal: str,
    ):
        self.law = law
        self.qualification = qualification
        self.appraisal = appraisal
        self.body_register = body_register
        self.certificate = certificate
        self.responsibility = responsibility
        self.inspection = inspection


PROVINCES = {
    "shandong": Province(
        SHANDONG_SUPERVISION,
        "第九条第二款",
        "第十条第二款",
        "第十五条第二款",
        qualification="第十条第一款",
        appraisal="第十六条第二款",
    ),
    "henan": Province(
        HENAN_ENFORCEMENT,
        "第十三条",
        "第二十一条第一款",
        "第九条",
        inspection="第二十四条",
        qualification="第二十一条第一款",
        appraisal="第九条",
    ),
}
PROVINCE = PROVINCES[settings.ENFORCEMENT_PROVINCE]

BODY_REGISTER = Rule(
    "enforcement.body_register",
    "行政执法主体资格经本级人民政府审核确认并向社会公告",
    PROVINCE.law,
    PROVINCE.body_register,
)
CONSOLIDATION = Rule(
    "enforcement.consolidation",
    "相对集中行政处罚权：由国务院或者省级人民政府决定一个行政机关行使有关行政机关的行政处罚权",
    PENALTY,
    "第十八条第二款",
)
CERTIFIED_OFFICERS = Rule(
    "enforcement.certified_officers",
    "行政处罚由具有行政执法资格的执法人员实施，执法人员不得少于两人",
    PENALTY,
    "第四十二条第一款",
)
CERTIFICATE = Rule(
    "enforcement.certificate",
    "行政执法人员经培训考试合格、取得行政执法证件后方可从事行政执法工作",
    PROVINCE.law,
    PROVINCE.certificate,
)
LIMITATION = Rule(
    "enforcement.limitation",
    "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，延长至五年",
    PENALTY,
    "第三十六条",
    note="自违法行为发生之日（连续或者继续状态的，自行为终了之日）起算，按年计算，到期年的对应日为最后一日（民法典第二百零二条）",
)
LIMITATION_YEARS = 2
LIMITATION_YEARS_GRAVE = 5
FILING = Rule(
    "enforcement.filing",
    "符合立案标准的，行政机关应当及时立案",
    PENALTY,
    "第五十四条第二款",
)
NOTICE = Rule(
    "enforcement.notice",
    "作出行政处罚决定之前，告知拟作出的行政处罚内容及事实、理由、依据和陈述、申辩、要求听证等权利",
    PENALTY,
    "第四十四条",
)
HEARING_RIGHT = Rule(
    "enforcement.hearing_right",
    "较大数额罚款、没收较大数额违法所得或较大价值非法财物、降低资质等级、吊销许可证件、责令停产停业、责令关闭、"
    "限制从业等，应当告知听证权利",
    PENALTY,
    "第六十三条第一款",
    note=(
        "“较大数额”由省、自治区、直辖市规定（第六十三条第一款）；laws/中的山东、河南、浙江、重庆条例均未规定数额，"
        "故取设置ENFORCEMENT_LARGE_FINE_PERSON、ENFORCEMENT_LARGE_FINE_ORGANISATION（默认对个人一万元、对单位十万元），"
        "部署时按本省政府规定填写"
    ),
)


def large_fine(party_kind: str) -> Decimal:
    """The 较大数额 for a person or an organisation, read from settings when asked (HEARING_RIGHT's note)."""
    if party_kind == "person":
        return Decimal(settings.ENFORCEMENT_LARGE_FINE_PERSON)
    return Decimal(settings.ENFORCEMENT_LARGE_FINE_ORGANISATION)


HEARING_REQUEST = Rule(
    "enforcement.hearing_request",
    "当事人要求听证的，应当在行政机关告知后五日内提出",
    PENALTY,
    "第六十四条第一项",
    days=5,
    unit=WORKDAYS,
    note="五日为工作日（第八十五条）；告知送达之日不计入",
)
HEARING_NOTICE = Rule(
    "enforcement.hearing_notice",
    "行政机关应当在举行听证的七日前通知当事人及有关人员听证的时间、地点",
    PENALTY,
    "第六十四条第二项",
    days=7,
    unit=WORKDAYS,
    minimum=True,
    note="七日为工作日（第八十五条）；通知日不计入，听证最早于通知日后第7个工作日举行",
)
LEGAL_REVIEW = Rule(
    "enforcement.legal_review",
    "重大执法决定在负责人作出决定之前经法制审核；未经法制审核或者审核未通过的，不得作出决定",
    PENALTY,
    "第五十八条第一款",
    days=10,
    unit=WORKDAYS,
    note="审核期限法律未规定；本市取10个工作日，可调整",
)
REVIEWER_QUALIFICATION = Rule(
    "enforcement.reviewer_qualification",
    "初次从事行政处罚决定法制审核的人员，应当取得法律职业资格",
    PENALTY,
    "第五十八条第二款",
)
MAJOR_CATALOGUE = Rule(
    "enforcement.major_catalogue",
    "应当法制审核的情形：涉及重大公共利益；直接关系重大权益、经过听证程序；疑难复杂；法律法规规定的其他情形",
    PENALTY,
    "第五十八条第一款",
    note="本市重大执法决定目录：罚款达到MAJOR_FINE、吊销许可证件、责令关闭或停产停业、经过听证的，均须法制审核",
)
MAJOR_FINE = {"person": Decimal("50000"), "organisation": Decimal("200000")}
DECISION = Rule(
    "enforcement.decision",
    "自行政处罚案件立案之日起九十日内作出行政处罚决定",
    PENALTY,
    "第六十条",
    days=90,
    unit=CALENDAR_DAYS,
    extension_days=30,
    note=(
        "第六十条：法律、法规、规章另有规定的，从其规定。延长取《市场监督管理行政处罚程序规定》第六十四条的"
        "经负责人批准延长三十日，须写明理由"
    ),
)
SERVICE = Rule(
    "enforcement.service",
    "当事人不在场的，行政机关应当在七日内将行政处罚决定书送达当事人",
    PENALTY,
    "第六十一条第一款",
    days=7,
    unit=WORKDAYS,
    note="七日为工作日（第八十五条）；自作出决定之日起算",
)
BENCHMARK = Rule(
    "enforcement.benchmark",
    "行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权；裁量基准应当向社会公布",
    PENALTY,
    "第三十四条",
)
OUTSIDE_BENCHMARK = Rule(
    "enforcement.outside_benchmark",
    "拟处罚款超出裁量基准幅度的，须书面说明理由并经法制机构掌握",
    PENALTY,
    "第三十四条",
    note="偏离基准须说明理由：本市规定，法制机构可见全部偏离基准的案件",
)
FULL_RECORD = Rule(
    "enforcement.full_record",
    "对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程记录，归档保存",
    PENALTY,
    "第四十七条",
)
PUBLICATION = Rule(
    "enforcement.publication",
    "具有一定社会影响的行政处罚决定应当依法公开：自作出决定之日起七个工作日内公开",
    THREE_SYSTEMS,
    "二、全面推行行政执法公示制度（加强事后公开）",
    days=7,
    unit=WORKDAYS,
    note=(
        "处罚法第四十八条第一款规定应当公开，未定期限；期限取国办发〔2018〕118号的7个工作日。市场监督管理部门"
        "另受《市场监督管理行政处罚信息公示规定》第九条20个工作日的信用公示期限约束（MARKET_PUBLICATION），"
        "该规定是部门规章，不是118号所称的法律、行政法规，故门户公开仍按7个工作日"
    ),
)
MARKET_PUBLICATION = Rule(
    "enforcement.market_publication",
    "市场监督管理部门自作出行政处罚决定之日起二十个工作日内通过国家企业信用信息公示系统公示",
    MARKET_PUBLICITY,
    "第九条",
    days=20,
    unit=WORKDAYS,
)
WITHDRAWAL = Rule(
    "enforcement.withdrawal",
    "公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，在三日内撤回决定信息并公开说明理由",
    PENALTY,
    "第四十八条第二款",
    days=3,
    unit=WORKDAYS,
    note="三日为工作日（第八十五条）；自决定被变更、撤销或确认之日起算。市场监督管理公示同为三个工作日（公示规定第十一条）",
)
RENEWAL = Rule(
    "enforcement.renewal",
    "行政执法证件换发须符合培训、考核等持证条件",
    PROVINCE.law,
    PROVINCE.certificate,
)
POWER_CATALOGUE = Rule(
    "enforcement.power_catalogue",
    "行政处罚的实施机关、立案依据、实施程序和救济渠道等信息应当公示",
    PENALTY,
    "第三十九条",
    note="事前公开执法事项清单（国办发〔2018〕118号二、全面推行行政执法公示制度）",
)
RESPONSIBILITY = Rule(
    "enforcement.responsibility",
    "实行行政执法责任制：界定执法岗位职责，将执法依据、岗位、职责、程序向社会公布",
    PROVINCE.law,
    PROVINCE.responsibility,
)

# 行政强制法: 第六十九条 makes its periods of ten days or less working days; its “三十日” stay calendar days.
COERCION_OFFICERS = Rule(
    "enforcement.coercion_officers",
    "行政强制措施由两名以上行政执法人员实施，出示执法身份证件",
    COERCION,
    "第十八条第二项、第三项",
)
SEIZURE = Rule(
    "enforcement.seizure",
    "查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但延长期限不得超过三十日",
    COERCION,
    "第二十五条第一款",
    days=30,
    unit=CALENDAR_DAYS,
    extension_days=30,
    note="在此期限内作出处理决定（第二十七条）；三十日不属“十日以内”，按自然日（第六十九条）",
)
FREEZE = Rule(
    "enforcement.freeze",
    "自冻结存款、汇款之日起三十日内作出处理决定或者解除冻结决定；情况复杂的，经负责人批准可延长，延长不超过三十日",
    COERCION,
    "第三十二条第一款",
    days=30,
    unit=CALENDAR_DAYS,
    extension_days=30,
)
FREEZE_NOTICE = Rule(
    "enforcement.freeze_notice",
    "依照法律规定冻结存款、汇款的，作出决定的行政机关应当在三日内向当事人交付冻结决定书",
    COERCION,
    "第三十一条第一款",
    days=3,
    unit=WORKDAYS,
    note="三日为工作日（第六十九条）",
)
URGE = Rule(
    "enforcement.urge",
    "作出强制执行决定前，应当事先书面催告当事人履行义务，载明履行义务的期限和方式、陈述申辩权",
    COERCION,
    "第三十五条",
    note="履行期限由催告书确定（法律未规定天数）；逾期仍不履行且无正当理由的，方可作出强制执行决定（第三十七条第一款）",
)
EXECUTION_DECISION = Rule(
    "enforcement.execution_decision",
    "经催告，当事人逾期仍不履行行政决定，且无正当理由的，行政机关可以作出强制执行决定",
    COERCION,
    "第三十七条第一款",
)
IMMEDIATE_EXECUTION = Rule(
    "enforcement.immediate_execution",
    "在催告期间，对有证据证明有转移或者隐匿财物迹象的，行政机关可以作出立即强制执行决定",
    COERCION,
    "第三十七条第三款",
)
COURT_URGE = Rule(
    "enforcement.court_urge",
    "申请人民法院强制执行前应当催告；催告书送达十日后当事人仍未履行义务的，方可申请",
    COERCION,
    "第五十四条",
    days=10,
    unit=WORKDAYS,
    minimum=True,
    note="十日为工作日（第六十九条）；自登记的催告书送达之日起算（不是制作或发出之日），届满后方可申请；"
    "未登记送达日的，不得申请",
)
# 第五十三条's “法定期限” are the party's remedy periods (lib/remedies.py): both run from the day the party knew of
# the decision (yifa takes the day it was served). Both must lapse, so the later one, the six months, opens it.
COURT_APPLICATION = Rule(
    "enforcement.court_application",
    "当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的，没有行政强制执行权的行政机关可以自期限届满之日起"
    "三个月内申请人民法院强制执行",
    COERCION,
    "第五十三条",
    days=3,
    unit=MONTHS,
    note="期限届满之日取复议期限（六十日）与起诉期限（六个月）中较晚届满者，即起诉期限届满之日"
    "（最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第一百五十六条）；届满之日当事人仍可起诉，次日起方可申请；"
    "当事人已申请复议或者起诉的，不适用本期间",
)
COURT_APPLICATION_LATE = Rule(
    "enforcement.court_application_late",
    "没有强制执行权的行政机关申请人民法院强制执行其行政行为，应当自被执行人的法定起诉期限届满之日起三个月内提出；"
    "逾期申请的，除有正当理由外，人民法院不予受理",
    LITIGATION_INTERPRETATION,
    "第一百五十六条",
    note="逾期申请须写明正当理由，记入申请并在案件上标明",
)

# 行政执法机关移送涉嫌犯罪案件的规定: it does not say its “3日” are working days, so they are calendar days.
TRANSFER_DUTY = Rule(
    "enforcement.transfer_duty",
    "违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关，依法追究刑事责任",
    PENALTY,
    "第二十七条第一款",
)
TRANSFER_TEAM = Rule(
    "enforcement.transfer_team",
    "指定二名或者二名以上行政执法人员组成专案组，核实情况后提出移送涉嫌犯罪案件的书面报告",
    CRIME_TRANSFER,
    "第五条第一款",
)
TRANSFER_APPROVAL = Rule(
    "enforcement.transfer_approval",
    "正职负责人或者主持工作的负责人应当自接到报告之日起3日内作出批准移送或者不批准移送的决定",
    CRIME_TRANSFER,
    "第五条第二款",
    days=3,
    unit=CALENDAR_DAYS,
    note="规定未称工作日，按自然日；不批准的，理由记录在案",
)
TRANSFER_SEND = Rule(
    "enforcement.transfer_send",
    "决定批准的，应当在24小时内向同级公安机关移送",
    CRIME_TRANSFER,
    "第五条第二款",
    days=1,
    unit=CALENDAR_DAYS,
    note="二十四小时按批准之次日届满计",
)
TRANSFER_MATERIALS = Rule(
    "enforcement.transfer_materials",
    "对公安机关决定立案的案件，自接到立案通知书之日起3日内将涉案物品以及与案件有关的其他材料移交公安机关",
    CRIME_TRANSFER,
    "第十二条",
    days=3,
    unit=CALENDAR_DAYS,
)
TRANSFER_RECONSIDERATION = Rule(
    "enforcement.transfer_reconsideration",
    "接到不予立案通知书后，认为应当立案的，可以自接到之日起3日内提请作出决定的公安机关复议",
    CRIME_TRANSFER,
    "第九条第一款",
    days=3,
    unit=CALENDAR_DAYS,
    note="“可以”：行政机关不提请复议的，期限届满即结束",
)
INSPECTION_OFFICERS = Rule(
    "enforcement.inspection_officers",
    "执法人员不得少于两人；调查或者进行检查时应当主动出示执法证件，检查应当制作笔录",
    PENALTY,
    "第四十二条第一款、第五十五条",
)

# The execution stage of a penalty decision (处罚法第六十六条至第七十二条; 行政强制法第四章).
FINE_PAYMENT = Rule(
    "enforcement.fine_payment",
    "当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款",
    PENALTY,
    "第六十七条第三款",
    days=15,
    unit=CALENDAR_DAYS,
    note="十五日不在第八十五条所列，按自然日；自送达之日起算，送达之日不计入",
)
LATE_FINE = Rule(
    "enforcement.late_fine",
    "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额",
    PENALTY,
    "第七十二条第一款第一项",
    note="自缴纳期限届满次日起每日加处罚款数额的3%，至缴纳之日前一日止；加处罚款的标准应当告知当事人（行政强制法第四十五条）",
)
LATE_FINE_CAP = Rule(
    "enforcement.late_fine_cap",
    "加处罚款或者滞纳金的标准应当告知当事人；加处罚款或者滞纳金的数额不得超出金钱给付义务的数额",
    COERCION,
    "第四十五条",
)
LATE_FINE_RATE = Decimal("0.03")
LATE_FINE_ENFORCEMENT = Rule(
    "enforcement.late_fine_enforcement",
    "实施加处罚款或者滞纳金超过三十日，经催告当事人仍不履行的，具有行政强制执行权的行政机关可以强制执行",
    COERCION,
    "第四十六条第一款",
    days=30,
    unit=CALENDAR_DAYS,
    minimum=True,
    note="三十日不属“十日以内”，按自然日（第六十九条）；自缴纳期限届满之日起算，满三十日后方可催告；"
    "没有行政强制执行权的，申请人民法院强制执行（第四十六条第三款）",
)
SUBSTITUTE = Rule(
    "enforcement.substitute",
    "要求排除妨碍、恢复原状等义务的行政决定，当事人逾期不履行，经催告仍不履行，其后果已经或者将危害交通安全、"
    "造成环境污染或者破坏自然资源的，行政机关可以代履行，或者委托没有利害关系的第三人代履行",
    COERCION,
    "第五十条",
)
SUBSTITUTE_DECISION = Rule(
    "enforcement.substitute_decision",
    "代履行前送达决定书，载明当事人的姓名或者名称、地址，代履行的理由和依据、方式和时间、标的、费用预算以及代履行人",
    COERCION,
    "第五十一条第一款第一项",
)
SUBSTITUTE_URGE = Rule(
    "enforcement.substitute_urge",
    "代履行三日前，催告当事人履行，当事人履行的，停止代履行",
    COERCION,
    "第五十一条第一款第二项",
    days=3,
    unit=WORKDAYS,
    minimum=True,
    note="三日为工作日（第六十九条）；催告日不计入，代履行最早于催告日后第3个工作日实施（与“七日前通知”同一读法）",
)
SUBSTITUTE_DONE = Rule(
    "enforcement.substitute_done",
    "代履行时派员到场监督；代履行完毕，到场监督的工作人员、代履行人和当事人或者见证人在执行文书上签名或者盖章；"
    "费用按照成本合理确定，由当事人承担",
    COERCION,
    "第五十一条第一款第三项、第四项，第二款",
)
IMMEDIATE_SUBSTITUTE = Rule(
    "enforcement.immediate_substitute",
    "需要立即清除道路、河道、航道或者公共场所的遗洒物、障碍物或者污染物，当事人不能清除的，可以决定立即实施代履行；"
    "当事人不在场的，应当在事后立即通知当事人",
    COERCION,
    "第五十二条",
)

# 移送 to an administrative organ: the case is not within this organ's competence (管辖).
HAND_OVER = Rule(
    "enforcement.hand_over",
    "行政处罚由违法行为发生地的、县级以上地方人民政府具有行政处罚权的行政机关管辖；不属本机关管辖的，移送有管辖权的机关",
    PENALTY,
    "第二十二条、第二十三条",
    note="法律未规定移送期限；移送须记录接收机关、移送日和理由。司法机关依第二十七条第一款后段移回的案件，登记来源后按本法处理",
)

# 年审 and 评议考核 of officers: the provincial acts require 资格管理 and periodic 评议考核 but give no number.
CERTIFICATE_REVIEW = Rule(
    "enforcement.certificate_review",
    "实行行政执法人员持证上岗和资格管理制度：执法证件按期年审",
    PROVINCE.law,
    PROVINCE.qualification,
    note=(
        "条例未规定年审周期，也未规定逾期未年审的后果；本市取设置ENFORCEMENT_REVIEW_MONTHS（默认12个月，自发证或上次"
        "年审合格之日起算）；ENFORCEMENT_REVIEW_BLOCKS为真时，年审逾期的执法证不能用于新案件（默认为假：只显示逾期）"
    ),
)
APPRAISAL = Rule(
    "enforcement.appraisal",
    "县级以上人民政府应当定期组织开展行政执法评议、考核",
    PENALTY,
    "第七十五条第一款",
    note="本法只称“定期”；本市按年度对每名执法人员评议考核，每人每年一条记录",
)
PROVINCIAL_APPRAISAL = Rule(
    "enforcement.provincial_appraisal",
    "实行行政执法评议考核制度，定期对所属部门及其行政执法人员评议考核，结果作为奖励、惩处以及干部任免的依据",
    PROVINCE.law,
    PROVINCE.appraisal,
)


def review_months() -> int:
    return int(settings.ENFORCEMENT_REVIEW_MONTHS)


def review_blocks() -> bool:
    return bool(settings.ENFORCEMENT_REVIEW_BLOCKS)
