"""The statutes yifa encodes (texts in ../shared/laws/), by version and effective date."""

import datetime as dt

from .law import Law

D = dt.date

CIVIL_CODE = Law("中华人民共和国民法典", D(2020, 5, 28), D(2021, 1, 1))
CIVIL_PROCEDURE = Law("中华人民共和国民事诉讼法", D(2023, 9, 1), D(2024, 1, 1))
FUYI_2017 = Law("中华人民共和国行政复议法", D(2017, 9, 1), D(2018, 1, 1))
FUYI_2023 = Law("中华人民共和国行政复议法", D(2023, 9, 1), D(2024, 1, 1))
FUYI_REGULATION = Law("中华人民共和国行政复议法实施条例", D(2007, 5, 29), D(2007, 8, 1))
DISCLOSURE = Law("中华人民共和国政府信息公开条例", D(2019, 4, 3), D(2019, 5, 15))
MAJOR_DECISIONS = Law("重大行政决策程序暂行条例", D(2019, 4, 20), D(2019, 9, 1))
PENALTY = Law("中华人民共和国行政处罚法", D(2021, 1, 22), D(2021, 7, 15))
LICENSING = Law("中华人民共和国行政许可法", D(2019, 4, 23), D(2019, 4, 23))
COERCION = Law("中华人民共和国行政强制法", D(2011, 6, 30), D(2012, 1, 1))
LITIGATION = Law("中华人民共和国行政诉讼法", D(2017, 6, 27), D(2017, 7, 1))
LITIGATION_INTERPRETATION = Law("最高人民法院关于适用《中华人民共和国行政诉讼法》的解释", D(2018, 2, 6), D(2018, 2, 8))
RULE_MAKING = Law("规章制定程序条例", D(2017, 12, 22), D(2018, 5, 1))
FILING_REVIEW = Law("法规规章备案审查条例", D(2024, 8, 30), D(2024, 11, 1))
FAIR_COMPETITION = Law("公平竞争审查条例", D(2024, 6, 6), D(2024, 8, 1))
BUSINESS_ENVIRONMENT = Law("优化营商环境条例", D(2019, 10, 22), D(2020, 1, 1))
HOLIDAYS = Law("全国年节及纪念日放假办法", D(2024, 11, 10), D(2025, 1, 1))
ONLINE_SERVICES = Law("国务院关于在线政务服务的若干规定", D(2019, 4, 26), D(2019, 4, 26))
CRIME_TRANSFER = Law("行政执法机关移送涉嫌犯罪案件的规定", D(2020, 8, 7), D(2020, 8, 7))
MARKET_PUBLICITY = Law("市场监督管理行政处罚信息公示规定", D(2021, 7, 30), D(2021, 9, 1))
# Provincial acts (the city's province is chosen in settings.ENFORCEMENT_PROVINCE).
SHANDONG_SUPERVISION = Law("山东省行政执法监督条例", D(2014, 11, 27), D(2015, 5, 1))
HENAN_ENFORCEMENT = Law("河南省行政执法条例", D(2016, 3, 29), D(2016, 6, 1))
# 国办发〔2018〕118号 is not in laws/: cited by name and section, in force from its date.
THREE_SYSTEMS = Law(
    "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见",
    D(2018, 12, 5),
    D(2018, 12, 5),
)
GOVERNANCE_SANCTIONS = Law("中华人民共和国公职人员政务处分法", D(2020, 6, 20), D(2020, 7, 1))
CIVIL_SERVANT_SANCTIONS = Law("行政机关公务员处分条例", D(2007, 4, 22), D(2007, 6, 1))
CIVIL_SERVANTS = Law("中华人民共和国公务员法", D(2018, 12, 29), D(2019, 6, 1))

# 中共中央办公厅、国务院办公厅印发 (not in laws/): cited by name and article.
DUCHA = Law("法治政府建设与责任落实督察工作规定", D(2019, 4, 15), D(2019, 4, 15))

# The city's annual arrangement (../shared/seeds/): binding on the city's own organs, cited by paragraph.
CITY_ARRANGEMENT = Law("深化依法行政规划安排", D(2022, 6, 2), D(2022, 6, 2))
