"""The addresses the journey's pages link to, built in one place."""

from django.urls import reverse
from django.utils.http import urlencode

from funding.models import Bid


def your_bids_url() -> str:
    return reverse("apply:your-bids")


def bid_url(bid: Bid) -> str:
    """The bid's page: its task list while a draft, else the bid as sent."""
    return reverse("apply:bid", kwargs={"pk": bid.pk})


def section_url(bid: Bid, section: str, *, back_to_check: bool = False, anchor: str = "") -> str:
    """A section's page; with `back_to_check`, it returns to check your answers when done."""
    address = reverse("apply:section", kwargs={"pk": bid.pk, "section": section})
    if back_to_check:
        address += "?" + urlencode({"return": "check"})
    return address + (f"#{anchor}" if anchor else "")
