"""Check your answers, a sent bid, withdrawing and deleting a bid."""

import pytest

from funding import services
from funding.models import Bid, BidState, BidStateChange, Section
from tests.factories import BidFactory, decided_bid
from tests.funding.apply.journey import (
    OFFICER,
    YOUR_BIDS,
    new_draft,
)
from tests.govuk_pages import text, title

pytestmark = pytest.mark.django_db


def submit(bid: Bid, email=OFFICER) -> Bid:
    return services.bid_submit(bid=bid, email=email)


# Check your answers --------------------------------------------------------------


def test_check_your_answers_shows_every_section_with_change_links(officer, round_, council):
    bid = BidFactory(round=round_, lead=council, title="Shared planning enforcement")

    response = officer.get(f"/fund/apply/bids/{bid.pk}/check-your-answers/")

    assert response.status_code == 200
    assert title(response) == "Check your answers before submitting your bid – Local Digital"
    page = text(response)
    for label in Section.labels:
        assert label in page
    assert "Shared planning enforcement" in page
    assert "£90,000" in page
    assert "Lead council: Product manager, £45,000" in page
    assert "Alex Morgan" in page
    html = response.content.decode()
    for section in Section.values:
        if section != Section.ATTACHMENTS:
            assert f'href="/fund/apply/bids/{bid.pk}/{section}/?return=check"' in html
    assert 'Change<span class="govuk-visually-hidden"> the title</span>' in html
    assert "Submit bid" in page


def test_check_your_answers_of_an_incomplete_draft_lists_what_is_left(officer, round_, council):
    bid = new_draft(round_, council)

    response = officer.get(f"/fund/apply/bids/{bid.pk}/check-your-answers/")

    assert response.status_code == 200
    assert "You need to complete these sections before you can submit your bid" in text(response)
    assert "Submit bid" not in text(response)


def test_answers_typed_by_the_officer_are_escaped(officer, round_, council):
    bid = BidFactory(round=round_, lead=council, problem="<script>alert(1)</script>\nSecond line")

    html = officer.get(f"/fund/apply/bids/{bid.pk}/check-your-answers/").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<p class="govuk-body">Second line</p>' in html


# A sent bid and withdrawing ---------------------------------------------------


def test_a_submitted_bid_shows_its_frozen_copy_read_only_and_can_be_withdrawn(
    officer, round_, council
):
    bid = submit(BidFactory(round=round_, lead=council, title="Shared planning enforcement"))

    response = officer.get(f"/fund/apply/bids/{bid.pk}/")

    page = text(response)
    assert "Reference R7-0001" in page
    assert "Status Submitted" in page
    assert "The bid as it was submitted" in page
    assert "Shared planning enforcement" in page
    assert "?return=check" not in response.content.decode()
    assert f'href="/fund/apply/bids/{bid.pk}/withdraw/"' in response.content.decode()
    assert officer.get(f"/fund/apply/bids/{bid.pk}/check-your-answers/")["Location"] == (
        f"/fund/apply/bids/{bid.pk}/"
    )


def test_a_decided_bid_cannot_be_withdrawn(officer, round_, council):
    bid = decided_bid(state=BidState.FUNDED, round=round_, lead=council)
    page = officer.get(f"/fund/apply/bids/{bid.pk}/")
    assert "/withdraw/" not in page.content.decode()

    response = officer.post(f"/fund/apply/bids/{bid.pk}/withdraw/", {"reason": "Changed mind"})

    assert response.status_code == 409
    assert title(response) == "This bid can no longer be withdrawn – Local Digital"
    assert "A decision has already been made" in text(response)
    bid.refresh_from_db()
    assert bid.state == BidState.FUNDED


def test_withdrawing_a_submitted_bid_with_a_reason(
    officer, round_, council, django_capture_on_commit_callbacks
):
    bid = submit(BidFactory(round=round_, lead=council))
    page = officer.get(f"/fund/apply/bids/{bid.pk}/withdraw/")
    assert title(page) == "Are you sure you want to withdraw bid R7-0001? – Local Digital"
    assert "Why are you withdrawing it? (optional)" in text(page)

    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(
            f"/fund/apply/bids/{bid.pk}/withdraw/", {"reason": "A partner pulled out"}
        )

    assert response["Location"] == YOUR_BIDS
    bid.refresh_from_db()
    assert bid.state == BidState.WITHDRAWN
    assert bid.lead_slot is None
    change = BidStateChange.objects.filter(bid=bid).latest("pk")
    assert change.note == "A partner pulled out"
    assert change.by_label == f"{OFFICER} (officer)"
    bids_page = text(officer.get(YOUR_BIDS))
    assert "Bid R7-0001 has been withdrawn. It will not be assessed." in bids_page
    assert "Withdrawn bids" in bids_page


def test_a_too_long_reason_is_explained(officer, round_, council):
    bid = submit(BidFactory(round=round_, lead=council))

    response = officer.post(f"/fund/apply/bids/{bid.pk}/withdraw/", {"reason": "x" * 2001})

    assert title(response).startswith("Error: ")
    assert "The reason must be 2000 characters or fewer" in text(response)
    bid.refresh_from_db()
    assert bid.state == BidState.SUBMITTED


def test_deleting_a_draft(officer, round_, council):
    bid = BidFactory(round=round_, lead=council, title="Not needed")
    page = officer.get(f"/fund/apply/bids/{bid.pk}/withdraw/")
    assert title(page) == "Are you sure you want to delete this draft bid? – Local Digital"
    assert "Delete draft" in text(page)
    assert "Why are you withdrawing" not in text(page)

    response = officer.post(f"/fund/apply/bids/{bid.pk}/withdraw/")

    assert response["Location"] == YOUR_BIDS
    bid.refresh_from_db()
    assert bid.state == BidState.WITHDRAWN
    page = text(officer.get(YOUR_BIDS))
    assert "Your draft bid “Not needed” has been deleted." in page
    assert "You have no draft bids" in page
    # The notice is shown once.
    assert "has been deleted" not in text(officer.get(YOUR_BIDS))
    deleted = officer.get(f"/fund/apply/bids/{bid.pk}/")
    assert "This draft bid has been deleted" in text(deleted)
    again = officer.post(f"/fund/apply/bids/{bid.pk}/withdraw/")
    assert again.status_code == 409
    assert "already been withdrawn or deleted" in text(again)
