"""Opinion letters, incidental reviews and submissions through the penalty organ: each page offers the
acts its user may take on each record and runs them through the record's action view.

2025年劳动节：5月1日至5日放假；端午：5月31日至6月2日放假。"""

import datetime as dt

import pytest
from django.urls import reverse

from yifa.core import clocks
from yifa.core.audit import timeline
from yifa.reconsideration import norms, opinions, submissions
from yifa.reconsideration.models import LetterState, NormSource, NormState, SubmissionState

D = dt.date
pytestmark = pytest.mark.django_db


def test_an_opinion_letter_issued_on_the_case_page_is_answered_on_the_recipients_page(cast, login, accepted):
    case = accepted(D(2025, 3, 3), D(2025, 3, 4))
    staff = login(cast["fuyi"])
    staff.post(
        reverse("reconsideration:act", args=[case.pk, "opinion"]),
        {
            "opinion-recipient": cast.units["民政局"].pk,
            "opinion-content": "处罚程序中未告知陈述申辩权利",
            "opinion-on": "2025-04-01",
            "opinion-version": case.version,
        },
    )
    letter = case.opinion_letters.get()
    # 60 days from 4/1 = 5/31 (端午假期) → 6/3
    assert clocks.open_clock(letter, opinions.OPINION_FEEDBACK).due == D(2025, 6, 3)
    assert "reconsideration_opinion.opinion" in [e.action for e in timeline(case)]

    feedback = reverse("reconsideration:letter_act", args=[letter.pk, "feedback"])
    outsider = login(cast["huanjing_liaison"])
    assert outsider.post(feedback, {"feedback-feedback": "x", "feedback-version": letter.version}).status_code == 403
    recipient = login(cast["minzheng_liaison"])
    assert feedback in recipient.get(reverse("reconsideration:opinions")).content.decode()
    recipient.post(feedback, {"feedback-feedback": "已整改", "feedback-version": letter.version})
    letter.refresh_from_db()
    assert (letter.state, letter.feedback) == (LetterState.ANSWERED, "已整改")
    assert feedback not in recipient.get(reverse("reconsideration:opinions")).content.decode()


def test_a_penalty_organ_that_revokes_records_it_on_its_page_and_an_empty_record_is_refused(cast, login):
    item = submissions.submission_receive(
        by=cast["shijian_officer"],
        unit=cast.units["市场监管局"],
        received_on=D(2025, 9, 26),
        applicant_name="李四",
        act_title="江市监当罚〔2025〕88号当场处罚决定",
        on=D(2025, 9, 26),
    )
    organ = login(cast["shijian_liaison"])
    resolve = reverse("reconsideration:submission_act", args=[item.pk, "resolve"])
    empty = organ.post(resolve, {"resolve-resolution": " ", "resolve-version": item.version}, follow=True)
    assert "撤销或变更处罚决定的情况：这个字段是必填项" in empty.content.decode()
    item.refresh_from_db()
    assert item.state == SubmissionState.RECEIVED and clocks.open_clock(item, submissions.R.FORWARD_VIA_ORGAN)
    organ.post(resolve, {"resolve-resolution": "已撤销该处罚决定", "resolve-version": item.version})
    item.refresh_from_db()
    assert (item.state, item.resolution) == (SubmissionState.RESOLVED, "已撤销该处罚决定")
    assert clocks.open_clock(item, submissions.R.FORWARD_VIA_ORGAN) is None
    assert resolve not in organ.get(reverse("reconsideration:submissions")).content.decode()


def test_a_review_link_takes_the_office_to_the_case_and_the_drafting_organ_to_its_to_do(cast, login, competent_review):
    case, review = competent_review
    review = norms.norm_review_notify_drafter(review=review, by=cast["fuyi"], on=D(2025, 9, 30))
    link = review.get_absolute_url()
    assert login(cast["fuyi"]).get(link)["Location"] == f"{case.get_absolute_url()}#norm-{review.pk}"
    drafter = login(cast["jiaotong_liaison"])
    assert drafter.get(link)["Location"] == reverse("reconsideration:norm_inbox")
    assert drafter.get(case.get_absolute_url()).status_code == 403
    assert login(cast["huanjing_liaison"]).get(link).status_code == 403


def test_the_drafting_organ_answers_in_place_and_the_office_then_concludes(cast, login, competent_review):
    case, review = competent_review
    review = norms.norm_review_notify_drafter(review=review, by=cast["fuyi"], on=D(2025, 9, 30))
    drafter = login(cast["jiaotong_liaison"])
    inbox = drafter.get(reverse("reconsideration:norm_inbox")).content.decode()
    reply_url = reverse("reconsideration:norm_act", args=[review.pk, "drafter_reply"])
    conclude_url = reverse("reconsideration:norm_act", args=[review.pk, "conclude"])
    assert reply_url in inbox and conclude_url not in inbox
    answered = drafter.post(
        reply_url,
        {"drafter_reply-text": "相关条款有上位法依据", "drafter_reply-on": "2025-10-20", "drafter_reply-version": 2},
        HTTP_HX_REQUEST="true",
    )
    assert answered.status_code == 204 and answered["HX-Redirect"] == review.get_absolute_url()
    staff = login(cast["fuyi"])
    page = staff.get(case.get_absolute_url()).content.decode()
    assert "相关条款有上位法依据" in page and conclude_url in page and reply_url not in page
    staff.post(
        conclude_url,
        {
            "conclude-conclusion": "lawful",
            "conclude-text": "相关条款合法",
            "conclude-on": "2025-10-21",
            "conclude-version": 3,
        },
    )
    review.refresh_from_db()
    case.refresh_from_db()
    assert review.state == NormState.CONCLUDED and case.state == "accepted"
    actions = [e.action for e in timeline(case)]
    assert actions[-2:] == ["reconsideration_norm.conclude", "reconsideration.resume"]


def test_two_reviews_of_one_case_each_keep_their_own_forms_on_the_case_page(cast, login, accepted):
    case = accepted(D(2025, 9, 1), D(2025, 9, 3))
    reviews = [
        norms.norm_review_open(
            case=case,
            by=cast["fuyi"],
            source=NormSource.OWN_MOTION,
            document=document,
            started_on=D(2025, 9, 26),
            competent=True,
            drafter_name="某省人民政府",
            on=D(2025, 9, 26),
        )
        for document in ("某省规章第三条", "某省规章第五条")
    ]
    page = login(cast["fuyi"]).get(case.get_absolute_url()).content.decode()
    for review in reviews:
        assert f'id="action-notify_drafter-{review.pk}"' in page
        assert f'hx-target="#action-notify_drafter-{review.pk}"' in page
