"""行政处罚法 (2021) and the three systems as code: each period and gate once, citing its article.

Working days: 处罚法第八十五条 makes its “二日”“三日”“五日”“七日” working days; its “九十日” stays calendar days.
Where provinces differ (the city's province is configurable), the numbers below cite the act chosen.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS
from yifa.lib.law import Law, Rule
from yifa.lib.statutes import (
    HENAN_ENFORCEMENT,
    MARKET_PUBLICITY,
    PENALTY,
    SHANDONG_SUPERVISION,
    THREE_SYSTEMS,
)


class Province:
    """Where the provincial acts differ, the articles of the province chosen in settings.ENFORCEMENT_PROVINCE."""

    def __init__(self, law: Law, body_register: str, certificate: str, responsibility: str, inspection: str = ""):
        self.law = law
        self.body_register = body_register
        self.certificate = certificate
        self.responsibility = responsibility
        self.inspection = inspection


PROVINCES = {
    "shandong": Province(SHANDONG_SUPERVISION, "第九条第二款", "第十条第二款", "第十五条第二款"),
    "henan": Province(HENAN_ENFORCEMENT, "第十三条", "第二十一条第一款", "第九条", inspection="第二十四条"),
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
LARGE_FINE = {
    "person": Decimal(settings.ENFORCEMENT_LARGE_FINE_PERSON),
    "organisation": Decimal(settings.ENFORCEMENT_LARGE_FINE_ORGANISATION),
}
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
