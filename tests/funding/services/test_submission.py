"""Submitting a bid: the reference, the frozen copy, the confirmation and
its emails; what stops a submission; and the lead's limit, which the
database keeps even when officers submit at the same moment."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from funding import services
from funding.apply.limits import BID_EMAIL_LIMIT
from funding.models import Bid, BidState, BidSubmission, Section
from signatories.models import SignUpState
from tests.concurrency import at_the_same_moment
from tests.factories import BidFactory, RoundFactory, SignUpFactory, decided_bid, signed_council
from tests.funding.apply.journey import sign_in
from tests.govuk_pages import error_summary, text, title

OFFICER = "priya.shah@testshire.gov.uk"


@pytest.fixture
def council():
    return signed_council(name="Testshire County Council", email_domains="testshire.gov.uk")


@pytest.fixture
def round_():
    return RoundFactory(name="Round 7", slug="round-7", reference_prefix="R7")


@pytest.fixture
def officer(client, council):
    sign_in(client, OFFICER)
    return client


def check_answers(bid: Bid) -> str:
    return f"/fund/apply/bids/{bid.pk}/check-your-answers/"


def press_submit(client, bid, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(check_answers(bid))


def partner_council(name: str, contact: str):
    return SignUpFactory(
        state=SignUpState.SIGNED, organisation__name=name, officer_email=contact
    ).organisation


@pytest.mark.django_db
def test_submitting_gives_a_reference_a_confirmation_and_emails(
    officer, round_, council, django_capture_on_commit_callbacks
):
    partners = [
        partner_council("Otherton Borough Council", "kim@otherton.gov.uk"),
        partner_council("Westshire District Council", "lee@westshire.gov.uk"),
    ]
    bid = BidFactory(round=round_, lead=council, partners=partners, title="Shared enforcement")

    response = press_submit(officer, bid, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == f"/fund/apply/bids/{bid.pk}/submitted/"
    bid.refresh_from_db()
    assert bid.state == BidState.SUBMITTED
    assert bid.reference == "R7-0001"
    assert bid.submitted_by_email == OFFICER

    confirmation = officer.get(response["Location"])
    assert confirmation.status_code == 200
    assert title(confirmation) == "Bid submitted – Local Digital"
    assert 'class="govuk-panel govuk-panel--confirmation"' in confirmation.content.decode()
    page = text(confirmation)
    assert "Bid submitted Your reference R7-0001" in page
    assert f"We have sent a confirmation email to {OFFICER}" in page
    assert "Otherton Borough Council and Westshire District Council" in page
    assert "What happens next" in page

    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {OFFICER, "kim@otherton.gov.uk", "lee@westshire.gov.uk"}
    assert sent[OFFICER].subject == "Your bid has been submitted – reference R7-0001"
    assert "Otherton Borough Council is a partner" in sent["kim@otherton.gov.uk"].subject
    assert all("R7-0001" in message.body for message in mail.outbox)


@pytest.mark.django_db
def test_references_number_the_rounds_bids_in_turn(round_, council):
    first = services.bid_submit(bid=BidFactory(round=round_), email=OFFICER)
    second = services.bid_submit(bid=BidFactory(round=round_), email=OFFICER)
    other_round = services.bid_submit(
        bid=BidFactory(round=RoundFactory(reference_prefix="R8")), email=OFFICER
    )

    assert [first.reference, second.reference, other_round.reference] == [
        "R7-0001",
        "R7-0002",
        "R8-0001",
    ]


@pytest.mark.django_db
def test_the_frozen_copy_cannot_be_changed_afterwards(
    officer, round_, council, django_capture_on_commit_callbacks
):
    bid = BidFactory(round=round_, lead=council, title="As submitted")
    press_submit(officer, bid, django_capture_on_commit_callbacks)
    frozen = BidSubmission.objects.get(bid=bid).answers
    assert frozen["title"] == "As submitted"

    with pytest.raises(services.BidNotEditable):
        services.bid_save_section(
            bid=bid, section=Section.PROJECT, values={"title": "Changed later"}, completed=True
        )
    with pytest.raises(services.BidNotEditable):
        services.bid_add_cost_line(bid=bid, category="supplier", description="More", amount=1)
    with pytest.raises(services.BidNotEditable):
        services.bid_remove_partner(bid=bid, partner=bid.partners.first())

    bid.refresh_from_db()
    assert bid.title == "As submitted"
    assert bid.partners.count() == 2
    assert BidSubmission.objects.get(bid=bid).answers == frozen
    page = text(officer.get(f"/fund/apply/bids/{bid.pk}/"))
    assert "As submitted" in page
    assert "Changed later" not in page
    # Submitting again changes nothing either.
    again = press_submit(officer, bid, django_capture_on_commit_callbacks)
    assert again["Location"] == f"/fund/apply/bids/{bid.pk}/"
    assert BidSubmission.objects.filter(bid=bid).count() == 1


@pytest.mark.django_db
def test_the_confirmation_of_a_draft_goes_back_to_its_task_list(officer, round_, council):
    bid = BidFactory(round=round_, lead=council)

    response = officer.get(f"/fund/apply/bids/{bid.pk}/submitted/")

    assert response["Location"] == f"/fund/apply/bids/{bid.pk}/"


@pytest.mark.django_db
def test_an_incomplete_bid_is_refused_with_the_sections_left(
    officer, round_, council, django_capture_on_commit_callbacks
):
    bid = BidFactory(
        round=round_, lead=council, completed_sections=[Section.PROJECT, Section.PROBLEM]
    )

    response = press_submit(officer, bid, django_capture_on_commit_callbacks)

    assert response.status_code == 409
    assert title(response).startswith("Error: ")
    assert error_summary(response)[0] == "Complete the section “Partners”"
    assert len(error_summary(response)) == 6
    assert f'href="/fund/apply/bids/{bid.pk}/partners/"' in response.content.decode()
    bid.refresh_from_db()
    assert bid.state == BidState.DRAFT
    assert not mail.outbox


@pytest.mark.django_db
def test_after_the_closing_time_nothing_is_submitted_and_the_draft_is_kept(
    officer, round_, council, django_capture_on_commit_callbacks
):
    bid = BidFactory(round=round_, lead=council, title="Just too late")
    round_.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    round_.save()

    response = press_submit(officer, bid, django_capture_on_commit_callbacks)

    assert response.status_code == 409
    [message] = error_summary(response)
    assert message.startswith("You cannot submit this bid: Round 7 closed on ")
    assert message.endswith("(UK time). Your draft has been kept.")
    bid.refresh_from_db()
    assert bid.state == BidState.DRAFT
    assert bid.reference == ""
    assert bid.title == "Just too late"
    assert not BidSubmission.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_a_council_at_its_limit_is_told_and_its_draft_kept(
    officer, round_, council, django_capture_on_commit_callbacks
):
    decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    decided_bid(state=BidState.NOT_FUNDED, round=round_, lead=council)
    bid = BidFactory(round=round_, lead=council)

    response = press_submit(officer, bid, django_capture_on_commit_callbacks)

    assert response.status_code == 409
    assert error_summary(response) == [
        "You cannot submit this bid: Testshire County Council has already submitted 2 bids "
        "to Round 7, the most one council may lead. Your draft has been kept."
    ]
    bid.refresh_from_db()
    assert bid.state == BidState.DRAFT


@pytest.mark.django_db
def test_a_withdrawn_bid_gives_its_place_back(officer, round_, council):
    services.bid_withdraw(
        bid=decided_bid(state=BidState.SUBMITTED, round=round_, lead=council), email=OFFICER
    )
    decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    bid = BidFactory(round=round_, lead=council)

    response = officer.post(check_answers(bid))

    assert response.status_code == 302
    bid.refresh_from_db()
    assert bid.state == BidState.SUBMITTED


@pytest.mark.django_db
def test_submitting_too_often_from_one_place_gets_429(officer, round_, council):
    bid = BidFactory(round=round_, lead=council, completed_sections=[])

    for _ in range(BID_EMAIL_LIMIT["limit"]):
        assert officer.post(check_answers(bid)).status_code == 409

    assert officer.post(check_answers(bid)).status_code == 429


@pytest.mark.django_db
def test_the_database_refuses_two_bids_in_the_same_place_of_a_lead(round_, council):
    first = decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    second = decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    assert (first.lead_slot, second.lead_slot) == (1, 2)

    with pytest.raises(IntegrityError), transaction.atomic():
        Bid.objects.filter(pk=second.pk).update(lead_slot=first.lead_slot)

    second.refresh_from_db()
    assert second.lead_slot == 2


# At the same moment ------------------------------------------------------------


@pytest.fixture
def site_content():
    """Transactional tests empty the database: put back the principles and service areas."""
    importlib.import_module("declaration.migrations.0002_declaration_content").add_content(
        apps, schema_editor=None
    )
    importlib.import_module("declaration.migrations.0005_service_areas").add_service_areas(
        apps, schema_editor=None
    )


@pytest.mark.django_db(transaction=True)
def test_lead_limit_holds_under_concurrent_submissions(site_content):
    round_ = RoundFactory(reference_prefix="R7", max_bids_per_lead=1)
    lead = signed_council(name="Testshire County Council", email_domains="testshire.gov.uk")
    drafts = [BidFactory(round=round_, lead=lead) for _ in range(2)]

    def submitter(bid):
        return lambda: services.bid_submit(bid=bid, email=OFFICER)

    outcomes = at_the_same_moment(*(submitter(bid) for bid in drafts))

    assert Bid.objects.counted().filter(round=round_, lead=lead).count() == 1
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Bid", "LeadLimitReached"]
    assert BidSubmission.objects.count() == 1
    assert Bid.objects.drafts().filter(round=round_, lead=lead).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_officers_pressing_submit_at_once_one_is_told_why_not(site_content):
    round_ = RoundFactory(name="Round 7", reference_prefix="R7", max_bids_per_lead=1)
    lead = signed_council(name="Testshire County Council", email_domains="testshire.gov.uk")
    drafts = [BidFactory(round=round_, lead=lead) for _ in range(2)]
    first, second = Client(), Client()
    sign_in(first, "priya.shah@testshire.gov.uk")
    sign_in(second, "sam.jones@testshire.gov.uk")

    responses = at_the_same_moment(
        lambda: first.post(check_answers(drafts[0])), lambda: second.post(check_answers(drafts[1]))
    )

    assert sorted(response.status_code for response in responses) == [302, 409]
    refused = next(response for response in responses if response.status_code == 409)
    assert "Testshire County Council has already submitted 1 bid to Round 7" in text(refused)
    assert Bid.objects.counted().filter(round=round_, lead=lead).count() == 1
