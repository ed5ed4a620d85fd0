"""Demonstration signatories for `make run`: a few councils taken through the
real workflow (submitted, confirmed, approved, signed), and one waiting for review."""

from django.db import transaction

from declaration.models import Principle, ServiceArea
from signatories import services
from signatories.models import LinkPurpose, Organisation, SignUp

DEMO_COMMITMENTS = [
    # (register code, commitment title, service area slug, principle numbers, signs?)
    (
        "HCK",
        "Publish every planning application as open data by June 2027",
        "planning-and-building-control",
        [2, 5],
        True,
    ),
    (
        "LDS",
        "Online blue badge applications with three partner councils by 2027",
        "parking-roads-and-transport",
        [1, 3],
        True,
    ),
    (
        "CON",
        "A shared waste collection booking service by spring 2027",
        "waste-and-recycling",
        [1, 2],
        True,
    ),
    (
        "EDH",
        "Replace paper licence renewals with an online service by 2027",
        "licences-permits-and-permissions",
        [1],
        True,
    ),
    (
        "CRF",
        "Open up our housing repairs data for tenants by 2027",
        "housing-and-homelessness",
        [3, 5],
        False,
    ),
]


def create_demo_signatories() -> int:
    """Create what is missing; return how many sign-ups were made."""
    made = 0
    for code, title, area, numbers, signs in DEMO_COMMITMENTS:
        organisation = Organisation.objects.filter(register_code=code).first()
        if organisation is None or SignUp.objects.live().filter(organisation=organisation).exists():
            continue
        domain = organisation.slug.replace("-", "") + ".gov.uk"
        answers = services.SignUpAnswers(
            officer_name="Sam Patel",
            officer_job_title="Head of Digital Services",
            officer_email=f"sam.patel@{domain}",
            approver_name="Alex Morgan",
            approver_role="Chief Executive",
            approver_email=f"alex.morgan@{domain}",
            title=title,
            partners="Two neighbouring councils that have agreed to take part",
            mission=f"Within a year: {title[0].lower()}{title[1:]}.",
            impact="Residents get a quicker answer, and staff spend less time on paperwork.",
            principles=list(Principle.objects.filter(number__in=numbers)),
            service_area=ServiceArea.objects.get(slug=area),
            has_authority=True,
        )
        with transaction.atomic():
            sign_up = services.sign_up_submit(organisation=organisation, answers=answers)
            services.sign_up_confirm_email(link=_latest_link(sign_up, LinkPurpose.CONFIRM_EMAIL))
            if signs:
                sign_up.refresh_from_db()
                services.sign_up_approve(sign_up=sign_up, by=None)
                services.sign_up_sign(
                    link=_latest_link(sign_up, LinkPurpose.SIGN), typed_name="Alex Morgan"
                )
        made += 1
    return made


def _latest_link(sign_up: SignUp, purpose: LinkPurpose):
    return sign_up.links.filter(purpose=purpose).latest("created_at")
