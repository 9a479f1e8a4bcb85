"""The staff lists of enforcement (``core.listing``): their columns, what sorts and what goes to Excel."""

from yifa.core.listing import Column, Listing

# keyset paging (queries.keyset_page): each sortable column is walked by an index (queries.CASE_ORDERS)
CASES = Listing(
    "行政处罚案件",
    [
        Column("案号", "number", sort=True),
        Column("当事人", "party_name", sort=True),
        Column("违法行为", "violation"),
        Column("执法主体", "body__name"),
        Column("状态", "state", sort=True),
        Column("立案", "filed_on", sort=True),
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
        Column("姓名", "name", sort=True),
        Column("执法主体", "body__name", sort=True),
        Column("执法证", ("cert_number", "cert_until", "cert_state"), show=_certificate),
    ],
)

BODIES = Listing(
    "执法主体",
    [
        Column("主体", "name", sort=True),
        Column("类型", "kind", sort=True),
        Column("执法领域", "fields", sort=True),
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
        Column("编码", "code", sort=True),
        Column("事项", "name", sort=True),
        Column("类别", "kind", sort=True),
        Column("实施主体", "body__name", sort=True),
        Column("责任岗位", "responsible_post", sort=True),
        Column("裁量基准", "benchmark_code", sort=True),
        Column("状态", "active", sort=True, show=lambda active: "在用" if active else "已撤下"),
    ],
)

BENCHMARKS = Listing(
    "行政处罚裁量基准",
    [
        Column("编码", "code", sort=True),
        Column("版本", "edition", sort=True),
        Column("违法行为", "violation", sort=True),
        Column("情节", "circumstance"),
        Column("阶次", "degree", sort=True),
        Column("幅度（元）", ("fine_min", "fine_max"), "fine_min", show=lambda low, high: f"{low}–{high}"),
        Column("依据", "legal_basis"),
        Column("状态", "state", sort=True),
    ],
)

OUTSIDE = Listing(
    "偏离裁量基准的案件",
    [
        Column("案号", "number", sort=True),
        Column("执法主体", "body__name", sort=True),
        Column("罚没金额（元）", "fine", sort=True, show=lambda fine: fine if fine is None else float(fine)),
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
        Column("文书编号", "number", sort=True),
        Column("当事人", "party_name", sort=True),
        Column("类别", "kind", sort=True),
        Column("执法主体", "body__name", sort=True),
        Column("状态", "state", sort=True),
        Column("实施或催告日", "started_on", sort=True),
    ],
)

INSPECTIONS = Listing(
    "行政检查",
    [
        Column("检查编号", "number", sort=True),
        Column("检查对象", "party_name", sort=True),
        Column("检查内容", "scope_text"),
        Column("执法主体", "body__name", sort=True),
        Column("状态", "state", sort=True),
        Column("检查日", "inspected_on", sort=True),
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
        Column("涉嫌罪名", "suspected_crime", sort=True),
        Column("接收机关", "recipient", sort=True),
        Column("状态", "state", sort=True),
        Column("报告日", "reported_on", sort=True),
    ],
)
