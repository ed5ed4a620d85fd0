"""After the award: the grant agreement's date and each payment, recorded on
a funded bid's page; the payments never add up to more than the award, and
the project's public page shows them at once."""

import datetime

import pytest
from django.test import Client

from funding.models import Bid, BidState, GrantPayment
from tests.admin_pages import page_text
from tests.factories import decided_bid
from tests.funding.admin.fund_admin import change_url, empty_inline_forms
from tests.funding.fund_pages import published_round, text

pytestmark = pytest.mark.django_db


def funded_bid(**fields) -> Bid:
    return decided_bid(
        state=BidState.FUNDED,
        round=published_round(),
        amount=90_000,
        amount_awarded=80_000,
        **fields,
    )


def payments(bid: Bid, *rows: tuple[str, str], **extra) -> dict:
    data = {"payments-TOTAL_FORMS": str(len(rows))}
    for number, (paid_on, amount) in enumerate(rows):
        data |= {
            f"payments-{number}-bid": bid.pk,
            f"payments-{number}-paid_on": paid_on,
            f"payments-{number}-amount": amount,
        }
    return empty_inline_forms(bid, **data, **extra)


def test_payments_and_the_grant_agreement_are_recorded_and_shown_on_the_project_page(
    assessor_client, page_cache, django_capture_on_commit_callbacks
):
    bid = funded_bid(title="Shared planning data")
    visitor = Client()
    before = text(visitor.get(bid.get_absolute_url()))
    assert "Amount awarded £80,000" in before
    assert "Paid to date £0" in before

    with django_capture_on_commit_callbacks(execute=True):
        response = assessor_client.post(
            change_url(bid),
            payments(
                bid,
                ("2023-04-20", "30000"),
                ("2023-09-14", "10000"),
                grant_agreed_on="2023-04-01",
            ),
        )

    assert response.status_code == 302
    assert sorted(GrantPayment.objects.filter(bid=bid).values_list("amount", flat=True)) == [
        10_000,
        30_000,
    ]
    bid.refresh_from_db()
    assert bid.grant_agreed_on == datetime.date(2023, 4, 1)
    after = text(visitor.get(bid.get_absolute_url()))
    assert "Paid to date £40,000" in after
    assert "Grant agreement signed 1 April 2023" in after


def test_payments_above_the_award_are_refused_with_a_clear_message(assessor_client):
    bid = funded_bid()

    response = assessor_client.post(
        change_url(bid), payments(bid, ("2023-04-20", "50000"), ("2023-05-20", "40000"))
    )

    assert response.status_code == 200
    assert (
        "The payments add up to £90,000, more than the £80,000 awarded. Check the amounts."
        in page_text(response)
    )
    assert not GrantPayment.objects.exists()


def test_a_payment_up_to_the_award_exactly_is_taken(assessor_client):
    bid = funded_bid()

    response = assessor_client.post(change_url(bid), payments(bid, ("2023-04-20", "80000")))

    assert response.status_code == 302
    assert GrantPayment.objects.get(bid=bid).amount == 80_000


def test_a_payment_needs_a_date_and_a_positive_amount(assessor_client):
    bid = funded_bid()

    response = assessor_client.post(change_url(bid), payments(bid, ("", "0")))

    assert response.status_code == 200
    page = page_text(response)
    assert "Enter the date of the payment." in page
    assert "The amount paid must be at least £1." in page
    assert not GrantPayment.objects.exists()


def test_only_funded_bids_have_payments(assessor_client):
    bid = decided_bid(state=BidState.NOT_FUNDED)

    html = assessor_client.get(change_url(bid)).content.decode()

    assert "payments-TOTAL_FORMS" not in html
    assert "grant_agreed_on" not in html
