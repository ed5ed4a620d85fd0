"""Assessors comment on bids and add links to funded projects' outputs from a
bid's admin page."""

import pytest
from django.utils import timezone

from funding.models import Bid, BidComment, BidState, LinkKind, ProjectLink
from tests.admin_pages import page_text
from tests.funding.admin.fund_admin import (
    bid_in_assessment,
    change_url,
    empty_inline_forms,
    submitted_bid,
)

pytestmark = pytest.mark.django_db


def test_an_assessor_adds_a_comment_signed_with_their_name(assessor_client, assessor):
    bid = submitted_bid()

    response = assessor_client.post(
        change_url(bid),
        empty_inline_forms(
            bid,
            **{
                "comments-TOTAL_FORMS": "1",
                "comments-0-text": "  Check the partner letters.  ",
                "comments-0-bid": bid.pk,
            },
        ),
        follow=True,
    )

    comment = BidComment.objects.get(bid=bid)
    assert comment.author == assessor
    assert comment.text == "Check the partner letters."
    page = page_text(response)
    assert f"Your changes to {bid.reference} are saved." in page
    assert "Check the partner letters." in page
    # Saved comments are read-only: no field holds one.
    assert "comments-0-text" not in response.content.decode()


def test_a_blank_comment_adds_nothing(assessor_client):
    bid = submitted_bid()

    response = assessor_client.post(
        change_url(bid),
        empty_inline_forms(
            bid,
            **{"comments-TOTAL_FORMS": "1", "comments-0-text": "   ", "comments-0-bid": bid.pk},
        ),
    )

    assert response.status_code == 302
    assert not BidComment.objects.exists()


def test_links_to_outputs_and_sprint_notes_are_added_to_funded_bids_only(assessor_client):
    bid = bid_in_assessment()
    before = assessor_client.get(change_url(bid)).content.decode()
    assert "links-TOTAL_FORMS" not in before
    Bid.objects.filter(pk=bid.pk).update(state=BidState.FUNDED, decided_at=timezone.now())
    bid.refresh_from_db()

    response = assessor_client.post(
        change_url(bid),
        empty_inline_forms(
            bid,
            **{
                "links-TOTAL_FORMS": "1",
                "links-0-bid": bid.pk,
                "links-0-kind": LinkKind.SPRINT_NOTE,
                "links-0-title": "Sprint 2 notes",
                "links-0-url": "https://example.org/sprint-2",
            },
        ),
    )

    assert response.status_code == 302
    link = ProjectLink.objects.get(bid=bid)
    assert (link.kind, link.title, link.url) == (
        LinkKind.SPRINT_NOTE,
        "Sprint 2 notes",
        "https://example.org/sprint-2",
    )
    page = page_text(assessor_client.get(change_url(bid)))
    assert "Links to outputs and sprint notes" in page


def test_a_link_must_be_a_web_address(assessor_client):
    bid = bid_in_assessment()
    Bid.objects.filter(pk=bid.pk).update(state=BidState.FUNDED, decided_at=timezone.now())
    bid.refresh_from_db()

    response = assessor_client.post(
        change_url(bid),
        empty_inline_forms(
            bid,
            **{
                "links-TOTAL_FORMS": "1",
                "links-0-bid": bid.pk,
                "links-0-kind": LinkKind.OUTPUT,
                "links-0-title": "Report",
                "links-0-url": "javascript:alert(1)",
            },
        ),
    )

    assert response.status_code == 200
    assert "Enter a valid URL." in page_text(response)
    assert not ProjectLink.objects.exists()
