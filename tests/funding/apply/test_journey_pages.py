"""The officer's pages around a bid: their bids, the task list, check your
answers, a sent bid, withdrawing; and who may see each of them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding import services
from funding.models import Bid, BidState, BidStateChange, CostCategory, CostLine, Section
from signatories.models import SignUpState
from tests.factories import BidFactory, RoundFactory, SignUpFactory, decided_bid, signed_council
from tests.funding.apply.test_sign_in import sign_in
from tests.signatories.sign.test_questions import text, title

pytestmark = pytest.mark.django_db

OFFICER = "priya.shah@testshire.gov.uk"
COLLEAGUE = "sam.jones@testshire.gov.uk"
YOUR_BIDS = "/fund/apply/"


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


def new_draft(round_, lead, email=OFFICER) -> Bid:
    return services.bid_start(round_=round_, lead=lead, email=email)


def submit(bid: Bid, email=OFFICER) -> Bid:
    return services.bid_submit(bid=bid, email=email)


def task_statuses(response) -> dict[str, str]:
    """Each task's name and status, as the task list shows them."""
    html = response.content.decode()
    items = re.findall(r'<li class="govuk-task-list__item.*?</li>', html, re.S)
    found = {}
    for item in items:
        name_html, status_html = item.split('<div class="govuk-task-list__status', 1)
        name = " ".join(re.sub(r"<[^>]+>", " ", name_html).split())
        status = " ".join(re.sub(r"<[^>]+>", " ", status_html.split(">", 1)[1]).split())
        found[name] = status
    return found


# Who may see what --------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/fund/apply/",
        "/fund/apply/bids/{pk}/",
        "/fund/apply/bids/{pk}/check-your-answers/",
        "/fund/apply/bids/{pk}/submitted/",
        "/fund/apply/bids/{pk}/withdraw/",
    ],
)
def test_visitors_who_are_not_signed_in_are_sent_to_sign_in(client, round_, council, path):
    bid = BidFactory(round=round_, lead=council)

    response = client.get(path.format(pk=bid.pk))

    assert response.status_code == 302
    assert response["Location"].startswith("/fund/apply/sign-in/?next=")


@pytest.mark.parametrize(
    "path",
    [
        "/fund/apply/bids/{pk}/",
        "/fund/apply/bids/{pk}/check-your-answers/",
        "/fund/apply/bids/{pk}/submitted/",
        "/fund/apply/bids/{pk}/withdraw/",
    ],
)
def test_another_organisations_officer_gets_not_found(client, round_, council, path):
    bid = BidFactory(round=round_, lead=council)
    signed_council(name="Otherton Borough Council", email_domains="otherton.gov.uk")
    sign_in(client, "nosy@otherton.gov.uk")

    assert client.get(path.format(pk=bid.pk)).status_code == 404
    assert client.post(path.format(pk=bid.pk)).status_code in (404, 405)
    bid.refresh_from_db()
    assert bid.state == BidState.DRAFT


def test_an_unknown_bid_is_not_found(officer):
    assert officer.get("/fund/apply/bids/999999/").status_code == 404


def test_other_officers_of_the_lead_see_and_carry_on_with_the_same_draft(client, round_, council):
    bid = new_draft(round_, council, email=OFFICER)
    sign_in(client, COLLEAGUE)

    response = client.get(f"/fund/apply/bids/{bid.pk}/")

    assert response.status_code == 200
    assert f"Signed in as {COLLEAGUE}" in text(response)
    assert "Other officers of Testshire County Council who sign in can see and change" in text(
        response
    )
    assert "Untitled bid" in text(client.get(YOUR_BIDS))


# Your bids -----------------------------------------------------------------------


def test_your_bids_lists_drafts_submitted_and_withdrawn_bids_and_open_rounds(
    officer, round_, council
):
    draft = BidFactory(round=round_, lead=council, title="Draft about bins")
    sent = decided_bid(state=BidState.SUBMITTED, round=round_, lead=council, title="Sent one")
    withdrawn = decided_bid(state=BidState.WITHDRAWN, round=round_, lead=council, title="Gone one")
    deleted = BidFactory(round=round_, lead=council, title="Deleted draft")
    services.bid_withdraw(bid=deleted, email=OFFICER)
    BidFactory(round=round_, title="Another council's bid")

    response = officer.get(YOUR_BIDS)

    assert response.status_code == 200
    page = text(response)
    html = response.content.decode()
    assert "You can bid for Testshire County Council" in page
    assert f'href="/fund/apply/bids/{draft.pk}/">Draft about bins</a>' in html
    assert f"{sent.reference} Sent one Round 7 Submitted" in page
    assert f"{withdrawn.reference} Gone one Round 7" in page
    assert "Deleted draft" not in page
    assert "Another council's bid" not in page
    assert 'href="/fund/apply/round-7/">Start a bid to Round 7</a>' in html


def test_an_address_we_cannot_match_is_told_what_to_do(client, round_):
    sign_in(client, "someone@nowhere.example")

    response = client.get(YOUR_BIDS)

    page = text(response)
    assert "Your email address does not belong to an organisation that can bid" in page
    assert "We do not know which organisation email addresses at nowhere.example belong to" in page
    assert "sign in with another address" in page
    assert "Start a bid" not in page


def test_an_organisation_still_signing_is_named_and_told_why(client, round_):
    SignUpFactory(
        state=SignUpState.AWAITING_REVIEW,
        organisation__name="Unsigned District Council",
        organisation__email_domains="unsigned.gov.uk",
    )
    sign_in(client, "officer@unsigned.gov.uk")

    page = text(client.get(YOUR_BIDS))

    assert (
        "officer@unsigned.gov.uk belongs to Unsigned District Council, which has not finished "
        "signing the Local Digital Declaration"
    ) in page


def test_your_bids_runs_the_same_queries_whatever_the_number_of_bids(
    officer, round_, council, django_assert_num_queries
):
    BidFactory(round=round_, lead=council)
    decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    with CaptureQueriesContext(connection) as few:
        assert officer.get(YOUR_BIDS).status_code == 200

    for _ in range(5):
        BidFactory(round=round_, lead=council)
    decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    RoundFactory()

    with django_assert_num_queries(len(few)):
        assert officer.get(YOUR_BIDS).status_code == 200


# The task list -----------------------------------------------------------------


def test_a_new_draft_has_every_section_not_started(officer, round_, council):
    bid = new_draft(round_, council)

    response = officer.get(f"/fund/apply/bids/{bid.pk}/")

    assert response.status_code == 200
    assert "You have completed 0 of 8 sections" in text(response)
    statuses = task_statuses(response)
    assert statuses == {
        **{label: "Not started" for label in Section.labels},
        "Check your answers and submit": "Cannot start yet",
    }
    html = response.content.decode()
    for section in Section.values:
        assert f'href="/fund/apply/bids/{bid.pk}/{section}/"' in html
    assert "govuk-tag--blue" in html
    assert "govuk-task-list__status--cannot-start-yet" in html
    assert "check-your-answers" not in html
    assert "Submit your bid by" in text(response)


def test_sections_show_in_progress_and_completed(officer, round_, council):
    bid = new_draft(round_, council)
    services.bid_save_section(
        bid=bid, section=Section.PROJECT, values={"title": "Shared bins"}, completed=False
    )
    services.bid_save_section(
        bid=bid,
        section=Section.PROBLEM,
        values={"problem": "Missed bins", "users": "Residents"},
        completed=True,
    )

    response = officer.get(f"/fund/apply/bids/{bid.pk}/")

    statuses = task_statuses(response)
    assert statuses["Project summary"] == "In progress"
    assert statuses["Problem and users"] == "Completed"
    assert statuses["Partners"] == "Not started"
    assert "You have completed 1 of 8 sections" in text(response)
    assert title(response) == "Shared bins – Local Digital"
    assert "govuk-tag--light-blue" in response.content.decode()


def test_a_complete_draft_links_to_check_your_answers(officer, round_, council):
    bid = BidFactory(round=round_, lead=council)

    response = officer.get(f"/fund/apply/bids/{bid.pk}/")

    assert "You have completed 8 of 8 sections" in text(response)
    assert set(task_statuses(response).values()) == {"Completed", "Not started"}
    assert task_statuses(response)["Check your answers and submit"] == "Not started"
    assert f'href="/fund/apply/bids/{bid.pk}/check-your-answers/"' in response.content.decode()


def test_after_the_round_closes_the_draft_is_kept_but_cannot_be_submitted(officer, round_, council):
    bid = BidFactory(round=round_, lead=council)
    round_.closes_at = round_.opens_at + (round_.closes_at - round_.opens_at) / 1000
    round_.save()

    response = officer.get(f"/fund/apply/bids/{bid.pk}/")

    assert "Round 7 closed on" in text(response)
    assert "This draft has been kept, but it can no longer be submitted" in text(response)
    assert task_statuses(response)["Check your answers and submit"] == "Round closed"
    assert "check-your-answers" not in response.content.decode()


def test_the_task_list_runs_the_same_queries_whatever_the_size_of_the_bid(
    officer, round_, council, django_assert_num_queries
):
    small = BidFactory(round=round_, lead=council)
    with CaptureQueriesContext(connection) as few:
        assert officer.get(f"/fund/apply/bids/{small.pk}/").status_code == 200
    large = BidFactory(
        round=round_, lead=council, partners=[signed_council() for _ in range(6)], amount=60_000
    )
    for number in range(10):
        CostLine.objects.create(
            bid=large, category=CostCategory.PARTNER, description=f"Line {number}", amount=1
        )

    with django_assert_num_queries(len(few)):
        assert officer.get(f"/fund/apply/bids/{large.pk}/").status_code == 200


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
