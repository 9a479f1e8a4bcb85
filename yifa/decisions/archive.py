"""The archive package (第三十三条): every record and material of a decision as one .zip."""

from __future__ import annotations

import io
import zipfile

from yifa.core.uploads import attachments_of
from yifa.lib.office import docx_from_text

from . import queries


def record_paragraphs(decision) -> list[str]:
    lines = [
        f"决策机关：{decision.decision_body}",
        f"承办单位：{decision.lead_unit}",
        f"状态：{decision.get_state_display()}（第{decision.round}轮）",
        f"启动日期：{decision.started_on}",
    ]
    if decision.ad_hoc_reason:
        lines.append(f"目录外启动理由：{decision.ad_hoc_reason}")
    for label, value in (
        ("调查研究情况", decision.research),
        ("备选方案", decision.options),
        ("成本效益分析", decision.cost_benefit),
        ("法律依据", decision.legal_basis),
        ("决策草案", decision.draft_text),
        ("草案说明", decision.draft_explanation),
    ):
        if value:
            lines.append(f"【{label}】{value}")
    if decision.comment_opens:
        lines.append(
            f"【公开征求意见】{decision.comment_opens}至{decision.comment_closes}"
            + (f"；缩短期限说明：{decision.comment_short_reason}" if decision.comment_short_reason else "")
        )
        lines.append(f"【意见采纳情况说明】{decision.comment_summary or '（未生成）'}")
    for e in decision.expert_opinions.all():
        lines.append(f"【专家论证】{e.name}（{e.affiliation}）：{e.opinion}；采纳情况：{e.handling}")
    for r in decision.risk_assessments.all():
        lines.append(
            f"【风险评估】{r.assessor}，{r.assessed_on}，等级{r.get_level_display()}，"
            f"{'可控' if r.controllable else '不可控'}；风险点：{r.risk_points}；措施：{r.measures}；"
            f"预案：{r.contingency}"
        )
    for h in decision.hearings.all():
        lines.append(
            f"【听证会】{h.hearing_on}，{h.place}，公告{h.notice_on}，举行{h.held_on or '未举行'}，"
            f"笔录{'已列为决策依据' if h.transcript_is_basis else '未列为依据'}"
        )
    for r in decision.reviews.all():
        lines.append(
            f"【合法性审查】送审{r.submitted_on}，意见：{r.get_opinion_display() or '待审查'}（{r.reviewed_on or ''}）"
            f"{r.opinion_text}"
        )
    for m in decision.meetings.all():
        said = "；".join(f"{o['speaker']}：{o['opinion']}" for o in m.opinions)
        lines.append(
            f"【{m.get_kind_display()}】{m.held_on}，出席：{m.attendees}；法制机构负责人"
            f"{'列席' if m.legal_head_attended else '未列席'}；发言：{said}；{m.head_name}决定：{m.head_conclusion}"
        )
    if decision.published_on:
        lines.append(
            f"【公布】{decision.decision_no} {decision.published_on}"
            f"（{decision.party_reported_on}向同级党委请示报告）："
            f"{decision.decision_text}"
        )
    for f in decision.feedback.all():
        lines.append(f"【执行情况】{f.reported_on} {f.get_status_display()} {f.progress}%：{f.milestones} {f.problems}")
    for ev in decision.evaluations.all():
        lines.append(
            f"【决策后评估】{ev.started_on} {ev.performer_name}：{ev.findings} 决定：{ev.get_verdict_display()}"
        )
    return lines


def archive_package(decision) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("01-决策过程记录.docx", docx_from_text(str(decision), record_paragraphs(decision)))
        comments = [
            [c.code, c.get_kind_display(), c.paragraph or "总体", c.body, c.get_response_display(), c.response_reason]
            for c in decision.comments.all()
        ]
        z.writestr(
            "02-公众意见及答复.docx",
            docx_from_text(
                "公众意见及答复",
                [decision.comment_summary],
                table=(["查询码", "类型", "段落", "意见", "处理结果", "理由"], comments),
            ),
        )
        events = [
            [e.at.strftime("%Y-%m-%d %H:%M"), e.actor_name, e.action_label, e.reason, e.hash[:16]]
            for e in queries.chain_timeline(decision)
        ]
        z.writestr(
            "03-全过程记录.docx",
            docx_from_text("全过程记录（审计链）", [], table=(["时间", "操作人", "事项", "理由", "哈希"], events)),
        )
        for i, attachment in enumerate(attachments_of(decision), start=1):
            with attachment.file.open("rb") as fh:
                z.writestr(f"材料/{i:02d}-{attachment.purpose}-{attachment.name}", fh.read())
    return buffer.getvalue()
