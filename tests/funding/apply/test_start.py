"""Starting a bid: the round must be open, the lead a signed council the
officer belongs to, with enough partners and a place left under the limit."""

import datetime

import pytest
from django.utils import timezone

from funding import services
from funding.apply import refusals
from funding.models import Bid, BidState, BidStateChange
from signatories.models import OrganisationType, SignUpState
from tests.factories import BidFactory, RoundFactory, SignUpFactory, decided_bid, signed_council
from tests.funding.apply.journey import sign_in
from tests.govuk_pages import error_summary, text, title

pytestmark = pytest.mark.django_db

OFFICER = "priya.shah@testshire.gov.uk"


@pytest.fixture
def council():
    return signed_council(name="Testshire County Council", email_domains="testshire.gov.uk")


@pytest.fixture
def round_():
    return RoundFactory(name="Round 7", slug="round-7", reference_prefix="R7", min_partners=2)


@pytest.fixture
def officer(client, council):
    sign_in(client, OFFICER)
    return client


def start(client, round_):
    return client.get(f"/fund/apply/{round_.slug}/")


def choose_lead(client, round_, council):
    return client.post(f"/fund/apply/{round_.slug}/eligibility/", {"lead": council.slug})


def say_partners_agreed(client, round_, answer="yes"):
    return client.post(
        f"/fund/apply/{round_.slug}/eligibility/partners/", {"partners_agreed": answer}
    )


# The round ---------------------------------------------------------------------


def test_an_unknown_round_is_not_found(officer):
    assert officer.get("/fund/apply/no-such-round/").status_code == 404
    assert officer.get("/fund/apply/no-such-round/eligibility/").status_code == 404


def test_a_visitor_who_is_not_signed_in_is_asked_to_first(client, round_):
    response = start(client, round_)

    assert response.status_code == 302
    assert response["Location"] == "/fund/apply/sign-in/?next=%2Ffund%2Fapply%2Fround-7%2F"
    eligibility = client.get("/fund/apply/round-7/eligibility/")
    assert eligibility.status_code == 302
    assert eligibility["Location"].startswith("/fund/apply/sign-in/?next=")


def test_signed_in_the_start_goes_to_the_first_question(officer, round_):
    response = start(officer, round_)

    assert response.status_code == 302
    assert response["Location"] == "/fund/apply/round-7/eligibility/"


def test_a_round_that_has_not_opened_says_when_it_will(officer):
    opens = timezone.make_aware(datetime.datetime(2031, 3, 4, 9, 0))
    round_ = RoundFactory(
        name="Round 9",
        slug="round-9",
        opens_at=opens,
        closes_at=opens + datetime.timedelta(days=30),
    )

    for path in ("/fund/apply/round-9/", "/fund/apply/round-9/eligibility/"):
        response = officer.get(path)
        assert response.status_code == 200
        assert title(response) == "Round 9 is not open for bids – Local Digital"
        assert "Round 9 opens on 4 March 2031 at 9am (UK time)" in text(response)
        # No link on to the questions (the footer's feedback link names the page it is on).
        assert 'href="/fund/apply/round-9/eligibility/"' not in response.content.decode()

    refused = choose_lead(officer, round_, signed_council())
    assert "Round 9 is not open for bids" in text(refused)
    assert not Bid.objects.exists()


def test_a_closed_round_says_when_it_closed_even_to_visitors(client):
    closes = timezone.make_aware(datetime.datetime(2022, 11, 24, 12, 0))
    RoundFactory(
        name="Round 6",
        slug="round-6",
        opens_at=closes - datetime.timedelta(days=40),
        closes_at=closes,
    )

    response = client.get("/fund/apply/round-6/")

    assert response.status_code == 200
    assert "Round 6 closed on 24 November 2022 at midday (UK time)" in text(response)
    assert "Start" not in text(response)


# The lead council --------------------------------------------------------------


def test_the_first_question_lists_only_the_officers_signed_councils(officer, round_, council):
    other = signed_council(name="Otherton Borough Council")

    response = officer.get("/fund/apply/round-7/eligibility/")

    assert response.status_code == 200
    assert title(response) == "Which council is leading the bid? – Local Digital"
    html = response.content.decode()
    assert f'value="{council.slug}"' in html
    assert f'value="{other.slug}"' not in html
    assert 'type="radio"' in html


def test_choosing_no_council_asks_again(officer, round_):
    response = officer.post("/fund/apply/round-7/eligibility/", {})

    assert title(response).startswith("Error: ")
    assert error_summary(response) == ["Select the council that is leading the bid"]
    assert 'href="#lead"' in response.content.decode()


def test_a_council_the_officers_address_does_not_belong_to_cannot_be_chosen(officer, round_):
    other = signed_council(name="Otherton Borough Council")

    response = choose_lead(officer, round_, other)

    assert error_summary(response) == ["Select one of the councils listed"]
    assert not Bid.objects.exists()


def test_the_service_refuses_a_lead_the_address_does_not_belong_to(round_, council):
    other = signed_council(name="Otherton Borough Council")

    with pytest.raises(services.NotEligible) as refused:
        services.bid_start(round_=round_, lead=other, email=OFFICER)

    # The refusal carries codes and values; its words are the pages' (funding.apply.refusals).
    assert "Your email address is not one we know for Otherton Borough Council" in "; ".join(
        refusals.messages(refusals.NOT_ELIGIBLE, refused.value)
    )


def test_an_officer_of_a_council_that_has_not_signed_cannot_lead(client, round_):
    SignUpFactory(
        state=SignUpState.AWAITING_REVIEW,
        organisation__name="Unsigned District Council",
        organisation__email_domains="unsigned.gov.uk",
    )
    sign_in(client, "officer@unsigned.gov.uk")

    response = client.get("/fund/apply/round-7/eligibility/")

    assert title(response) == "You cannot lead a bid – Local Digital"
    assert "Only councils that have signed the Local Digital Declaration can lead a bid" in text(
        response
    )
    assert 'href="/fund/partners/"' in response.content.decode()


def test_an_officer_of_a_signed_body_that_is_not_a_council_cannot_lead(client, round_):
    signed_council(
        name="Testshire Fire and Rescue Service",
        organisation_type=OrganisationType.FIRE_AND_RESCUE,
        email_domains="testshirefire.gov.uk",
    )
    sign_in(client, "officer@testshirefire.gov.uk")

    response = client.get("/fund/apply/round-7/eligibility/")

    assert title(response) == "You cannot lead a bid – Local Digital"
    page = text(response)
    assert "Testshire Fire and Rescue Service, which is not a council" in page
    assert "can still take part as a partner" in page
    assert 'href="/fund/partners/"' in response.content.decode()
    assert choose_lead(client, round_, signed_council()).status_code == 200
    assert not Bid.objects.exists()


def test_existing_drafts_of_the_council_are_offered_before_starting_another(
    officer, round_, council
):
    BidFactory(round=round_, lead=council, title="Shared planning enforcement")

    response = officer.get("/fund/apply/round-7/eligibility/")

    assert "There is already a draft bid for Round 7 by your council" in text(response)
    assert "Shared planning enforcement" in text(response)


# Partners and starting the draft ---------------------------------------------


def test_the_partner_question_needs_the_lead_answered_first(officer, round_):
    response = officer.get("/fund/apply/round-7/eligibility/partners/")

    assert response.status_code == 302
    assert response["Location"] == "/fund/apply/round-7/eligibility/"


def test_the_partner_question_names_the_rounds_minimum(officer, round_, council):
    response = choose_lead(officer, round_, council)
    assert response["Location"] == "/fund/apply/round-7/eligibility/partners/"

    page = officer.get(response["Location"])

    assert title(page) == (
        "Do you have at least 2 signed partner councils that have agreed to take part? "
        "– Local Digital"
    )
    empty = officer.post("/fund/apply/round-7/eligibility/partners/", {})
    assert error_summary(empty) == [
        "Select yes if you have at least 2 signed partner councils that have agreed"
    ]


def test_without_enough_partners_the_officer_is_sent_to_find_some(officer, round_, council):
    choose_lead(officer, round_, council)

    response = say_partners_agreed(officer, round_, "no")

    assert title(response) == "You need partner councils before you start – Local Digital"
    assert "at least 2 partner councils besides Testshire County Council" in text(response)
    assert 'href="/fund/partners/"' in response.content.decode()
    assert not Bid.objects.exists()


def test_answering_yes_starts_a_draft_and_opens_its_task_list(officer, round_, council):
    choose_lead(officer, round_, council)

    response = say_partners_agreed(officer, round_)

    bid = Bid.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fund/apply/bids/{bid.pk}/"
    assert bid.state == BidState.DRAFT
    assert bid.round == round_
    assert bid.lead == council
    assert bid.created_by_email == OFFICER
    change = BidStateChange.objects.get(bid=bid)
    assert change.to_state == BidState.DRAFT
    assert change.by_label == f"{OFFICER} (officer)"
    assert officer.get(response["Location"]).status_code == 200


def test_a_round_needing_no_partners_starts_the_draft_after_the_lead(officer, council):
    round_ = RoundFactory(slug="round-solo", min_partners=0)

    response = choose_lead(officer, round_, council)

    bid = Bid.objects.get()
    assert response["Location"] == f"/fund/apply/bids/{bid.pk}/"


def test_a_council_at_the_rounds_limit_cannot_start_another(officer, round_, council):
    decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    decided_bid(state=BidState.IN_ASSESSMENT, round=round_, lead=council)
    choose_lead(officer, round_, council)

    response = say_partners_agreed(officer, round_)

    assert response.status_code == 200
    assert title(response) == "You cannot start this bid – Local Digital"
    assert (
        "Testshire County Council has already submitted 2 bids to Round 7, "
        "the most one council may lead."
    ) in text(response)
    assert Bid.objects.drafts().count() == 0


def test_withdrawn_and_draft_bids_do_not_count_against_the_limit(officer, round_, council):
    decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    decided_bid(state=BidState.WITHDRAWN, round=round_, lead=council)
    BidFactory(round=round_, lead=council)
    choose_lead(officer, round_, council)

    response = say_partners_agreed(officer, round_)

    assert response.status_code == 302
    assert Bid.objects.drafts().filter(lead=council).count() == 2


def test_the_round_closing_between_questions_stops_the_start(officer, round_, council):
    choose_lead(officer, round_, council)
    round_.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    round_.save()

    response = say_partners_agreed(officer, round_)

    assert title(response) == "Round 7 is not open for bids – Local Digital"
    assert not Bid.objects.exists()


def test_the_questions_refuse_other_methods(officer, round_):
    assert officer.put("/fund/apply/round-7/eligibility/").status_code == 405
    assert officer.post("/fund/apply/round-7/").status_code == 405
