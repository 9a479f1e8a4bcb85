import datetime as dt

import pytest

from yifa.enforcement import services
from yifa.enforcement.models import Benchmark

D = dt.date
UNTIL = D(2028, 12, 31)
SINCE = D(2024, 1, 1)
FILED = D(2026, 9, 1)


@pytest.fixture
def legal(cast):
    return cast["legal_head"]


@pytest.fixture
def body(cast, legal):
    return services.body_add(
        by=legal,
        unit=cast["市场监管局"],
        name="江临市市场监督管理局",
        fields="市场监管",
        legal_basis="《中华人民共和国行政处罚法》第十七条；市政府关于行政执法主体资格的公告",
        market_regulation=True,
    )


def certificate(legal, body, name, number, *, until=UNTIL, since=SINCE):
    officer = services.officer_add(by=legal, body=body, name=name, id_number="110101199001011234", phone="13800000000")
    return services.certificate_issue(
        by=legal,
        officer=officer,
        number=number,
        field="市场监管",
        issuer="山东省人民政府",
        valid_from=since,
        valid_until=until,
        on=since,
    )


@pytest.fixture
def officers(legal, body):
    """Two officers with certificates valid to the end of 2028."""
    return [certificate(legal, body, "孙执法", "37010001"), certificate(legal, body, "钱执法", "37010002")]


@pytest.fixture
def expired(legal, body):
    return certificate(legal, body, "周过期", "37010003", until=D(2026, 6, 30))


@pytest.fixture
def reviewer(cast, legal):
    """The market bureau's legal reviewer, with a 法律职业资格."""
    user = cast["shijian_head"]
    services.reviewer_add(
        by=legal,
        unit=cast["市场监管局"],
        user=cast["reviewer"],
        qualification_number="A20183701001",
        since=D(2020, 1, 1),
    )
    return cast["reviewer"], user


def file_case(cast, body, certs, *, on=FILED, **extra):
    fields = {
        "number": "江市监处罚〔2026〕1号",
        "party_kind": "organisation",
        "party_name": "江临市某某食品有限公司",
        "violation": "销售超过保质期的食品",
        "violation_on": on - dt.timedelta(days=12),
        "discovered_on": on - dt.timedelta(days=7),
        **extra,
    }
    return services.case_file(by=cast["shijian_officer"], body=body, certificates=certs, on=on, **fields)


@pytest.fixture
def travel(monkeypatch):
    def to(day: dt.date):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)

    return to


@pytest.fixture
def benchmark(cast, legal):
    found = Benchmark.objects.create(
        unit=cast["市场监管局"],
        code="SJ-001",
        violation="销售超过保质期的食品",
        circumstance="货值金额一万元以上",
        degree="serious",
        fine_min=10000,
        fine_max=100000,
        legal_basis="《中华人民共和国食品安全法》第一百二十四条",
    )
    return services.benchmark_publish(by=legal, benchmark=found, on=D(2026, 1, 5))
