"""Helpers for the tests of the fund's public pages: rounds open, to come and
published, decided bids, and the page's words as a visitor reads them."""

import datetime
import re
import zoneinfo

from django.utils import timezone

from funding.models import BidState
from tests.factories import RoundFactory, decided_bid

UK = zoneinfo.ZoneInfo("Europe/London")


def text(response) -> str:
    """The page's text as a person reads it: tags gone, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|title|head)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return text.replace("&#39;", "'").replace("&amp;", "&")


def days(n: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=n)


def open_round(**fields):
    fields.setdefault("opens_at", days(-10))
    fields.setdefault("closes_at", days(20))
    return RoundFactory(**fields)


def future_round(**fields):
    fields.setdefault("opens_at", days(5))
    fields.setdefault("closes_at", days(40))
    return RoundFactory(**fields)


def published_round(**fields):
    """A closed round whose decisions are public."""
    fields.setdefault("opens_at", days(-100))
    fields.setdefault("closes_at", days(-60))
    return RoundFactory(results_published=True, **fields)


def funded(round_, **fields):
    return decided_bid(state=BidState.FUNDED, round=round_, **fields)


def not_funded(round_, **fields):
    return decided_bid(state=BidState.NOT_FUNDED, round=round_, **fields)


def listed_titles(response) -> list[str]:
    """The bid or project titles in a list, in the order shown."""
    html = response.content.decode()
    headings = re.findall(r'<h3 class="govuk-heading-s[^"]*">(.*?)</h3>', html, flags=re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", heading).strip() for heading in headings]
