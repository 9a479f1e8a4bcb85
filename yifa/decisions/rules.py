"""重大行政决策程序暂行条例 as code: each period and gate once, citing its article.

Which procedural steps a decision item needs is decided here, in ``required_steps``,
and nowhere else; the flow's guards and the pages read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from yifa.lib.deadlines import CALENDAR_DAYS, WORKDAYS, latest_notice_before
from yifa.lib.law import Rule
from yifa.lib.statutes import CITY_ARRANGEMENT, MAJOR_DECISIONS
from yifa.lib.workdays import WEEKENDS_ONLY

# The city's arrangement (../shared/seeds/): its rules bind the city's own organs.


CATALOGUE = Rule(
    "decisions.catalogue",
    "决策事项目录、标准经同级党委同意后向社会公布",
    MAJOR_DECISIONS,
    "第三条第三款",
)
CATEGORIES = Rule(
    "decisions.categories",
    "重大行政决策事项：重大公共政策和措施、重要规划、重要自然资源和文化资源、重大公共建设项目、其他重大事项",
    MAJOR_DECISIONS,
    "第三条第一款",
)
START = Rule(
    "decisions.start",
    "决策机关决定启动决策程序的，应当明确决策承办单位",
    MAJOR_DECISIONS,
    "第十一条",
)
DRAFTING = Rule(
    "decisions.drafting",
    "承办单位调查研究、梳理依据，根据需要进行成本效益分析，存在较大分歧的可以提出两个以上方案",
    MAJOR_DECISIONS,
    "第十二条",
)
PUBLIC_PARTICIPATION = Rule(
    "decisions.public_participation",
    "决策承办单位应当采取便于社会公众参与的方式充分听取意见",
    MAJOR_DECISIONS,
    "第十四条第一款",
)
PUBLIC_COMMENT_PERIOD = Rule(
    "decisions.public_comment_period",
    "公开征求意见的期限",
    MAJOR_DECISIONS,
    "第十五条第一款",
    days=30,
    unit=CALENDAR_DAYS,
    minimum=True,
    note="一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明",
)
COMMENT_HANDLING = Rule(
    "decisions.comment_handling",
    "对社会各方面提出的意见归纳整理、研究论证，充分采纳合理意见",
    MAJOR_DECISIONS,
    "第十八条",
)
HEARING = Rule(
    "decisions.hearing",
    "直接涉及切身利益或者存在较大分歧的可以召开听证会；法律、法规、规章另有规定的依照其规定",
    MAJOR_DECISIONS,
    "第十六条第一款",
)
HEARING_NOTICE = Rule(
    "decisions.hearing_notice",
    "提前公布决策草案及其说明等材料，明确听证时间、地点；提前公布遴选办法和参加人名单",
    MAJOR_DECISIONS,
    "第十六条第二款、第三款",
)
HEARING_MATERIALS_LEAD = Rule(
    "decisions.hearing_materials_lead",
    "听证会材料应当于召开听证会7日前送达听证参加人",
    MAJOR_DECISIONS,
    "第十六条第三款",
    days=7,
    unit=CALENDAR_DAYS,
    minimum=True,
    note=(
        "听证公告连同听证材料至迟于听证会7日前发布并送达。“X日前”的统一读法（复议听证同此）：通知日不计入"
        "（民法典第二百零一条），听证会最早可于通知日后第7日举行，即至迟于听证日减7日送达"
    ),
)
HEARING_RECORD = Rule(
    "decisions.hearing_record",
    "听证参加人确认听证会记录并签字",
    MAJOR_DECISIONS,
    "第十七条第三项",
)
HEARING_TRANSCRIPT_BASIS = Rule(
    "decisions.hearing_transcript_basis",
    "听证笔录要作为决策的依据",
    CITY_ARRANGEMENT,
    "一、2",
)
EXPERTS = Rule(
    "decisions.experts",
    "专业性、技术性较强的决策事项应当组织专家、专业机构论证",
    MAJOR_DECISIONS,
    "第十九条",
)
EXPERT_NEUTRALITY = Rule(
    "decisions.expert_neutrality",
    "不得选择与决策事项有直接利害关系的专家、专业机构",
    MAJOR_DECISIONS,
    "第二十条",
)
RISK_ASSESSMENT = Rule(
    "decisions.risk_assessment",
    "可能对社会稳定、公共安全等方面造成不利影响的，应当组织风险评估",
    MAJOR_DECISIONS,
    "第二十二条第一款",
)
RISK_REPORT = Rule(
    "decisions.risk_report",
    "风险评估报告应当明确风险点，提出风险防范措施和处置预案",
    MAJOR_DECISIONS,
    "第二十三条第二款",
)
RISK_CONTROLLABLE = Rule(
    "decisions.risk_controllable",
    "风险不可控的，在调整决策草案确保风险可控后，方可作出决策",
    MAJOR_DECISIONS,
    "第二十四条",
)
LEGALITY_REVIEW = Rule(
    "decisions.legality_review",
    "决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论",
    MAJOR_DECISIONS,
    "第二十五条第二款",
)
EXPLORATORY_REFORM = Rule(
    "decisions.exploratory_reform",
    "国家尚无明确规定的探索性改革决策事项，可以明示法律风险，提交决策机关讨论",
    MAJOR_DECISIONS,
    "第二十五条第二款",
)
LEGALITY_REVIEW_MATERIALS = Rule(
    "decisions.legality_review_materials",
    "送请合法性审查应当提供决策草案及有关法律、法规、规章等依据和履行决策法定程序的说明",
    MAJOR_DECISIONS,
    "第二十六条第一款",
)
LEGALITY_REVIEW_TIME = Rule(
    "decisions.legality_review_time",
    "合法性审查时间",
    MAJOR_DECISIONS,
    "第二十六条第二款",
    days=7,
    unit=WORKDAYS,
    minimum=True,
    note=(
        "送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日。这是对送审方的要求，保护审查机构："
        "作为关口（拟提交讨论日须在送审后第7个工作日之后，缩短须说明理由），不是对法制机构计时的办理期限"
    ),
)
FAIR_COMPETITION_MATERIAL = Rule(
    "decisions.fair_competition_material",
    "决策草案涉及市场主体经济活动的，应当包含公平竞争审查的有关情况",
    MAJOR_DECISIONS,
    "第二十九条第一项",
)
COLLECTIVE_DISCUSSION = Rule(
    "decisions.collective_discussion",
    "经常务会议或者全体会议讨论，行政首长在集体讨论基础上作出决定，不同意见如实载明",
    MAJOR_DECISIONS,
    "第三十条",
)
LEGAL_HEAD_ATTENDS = Rule(
    "decisions.legal_head_attends",
    "法制机构负责人应当列席会议",
    CITY_ARRANGEMENT,
    "一、1",
)
PARTY_REPORT = Rule(
    "decisions.party_report",
    "重大行政决策出台前应当按照规定向同级党委请示报告",
    MAJOR_DECISIONS,
    "第三十一条",
)
PUBLICATION = Rule(
    "decisions.publication",
    "及时公布重大行政决策，说明公众意见、专家论证意见的采纳情况",
    MAJOR_DECISIONS,
    "第三十二条",
)
ARCHIVE = Rule(
    "decisions.archive",
    "决策过程记录和材料及时完整归档",
    MAJOR_DECISIONS,
    "第三十三条",
)
EXECUTION_REPORTING = Rule(
    "decisions.execution_reporting",
    "决策机关明确决策执行单位；决策执行单位向决策机关报告决策执行情况",
    MAJOR_DECISIONS,
    "第三十四条",
)
MAJOR_PROBLEM_REPORT = Rule(
    "decisions.major_problem_report",
    "决策存在问题、客观情况发生重大变化或者发生不可抗力等严重影响决策目标实现的，执行单位应当及时向决策机关报告",
    MAJOR_DECISIONS,
    "第三十五条第一款",
)
POST_EVALUATION = Rule(
    "decisions.post_evaluation",
    "未达到预期效果、公众提出较多意见或者决策机关认为有必要的，可以组织决策后评估，并确定承担评估具体工作的单位",
    MAJOR_DECISIONS,
    "第三十六条第一款",
)
EVALUATOR_INDEPENDENCE = Rule(
    "decisions.evaluator_independence",
    "决策后评估可以委托第三方，决策作出前承担主要论证评估工作的单位除外",
    MAJOR_DECISIONS,
    "第三十六条第二款",
)
EVALUATION_PUBLIC_INPUT = Rule(
    "decisions.evaluation_public_input",
    "开展决策后评估，应当注重听取社会公众的意见",
    MAJOR_DECISIONS,
    "第三十六条第三款",
)
ADJUSTMENT = Rule(
    "decisions.adjustment",
    "未经法定程序不得随意变更或者停止执行；情况紧急的，行政首长可以先决定中止执行；需要重大调整的，依照本条例履行相关法定程序",
    MAJOR_DECISIONS,
    "第三十七条",
)
UNIT_RULES_BY_MAY = Rule(
    "decisions.unit_rules_by_may",
    "尚未建立重大事项决策规则的要在5月1日前建立",
    CITY_ARRANGEMENT,
    "一、1",
    note="“5月1日前”不含5月1日当日（yifa.lib.deadlines.last_day_before）：须于4月30日前（含当日）建立",
)
UNIT_RULES_BEFORE = (5, 1)


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    rule: Rule
    why: str


def required_steps(item) -> list[Step]:
    """The procedural steps an item (a catalogue item or a decision) must complete
    before it may be sent for legality review."""
    steps = [Step("drafting", "起草：调查研究、方案和成本效益分析", DRAFTING, "所有决策事项")]
    if item.public_interest:
        steps.append(
            Step("public_comment", "向社会公开征求意见并逐条答复", PUBLIC_PARTICIPATION, "涉及社会公众切身利益")
        )
        steps.append(Step("risk", "风险评估", RISK_ASSESSMENT, "涉及社会公众切身利益，可能影响社会稳定"))
    elif item.risky:
        steps.append(Step("risk", "风险评估", RISK_ASSESSMENT, "可能对社会稳定、公共安全造成不利影响"))
    if item.technical:
        steps.append(Step("experts", "专家论证", EXPERTS, "专业性、技术性较强"))
    if item.affects_market:
        steps.append(Step("fair_competition", "公平竞争审查", FAIR_COMPETITION_MATERIAL, "涉及市场主体经济活动"))
    if item.hearing_required:
        steps.append(Step("hearing", "听证会", HEARING, f"依法应当听证：{item.hearing_basis or '（未填依据）'}"))
    return steps


def minimum_comment_close(opens: dt.date, calendar):
    """The earliest lawful last day of a public-comment period opening on ``opens``."""
    return PUBLIC_COMMENT_PERIOD.due(opens, calendar)


def latest_hearing_notice(hearing_on: dt.date) -> dt.date:
    """“7日前”：公告和材料至迟在听证会当日之前第7日发出（yifa.lib.deadlines.latest_notice_before）。"""
    return latest_notice_before(hearing_on, HEARING_MATERIALS_LEAD.days, HEARING_MATERIALS_LEAD.unit, WEEKENDS_ONLY)
