"""An officer saving a section of a bid while a colleague submits the same bid.

Each attempt is raced for real on PostgreSQL: two threads, each with its own
database connection, released together. Submitting locks the round, then the
bid; saving locks the bid, and its foreign-key check locks the round. In the
opposite order they once deadlocked, which PostgreSQL ends by failing one of
them: a server error.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from declaration.models import ServiceArea
from funding.models import Bid, BidState
from funding.officer_session import SESSION_KEY
from tests.concurrency import at_the_same_moment
from tests.factories import BidFactory
from tests.funding.apply.sections import officer_email, text

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("site_content")]

RACES = 50


def officer(email: str) -> Client:
    client = Client()
    session = client.session
    session[SESSION_KEY] = email
    session.save()
    return client


def test_saving_a_section_while_the_bid_is_submitted_never_fails():
    service_area = ServiceArea.objects.first()
    saved = refused = 0
    for race in range(RACES):
        # The same visitor address submits fifty times: the test is not about
        # the rate limit.
        cache.clear()
        bid = BidFactory()
        saver, submitter = officer(officer_email(bid)), officer(officer_email(bid, "tom.evans"))
        title = f"Shared case management, take {race}"

        save_response, submit_response = at_the_same_moment(
            lambda bid=bid, saver=saver, title=title: saver.post(
                reverse("apply:section", kwargs={"pk": bid.pk, "section": "project"}),
                {
                    "title": title,
                    "summary": "Councils replace spreadsheets with a shared case tool.",
                    "service_area": service_area.slug,
                    "completed": "yes",
                },
            ),
            lambda bid=bid, submitter=submitter: submitter.post(
                reverse("apply:check-answers", kwargs={"pk": bid.pk})
            ),
        )

        # Neither raised (a deadlock would, through the test client).
        assert not isinstance(save_response, Exception), save_response
        assert not isinstance(submit_response, Exception), submit_response
        # The section stays complete whichever comes first, so the bid is sent.
        assert submit_response.status_code == 302
        bid = Bid.objects.get(pk=bid.pk)
        assert bid.state == BidState.SUBMITTED
        if save_response.status_code == 302:
            # Saved before the bid was sent: what was sent holds the new title.
            assert bid.title == title
            assert bid.submission.answers["title"] == title
            saved += 1
        else:
            # Too late: refused with a page that says why, and nothing changed.
            assert save_response.status_code == 409
            assert "This bid has been submitted and can no longer be changed" in text(save_response)
            assert bid.title != title
            refused += 1
    assert saved + refused == RACES
