"""A bid's page in Django admin: the frozen copy as it was submitted, read-only,
with its attachments, history and scores."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from funding import services
from funding.models import Bid, BidState
from tests.admin_pages import make_staff, page_text
from tests.factories import BidFactory, signed_council
from tests.funding.admin.fund_admin import (
    bid_in_assessment,
    change_url,
    empty_inline_forms,
    make_copy_older,
    scored,
    submitted_bid,
)

pytestmark = pytest.mark.django_db


def test_the_bid_page_shows_the_frozen_copy_not_later_changes(assessor_client):
    bid = submitted_bid(title="Shared case management", summary="Councils share one tool.")
    Bid.objects.filter(pk=bid.pk).update(
        title="Changed after submission", summary="Rewritten later.", amount=1
    )

    response = assessor_client.get(change_url(bid))

    page = page_text(response)
    assert response.status_code == 200
    assert "Shared case management" in page
    assert "Councils share one tool." in page
    assert "Amount asked for £90,000" in page
    assert "Changed after submission" not in response.content.decode()
    assert "Rewritten later." not in page


def test_the_bid_page_shows_every_section_of_the_submitted_bid(assessor_client):
    first, second = signed_council(name="Eastwick Council"), signed_council(name="Westwick Council")
    bid = submitted_bid(partners=[first, second])

    page = page_text(assessor_client.get(change_url(bid)))

    for heading in [
        "Project summary",
        "Problem and users",
        "Partners",
        "Phase and budget",
        "Delivery plan and team",
        "How it meets the principles",
        "Attachments",
        "Declarations and senior sponsor",
    ]:
        assert heading in page
    assert "Eastwick Council (Non-metropolitan district, South East)" in page
    assert "Westwick Council" in page
    assert "Lead council Product manager £45,000" in page
    assert "Supplier User research agency £45,000 Total £90,000" in page
    assert "1. Design services around the needs of people" in page
    assert "Enforcement officers track cases in spreadsheets." in page
    assert "Alex Morgan, Director of Place, alex.morgan@example.gov.uk" in page
    assert "Outputs published under an open licence Yes" in page


def test_the_bid_page_shows_a_copy_frozen_before_some_questions_were_asked(assessor_client):
    bid = submitted_bid(title="Shared case management")
    make_copy_older(
        bid, without=["sponsor", "attachments", "team"], lead={"name": "Northam Council"}
    )

    response = assessor_client.get(change_url(bid))

    page = page_text(response)
    assert response.status_code == 200
    assert "Shared case management" in page
    assert "Lead council Northam Council Partner councils" in page
    assert "Team Not given" in page
    assert "Files None" in page
    assert "Senior sponsor Not given" in page


def test_the_bid_page_is_read_only(assessor_client):
    bid = submitted_bid(title="Original title")

    response = assessor_client.get(change_url(bid))
    saved = assessor_client.post(
        change_url(bid),
        {
            "title": "Edited in admin",
            "state": "funded",
            **empty_inline_forms(bid),
        },
    )

    html = response.content.decode()
    for field in ["title", "summary", "amount", "state", "phase", "partners"]:
        assert f'name="{field}"' not in html
    assert saved.status_code == 302
    bid.refresh_from_db()
    assert bid.title == "Original title"
    assert bid.state == BidState.SUBMITTED


def test_the_bid_page_links_to_attachments_for_download(assessor_client):
    bid = BidFactory()
    upload = SimpleUploadedFile(
        "plan.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n", content_type="application/pdf"
    )
    attachment = services.bid_add_attachment(bid=bid, upload=upload, email=bid.created_by_email)
    bid = services.bid_submit(bid=bid, email=bid.created_by_email)

    response = assessor_client.get(change_url(bid))

    url = reverse("apply:attachment", kwargs={"pk": bid.pk, "token": attachment.token})
    assert f'href="{url}"' in response.content.decode()
    assert "plan.pdf (PDF," in page_text(response)


def test_a_draft_page_shows_no_answers(assessor_client):
    draft = BidFactory(title="Unfinished idea")

    response = assessor_client.get(change_url(draft))

    page = page_text(response)
    assert response.status_code == 200
    assert "This bid has not been submitted." in page
    assert "Enforcement officers track cases in spreadsheets." not in page


def test_the_bid_page_shows_the_history_with_who_when_and_why(assessor_client, assessor):
    bid = submitted_bid()
    services.bid_start_assessment(bid=bid, by=assessor, note="All documents present.")

    page = page_text(assessor_client.get(change_url(bid)))

    assert "Submitted In assessment assessor All documents present." in page
    assert f"Draft Submitted {bid.created_by_email} (officer)" in page


def test_the_bid_page_shows_each_assessors_scores_totals_and_the_average(
    assessor_client, assessor, django_user_model
):
    other = make_staff(django_user_model, "bo", "Fund assessors", first_name="Bo", last_name="Li")
    bid = bid_in_assessment()
    scored(bid, assessor, [3, 2, 4])  # 120 + 60 + 120 = 300 of 400
    scored(bid, other, [4, 4, 2])  # 160 + 120 + 60 = 340 of 400

    page = page_text(assessor_client.get(change_url(bid)))

    assert "Ada Okoro: 300 out of 400 (75.0%)" in page
    assert "Bo Li: 340 out of 400 (85.0%)" in page
    assert "Average weighted score: 80.0%, from 2 assessors who scored every criterion." in page
    assert "Strategic fit 40 3 out of 4 Gave 3" in page
