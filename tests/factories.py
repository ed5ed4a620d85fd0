"""Test data, built through the real models (and, for states, the real services)."""

import factory
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from signatories.models import (
    Commitment,
    Nation,
    Organisation,
    OrganisationType,
    RejectionReason,
    SignUp,
    SignUpState,
    StateChange,
)
from signatories.services import SignUpAnswers


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testshire {n} District Council")
    organisation_type = OrganisationType.NON_METROPOLITAN_DISTRICT
    nation = Nation.ENGLAND
    region = "South East"
    register_code = factory.Sequence(lambda n: f"T{n:03d}")
    gss_code = factory.Sequence(lambda n: f"E07{n:06d}")
    is_from_register = True
    email_domains = factory.LazyAttribute(lambda o: o.name.split()[0].lower() + ".gov.uk")


def answers(**overrides) -> SignUpAnswers:
    """A complete, valid set of sign-up answers."""
    values = {
        "officer_name": "Priya Shah",
        "officer_job_title": "Head of Digital",
        "officer_email": "priya.shah@testshire0.gov.uk",
        "approver_name": "Tom Evans",
        "approver_role": "Chief Executive",
        "approver_email": "tom.evans@testshire0.gov.uk",
        "title": "Online licence renewals by March 2027",
        "partners": "Otherton Borough Council",
        "mission": "Replace paper renewal forms with an online service.",
        "impact": "Licence holders renew in minutes instead of posting forms.",
        "principles": list(Principle.objects.filter(number__in=[1, 2])),
        "service_area": ServiceArea.objects.get(slug="licences-permits-and-permissions"),
        "has_authority": True,
    }
    values.update(overrides)
    return SignUpAnswers(**values)


class SignUpFactory(factory.django.DjangoModelFactory):
    """A sign-up in any state, written directly (use the services to test moves)."""

    class Meta:
        model = SignUp
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    state = SignUpState.AWAITING_REVIEW
    officer_name = "Priya Shah"
    officer_job_title = "Head of Digital"
    officer_email = factory.LazyAttribute(lambda s: f"priya.shah@{s.organisation.domain_list[0]}")
    approver_name = "Tom Evans"
    approver_role = "Chief Executive"
    approver_email = factory.LazyAttribute(lambda s: f"tom.evans@{s.organisation.domain_list[0]}")
    has_authority = True
    confirmed_at = factory.LazyFunction(timezone.now)
    signed_at = factory.Maybe(
        factory.LazyAttribute(lambda s: s.state == SignUpState.SIGNED),
        yes_declaration=factory.LazyFunction(timezone.now),
        no_declaration=None,
    )
    signed_by_name = factory.Maybe(
        factory.LazyAttribute(lambda s: s.state == SignUpState.SIGNED),
        yes_declaration="Tom Evans",
        no_declaration="",
    )

    @factory.post_generation
    def commitment(sign_up, create, extracted, **kwargs):
        if not create:
            return
        commitment = Commitment.objects.create(
            sign_up=sign_up,
            title=kwargs.get("title", f"Commitment of {sign_up.organisation.name}"),
            partners=kwargs.get("partners", "Otherton Borough Council"),
            mission=kwargs.get("mission", "Deliver a shared online service within a year."),
            impact=kwargs.get("impact", "Residents get what they need faster."),
            service_area=kwargs.get("service_area")
            or ServiceArea.objects.get(slug="licences-permits-and-permissions"),
        )
        commitment.principles.set(kwargs.get("principles") or Principle.objects.filter(number=1))
        StateChange.objects.create(sign_up=sign_up, to_state=sign_up.state, by_label="test data")


class RejectionReasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RejectionReason
        django_get_or_create = ["text"]

    text = "The organisation is a supplier, and suppliers cannot sign"
