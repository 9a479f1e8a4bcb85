"""The assessment's basis. 行政处罚法第七十五条 and 山东省行政执法监督条例第十六条 require periodic
evaluation and assessment (评议考核) of the departments by the government; the 述法 report and the annual
法治政府建设 report are due under 《法治政府建设与责任落实督察工作规定》 (the plans module holds that report's
due dates: this module only drafts its text)."""

import datetime as dt

from yifa.lib.law import Rule
from yifa.lib.statutes import CITY_ARRANGEMENT, DUCHA, PENALTY, SHANDONG_SUPERVISION

D = dt.date
P = "assessment."


ASSESSMENT = Rule(
    P + "assessment",
    "县级以上人民政府定期组织开展行政执法评议、考核",
    PENALTY,
    "第七十五条第一款",
)
EVALUATION = Rule(
    P + "evaluation",
    "定期对所属部门行使行政执法权和履行法定职责的情况进行评议考核，结果作为奖惩和干部任免的重要依据",
    SHANDONG_SUPERVISION,
    "第十六条",
)
FIRST_RESPONSIBLE = Rule(
    P + "first_responsible",
    "行政机关主要负责人担负起依法行政第一责任人的责任",
    CITY_ARRANGEMENT,
    "七、第19项",
    note="年度述法报告由平台按本单位数据起草，主要负责人修改后提交",
)
RULE_OF_LAW_REPORT_PARTS = Rule(
    P + "rule_of_law_report_parts",
    "法治政府建设年度报告的内容：主要举措和成效；存在的不足和原因；党政主要负责人履行推进法治建设第一责任人职责情况；下一年度工作安排；其他需要报告的情况",
    DUCHA,
    "第二十五条",
    note="五部分按议题所列（该规定全文不在法规库中，待核对）；届满日见年度计划与报告（plans）模块，本模块只按数据预填数字部分",
)
