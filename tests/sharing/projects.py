"""Helpers for the tests of project updates: a funded project with a lead and a
partner council, its officers, and an update posted the way an officer posts one."""

import re

from django.test import Client

from funding.models import Bid
from funding.officer_session import SESSION_KEY
from sharing import services
from sharing.models import ProjectUpdate, UpdateKind
from tests.factories import RoundFactory, decided_bid, signed_council

LEAD_OFFICER = "priya.shah@leadshire.gov.uk"
PARTNER_OFFICER = "sam.jones@partnerton.gov.uk"
OTHER_OFFICER = "ola.ade@elsewhere.gov.uk"


def funded_project(**fields) -> Bid:
    """A funded project of a published round, led by Leadshire with Partnerton."""
    lead = signed_council(name="Leadshire County Council", email_domains="leadshire.gov.uk")
    partner = signed_council(name="Partnerton Borough Council", email_domains="partnerton.gov.uk")
    signed_council(name="Elsewhere District Council", email_domains="elsewhere.gov.uk")
    return decided_bid(
        round=fields.pop("round", None) or RoundFactory(results_published=True),
        lead=lead,
        partners=[partner],
        title="Shared housing repairs",
        **fields,
    )


def officer_client(email: str) -> Client:
    """A browser signed in as the officer, as the emailed link leaves it."""
    client = Client()
    session = client.session
    session[SESSION_KEY] = email
    session.save()
    return client


def post_update(bid: Bid, *, email: str = LEAD_OFFICER, **fields) -> ProjectUpdate:
    values = {
        "kind": UpdateKind.SPRINT_NOTE,
        "title": "Sprint 3: testing repairs reporting",
        "body": "We tested the **new form** with tenants.",
        "links": "",
        **fields,
    }
    return services.update_post(bid=bid, email=email, fields=services.UpdateFields(**values))


def update_form(**overrides) -> dict:
    return {
        "kind": "show_and_tell",
        "title": "Show and tell: the repairs prototype",
        "body": "We showed the prototype to **40 people**.\n\n* it works\n* it is quick",
        "links": "https://example.gov.uk/slides",
        **overrides,
    }


def link_path(body: str, kind: str) -> str:
    """The path of the first link of `kind` (confirm, manage, unsubscribe) in an email."""
    return re.search(rf"https?://[^/\s]+(/subscriptions/{kind}/[^/\s]+/)", body)[1]
