"""The demo city's enforcement, made through the services and the flow: the market bureau and a township's
consolidated enforcement body, officers with certificates (one expiring within the month), a published
benchmark, a legal reviewer, and cases in every state, so that ``shijian_officer`` has real work."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from yifa.core.calendar import current_calendar
from yifa.core.procedure import fire
from yifa.lib.deadlines import WORKDAYS, earliest_after_notice

from . import procedures, rules, services
from .flows import CASE_FLOW, CERTIFICATE_FLOW
from .lapsed import open_case_with_lapsed_certificate
from .models import Benchmark, BodyKind, Case, Stage

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _certified(legal, body, people, today):
    certs = []
    for n, (name, user, until) in enumerate(people, start=1):
        officer = services.officer_add(by=legal, body=body, name=name, user=user, phone=f"1390000000{n}")
        certs.append(
            services.certificate_issue(
                by=legal,
                officer=officer,
                number=f"37{body.pk:03d}{n:04d}",
                field=body.fields,
                issuer="省人民政府",
                valid_from=today - dt.timedelta(days=700),
                valid_until=until,
                on=today - dt.timedelta(days=700),
            )
        )
    return certs


def _record(case, stage, by, on):
    fire(
        CASE_FLOW,
        case,
        "add_record",
        by=by,
        on=on,
        stage=stage,
        kind="document",
        title=f"{Stage(stage).label}文书",
        upload=(f"{Stage(stage).label}.pdf", PDF),
    )


def load(cast):
    today = timezone.localdate()
    legal, officer, head = cast["legal_head"], cast["shijian_officer"], cast["shijian_head"]
    market = services.body_add(
        by=legal,
        unit=cast["市场监管局"],
        name="江临市市场监督管理局",
        fields="市场监管",
        legal_basis="《中华人民共和国行政处罚法》第十七条；市政府关于确认行政执法主体资格的公告",
        market_regulation=True,
    )
    town = services.body_add(
        by=legal,
        unit=cast["青石镇"],
        name="江临市青石镇综合行政执法办公室",
        kind=BodyKind.CONSOLIDATED,
        fields="城市管理、生态环境、自然资源",
        legal_basis="《中华人民共和国行政处罚法》第十八条第二款、第二十四条",
        transferred_from="江临市生态环境局、江临市自然资源局",
        transferred_powers="违法建设、露天焚烧、占道经营等行政处罚权",
        transfer_act="省人民政府关于赋予乡镇（街道）部分行政处罚权的决定",
    )
    far = today + dt.timedelta(days=900)
    certs = _certified(
        legal,
        market,
        [("孙执法", officer, far), ("钱执法", None, far), ("赵将到期", None, today + dt.timedelta(days=20))],
        today,
    )
    services.reviewer_add(
        by=legal,
        unit=cast["市场监管局"],
        user=cast["reviewer"],
        qualification_number="A20183701001",
        since=today - dt.timedelta(days=1000),
    )
    bench = Benchmark.objects.create(
        unit=cast["市场监管局"],
        code="SJ-001",
        violation="销售超过保质期的食品",
        circumstance="货值金额一万元以上",
        degree="serious",
        fine_min=10000,
        fine_max=100000,
        legal_basis="《中华人民共和国食品安全法》第一百二十四条",
    )
    services.benchmark_publish(by=legal, benchmark=bench, on=today - dt.timedelta(days=300))
    pair = certs[:2]
    _powers(legal, market, town)
    _other_procedures(officer, market, pair, today)
    _officer_reviews(legal, certs, today)
    _substitute(officer, head, market, today)
    numbers = iter(range(1, 100))

    def filed(days_ago, party="江临市某某超市有限公司", **extra):
        on = today - dt.timedelta(days=days_ago)
        return services.case_file(
            by=officer,
            body=market,
            number=f"江市监处罚〔{on.year}〕{next(numbers)}号",
            party_kind="organisation",
            party_name=party,
            violation="销售超过保质期的食品",
            violation_on=on - dt.timedelta(days=15),
            discovered_on=on - dt.timedelta(days=3),
            certificates=pair,
            on=on,
            **extra,
        )

    def notified(case, days_ago, fine, **extra):
        on = today - dt.timedelta(days=days_ago)
        return fire(CASE_FLOW, case, "notify", by=officer, on=on, penalty_kinds=["fine"], fine=fine, **extra)

    def decided(days_ago, fine, number, **notice):
        """Filed ``days_ago``, notified five days later, decided ten days after filing: the fine ``fine``."""
        case = notified(filed(days_ago), days_ago - 5, fine, benchmark=bench, **notice)
        on = today - dt.timedelta(days=days_ago - 10)
        return fire(CASE_FLOW, case, "decide", by=head, on=on, decision_number=f"江市监罚字〔{today.year}〕{number}号")

    filed(2, party="江临市青石镇某饭店")
    fire(
        CASE_FLOW,
        filed(4, party="江北市某某商贸有限公司"),
        "hand_over",
        by=head,
        on=today - dt.timedelta(days=3),
        recipient="江北市市场监督管理局",
        reason="违法行为发生地在江北市，本局无管辖权（处罚法第二十二条）",
    )
    notified(filed(6), 1, "150000", benchmark=bench, outside_reason="")
    hearing = fire(
        CASE_FLOW, notified(filed(12), 9, "120000"), "request_hearing", by=officer, on=today - dt.timedelta(days=8)
    )
    on = today - dt.timedelta(days=7)
    fire(
        CASE_FLOW,
        hearing,
        "schedule_hearing",
        by=officer,
        on=on,
        hearing_on=earliest_after_notice(on, rules.HEARING_NOTICE.days, WORKDAYS, current_calendar()),
    )
    fire(
        CASE_FLOW,
        notified(filed(20, major_public_interest=True), 15, "3000"),
        "submit_review",
        by=officer,
        on=today - dt.timedelta(days=14),
    )
    small = decided(13, "20000", 3)
    fire(CASE_FLOW, small, "publish", by=officer, on=today - dt.timedelta(days=2))
    served = decided(50, "50000", 4)
    served = fire(CASE_FLOW, served, "serve", by=officer, on=today - dt.timedelta(days=38))
    # 十五日缴纳期限已过：告知加处罚款（处罚法第七十二条第一款第一项）
    fire(CASE_FLOW, served, "late_fine", by=officer, on=today - dt.timedelta(days=20))
    closed = decided(70, "5000", 1, outside_reason="初次违法且及时改正，减轻处罚")
    closed = fire(CASE_FLOW, closed, "serve", by=officer, on=today - dt.timedelta(days=58))
    fire(CASE_FLOW, closed, "publish", by=officer, on=today - dt.timedelta(days=57))
    for stage in (Stage.FILING, Stage.INVESTIGATION, Stage.NOTICE, Stage.DECISION, Stage.SERVICE):
        _record(Case.objects.get(pk=closed.pk), stage, officer, today - dt.timedelta(days=56))
    fire(CASE_FLOW, Case.objects.get(pk=closed.pk), "pay", by=officer, on=today - dt.timedelta(days=52))
    fire(CASE_FLOW, Case.objects.get(pk=closed.pk), "close", by=officer, on=today - dt.timedelta(days=50))
    annulled = decided(90, "30000", 2)
    fire(CASE_FLOW, annulled, "publish", by=officer, on=today - dt.timedelta(days=78))
    annulled = fire(
        CASE_FLOW,
        Case.objects.get(pk=annulled.pk),
        "annul",
        by=head,
        on=today - dt.timedelta(days=5),
        annulment="revoked",
        reason="经行政复议决定撤销",
    )
    fire(
        CASE_FLOW,
        annulled,
        "withdraw",
        by=officer,
        on=today - dt.timedelta(days=4),
        reason="该处罚决定已被行政复议机关撤销",
    )
    open_case_with_lapsed_certificate(by=legal, today=today, number=f"江市监处罚〔{today.year}〕90号")


POWERS = [
    (
        "SJ-CF-001",
        "对销售超过保质期食品的行政处罚",
        "penalty",
        "《中华人民共和国食品安全法》第一百二十四条",
        "SJ-001",
        "执法稽查科科长",
    ),
    (
        "SJ-QZ-001",
        "查封、扣押不符合食品安全标准的食品",
        "coercion",
        "《中华人民共和国食品安全法》第一百一十条第四项",
        "",
        "执法稽查科科长",
    ),
    (
        "SJ-JC-001",
        "食品经营者日常监督检查",
        "inspection",
        "《中华人民共和国食品安全法》第一百一十条",
        "",
        "食品经营监管科科长",
    ),
]


def _powers(legal, market, town):
    """The catalogue, with one responsible post changed so the power's page shows a before/after."""
    made = [
        services.power_add(
            by=legal,
            body=market,
            code=code,
            name=name,
            kind=kind,
            legal_basis=basis,
            benchmark_code=bench,
            responsible_post=post,
        )
        for code, name, kind, basis, bench, post in POWERS
    ]
    services.power_add(
        by=legal,
        body=town,
        code="QS-CF-001",
        name="对违法建设的行政处罚（相对集中行使）",
        kind="penalty",
        legal_basis="《中华人民共和国城乡规划法》第六十五条；省人民政府关于赋予乡镇（街道）部分行政处罚权的决定",
        responsible_post="综合行政执法办公室主任",
    )
    first = made[0]
    services.power_change(
        by=legal,
        power=first,
        expected_version=first.version,
        body=market,
        code=first.code,
        name=first.name,
        kind=first.kind,
        legal_basis=first.legal_basis,
        benchmark_code=first.benchmark_code,
        responsible_post="执法稽查局局长",
    )


def _officer_reviews(legal, certs, today):
    """年审 passed for the first two certificates; the third (expiring soon) was never reviewed, so it shows overdue.
    One year's 评议考核 for the first officer."""
    for cert in certs[:2]:
        fire(CERTIFICATE_FLOW, cert, "annual_review", by=legal, on=today - dt.timedelta(days=100), passed=True)
    services.appraisal_add(
        by=legal,
        officer=certs[0].officer,
        year=today.year - 1,
        grade="excellent",
        remark="办案规范，全年无被纠错案件",
        on=today - dt.timedelta(days=100),
    )


def _substitute(officer, head, market, today):
    """A 代履行 decided after its 催告 lapsed, waiting for the 代履行前催告 (行政强制法第五十一条)."""
    from .coercion_flow import COERCION_FLOW

    case = procedures.coercion_start(
        by=officer,
        body=market,
        number=f"江市监代〔{today.year}〕1号",
        kind="substitute",
        party_kind="organisation",
        party_name="江临市某某农贸市场有限公司",
        subject="清除占用河道堆放的废弃物，恢复原状",
        legal_basis="《中华人民共和国行政强制法》第五十条",
        comply_by=today - dt.timedelta(days=12),
        on=today - dt.timedelta(days=20),
    )
    fire(
        COERCION_FLOW,
        case,
        "decide_substitute",
        by=head,
        on=today - dt.timedelta(days=10),
        decision_number=f"江市监代决〔{today.year}〕1号",
        danger="废弃物堵塞河道，雨季将造成水体污染",
        performer="江临市环卫服务有限公司",
        substitute_on=today + dt.timedelta(days=10),
        budget=6000,
    )


def _other_procedures(officer, market, pair, today):
    """A running seizure, an execution after its 催告, an open and a closed inspection, and a transfer reported."""
    seizure_on = today - dt.timedelta(days=10)
    procedures.coercion_start(
        by=officer,
        body=market,
        number=f"江市监扣〔{seizure_on.year}〕1号",
        kind="seize",
        party_kind="organisation",
        party_name="江临市某某食品有限公司",
        subject="超过保质期的食品120箱（清单附后）",
        legal_basis="《中华人民共和国食品安全法》第一百一十条第四项",
        certificates=pair,
        on=seizure_on,
    )
    procedures.coercion_start(
        by=officer,
        body=market,
        number=f"江市监催〔{today.year}〕1号",
        kind="execution",
        party_kind="person",
        party_name="王某某",
        subject="缴纳罚款5000元（江市监罚字第1号决定）",
        legal_basis="《中华人民共和国行政强制法》第三十五条",
        comply_by=today + dt.timedelta(days=10),
        on=today - dt.timedelta(days=2),
    )
    procedures.inspection_start(
        by=officer,
        body=market,
        number=f"江市监检〔{today.year}〕2号",
        party_name="江临市青石镇某饭店",
        scope_text="餐饮服务食品安全日常检查",
        certificates=pair,
        on=today,
    )
    checked = procedures.inspection_start(
        by=officer,
        body=market,
        number=f"江市监检〔{today.year}〕1号",
        party_name="江临市某某超市有限公司",
        scope_text="食品经营日常检查",
        certificates=pair,
        on=today - dt.timedelta(days=6),
    )
    from .inspection_flow import INSPECTION_FLOW

    fire(
        INSPECTION_FLOW,
        checked,
        "conclude",
        by=officer,
        on=today - dt.timedelta(days=6),
        record_reference="现场检查笔录第1号",
        finding="货架有超过保质期的食品",
        outcome="transfer",
    )
    procedures.transfer_report(
        by=officer,
        inspection=checked,
        suspected_crime="生产、销售不符合安全标准的食品罪",
        report="检查发现超过保质期食品货值金额较大，专案组核实后报请移送",
        on=today - dt.timedelta(days=1),
    )
