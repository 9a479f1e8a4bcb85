"""The command-line contract: yifa deadline, yifa rules --json, yifa audit verify, yifa token."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from yifa.core.audit import record_event
from yifa.core.models import ApiToken, Event

from .tamper import trigger_off

pytestmark = pytest.mark.django_db


def run(*args) -> list[str]:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()


def test_deadline_prints_the_due_date_first_then_the_explanation():
    lines = run("deadline", "2025-09-26", "20", "--workdays")
    assert lines[0] == "2025-10-30"
    assert "跳过国庆节、中秋节假期（10月1日至8日）" in lines[1]
    assert "计入9月28日、10月11日调休上班日" in lines[1]


def test_deadline_calendar_days_roll_off_the_spring_festival():
    # 2025-01-13 + 15 = 1-28 (春节 1月28日至2月4日) → 2025-02-05
    assert run("deadline", "2025-01-13", "15")[0] == "2025-02-05"


def test_deadline_pauses_are_inclusive_and_repeatable():
    # 20 working days from 2025-09-26 (→10-30) with 10-13..17 and 10-20 paused (6 working days) → 11-07
    lines = run(
        "deadline",
        "2025-09-26",
        "20",
        "--workdays",
        "--pause",
        "2025-10-13:2025-10-17",
        "--pause",
        "2025-10-20:2025-10-20",
    )
    assert lines[0] == "2025-11-07"
    assert "共6日" in lines[1]


def test_deadline_extension_adds_days_of_the_same_unit():
    # 60 + 30 calendar days from 2025-08-02 → 2025-10-31 (Friday)
    assert run("deadline", "2025-08-02", "60", "--extend", "30")[0] == "2025-10-31"


def test_deadline_json_has_due_and_explanation():
    data = json.loads("\n".join(run("deadline", "2024-02-07", "5", "--workdays", "--json")))
    assert data["due"] == "2024-02-20"
    assert isinstance(data["explanation"], list)
    assert data["explanation"][-1] == "届满日为2024年2月20日"


@pytest.mark.parametrize(
    "args, message",
    [
        (("2025-13-01", "5"), "起算日：“2025-13-01”不是YYYY-MM-DD格式的日期"),
        (("2025-01-01", "五"), "期限天数：“五”不是整数"),
        (("2025-01-01", "0"), "期限天数：须为不小于1的整数"),
        (("2025-01-01", "5", "--extend", "-3"), "--extend 延长天数：须为不小于0的整数"),
        (("2025-01-01", "5", "--pause", "2025-01-05"), "--pause：“2025-01-05”应为 FROM:TO"),
        (("2025-01-01", "5", "--pause", "2025-01-09:2025-01-05"), "结束日 2025-01-05 早于开始日 2025-01-09"),
        (("2025-01-01", "5", "--restart", "2024-12-01"), "重新起算日不能早于原起算日"),
    ],
)
def test_deadline_bad_input_gets_a_chinese_error(args, message):
    with pytest.raises(CommandError, match=message):
        run("deadline", *args)


def test_rules_json_lists_every_rule_with_its_citation():
    rules = json.loads("\n".join(run("rules", "--json")))
    by_id = {r["id"]: r for r in rules}
    for rule in rules:
        assert {"id", "title", "law", "article", "days", "unit", "extension_days"} <= set(rule)
        assert rule["unit"] in ("workday", "calendar", "month", None)
        assert rule["article"] and rule["law"] and rule["title"]
    assert by_id["core.start_day_not_counted"]["law"] == "中华人民共和国民法典"
    assert by_id["core.start_day_not_counted"]["article"] == "第二百零一条第一款"
    assert by_id["core.last_day_holiday_rolls"]["article"] == "第八十五条第三款"


def test_rules_table_ends_with_a_count():
    lines = run("rules")
    assert lines[-1].startswith("共") and lines[-1].endswith("条")


@pytest.fixture
def chain(cast):
    with transaction.atomic():
        events = [
            record_event(
                actor=cast.people["admin"], subject=cast.city, action=f"test.{i}", action_label="测试", data={"i": i}
            )
            for i in range(4)
        ]
    with trigger_off():  # these tests play an intruder who can edit the table directly
        yield events


def test_audit_verify_passes_on_an_intact_chain(chain):
    assert run("audit", "verify")[0].startswith("审计链完整：共4条事件")


def test_audit_verify_detects_an_edited_row(chain):
    Event.objects.filter(pk=chain[1].pk).update(reason="事后补写的理由")
    with pytest.raises(CommandError, match="审计链校验失败"):
        run("audit", "verify")


def test_audit_verify_detects_a_deleted_middle_row(chain):
    Event.objects.filter(pk=chain[2].pk).delete()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("audit", "verify", stdout=io.StringIO(), stderr=err)
    assert f"事件#{chain[3].pk}：前序哈希不符" in err.getvalue()


def test_audit_verify_detects_a_deleted_tail_row(chain):
    Event.objects.filter(pk=chain[3].pk).delete()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("audit", "verify", stdout=io.StringIO(), stderr=err)
    assert "链尾不符：应有4条" in err.getvalue()


def test_audit_verify_detects_a_deleted_tail_with_its_head(chain):
    from yifa.core.models import AuditHead

    Event.objects.filter(pk=chain[3].pk).delete()
    AuditHead.objects.all().delete()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("audit", "verify", stdout=io.StringIO(), stderr=err)
    assert "链头记录缺失：实有3条事件" in err.getvalue()


def test_audit_events_refuse_edit_and_delete_through_the_model(chain):
    from yifa.core.models.events import AppendOnly

    event = chain[0]
    event.reason = "改"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()


def test_token_create_prints_the_token_once_and_stores_only_its_digest(cast):
    raw = run("token", "create", "minzheng_liaison", "办公系统对接")[0]
    assert raw.startswith("yf_")
    token = ApiToken.objects.get(user=cast.people["minzheng_liaison"])
    assert token.digest == ApiToken.digest_of(raw) and raw not in (token.digest, token.prefix)
    assert Event.objects.filter(action="token.issue").count() == 1


def test_token_create_for_unknown_user_is_refused(cast):
    with pytest.raises(CommandError, match="登录名：“nobody”不存在"):
        run("token", "create", "nobody", "对接")
    assert not ApiToken.objects.exists()


def test_token_revoke_stops_the_token(cast):
    raw = run("token", "create", "minzheng_liaison", "对接")[0]
    assert run("token", "revoke", raw[:8]) == ["已吊销1个令牌"]
    assert ApiToken.objects.get().revoked
