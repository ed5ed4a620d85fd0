"""The coverage page's and the partner finder's rows follow every change that moves them."""

import datetime

import pytest
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from signatories import counts, partner_listing, services
from signatories.coverage import council_coverage
from signatories.models import CouncilCount, OrganisationType, PartnerListing, SignUpState
from tests.factories import OrganisationFactory, SignUpFactory, moderator_user

pytestmark = pytest.mark.django_db


def kept_council_rows() -> list[tuple]:
    return sorted(
        CouncilCount.objects.values_list(
            "organisation_type", "nation", "region", "start_date", "end_date", "councils", "signed"
        ),
        key=repr,
    )


def kept_partner_rows() -> list[tuple]:
    return sorted(
        PartnerListing.objects.values_list(
            "sign_up_id", "name", "service_area_id", "principles", "start_date", "end_date"
        )
    )


def assert_rows_are_what_a_rebuild_makes():
    councils, partners = kept_council_rows(), kept_partner_rows()
    counts.rebuild()
    partner_listing.rebuild()
    assert kept_council_rows() == councils
    assert kept_partner_rows() == partners


def signed(name, **fields):
    return SignUpFactory(
        state=SignUpState.SIGNED,
        organisation=OrganisationFactory(name=name, organisation_type="county", **fields),
        commitment__service_area=ServiceArea.objects.get(slug="public-health"),
        commitment__principles=list(Principle.objects.filter(number__in=(1, 3))),
    )


def test_coverage_follows_councils_added_signed_ended_and_moved():
    kent = signed("Kent County Council", region="South East")
    essex = OrganisationFactory(name="Essex County Council", organisation_type="county")
    OrganisationFactory(name="A charity", organisation_type=OrganisationType.CHARITY)
    assert (council_coverage().overall.signed, council_coverage().overall.total) == (1, 2)

    essex.end_date = timezone.localdate() - datetime.timedelta(days=1)
    essex.save()
    assert council_coverage().overall.total == 1

    kent.organisation.region = "London"
    kent.organisation.save()
    by_region = {row.label: (row.signed, row.total) for row in council_coverage().by_region}
    assert by_region == {"London": (1, 1)}

    services.sign_up_remove(sign_up=kent, by=moderator_user(), reason="Asked to leave.")
    assert council_coverage().overall.signed == 0
    assert_rows_are_what_a_rebuild_makes()


def test_partner_rows_follow_signing_renaming_and_removal():
    kent = signed("Kent County Council")
    row = PartnerListing.objects.get()
    assert (row.name, row.principles) == (
        "Kent County Council",
        ",{},{},".format(*Principle.objects.filter(number__in=(1, 3)).values_list("pk", flat=True)),
    )

    kent.organisation.name = "Kent Council"
    kent.organisation.save()
    assert PartnerListing.objects.get().name == "Kent Council"
    assert_rows_are_what_a_rebuild_makes()

    services.sign_up_remove(sign_up=kent, by=moderator_user(), reason="Asked to leave.")
    assert not PartnerListing.objects.exists()


def test_only_councils_are_listed_for_partners():
    SignUpFactory(
        state=SignUpState.SIGNED,
        organisation=OrganisationFactory(organisation_type=OrganisationType.CHARITY),
    )
    SignUpFactory(state=SignUpState.AWAITING_REVIEW)
    assert not PartnerListing.objects.exists()
    assert_rows_are_what_a_rebuild_makes()
