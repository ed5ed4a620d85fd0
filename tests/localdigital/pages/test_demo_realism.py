"""The demo reads like the real programme: dates over its years since 2018,
links that lead somewhere real, commitments in councils' own words."""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone

from funding.models import Bid, ProjectLink, Round
from localdigital.core.models import OutboundEmail
from signatories.models import SignUp, SignUpState

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[3]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # the demo loads only for local development
    call_command("import_organisations", "signatories/demo_organisations.csv")
    call_command("load_demo_content")
    settings.DEBUG = False


def test_signatories_signed_over_the_programmes_years_each_step_in_order(demo):
    signed = list(SignUp.objects.signed().order_by("signed_at"))
    years = {sign_up.signed_at.year for sign_up in signed}

    assert min(years) == 2018
    assert len(years) == len(signed) == 4
    for sign_up in signed:
        moments = [change.at for change in sign_up.state_changes.order_by("pk")]
        assert moments == sorted(moments)
        assert moments[-1] == sign_up.signed_at
        assert sign_up.created_at < sign_up.confirmed_at < sign_up.signed_at
        # its emails were sent while it went through, not on the day the demo loaded
        emails = OutboundEmail.objects.filter(reference=sign_up.reference)
        assert emails.exists()
        assert all(email.created_at.year == sign_up.signed_at.year for email in emails)


def test_the_sign_up_waiting_for_review_is_a_new_one_in_the_queue(demo):
    waiting = SignUp.objects.get(state=SignUpState.AWAITING_REVIEW)
    now = timezone.now()

    assert now - datetime.timedelta(days=2) < waiting.confirmed_at < now
    assert waiting.review_due > timezone.localdate(waiting.confirmed_at)


def test_the_closed_round_ran_when_round_6_did_before_the_open_one(demo):
    closed = Round.objects.get(results_published=True)
    [open_round] = Round.objects.open()

    assert timezone.localdate(closed.opens_at) == datetime.date(2022, 10, 13)
    assert timezone.localdate(closed.closes_at) == datetime.date(2022, 11, 24)
    assert closed.reference_prefix == "R6" and open_round.reference_prefix == "R7"
    # every lead and partner had signed before the round opened
    for bid in closed.bids.all():
        for council in [bid.lead, *bid.partners.all()]:
            assert SignUp.objects.signed().get(organisation=council).signed_at < closed.opens_at


def test_project_links_lead_to_sample_documents_the_demo_ships(demo):
    links = list(ProjectLink.objects.all())

    assert len(links) == 3
    for link in links:
        address = urlsplit(link.url)
        assert f"{address.scheme}://{address.netloc}" == "http://testserver"
        assert address.path.startswith("/static/demo/")
        assert (PROJECT / "static" / "public" / address.path.removeprefix("/static/")).is_file()
        assert "example.org" not in link.url


def test_sample_links_follow_the_port_make_run_serves_on(demo, settings):
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8080"
    call_command("load_demo_content")

    assert all(
        link.url.startswith("http://127.0.0.1:8080/static/demo/")
        for link in ProjectLink.objects.all()
    )


def test_commitments_read_as_councils_wrote_them(demo):
    commitments = [sign_up.commitment for sign_up in SignUp.objects.all()]

    assert len({c.mission for c in commitments}) == len({c.impact for c in commitments}) == 5
    assert len({c.partners for c in commitments}) == 5
    for commitment in commitments:
        assert commitment.title.lower() not in commitment.mission.lower()
    officers = {sign_up.officer_name for sign_up in SignUp.objects.all()}
    assert len(officers) == 5


def test_each_demo_bid_tells_its_own_problem(demo):
    bids = list(Bid.objects.all())
    assert len({bid.problem for bid in bids}) == len({bid.users for bid in bids}) == len(bids) == 6
