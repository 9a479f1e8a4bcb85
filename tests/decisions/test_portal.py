"""The public portal: drafts with countdown and paragraph comments, hearings with sign-up, published decisions."""

import datetime as dt

from django.utils import timezone

from yifa.decisions import services
from yifa.decisions.models import Comment, HearingParticipant

from .builders import D, published, reviewed


def open_now(cast, decision, days=30):
    today = timezone.localdate()
    return services.comment_window_open(
        by=cast["minzheng_liaison"],
        decision=decision,
        opens=today,
        closes=today + dt.timedelta(days=days),
        short_reason="测试",
    )


def test_unpublished_draft_is_not_on_the_portal(client, simple_decision):
    assert client.get(f"/decisions/{simple_decision.pk}/").status_code == 404
    assert simple_decision.title not in client.get("/decisions/").content.decode()


def test_draft_open_for_comment_shows_countdown_and_paragraph_anchors(cast, client, simple_decision):
    open_now(cast, simple_decision, days=9)
    page = client.get(f"/decisions/{simple_decision.pk}/").content.decode()
    assert "还剩<strong>10</strong>天" in page and 'id="p-2"' in page and "对第2段提意见" in page
    assert "还剩10天" in client.get("/decisions/").content.decode()
    assert f"{simple_decision.title}（征求意见，还剩10天）" in client.get("/").content.decode()


def test_public_comment_on_a_paragraph_gets_a_receipt_and_later_the_answer(cast, client, simple_decision):
    open_now(cast, simple_decision)
    response = client.post(
        f"/decisions/{simple_decision.pk}/comment/",
        {"paragraph": "2", "body": "补贴标准偏低", "name": "张小明", "phone": "13800001111"},
    )
    comment = Comment.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/decisions/comments/{comment.code}/"
    assert comment.paragraph == 2 and comment.quote.startswith("第二条")
    assert "尚未答复" in client.get(response["Location"]).content.decode()
    services.comment_answer(by=cast["minzheng_liaison"], comment=comment, response="partly", reason="提高至250元")
    receipt = client.get(response["Location"]).content.decode()
    assert "部分采纳" in receipt and "提高至250元" in receipt
    page = client.get(f"/decisions/{simple_decision.pk}/").content.decode()
    assert "提高至250元" in page and "张*明" in page and "13800001111" not in page


def test_bad_public_comment_shows_the_field_error_and_saves_nothing(cast, client, simple_decision):
    open_now(cast, simple_decision)
    page = client.post(f"/decisions/{simple_decision.pk}/comment/", {"body": "意见", "phone": "12"}).content.decode()
    assert "联系电话：须为11位手机号" in page
    assert not Comment.objects.exists()


def test_hearing_notice_takes_sign_ups(cast, client, simple_decision):
    today = timezone.localdate()
    hearing = services.hearing_schedule(
        by=cast["minzheng_liaison"],
        decision=simple_decision,
        hearing_on=today + dt.timedelta(days=14),
        place="市民中心三楼",
        selection_method="按利益相关方分组抽签",
        signup_closes=today + dt.timedelta(days=5),
    )
    assert "市民中心三楼" in client.get("/decisions/").content.decode()
    response = client.post(
        f"/decisions/hearings/{hearing.pk}/", {"name": "李四", "phone": "13900002222", "interest": "车主"}
    )
    person = HearingParticipant.objects.get()
    assert response["Location"] == f"/decisions/signups/{person.code}/"
    assert "已报名" in client.get(response["Location"]).content.decode()


def test_published_decision_shows_summary_and_implementation_status(cast, client, simple_decision):
    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=simple_decision, opens=D(2026, 3, 2), closes=D(2026, 4, 1)
    )
    services.comment_submit(decision=simple_decision, paragraph=1, body="好", anonymous=True, on=D(2026, 3, 5))
    services.comment_answer(
        by=cast["minzheng_liaison"], comment=Comment.objects.get(), response="adopted", reason="谢谢"
    )
    services.comment_summary_generate(by=cast["minzheng_liaison"], decision=simple_decision, on=D(2026, 4, 2))
    decision = published(cast, reviewed(cast, simple_decision))
    services.feedback_file(
        by=cast["minzheng_liaison"],
        decision=decision,
        status="on_track",
        progress=60,
        milestones="已发放两批",
        on=D(2026, 8, 1),
    )
    page = client.get(f"/decisions/{decision.pk}/").content.decode()
    assert "江政发〔2026〕8号" in page and "公众意见采纳情况说明" in page and "共收到意见1条" in page
    assert "进度<strong>60%</strong>" in page
    client.post(f"/decisions/{decision.pk}/comment/", {"kind": "implementation", "body": "发放太慢"})
    assert Comment.objects.filter(kind="implementation").count() == 1


def test_published_catalogue_is_public(cast, client):
    catalogue = services.catalogue_create(by=cast["mayor"], unit=cast.city, year=2026)
    services.catalogue_item_add(
        by=cast["mayor"], catalogue=catalogue, title="城市更新规划", category="plan", lead_unit=cast["自然资源局"]
    )
    assert "城市更新规划" not in client.get("/decisions/catalogues/").content.decode()
    services.catalogue_publish(by=cast["mayor"], catalogue=catalogue, party_consent_on=D(2026, 1, 5))
    assert "城市更新规划" in client.get("/decisions/catalogues/").content.decode()


def test_portal_search_finds_published_decisions_only(cast, client, simple_decision):
    assert simple_decision.title not in client.get("/search/?q=养老").content.decode()
    published(cast, reviewed(cast, simple_decision))
    assert simple_decision.title in client.get("/search/?q=养老").content.decode()


def test_drafts_open_for_comment_are_listed_a_page_at_a_time_with_their_own_counts(cast, client, simple_decision):
    from yifa.core.queries import PAGE_SIZE
    from yifa.decisions.models import Decision

    open_now(cast, simple_decision, days=9)
    draft = Decision.objects.get(pk=simple_decision.pk)
    closes = draft.comment_closes
    for i in range(PAGE_SIZE):  # copies closing later, so the original comes first
        draft.pk = None
        draft.title = f"征求意见稿副本{i:02d}"
        draft.comment_closes = closes + dt.timedelta(days=1 + i)
        draft.save()
    Comment.objects.bulk_create(
        [Comment(decision=simple_decision, body=f"意见{i}", submitted_on=timezone.localdate()) for i in range(3)]
    )
    first = client.get("/decisions/").content.decode()
    assert f"{simple_decision.title}</a>" in first and "已收到意见3条" in first
    assert first.count("已收到意见0条") == PAGE_SIZE - 1 and "下一页" in first
    second = client.get("/decisions/?page=2").content.decode()
    assert f"征求意见稿副本{PAGE_SIZE - 1:02d}" in second and "上一页" in second and "下一页" not in second
