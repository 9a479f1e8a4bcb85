"""申请回执: what the applicant keeps after applying online — the receipt number (the case number comes with
acceptance), the lookup code, the day the application was received and the day the acceptance review ends
(行政复议法（2023）第三十条)."""

from __future__ import annotations

from yifa.lib.deadlines import zh_date
from yifa.lib.office import docx_from_text

from . import periods


def receipt_docx(case, files: list[str]) -> bytes:
    review = periods.review_clock(case)
    rule = periods.review_rule(case)
    lines = [
        f"{case.number_label}：{case.number}",
        f"查询码：{case.lookup_code}",
        f"申请人：{case.applicant_names}",
        f"被申请人：{case.respondent_name}",
        f"申请复议的行政行为：{case.act_title}",
        f"收到申请日期：{zh_date(case.received_on)}（网上提交）",
        f"证据材料：{'、'.join(files) if files else '无'}",
    ]
    if review and review.due:
        lines.append(
            f"受理审查期限：复议机关应当自收到申请之日起五日内进行审查（{rule.citation}），"
            f"本申请的审查期限至{zh_date(review.due)}；期限届满未决定不予受理的，自届满之日起视为受理。"
        )
    if not case.case_number:
        lines.append("申请受理后另编案号，由受理通知书载明；凭收件编号或案号均可查询。")
    lines.append("请妥善保存本编号和查询码，凭其在门户网站“查询复议进度”中查询办理情况。复议机关不收取任何费用。")
    return docx_from_text("行政复议申请网上提交回执", lines)
