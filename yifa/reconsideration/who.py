"""Who acts in a reconsideration: one ``Who`` each, shared by the flows, the pages and the API, so that a
refusal and a page name the same people ("您无权受理（需复议工作人员）")."""

from __future__ import annotations

from yifa.core.models import Role, Unit, UnitKind
from yifa.core.procedure import LEGAL_OFFICE, Who, in_unit_of, with_role

from .models import Channel

STAFF = Who((LEGAL_OFFICE | with_role(Role.RECONSIDERATION)).check, "复议工作人员")


def organ_of(office: Unit) -> Unit:
    """行政复议机关（第四条）：复议机构（司法局）所属的人民政府；上面没有人民政府的，机构所在机关本身。"""
    if not hasattr(office, "_organ"):
        above = office.ancestors().filter(kind=UnitKind.GOVERNMENT).exclude(pk=office.pk).order_by("-path").first()
        office._organ = above or office
    return office._organ


def _office_head(user, case) -> bool:
    return user.in_legal_office and user.has_role(Role.HEAD)


def _organ_head(user, case) -> bool:
    """复议机关的负责人：人民政府的首长或副职（本机关的单位负责人、领导）。"""
    return (
        case is not None
        and bool(user.unit_id)
        and user.unit_id == organ_of(case.office).pk
        and user.has_role(Role.HEAD, Role.LEADER)
    )


# 复议机构负责人批准转为普通程序（第五十五条）和延长审理期限（第六十二条第一款）；
# 复议机关负责人同意决定（第六十一条第一款；2017年法第二十八条），2017年法案件的延长也由其批准（第三十一条第一款）。
OFFICE_HEAD = Who(_office_head, "复议机构负责人")
ORGAN_HEAD = Who(_organ_head, "复议机关负责人")
# 延长审理期限：批准人依批准之日施行的法律（gates.extension_approver 核对）。
EXTENDER = Who(
    lambda user, case: OFFICE_HEAD(user, case) or ORGAN_HEAD(user, case),
    "复议机构负责人（2024年1月1日前批准的：复议机关负责人）",
)
# 集体讨论通过的决定由复议工作人员依会议记录登记，复议机关负责人也可登记。
COLLECTIVE_RECORDER = Who(
    lambda user, case: STAFF(user, case) or ORGAN_HEAD(user, case), "复议工作人员或复议机关负责人"
)

RESPONDENT = in_unit_of(unit_attr="respondent_unit", label="被申请人")
# 外部机关（不在本平台）的书面答复由复议工作人员录入。
REPLIER = Who(
    lambda user, case: RESPONDENT(user, case) or (case.respondent_unit_id is None and STAFF(user, case)),
    f"{RESPONDENT.label}（外部机关的答复由{STAFF.label}录入）",
)
# 网上申请由申请人在门户提交；邮寄、当面、口头申请由复议工作人员登记。
INTAKE = Who(lambda user, case: case.channel == Channel.ONLINE or STAFF(user, case), STAFF.label)

DRAFTER = in_unit_of(unit_attr="drafter_unit", label="制定机关")
FORWARDED_TO = in_unit_of(unit_attr="forwarded_to_unit", label="接受转送的机关")
# 转送的附带审查：接受转送的机关登记其回复（第六十条）。
NORM_CONCLUDER = Who(
    lambda user, review: STAFF(user, review) or (not review.competent and FORWARDED_TO(user, review)),
    f"{STAFF.label}或{FORWARDED_TO.label}",
)

LETTER_RECIPIENT = in_unit_of(unit_attr="recipient", label="收到意见书的机关")
PENALTY_ORGAN = in_unit_of(unit_attr="unit", label="作出行政处罚决定的机关本单位人员")
