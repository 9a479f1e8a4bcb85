"""Officers and certificates: an expired or suspended certificate keeps its holder off cases; renewal asks
every module for refusals."""

import datetime as dt

import pytest

from yifa.core.errors import AccessDenied, GateBlocked
from yifa.core.procedure import fire
from yifa.enforcement.flows import CASE_FLOW, CERTIFICATE_FLOW
from yifa.enforcement.models import Case, Certificate

from .conftest import D, file_case


def test_officer_with_expired_certificate_cannot_be_put_on_a_case(cast, body, officers, expired):
    with pytest.raises(GateBlocked) as refused:
        file_case(cast, body, [officers[0], expired], on=D(2026, 7, 1))
    text = str(refused.value)
    assert "周过期的执法证37010003已过期（有效期至2026年6月30日）" in text
    assert "第四十二条第一款" in text  # only one usable officer is left
    assert not Case.objects.exists()


def test_certificate_still_valid_on_its_last_day(cast, body, officers, expired):
    case = file_case(cast, body, [officers[0], expired], on=D(2026, 6, 30))
    assert case.officers.count() == 2


def test_suspended_certificate_cannot_join_a_running_case(cast, legal, body, officers, expired):
    case = file_case(cast, body, officers, on=D(2026, 6, 1))
    third = fire(CERTIFICATE_FLOW, officers[1], "suspend", by=legal, reason="涉嫌违法执法，暂扣待查")
    assert third.status_label_on(D(2026, 6, 2)) == "暂扣"
    with pytest.raises(GateBlocked) as refused:
        fire(
            CASE_FLOW,
            case,
            "assign_officers",
            by=cast["shijian_officer"],
            certificates=[officers[0], third],
            on=D(2026, 6, 2),
        )
    assert "钱执法的执法证37010002暂扣" in str(refused.value)


def test_one_officer_is_not_enough(cast, body, officers):
    with pytest.raises(GateBlocked, match="至少两名持有效执法证"):
        file_case(cast, body, [officers[0], officers[0]])


def test_only_the_legal_office_issues_certificates(cast, body, officers):
    with pytest.raises(AccessDenied, match="法制机构"):
        fire(CERTIFICATE_FLOW, officers[0], "suspend", by=cast["shijian_head"], reason="x")


def test_renewal_extends_the_validity(legal, officers):
    cert = fire(CERTIFICATE_FLOW, officers[0], "renew", by=legal, valid_until=D(2031, 12, 31), on=D(2028, 12, 1))
    assert Certificate.objects.get(pk=cert.pk).valid_until == D(2031, 12, 31)


def test_renewal_is_refused_with_every_module_refusal(legal, officers, monkeypatch):
    """Another module (training) answers the hook ``renewal_refusals``; its message blocks the renewal."""
    import yifa.enforcement.guards as guards

    def refusals(hook, **kwargs):
        assert hook == "renewal_refusals" and kwargs["officer"] == officers[0].officer
        assert kwargs["on"] == D(2028, 12, 1)
        return ["本年度培训学时不足40学时"]

    monkeypatch.setattr(guards, "refusals", refusals)
    with pytest.raises(GateBlocked, match="本年度培训学时不足40学时（《山东省行政执法监督条例》"):
        fire(CERTIFICATE_FLOW, officers[0], "renew", by=legal, valid_until=D(2031, 12, 31), on=D(2028, 12, 1))
    assert Certificate.objects.get(pk=officers[0].pk).valid_until == D(2028, 12, 31)


def test_registry_gathers_refusals_from_hooks_modules(settings, tmp_path, monkeypatch):
    from yifa.core.registry import refusals

    (tmp_path / "hookapp").mkdir()
    (tmp_path / "hookapp" / "__init__.py").write_text("")
    (tmp_path / "hookapp" / "hooks.py").write_text(
        "def renewal_refusals(*, officer, on):\n    return [f'{officer}未通过{on.year}年度考试']\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    settings.YIFA_APPS = [*settings.YIFA_APPS, "hookapp"]
    assert refusals("renewal_refusals", officer="孙执法", on=dt.date(2026, 1, 1)) == ["孙执法未通过2026年度考试"]
    assert refusals("no_such_hook", officer="孙执法") == []
