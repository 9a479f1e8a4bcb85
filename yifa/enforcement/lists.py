"""The staff lists of enforcement (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

# keyset paging (queries.keyset_page): each sortable column is walked by an index (queries.CASE_ORDERS)
CASES = Listing(
    "行政处罚案件",
    [
        Column("案号", "number", "number"),
        Column("当事人", "party_name", "party_name"),
        Column("违法行为", "violation"),
        Column("执法主体", "body__name"),
        Column("状态", "state", "state"),
        Column("立案", "filed_on", "filed_on"),
    ],
    paging=("after", "before"),
)


def _certificate(number, until, state):
    """The officer's newest certificate as the page shows it: a valid one past its end date has expired."""
    from django.utils import timezone

    from .models import CertificateStatus

    if not number:
        return ""
    expired = state == CertificateStatus.VALID and until < timezone.localdate()
    shown = "已过期" if expired else CertificateStatus(state).label
    return f"{number}（至{until:%Y-%m-%d}，{shown}）"


OFFICERS = Listing(
    "执法人员",
    [
        Column("姓名", "name", "name"),
        Column("执法主体", "body__name", "body__name"),
        Column("执法证", ("cert_number", "cert_until", "cert_state"), show=_certificate),
    ],
)

BODIES = Listing(
    "执法主体",
    [
        Column("主体", "name", "name"),
        Column("类型", "kind", "kind"),
        Column("执法领域", "fields", "fields"),
        Column("依据", "legal_basis"),
        Column(
            "相对集中行政处罚权",
            ("transfer_act", "transferred_from", "transferred_powers"),
            show=lambda act, source, powers: f"自{source}划入：{powers}（{act}）" if act else "",
        ),
    ],
)

POWERS = Listing(
    "执法事项清单",
    [
        Column("编码", "code", "code"),
        Column("事项", "name", "name"),
        Column("类别", "kind", "kind"),
        Column("实施主体", "body__name", "body__name"),
        Column("责任岗位", "responsible_post", "responsible_post"),
        Column("裁量基准", "benchmark_code", "benchmark_code"),
        Column("状态", "active", "active", show=lambda active: "在用" if active else "已撤下"),
    ],
)

BENCHMARKS = Listing(
    "行政处罚裁量基准",
    [
        Column("编码", "code", "code"),
        Column("版本", "edition", "edition"),
        Column("违法行为", "violation", "violation"),
        Column("情节", "circumstance"),
        Column("阶次", "degree", "degree"),
        Column("幅度（元）", ("fine_min", "fine_max"), "fine_min", show=lambda low, high: f"{low}–{high}"),
        Column("依据", "legal_basis"),
        Column("状态", "state", "state"),
    ],
)

OUTSIDE = Listing(
    "偏离裁量基准的案件",
    [
        Column("案号", "number", "number"),
        Column("执法主体", "body__name", "body__name"),
        Column("罚没金额（元）", "fine", "fine", show=lambda fine: fine if fine is None else float(fine)),
        Column(
            "基准幅度（元）",
            ("benchmark__fine_min", "benchmark__fine_max"),
            show=lambda low, high: f"{low}–{high}" if low is not None else "",
        ),
        Column("理由", "outside_reason"),
    ],
)

COERCION = Listing(
    "行政强制案件",
    [
        Column("文书编号", "number", "number"),
        Column("当事人", "party_name", "party_name"),
        Column("类别", "kind", "kind"),
        Column("执法主体", "body__name", "body__name"),
        Column("状态", "state", "state"),
        Column("实施或催告日", "started_on", "started_on"),
    ],
)

INSPECTIONS = Listing(
    "行政检查",
    [
        Column("检查编号", "number", "number"),
        Column("检查对象", "party_name", "party_name"),
        Column("检查内容", "scope_text"),
        Column("执法主体", "body__name", "body__name"),
        Column("状态", "state", "state"),
        Column("检查日", "inspected_on", "inspected_on"),
    ],
)

TRANSFERS = Listing(
    "移送涉嫌犯罪案件",
    [
        Column(
            "案件",
            ("case__number", "case__party_name", "inspection__number", "inspection__party_name"),
            "id",
            show=lambda *parts: " ".join(p for p in parts if p),
        ),
        Column("涉嫌罪名", "suspected_crime", "suspected_crime"),
        Column("接收机关", "recipient", "recipient"),
        Column("状态", "state", "state"),
        Column("报告日", "reported_on", "reported_on"),
    ],
)
