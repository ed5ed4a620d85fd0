"""Helpers for the tests of the officer's pages around a bid."""

from funding import services
from funding.models import Bid

OFFICER = "priya.shah@testshire.gov.uk"
YOUR_BIDS = "/fund/apply/"


def new_draft(round_, lead, email=OFFICER) -> Bid:
    return services.bid_start(round_=round_, lead=lead, email=email)
