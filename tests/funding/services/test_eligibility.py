"""What submitting checks again, whatever has changed since the draft began:
the lead is still a signed council, the round's limit as it is now, and the
emails still fit however long the names involved."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from funding import services
from funding.apply import refusals
from funding.models import Bid, BidState, BidSubmission
from funding.officer_session import SESSION_KEY
from signatories.models import SignUpState
from tests.factories import (
    BidFactory,
    OrganisationFactory,
    SignUpFactory,
    decided_bid,
    signed_council,
)

pytestmark = pytest.mark.django_db


def submit(bid: Bid, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.bid_submit(bid=bid, email=bid.created_by_email)


def test_a_lead_whose_signature_was_removed_cannot_submit(django_capture_on_commit_callbacks):
    bid = BidFactory()
    bid.lead.sign_ups.update(state=SignUpState.REMOVED)

    with pytest.raises(services.NotEligible) as refused:
        submit(bid, django_capture_on_commit_callbacks)

    # The refusal carries codes and values; its words are the pages' (funding.apply.refusals).
    assert (
        "can no longer lead a bid" in refusals.messages(refusals.SUBMIT_REFUSED, refused.value)[0]
    )
    bid.refresh_from_db()
    assert bid.state == BidState.DRAFT
    assert mail.outbox == []


def test_a_limit_lowered_by_staff_counts_the_bids_already_in(django_capture_on_commit_callbacks):
    first = decided_bid(state=BidState.SUBMITTED)
    second = decided_bid(state=BidState.SUBMITTED, round=first.round, lead=first.lead)
    assert (first.lead_slot, second.lead_slot) == (1, 2)
    services.bid_withdraw(bid=first, email=first.created_by_email)
    first.round.max_bids_per_lead = 1
    first.round.save()
    third = BidFactory(round=first.round, lead=first.lead)

    with pytest.raises(services.LeadLimitReached):
        submit(third, django_capture_on_commit_callbacks)

    assert Bid.objects.counted().filter(round=first.round, lead=first.lead).count() == 1


def test_a_partner_with_a_very_long_name_gets_an_email_with_a_subject_that_fits(
    django_capture_on_commit_callbacks,
):
    long_name = ("Council of " + "the Very Long Named Borough and District " * 6)[:255]
    long_named = SignUpFactory(
        state=SignUpState.SIGNED,
        organisation=OrganisationFactory(name=long_name),
        commitment__title="Shared licensing",
    ).organisation
    partners = [long_named, signed_council()]
    bid = BidFactory(partners=partners)

    submit(bid, django_capture_on_commit_callbacks)

    bid.refresh_from_db()
    assert bid.state == BidState.SUBMITTED
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 3
    assert all(len(subject) <= 255 for subject in subjects)
    assert any(subject.endswith(f"reference {bid.reference}") for subject in subjects)


def test_deleting_a_draft_emails_nobody(django_capture_on_commit_callbacks):
    bid = BidFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.bid_withdraw(bid=bid, email=bid.created_by_email)

    bid.refresh_from_db()
    assert bid.state == BidState.WITHDRAWN
    assert mail.outbox == []


def test_a_long_file_name_is_cut_but_keeps_its_extension(django_capture_on_commit_callbacks):
    bid = BidFactory()
    name = "a" * 400 + ".pdf"

    attachment = services.bid_add_attachment(
        bid=bid,
        upload=SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj\n%%EOF\n"),
        email=bid.created_by_email,
    )

    assert attachment.original_name.endswith(".pdf")
    assert len(attachment.original_name) == 200


def test_the_officers_page_of_a_bid_sent_before_a_question_was_added_still_shows(
    client, django_capture_on_commit_callbacks
):
    bid = BidFactory()
    submit(bid, django_capture_on_commit_callbacks)
    # A copy frozen before "team" and the sponsor's email were asked for.
    submission = BidSubmission.objects.get(bid=bid)
    answers = dict(submission.answers)
    del answers["team"]
    answers["sponsor"] = {"name": "Alex Morgan", "role": "Director"}
    BidSubmission.objects.filter(pk=submission.pk).update(answers=answers)
    session = client.session
    session[SESSION_KEY] = bid.created_by_email
    session.save()

    response = client.get(f"/fund/apply/bids/{bid.pk}/")

    assert response.status_code == 200
    assert "Alex Morgan" in response.content.decode()
