"""行政规范性文件的期限和关口。

规范性文件（规章以外）的制定、审核、备案期限不在国家法律、行政法规中统一规定，
而由国务院办公厅文件和各省规定确定，所以这里的天数可由部署配置
（YIFA_NORMDOCS_*），每条的 note 写明数字出自哪里。
"""

import datetime as dt
import os

from django.conf import settings

from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS
from yifa.lib.law import Law, Rule
from yifa.lib.statutes import CIVIL_CODE, FAIR_COMPETITION

GUOBAN_2018_37 = Law(
    "国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知", dt.date(2018, 5, 16), dt.date(2018, 5, 16)
)
GUOBAN_2018_115 = Law(
    "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见", dt.date(2018, 12, 4), dt.date(2018, 12, 4)
)


def _configured(name: str, default: int) -> int:
    value = getattr(settings, name, None) or os.environ.get(f"YIFA_{name}")
    return int(value) if value else default


REVIEW_FLOOR_WORKDAYS = 5
REVIEW_CEILING_WORKDAYS = 15
_review_days = _configured("NORMDOCS_REVIEW_WORKDAYS", REVIEW_CEILING_WORKDAYS)
if not REVIEW_FLOOR_WORKDAYS <= _review_days <= REVIEW_CEILING_WORKDAYS:
    raise ValueError(
        f"YIFA_NORMDOCS_REVIEW_WORKDAYS={_review_days}：合法性审核时间须为"
        f"{REVIEW_FLOOR_WORKDAYS}至{REVIEW_CEILING_WORKDAYS}个工作日（{GUOBAN_2018_115.citation}）"
    )

LEGALITY_REVIEW = Rule(
    "normdocs.legality_review",
    "规范性文件合法性审核",
    GUOBAN_2018_115,
    "“规范审核程序”部分（审核时限）",
    days=_review_days,
    unit=WORKDAYS,
    note=(
        "国办发〔2018〕115号：合法性审核时间一般不少于5个工作日，最长不超过15个工作日。"
        "本平台按送审之日起算，天数可由 YIFA_NORMDOCS_REVIEW_WORKDAYS 在5至15之间配置（默认15）。"
        "该文件原文不在 ../shared/laws 中，部分标题须由法制机构对照原文核对。"
    ),
)

REVIEW_REQUIRED = Rule(
    "normdocs.review_gate",
    "未经合法性审核或者经审核不合法的，不得提交集体讨论和发布",
    GUOBAN_2018_115,
    "“严格审核程序”要求",
    note=(
        "种子文本（二、6）要求抓好《省规范性文件制定和备案规定》贯彻落实，"
        "一、中“未经审查或者经审查不合法的……不得作出决策”；国办发〔2018〕115号要求"
        "未经合法性审核或者经审核不合法的，不得提交集体审议。原文不在 ../shared/laws 中。"
    ),
)

COLLECTIVE_DISCUSSION = Rule(
    "normdocs.collective_discussion",
    "规范性文件须经制定机关集体讨论决定",
    GUOBAN_2018_37,
    "“严格落实集体审议制度”要求",
    note="国办发〔2018〕37号：制定行政规范性文件要实行集体研究讨论制度。原文不在 ../shared/laws 中。",
)

SOLICITATION_MINIMUM = Rule(
    "normdocs.solicitation_minimum",
    "向社会公开征求意见的期限",
    GUOBAN_2018_37,
    "“广泛征求意见”要求（期限一般不少于7个工作日，依地方规定）",
    days=_configured("NORMDOCS_SOLICITATION_MIN_WORKDAYS", 7),
    unit=WORKDAYS,
    minimum=True,
    note=(
        "国办发〔2018〕37号：向社会公开征求意见的期限一般不少于7个工作日；各省规定可设更长的最短期限，"
        "由 YIFA_NORMDOCS_SOLICITATION_MIN_WORKDAYS 配置。自开始之日的次日起算（民法典第二百零一条），"
        "截止日不早于第7个工作日；短于此期限的须写明理由（“一般”允许例外）。原文不在 ../shared/laws 中。"
    ),
)

FAIR_COMPETITION_BEFORE_REVIEW = Rule(
    "normdocs.fair_competition_before_review",
    "涉及经营者经济活动的，起草单位在起草阶段作出公平竞争审查结论后，方可送合法性审核",
    FAIR_COMPETITION,
    "第十三条、第十七条",
    note="第十三条：由起草单位在起草阶段开展公平竞争审查；第十七条：评估后作出审查结论。结论写入草案，送审前必须具备。",
)

FAIR_COMPETITION_GATE = Rule(
    "normdocs.fair_competition_gate",
    "涉及经营者经济活动的政策措施未经公平竞争审查的，不得出台",
    FAIR_COMPETITION,
    "第十八条",
    note="公平竞争审查条例第二条：起草涉及经营者经济活动的规范性文件应当开展公平竞争审查。",
)

FILING = Rule(
    "normdocs.filing",
    "规范性文件报送备案",
    GUOBAN_2018_37,
    "“健全备案监督”要求（报备期限依地方规定）",
    days=_configured("NORMDOCS_FILING_DAYS", 30),
    unit=CALENDAR_DAYS,
    note=(
        "公布之日起30日内报送备案：天数来自议题（issue 4）和种子文本所引的"
        "《省规范性文件制定和备案规定》这类地方规定；国办发〔2018〕37号要求依规报备但未定天数；"
        "《法规规章备案审查条例》第四条对规章规定的同样是自公布之日起30日内。"
        "可由 YIFA_NORMDOCS_FILING_DAYS 按本省规定配置。"
    ),
)

VALIDITY_YEARS = _configured("NORMDOCS_VALID_YEARS", 5)
EXPIRY_NOTICE_MONTHS = _configured("NORMDOCS_EXPIRY_NOTICE_MONTHS", 6)
VALIDITY = Rule(
    "normdocs.validity",
    f"规范性文件有效期一般不超过{VALIDITY_YEARS}年，届满前{EXPIRY_NOTICE_MONTHS}个月评估",
    GUOBAN_2018_37,
    "“实行有效期制度”要求（期限依地方规定）",
    note=(
        "有效期5年、届满前6个月评估是各省规范性文件管理规定的通行做法（种子文本所引省规定属此类），"
        "可由 YIFA_NORMDOCS_VALID_YEARS、YIFA_NORMDOCS_EXPIRY_NOTICE_MONTHS 配置。"
    ),
)

CLEANUP = Rule(
    "normdocs.cleanup",
    "清理后保留、修改的规范性文件目录应当向社会公布",
    GUOBAN_2018_37,
    "“建立健全清理工作机制”要求",
    note="种子文本二、7：对现行有效的规范性文件全面清理，清理后保留、修改的目录应当向社会公布。",
)

FAIR_COMPETITION_STANDARDS = Rule(
    "normdocs.fair_competition_standards",
    "政策措施不得含有限制市场准入和退出、商品要素自由流动、影响生产经营成本和生产经营行为的内容",
    FAIR_COMPETITION,
    "第八条至第十一条",
    note="筛查规则（ScreenRule）逐条对照这四条的各项提示可能的问题；提示不是结论。",
)

FAIR_COMPETITION_CONCLUSION = Rule(
    "normdocs.fair_competition_conclusion",
    "开展公平竞争审查，应当在评估对公平竞争影响后作出审查结论",
    FAIR_COMPETITION,
    "第十七条",
    note="筛查只是提示，审查结论由起草单位评估后作出并写入草案（适用第十二条例外的须详细说明）。",
)

CIVIL_CODE_REPEALS = Rule(
    "normdocs.civil_code_repeals",
    "民法典施行之日，婚姻法、继承法、民法通则、收养法、担保法、合同法、物权法、侵权责任法、民法总则同时废止",
    CIVIL_CODE,
    "第一千二百六十条",
    note="清理时，引用这九部法律作为制定依据的规范性文件须评估修改或者废止。",
)
