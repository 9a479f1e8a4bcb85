from yifa.core.access import is_legal_office
from yifa.core.navigation import Link
from yifa.core.procedure import LEGAL_OFFICE, Who


def _in_accountability(user, obj) -> bool:
    from .models import Accountability

    return is_legal_office(user) or Accountability.objects.filter(investigators=user).exists()


ACCOUNTABILITY_CIRCLE = Who(_in_accountability, "法制机构或问责案件的调查人员")

NAV = [
    ("执法预警", "supervision:index"),
    Link("案卷评查", "supervision:campaigns", LEGAL_OFFICE),
    ("整改通知", "supervision:notices"),
    ("重大处罚备案", "supervision:filings"),
    ("执法投诉", "supervision:complaints"),
    ("执法争议协调", "supervision:disputes"),
    Link("问责案件", "supervision:accountabilities", ACCOUNTABILITY_CIRCLE),
]
