"""The summary counts the public pages read are kept right by the services that
change what they count: after a mix of signings, a removal, an organisation
moved to another region, decisions and a round published, the rows kept are
the rows rebuilt from scratch, and the pages show them on the next request."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from funding import services as fund_services
from funding.models import FundCount, PrincipleProjectCount
from signatories import services as signatory_services
from signatories.models import (
    LinkPurpose,
    PrincipleCommitmentCount,
    SignatoryCount,
    SignUpState,
)
from tests.factories import (
    OrganisationFactory,
    RoundFactory,
    SignUpFactory,
    decided_bid,
    decision_for,
    moderator_user,
)
from tests.signatories.services.emailed_links import link_in

pytestmark = pytest.mark.django_db


def kept_rows() -> tuple:
    return (
        sorted(
            SignatoryCount.objects.values_list(
                "organisation_type", "nation", "region", "signatories", "commitments"
            )
        ),
        sorted(PrincipleCommitmentCount.objects.values_list("principle_id", "commitments")),
        sorted(
            FundCount.objects.values_list(
                "fund_id", "published_bids", "projects", "awarded", "councils"
            )
        ),
        sorted(PrincipleProjectCount.objects.values_list("principle_id", "projects")),
    )


def sign(name: str, region: str, *, moderator, capture):
    sign_up = SignUpFactory(
        state=SignUpState.AWAITING_REVIEW,
        organisation=OrganisationFactory(name=name, region=region),
    )
    with capture(execute=True):
        signatory_services.sign_up_approve(sign_up=sign_up, by=moderator)
    _, link = link_in(mail.outbox[-1], LinkPurpose.SIGN)
    with capture(execute=True):
        return signatory_services.sign_up_sign(link=link, typed_name="Tom Evans")


@pytest.fixture
def assessor(django_user_model):
    user = django_user_model.objects.create_user(username="assessor", password="unused-pass-123")
    user.groups.add(Group.objects.get(name="Fund assessors"))
    return user


def test_counts_kept_by_the_services_are_the_counts_rebuilt_from_scratch(
    client, assessor, django_capture_on_commit_callbacks
):
    moderator = moderator_user()
    capture = django_capture_on_commit_callbacks
    first = sign("Northam Council", "North East", moderator=moderator, capture=capture)
    second = sign("Southam Council", "South East", moderator=moderator, capture=capture)
    sign("Westam Council", "South East", moderator=moderator, capture=capture)
    with capture(execute=True):
        signatory_services.sign_up_remove(sign_up=first, by=moderator, reason="Signed twice")
    moved = second.organisation
    moved.region = "London"
    moved.save()

    closed = timezone.now() - datetime.timedelta(days=1)
    round_ = RoundFactory(opens_at=closed - datetime.timedelta(days=30), closes_at=closed)
    for number, funded in enumerate([True, True, False], start=1):
        bid = decided_bid(state="in_assessment", round=round_, amount=100_000 * number)
        with capture(execute=True):
            fund_services.bid_decide(
                bid=bid, funded=funded, by=assessor, decision=decision_for(bid)
            )
    round_.refresh_from_db()
    round_.results_published = True
    round_.save()

    kept = kept_rows()
    call_command("rebuild_counts")

    assert kept_rows() == kept
    regions = {row[2]: row[3] for row in kept[0]}
    assert regions["London"] == 1, "the organisation moved is counted in its new region"
    assert "North East" not in regions, "the signatory removed is counted no more"
    assert [row[1:4] for row in kept[2]] == [(3, 2, 300_000)]
    listed = " ".join(client.get("/signatories/", {"region": "London"}).content.decode().split())
    assert "1 organisation" in listed and "Southam Council" in listed
    projects = " ".join(client.get("/fund/projects/").content.decode().split())
    assert "2 projects have been funded" in projects


def test_unpublishing_a_round_takes_its_bids_out_of_the_totals_at_once(client):
    round_ = RoundFactory(results_published=True)
    decided_bid(round=round_, amount=50_000)
    assert "1 project has" in " ".join(client.get("/fund/projects/").content.decode().split())

    round_.refresh_from_db()
    round_.results_published = False
    round_.save()

    page = " ".join(client.get("/fund/projects/").content.decode().split())
    assert "0 projects have been funded" in page
    assert FundCount.objects.get().projects == 0
