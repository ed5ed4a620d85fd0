"""Helpers for the tests of a bid's section pages.

Officers sign in by email link; here the address is put in the session, as
the link's button does (funding.officer_session.SESSION_KEY).
"""

import re
from html import unescape

from django.test import Client
from django.urls import reverse

from funding import sections, services
from funding.models import (
    Bid,
)
from funding.officer_session import SESSION_KEY
from tests.factories import (
    RoundFactory,
    signed_council,
)

# Helpers ---------------------------------------------------------------------


def officer_email(bid: Bid, name: str = "priya.shah") -> str:
    """An address at the lead council's domain: an officer of the lead."""
    return f"{name}@{bid.lead.domain_list[0]}"


def signed_in(email: str) -> Client:
    client = Client()
    session = client.session
    session[SESSION_KEY] = email
    session.save()
    return client


def new_draft(**round_fields) -> Bid:
    """A draft with nothing in it yet, started the way an officer starts one."""
    lead = signed_council()
    return services.bid_start(
        round_=RoundFactory(**round_fields), lead=lead, email=f"priya.shah@{lead.domain_list[0]}"
    )


def url(bid: Bid, section: str, query: str = "") -> str:
    return reverse("apply:section", kwargs={"pk": bid.pk, "section": section}) + query


def text(response) -> str:
    """The page's text as a person reads it: tags gone, spaces squeezed."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def error_summary(response) -> list[tuple[str, str]]:
    """The error summary's links: (text, the id it points to)."""
    body = response.content.decode()
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', body, flags=re.S)
    if not summary:
        return []
    return [
        (" ".join(unescape(message).split()), anchor)
        for anchor, message in re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary.group(0))
    ]


def fresh(bid: Bid) -> Bid:
    return Bid.objects.with_answers().get(pk=bid.pk)


def status(bid: Bid, section: str) -> sections.Status:
    return sections.status(fresh(bid), section)
