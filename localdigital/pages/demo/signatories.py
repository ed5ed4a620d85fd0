"""Demonstration signatories for `make run`: a few councils taken through the
real workflow (submitted, confirmed, approved, signed), and one waiting for review.

The signed ones signed over the programme's years, from its launch in July
2018 on: each is taken through the services today, then the times on its
records are moved back to the days its steps would have taken, keeping the
order in which things happened. The one waiting for review was sent
yesterday, so that it sits in the moderators' queue as a new sign-up would.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from localdigital.core.models import OutboundEmail
from localdigital.core.working_days import add_working_days
from signatories import services
from signatories.models import (
    LinkPurpose,
    Organisation,
    SignUp,
    SignUpLink,
    SignUpState,
    StateChange,
)
from signatories.services import REVIEW_WORKING_DAYS


@dataclass(frozen=True)
class DemoSignatory:
    code: str  # in the register
    officer: tuple[str, str]  # name, job title
    approver: tuple[str, str]  # name, role
    title: str
    partners: str
    mission: str
    impact: str
    service_area: str  # slug
    principles: tuple[int, ...]
    # The day it signed (UK time), or None: still waiting for review.
    signed_on: datetime.date | None


DEMO_SIGNATORIES = [
    DemoSignatory(
        code="HCK",
        officer=("Ayesha Rahman", "Head of Digital and Data"),
        approver=("Tim Shields", "Chief Executive"),
        title="Publish every new planning application as open data by July 2019",
        partners="Camden and Islington councils, who use the same planning system as we do.",
        mission=(
            "A daily open data file of every planning application we receive, in a format "
            "agreed with our two partners, with the code that makes it published for any "
            "council to reuse."
        ),
        impact=(
            "Residents and community groups can follow applications near them without "
            "searching our planning portal, and developers of planning tools get the same "
            "data from three councils in one shape."
        ),
        service_area="planning-and-building-control",
        principles=(2, 5),
        signed_on=datetime.date(2018, 7, 23),
    ),
    DemoSignatory(
        code="LDS",
        officer=("Sam Patel", "Digital Services Manager"),
        approver=("Mariana Pexton", "Director of Strategy and Resources"),
        title="Blue badge applications online from start to finish by March 2020",
        partners="Bradford and Wakefield councils have agreed to test the service with us.",
        mission=(
            "Replace the paper blue badge form with an online application that checks "
            "eligibility as people go, and tells them which evidence to send."
        ),
        impact=(
            "Disabled residents apply in one sitting, from home, and hear back in days "
            "rather than weeks; our assessors stop chasing missing evidence."
        ),
        service_area="parking-roads-and-transport",
        principles=(1, 3),
        signed_on=datetime.date(2019, 3, 4),
    ),
    DemoSignatory(
        code="CON",
        officer=("Jenna Trewin", "Service Design Lead"),
        approver=("Kate Kennally", "Chief Executive"),
        title="Book a bulky waste collection online, and pay, by June 2021",
        partners="None yet: we will share what we learn with other unitary councils.",
        mission=(
            "An online booking service for bulky waste collections that shows the next "
            "free dates in your area and takes payment, replacing most phone bookings."
        ),
        impact=(
            "Residents book at any hour in a few minutes; our contact centre takes fewer "
            "calls and the crews get their rounds a day earlier."
        ),
        service_area="waste-and-recycling",
        principles=(1, 2),
        signed_on=datetime.date(2020, 6, 15),
    ),
    DemoSignatory(
        code="EDH",
        officer=("Callum Fraser", "Digital Programme Manager"),
        approver=("Andrew Kerr", "Chief Executive"),
        title="Renew a street trading licence online by September 2023",
        partners="Glasgow City Council's licensing team will review our designs.",
        mission=(
            "An online renewal for street trading licences that remembers what the "
            "trader told us last time and lets them upload their documents."
        ),
        impact=(
            "Traders renew without taking a day off to visit our offices; licensing "
            "officers stop re-typing paper forms."
        ),
        service_area="licences-permits-and-permissions",
        principles=(1,),
        signed_on=datetime.date(2022, 9, 5),
    ),
    DemoSignatory(
        code="CRF",
        officer=("Rhys Morgan", "Head of Customer Services"),
        approver=("Paul Orders", "Chief Executive"),
        title="Open our housing repairs data to tenants within a year",
        partners="Newport City Council, who want to publish theirs in the same format.",
        mission=(
            "Publish how long each kind of repair takes, by area, every month, and let "
            "tenants see where their own repair has got to online."
        ),
        impact=(
            "Tenants know when to expect a repair without phoning us, and tenants' groups "
            "can hold us to account with our own figures."
        ),
        service_area="housing-and-homelessness",
        principles=(3, 5),
        signed_on=None,
    ),
]


def create_demo_signatories() -> int:
    """Create what is missing; return how many sign-ups were made."""
    made = 0
    for spec in DEMO_SIGNATORIES:
        organisation = Organisation.objects.filter(register_code=spec.code).first()
        if organisation is None or SignUp.objects.live().filter(organisation=organisation).exists():
            continue
        with transaction.atomic():
            sign_up = _take_through_the_workflow(spec, organisation)
            _move_into_the_past(sign_up, _moments(spec))
        made += 1
    return made


def _moments(spec: DemoSignatory) -> dict[str, datetime.datetime]:
    """When each step happened: sent, confirmed within the hour, approved two
    days later (inside the 3 working days), and signed a week after that."""
    if spec.signed_on is None:
        confirmed = timezone.now() - datetime.timedelta(days=1)
        return {
            SignUpState.AWAITING_CONFIRMATION: confirmed - datetime.timedelta(minutes=40),
            SignUpState.AWAITING_REVIEW: confirmed,
        }
    signed = timezone.make_aware(datetime.datetime.combine(spec.signed_on, datetime.time(10, 30)))
    approved = signed - datetime.timedelta(days=7, hours=1)
    confirmed = approved - datetime.timedelta(days=2, hours=3)
    return {
        SignUpState.AWAITING_CONFIRMATION: confirmed - datetime.timedelta(minutes=40),
        SignUpState.AWAITING_REVIEW: confirmed,
        SignUpState.AWAITING_SIGN_OFF: approved,
        SignUpState.SIGNED: signed,
    }


def _take_through_the_workflow(spec: DemoSignatory, organisation: Organisation) -> SignUp:
    domain = organisation.slug.replace("-", "") + ".gov.uk"
    answers = services.SignUpAnswers(
        officer_name=spec.officer[0],
        officer_job_title=spec.officer[1],
        officer_email=_email(spec.officer[0], domain),
        approver_name=spec.approver[0],
        approver_role=spec.approver[1],
        approver_email=_email(spec.approver[0], domain),
        title=spec.title,
        partners=spec.partners,
        mission=spec.mission,
        impact=spec.impact,
        principles=list(Principle.objects.filter(number__in=spec.principles)),
        service_area=ServiceArea.objects.get(slug=spec.service_area),
        has_authority=True,
    )
    sign_up = services.sign_up_submit(organisation=organisation, answers=answers)
    services.sign_up_confirm_email(link=_latest_link(sign_up, LinkPurpose.CONFIRM_EMAIL))
    if spec.signed_on:
        sign_up.refresh_from_db()
        services.sign_up_approve(sign_up=sign_up, by=None)
        services.sign_up_sign(
            link=_latest_link(sign_up, LinkPurpose.SIGN), typed_name=spec.approver[0]
        )
    sign_up.refresh_from_db()
    return sign_up


def _email(name: str, domain: str) -> str:
    return f"{name.lower().replace(' ', '.')}@{domain}"


def _move_into_the_past(sign_up: SignUp, moments: dict[str, datetime.datetime]) -> None:
    """Move each state change to its moment, and every other time on the
    sign-up's records (its links, its emails) along with the change it followed."""
    changes = list(StateChange.objects.filter(sign_up=sign_up).order_by("at", "pk"))
    anchors = [(change.at, moments[change.to_state]) for change in changes]

    def moved(moment):
        if moment is None:
            return None
        then, now = anchors[0]
        for original, new in anchors:
            if original <= moment:
                then, now = original, new
        return now + (moment - then)

    for change in changes:
        StateChange.objects.filter(pk=change.pk).update(at=moved(change.at))
    for link in SignUpLink.objects.filter(sign_up=sign_up):
        SignUpLink.objects.filter(pk=link.pk).update(
            created_at=moved(link.created_at),
            expires_at=moved(link.expires_at),
            used_at=moved(link.used_at),
        )
    for email in OutboundEmail.objects.filter(reference=sign_up.reference):
        OutboundEmail.objects.filter(pk=email.pk).update(
            created_at=moved(email.created_at),
            next_attempt_at=moved(email.next_attempt_at),
            sent_at=moved(email.sent_at),
        )
    # Set a hair before their state changes are recorded: given their moments exactly.
    confirmed_at = moments[SignUpState.AWAITING_REVIEW]
    SignUp.objects.filter(pk=sign_up.pk).update(
        created_at=moved(sign_up.created_at),
        updated_at=moved(sign_up.updated_at),
        confirmed_at=confirmed_at,
        signed_at=moments.get(SignUpState.SIGNED),
        review_due=add_working_days(timezone.localdate(confirmed_at), REVIEW_WORKING_DAYS),
    )


def _latest_link(sign_up: SignUp, purpose: LinkPurpose):
    return sign_up.links.filter(purpose=purpose).latest("created_at")
