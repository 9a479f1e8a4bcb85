"""行政许可法 (2019), 优化营商环境条例 and 国务院关于在线政务服务的若干规定 as code: the item list's gates and
every period of an application, each once with its article.

第八十二条: the organ's periods in this law count working days. Readings chosen are in each rule's note."""

from __future__ import annotations

import datetime as dt

from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS, earliest_after_notice, latest_notice_before
from yifa.lib.law import Law, Rule
from yifa.lib.statutes import BUSINESS_ENVIRONMENT, LICENSING, ONLINE_SERVICES
from yifa.lib.workdays import WEEKENDS_ONLY

# Not in ../shared/laws/: cited by name (issued 2022-01-20).
LIST_NOTICE = Law(
    "国务院办公厅关于全面实行行政许可事项清单管理的通知（国办发〔2022〕2号）",
    dt.date(2022, 1, 20),
    dt.date(2022, 1, 20),
)

PROMISE_OPINION = Law(
    "国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见（国办发〔2020〕42号）",
    dt.date(2020, 10, 27),
    dt.date(2020, 10, 27),
)
PROMISE_NOTE = "指导意见原文未收入laws/，按名称引用，条目号和印发日期未核对"

P = "licensing."

# 事项清单
ITEM_LIST = Rule(
    P + "item_list", "实行行政许可清单管理，清单之外不得违法实施行政许可", BUSINESS_ENVIRONMENT, "第四十条"
)
LIST_INHERITANCE = Rule(
    P + "list_inheritance",
    "下级清单不得超出上级清单；事项名称、设定依据与上级清单一致",
    LIST_NOTICE,
    "关于地方行政许可事项清单的要求",
    note="地方清单以上级清单为限，市级不得超出省级，县级不得超出市级；通知原文未收入laws/，条目号未核对",
)
PUBLICATION = Rule(
    P + "publication",
    "公示行政许可的事项、依据、条件、数量、程序、期限和全部材料目录",
    LICENSING,
    "第三十条第一款",
)
ONLINE_GUIDE = Rule(P + "online_guide", "办事指南在政务服务平台公布", ONLINE_SERVICES, "第六条")
NO_FEE_WITHOUT_BASIS = Rule(
    P + "no_fee_without_basis",
    "实施行政许可不得收取任何费用，法律、行政法规另有规定的除外",
    LICENSING,
    "第五十八条第一款",
)
PUBLISHED_FEES = Rule(
    P + "published_fees", "依照法律、行政法规收费的，按照公布的法定项目和标准收取", LICENSING, "第五十九条"
)
PROMISE_WITHIN_STATUTE = Rule(
    P + "promise_within_statute",
    "承诺办结时限不得超过法定办结时限",
    LICENSING,
    "第四十二条",
    note="法定期限是上限，承诺期限只能在其内压缩（优化营商环境条例第三十五条：减时限）",
)

# 申请与受理
CORRECTION_NOTICE = Rule(
    P + "correction_notice",
    "材料不齐全或不符合法定形式的，当场或者在五日内一次告知需要补正的全部内容",
    LICENSING,
    "第三十二条第一款第（四）项",
    days=5,
    unit=WORKDAYS,
    note="第八十二条：以工作日计算；自收到申请材料的次日起算",
)
DEEMED_ACCEPTED = Rule(
    P + "deemed_accepted",
    "逾期不告知补正的，自收到申请材料之日起即为受理",
    LICENSING,
    "第三十二条第一款第（四）项",
)
ACCEPTANCE_VOUCHER = Rule(
    P + "acceptance_voucher",
    "受理或者不予受理，出具加盖专用印章和注明日期的书面凭证",
    LICENSING,
    "第三十二条第二款",
)

# 审查与决定
DECISION = Rule(
    P + "decision",
    "自受理之日起作出行政许可决定",
    LICENSING,
    "第四十二条第一款",
    days=20,
    unit=WORKDAYS,
    extension_days=10,
    note="延长须经本行政机关负责人批准，并将延长理由告知申请人",
)
JOINT_DECISION = Rule(
    P + "joint_decision",
    "统一办理、联合办理或者集中办理的办理时间",
    LICENSING,
    "第四十二条第二款",
    days=45,
    unit=WORKDAYS,
    extension_days=15,
    note="延长须经本级人民政府负责人批准",
)
PRELIMINARY_REVIEW = Rule(
    P + "preliminary_review",
    "下级行政机关自受理之日起审查完毕",
    LICENSING,
    "第四十三条",
    days=20,
    unit=WORKDAYS,
    note="下级行政机关审查完毕后将初步审查意见和全部申请材料报送上级行政机关；上级行政机关自收到之日起"
    "依第四十二条第一款计算决定期限（法律未明定上级机关期限的起算点，此为本平台的读法）",
)
EXCLUDED_TIME = Rule(
    P + "excluded_time",
    "听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审所需时间不计入期限，并书面告知申请人",
    LICENSING,
    "第四十五条",
)
REFUSAL_REASONS = Rule(
    P + "refusal_reasons",
    "不予行政许可的，书面说明理由，并告知申请行政复议或者提起行政诉讼的权利",
    LICENSING,
    "第三十八条第二款",
)
DECISION_PUBLICATION = Rule(
    P + "decision_publication",
    "准予行政许可的决定应当予以公开，公众有权查阅",
    LICENSING,
    "第四十条",
    note="门户公开决定文号、事项、实施机关、决定日期和被许可单位名称；被许可人为自然人的不公开姓名，"
    "证件号码、电话一律不公开（个人信息保护法第二十五条）",
)
CERTIFICATE = Rule(
    P + "certificate",
    "自作出准予许可决定之日起颁发、送达行政许可证件",
    LICENSING,
    "第四十四条",
    days=10,
    unit=WORKDAYS,
)

# 听证
HEARING_RIGHTS = Rule(
    P + "hearing_rights",
    "许可直接涉及申请人与他人之间重大利益关系的，决定前告知申请人、利害关系人享有要求听证的权利",
    LICENSING,
    "第四十七条第一款",
)
HEARING_REQUEST = Rule(
    P + "hearing_request",
    "被告知听证权利之日起提出听证申请",
    LICENSING,
    "第四十七条第一款",
    days=5,
    unit=CALENDAR_DAYS,
    note="这是申请人、利害关系人的期间：第八十二条只把行政机关实施许可的期限定为工作日，"
    "本法对当事人的期间未作规定，按自然日计算；告知之日不计入，末日逢法定节假日或休息日的，"
    "顺延至其后第一个工作日（民法典第二百零一条、第二百零三条，与本平台其他当事人期间的计算一致）",
)
HEARING_ORGANISE = Rule(
    P + "hearing_organise",
    "收到听证申请后组织听证",
    LICENSING,
    "第四十七条第一款",
    days=20,
    unit=WORKDAYS,
)
HEARING_NOTICE = Rule(
    P + "hearing_notice",
    "举行听证的七日前将时间、地点通知申请人、利害关系人",
    LICENSING,
    "第四十八条第一款第（一）项",
    days=7,
    unit=WORKDAYS,
    note="通知日不计入，听证日为通知后第七个工作日或者更晚",
)

# 告知承诺
PROMISE_ALLOWED = Rule(
    P + "promise_allowed",
    "符合条件的行政许可事项可以按照有关规定采取告知承诺的方式办理",
    BUSINESS_ENVIRONMENT,
    "第四十条第三款",
    note="哪些事项实行告知承诺，由事项清单逐项确定，并公布告知承诺书格式文本",
)
PROMISE_TEXT = Rule(
    P + "promise_text",
    "以书面形式将许可条件、需要提交的材料和不实承诺的法律责任一次性告知申请人（告知承诺书）",
    PROMISE_OPINION,
    "关于规范告知承诺工作流程的要求",
    note=PROMISE_NOTE,
)
PROMISE_CHOICE = Rule(
    P + "promise_choice",
    "申请人可以自主选择是否采用告知承诺方式办理；不选择的，按一般程序办理",
    PROMISE_OPINION,
    "关于规范告知承诺工作流程的要求",
    note=PROMISE_NOTE,
)
PROMISE_DECISION = Rule(
    P + "promise_decision",
    "申请人作出承诺、申请材料齐全的，当场作出书面的行政许可决定",
    LICENSING,
    "第三十四条第二款",
    note="告知承诺方式下由承诺替代证明材料（国办发〔2020〕42号），行政机关即能当场决定；不当场决定的，按一般程序受理计时",
)
PROMISE_CHECK = Rule(
    P + "promise_check",
    "对告知承诺取得的许可进行事中事后核查，随机抽取核查对象并记录核查结果",
    PROMISE_OPINION,
    "关于加强事中事后核查的要求",
    note=PROMISE_NOTE + "；抽取用记录在案的随机种子和名单，任何人可以复算出同一批核查对象",
)
FALSE_PROMISE = Rule(
    P + "false_promise",
    "承诺不实的，依法撤销行政许可，并将不实承诺记入申请人信用记录",
    LICENSING,
    "第六十九条第二款",
    note="以不实承诺取得许可属于以欺骗手段取得（第六十九条第二款：应当予以撤销）；记入信用记录依国办发〔2020〕42号，"
    "以事件 licensing_promise_check.find_false 告知信用等模块（见 interface.py）",
)

# 证照
RENEWAL_APPLICATION = Rule(
    P + "renewal_application",
    "在行政许可有效期届满三十日前申请延续",
    LICENSING,
    "第五十条第一款",
    days=30,
    unit=CALENDAR_DAYS,
    note="这是被许可人的期间而非行政机关实施许可的期限，不适用第八十二条，按自然日计算；"
    "届满日不计入，最后申请日为届满日前第三十日",
)
RENEWAL_DUE = Rule(
    P + "renewal_due",
    "延续申请截止日（有效期届满三十日前）",
    LICENSING,
    "第五十条第一款",
    note="证照的到期提醒：截止日由 renewal_application 从有效期届满日倒推",
)
RENEWAL_DECISION = Rule(
    P + "renewal_decision",
    "有效期届满前作出是否准予延续的决定；逾期未作决定的，视为准予延续",
    LICENSING,
    "第五十条第二款",
    note="届满日当天仍可决定，次日 yifa sweep 办理视为准予延续，期限与原证件有效期相同；"
    "延续申请迟于届满三十日前提出的，不是依第一款提出的申请，不视为准予延续，由工作人员决定",
)
REVOCATION = Rule(P + "revocation", "撤销行政许可的情形", LICENSING, "第六十九条")
DEREGISTRATION = Rule(P + "deregistration", "办理行政许可注销手续的情形", LICENSING, "第七十条")
ELECTRONIC_CERTIFICATE = Rule(
    P + "electronic_certificate", "电子证照可以作为办理政务服务事项的依据", ONLINE_SERVICES, "第十一条"
)


def last_renewal_day(valid_until: dt.date) -> dt.date:
    """The last day to apply for renewal of a licence valid until ``valid_until`` (第五十条第一款)."""
    return latest_notice_before(valid_until, RENEWAL_APPLICATION.days, RENEWAL_APPLICATION.unit, WEEKENDS_ONLY)


def earliest_hearing(notice_on: dt.date, calendar) -> dt.date:
    """The first day a hearing may be held after notice on ``notice_on`` (第四十八条第一款第（一）项)."""
    return earliest_after_notice(notice_on, HEARING_NOTICE.days, HEARING_NOTICE.unit, calendar)


# How early the holder is reminded of the renewal date: the organ's service, not the law's.
REMIND_DAYS_BEFORE_RENEWAL = 30


# 审批制度改革台账
REFORM_WAYS = Rule(
    P + "reform_ways",
    "对涉企经营许可事项依法采取直接取消审批、审批改为备案、实行告知承诺、优化审批服务等方式分类管理",
    BUSINESS_ENVIRONMENT,
    "第十九条第二款",
)
REFORM_CANCELLED = Rule(
    P + "reform_cancelled",
    "对已取消的行政许可，行政机关不得继续实施或者变相实施",
    BUSINESS_ENVIRONMENT,
    "第四十条第二款",
    note="台账登记取消审批或者审批改为备案且已施行的，清单中的该事项同时停止实施；"
    "施行日期在后的，由 yifa sweep 在施行日办理",
)
REFORM_SERVICE = Rule(
    P + "reform_service",
    "通过整合实施、下放审批层级等方式优化审批服务；符合条件的可以采取告知承诺方式办理",
    BUSINESS_ENVIRONMENT,
    "第四十条第三款",
)
REFORM_REDUCTION = Rule(
    P + "reform_reduction",
    "按照减环节、减材料、减时限的要求编制并公开办事指南；可以在规定时限内进一步压减时间并向社会公开",
    BUSINESS_ENVIRONMENT,
    "第三十五条、第三十六条第二款",
    note="台账记录改革前后的办理时限和申请材料件数，压减后的时限不得超过法定时限（行政许可法第四十二条）",
)
