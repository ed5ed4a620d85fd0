"""Which signed organisations an officer's email address lets them bid for."""

import pytest

from funding.officers import lead_councils_of, organisations_of, parent_domains
from signatories.models import OrganisationType, SignUpState
from tests.factories import OrganisationFactory, SignUpFactory, signed_council

pytestmark = pytest.mark.django_db


def test_parent_domains_stop_at_two_labels_and_leave_out_shared_ones():
    assert parent_domains("a.person@housing.hackney.gov.uk") == [
        "housing.hackney.gov.uk",
        "hackney.gov.uk",
    ]
    assert parent_domains("not-an-address") == []


def test_an_address_at_the_councils_domain_or_below_belongs_to_it():
    council = signed_council(email_domains="hackney.gov.uk\n@hackney.london")

    assert list(organisations_of("Someone@Hackney.gov.uk")) == [council]
    assert list(organisations_of("someone@housing.hackney.gov.uk")) == [council]
    assert list(organisations_of("someone@hackney.london")) == [council]
    assert list(organisations_of("someone@nothackney.gov.uk")) == []
    assert list(organisations_of("someone@hackney.gov.uk.evil.example")) == []


def test_the_named_officer_and_approver_belong_whatever_their_domain():
    sign_up = SignUpFactory(
        state=SignUpState.SIGNED,
        officer_email="officer@gmail.example",
        approver_email="chief@another.example",
    )

    assert list(organisations_of("OFFICER@gmail.example")) == [sign_up.organisation]
    assert list(organisations_of("chief@another.example")) == [sign_up.organisation]


def test_an_organisation_that_has_not_signed_is_nobodys_to_bid_for():
    sign_up = SignUpFactory(state=SignUpState.AWAITING_REVIEW)

    assert list(organisations_of(sign_up.officer_email)) == []


def test_a_named_officer_of_an_old_rejected_sign_up_does_not_belong_by_name():
    organisation = OrganisationFactory(email_domains="")
    SignUpFactory(
        organisation=organisation,
        state=SignUpState.REJECTED,
        officer_email="old@elsewhere.example",
        approver_email="old.chief@elsewhere.example",
    )
    SignUpFactory(
        organisation=organisation,
        state=SignUpState.SIGNED,
        officer_email="new@elsewhere.example",
        approver_email="chief@elsewhere.example",
    )

    assert list(organisations_of("old@elsewhere.example")) == []


def test_only_councils_may_lead():
    charity = signed_council(
        organisation_type=OrganisationType.CHARITY, email_domains="helpers.org.uk"
    )

    assert list(organisations_of("someone@helpers.org.uk")) == [charity]
    assert list(lead_councils_of("someone@helpers.org.uk")) == []


def test_a_domain_many_share_is_nobodys_even_if_it_was_stored_before_the_rule():
    council = signed_council()
    # Written past the form's check, as data from before it might be.
    type(council).objects.filter(pk=council.pk).update(email_domains="gov.uk\ngmail.com")

    assert list(organisations_of("anyone@communities.gov.uk")) == []
    assert list(organisations_of("someone@gmail.com")) == []
