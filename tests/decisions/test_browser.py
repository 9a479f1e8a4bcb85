"""In the browser: the public comments on a paragraph and later sees the answer."""

import datetime as dt

import pytest
from django.utils import timezone

from yifa.decisions import services
from yifa.decisions.models import Comment

from .builders import drafted


# serialized_rollback: the flush after a live-server test would otherwise drop the seeded holiday calendar
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_comments_on_a_paragraph_in_the_browser_and_later_sees_the_answer(cast, browser_page):
    today = timezone.localdate()
    decision = drafted(cast)
    services.comment_window_open(
        by=cast["minzheng_liaison"], decision=decision, opens=today, closes=today + dt.timedelta(days=45)
    )
    page = browser_page
    page.goto(f"/decisions/{decision.pk}/")
    assert "还剩" in page.locator("#countdown").inner_text()
    page.click("text=对第2段提意见")
    assert page.locator("#id_paragraph").input_value() == "2"
    page.fill("#id_body", "补贴标准每人每月200元偏低，建议提高")
    page.fill("#id_name", "张小明")
    page.click("button:has-text('提交意见')")
    page.wait_for_url("**/decisions/comments/**")
    assert "尚未答复" in page.locator("#answer").inner_text()
    receipt_url = page.url

    comment = Comment.objects.get()
    assert comment.paragraph == 2 and comment.quote.startswith("第二条")
    services.comment_answer(
        by=cast["minzheng_liaison"], comment=comment, response="partly", reason="综合财力，标准提高至每人每月250元"
    )

    page.goto(receipt_url)
    assert "部分采纳" in page.locator("#answer").inner_text()
    page.goto(f"/decisions/{decision.pk}/")
    answered = page.locator("#p-2").inner_text()
    assert "每人每月250元" in answered and "张*明" in answered
