"""In the browser: the applicant submits online, then follows the status with the lookup code."""

import pytest

from tests.conftest import solve_captcha

pytestmark = pytest.mark.django_db(transaction=True)


def test_applicant_submits_online_then_follows_status_with_lookup_code(cast, browser_page, tmp_path):
    page = browser_page
    evidence = tmp_path / "处罚决定书.pdf"
    evidence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.goto("/")
    page.click("text=申请行政复议")
    page.select_option("#id_applicant_kind", "person")
    page.fill("#id_applicant_name", "周九")
    page.fill("#id_applicant_id", "110101199003071233")
    page.fill("#id_applicant_phone", "13700001111")
    page.select_option("#id_respondent_unit", label="江临市市场监管局")
    page.fill("#id_act_title", "江市监罚〔2026〕101号行政处罚决定")
    page.select_option("#id_act_type", "penalty")
    page.fill("#id_act_date", "2026-11-01")
    page.fill("#id_known_on", "2026-11-03")
    page.fill("#id_requests", "撤销该行政处罚决定")
    page.fill("#id_facts_reasons", "执法人员未出示证件，违反法定程序")
    page.set_input_files("#id_files", str(evidence))
    page.check("#id_consent")
    page.click("button:has-text('提交申请')")
    page.wait_for_selector("#lookup-code")
    number = page.inner_text("#case-number")
    code = page.inner_text("#lookup-code")
    assert "复收字第" in number and len(code) == 8  # the receipt number: the 案号 comes with acceptance

    page.click("text=查询办理进度")
    page.fill("#id_number", number)
    page.fill("#id_code", code)
    answer = solve_captcha(page.content())  # from the second submission on, a captcha (read here as a person would)
    page.fill("input[name=captcha_1]", answer["captcha_1"])
    page.click("button:has-text('查询')")
    assert page.inner_text("#case-state") == "受理审查中"
    assert "收到申请" in page.content()

    from yifa.core.uploads import attachments_of
    from yifa.reconsideration.models import Case

    case = Case.objects.get(receipt_number=number)
    assert case.channel == "online" and attachments_of(case).get().name == "处罚决定书.pdf"
