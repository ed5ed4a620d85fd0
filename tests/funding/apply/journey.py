"""Helpers for the tests of the officer's pages around a bid, and of signing in
to them with an emailed link."""

import re

from funding import services
from funding.models import Bid
from localdigital.core.models import OutboundEmail
from tests.govuk_pages import error_summary

OFFICER = "priya.shah@testshire.gov.uk"
YOUR_BIDS = "/fund/apply/"
SIGN_IN = "/fund/apply/sign-in/"
CHECK_EMAIL = "/fund/apply/sign-in/check-your-email/"


def link_in(body: str) -> str:
    """The path of the sign-in link in an email's body."""
    return re.search(r"https?://[^/\s]+(/fund/apply/sign-in/[^/\s]+/)", body)[1]


def sign_in(client, email: str, *, next_url: str | None = None):
    """Sign in as an officer does: ask for a link, open it, press the button.

    Returns the response to pressing the button. The link is read from the
    outbox, where it is written whether or not the message has been sent yet.
    """
    data = {"email": email, **({"next": next_url} if next_url else {})}
    response = client.post(SIGN_IN, data)
    assert response.status_code == 302, error_summary(response)
    message = OutboundEmail.objects.filter(to_address=email).latest("pk")
    return client.post(link_in(message.body))


def new_draft(round_, lead, email=OFFICER) -> Bid:
    return services.bid_start(round_=round_, lead=lead, email=email)
