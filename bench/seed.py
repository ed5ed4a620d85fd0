"""Bulk data for the benchmark: signed organisations, each with a commitment."""

import itertools
import random

from django.db import transaction
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from signatories.models import (
    Commitment,
    Nation,
    Organisation,
    OrganisationType,
    SignUp,
    SignUpState,
)

REGIONS = [
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
]


def seed_signatories(count: int) -> None:
    existing = SignUp.objects.signed().filter(organisation__slug__startswith="bench-").count()
    if existing >= count:
        return
    rng = random.Random(2018)  # the same data every run
    principles = list(Principle.objects.all())
    service_areas = list(ServiceArea.objects.all())
    council_types = [
        OrganisationType.NON_METROPOLITAN_DISTRICT,
        OrganisationType.UNITARY_AUTHORITY,
        OrganisationType.METROPOLITAN_DISTRICT,
        OrganisationType.LONDON_BOROUGH,
    ]
    with transaction.atomic():
        SignUp.objects.filter(organisation__slug__startswith="bench-").delete()
        Organisation.objects.filter(slug__startswith="bench-").delete()
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name=f"Bench {n} Council",
                slug=f"bench-{n}",
                organisation_type=rng.choice(council_types),
                nation=Nation.ENGLAND,
                region=rng.choice(REGIONS),
                register_code=f"B{n:05d}",
                is_from_register=True,
                email_domains=f"bench{n}.gov.uk",
            )
            for n in range(count)
        )
        now = timezone.now()
        sign_ups = SignUp.objects.bulk_create(
            SignUp(
                reference=f"LDD-B{n:07d}",
                organisation=organisation,
                state=SignUpState.SIGNED,
                officer_name="Bench Officer",
                officer_job_title="Digital lead",
                officer_email=f"officer@bench{n}.gov.uk",
                approver_name="Bench Approver",
                approver_role="Chief Executive",
                approver_email=f"approver@bench{n}.gov.uk",
                has_authority=True,
                confirmed_at=now,
                signed_at=now - timezone.timedelta(hours=n),
                signed_by_name="Bench Approver",
            )
            for n, organisation in enumerate(organisations)
        )
        commitments = Commitment.objects.bulk_create(
            Commitment(
                sign_up=sign_up,
                title=f"Shared service number {n}",
                partners="Another Council",
                mission="Deliver a shared online service within a year.",
                impact="Residents get what they need faster.",
                service_area=rng.choice(service_areas),
            )
            for n, sign_up in enumerate(sign_ups)
        )
        Through = Commitment.principles.through
        Through.objects.bulk_create(
            itertools.chain.from_iterable(
                (Through(commitment=c, principle=p) for p in rng.sample(principles, 2))
                for c in commitments
            )
        )
