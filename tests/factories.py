"""Test data, built through the real models (and, for states, the real services)."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from funding import counts as fund_counts
from funding import services as fund_services
from funding.models import (
    COUNTED_STATES,
    Bid,
    BidState,
    CostCategory,
    CostLine,
    Criterion,
    Fund,
    Phase,
    Round,
    RoundPhase,
    Section,
)
from programme.models import (
    Attendance,
    CoPublisher,
    CoPublisherKind,
    Event,
    NewsPost,
    ProgrammePage,
    PublicationStatus,
)
from signatories import counts as signatory_counts
from signatories import partner_listing
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
    # One domain each, so that an officer's address belongs to one council.
    email_domains = factory.Sequence(lambda n: f"testshire{n}.gov.uk")


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
        if sign_up.state == SignUpState.SIGNED:
            # As the signing service does: the public counts include it at once.
            signatory_counts.recount(groups=[signatory_counts.group_of(sign_up.organisation)])
            partner_listing.refresh(organisation=sign_up.organisation)


class RejectionReasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RejectionReason
        django_get_or_create = ["text"]

    text = "The organisation is a supplier, and suppliers cannot sign"


def signed_council(**organisation_fields) -> Organisation:
    """A council with a signed sign-up: one that may lead or join a bid."""
    return SignUpFactory(
        state=SignUpState.SIGNED, organisation=OrganisationFactory(**organisation_fields)
    ).organisation


class FundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fund
        django_get_or_create = ["slug"]

    name = "Local Digital Fund"
    slug = "local-digital-fund"
    description = "Money for councils that work together on **digital** projects."


class RoundFactory(factory.django.DjangoModelFactory):
    """An open round taking discovery, alpha and beta bids, with three weighted criteria."""

    class Meta:
        model = Round
        skip_postgeneration_save = True

    fund = factory.SubFactory(FundFactory)
    name = factory.Sequence(lambda n: f"Round {n + 1}")
    slug = factory.Sequence(lambda n: f"round-{n + 1}")
    reference_prefix = factory.Sequence(lambda n: f"R{n + 1}")
    summary = "Bids for discovery, alpha and beta projects led by councils."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))
    min_partners = 2
    max_bids_per_lead = 2
    guidance = "Read the **guidance** before you bid."
    questions_and_answers = "## Can a county lead?\n\nYes."

    @factory.post_generation
    def phases(round_, create, extracted, **kwargs):
        if not create:
            return
        caps = extracted or {Phase.DISCOVERY: 100_000, Phase.ALPHA: 180_000, Phase.BETA: 350_000}
        for phase, cap in caps.items():
            RoundPhase.objects.create(round=round_, phase=phase, cap=cap)

    @factory.post_generation
    def criteria(round_, create, extracted, **kwargs):
        if not create:
            return
        weights = extracted or {"Strategic fit": 40, "Deliverability": 30, "Value for money": 30}
        for order, (name, weight) in enumerate(weights.items()):
            Criterion.objects.create(round=round_, name=name, weight=weight, order=order)


def complete_bid_fields(*, lead: Organisation) -> dict:
    """Answers to every section of a bid, as model fields (partners and costs apart)."""
    return {
        "title": f"Shared planning enforcement case management for {lead.name}",
        "summary": "Councils replace spreadsheets with a shared case tool.",
        "service_area": ServiceArea.objects.get(slug="licences-permits-and-permissions"),
        "problem": "Enforcement officers track cases in spreadsheets.",
        "users": "Enforcement officers and residents who report breaches.",
        "phase": Phase.DISCOVERY,
        "amount": 90_000,
        "delivery_plan": "Twelve weeks of discovery with user research in each council.",
        "team": "A product manager from the lead, researchers from each partner.",
        "principles_how": "We design around officers' and residents' needs.",
        "open_licence": True,
        "sponsor_name": "Alex Morgan",
        "sponsor_role": "Director of Place",
        "sponsor_email": "alex.morgan@example.gov.uk",
    }


class BidFactory(factory.django.DjangoModelFactory):
    """A draft bid with every section answered and marked complete."""

    class Meta:
        model = Bid
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory)
    lead = factory.LazyFunction(signed_council)
    created_by_email = factory.LazyAttribute(lambda b: f"priya.shah@{b.lead.domain_list[0]}")
    completed_sections = factory.LazyFunction(lambda: list(Section.values))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        lead = kwargs["lead"]
        for name, value in complete_bid_fields(lead=lead).items():
            kwargs.setdefault(name, value)
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def partners(bid, create, extracted, **kwargs):
        if not create:
            return
        bid.partners.set(
            extracted if extracted is not None else [signed_council(), signed_council()]
        )

    @factory.post_generation
    def principles(bid, create, extracted, **kwargs):
        if create:
            bid.principles.set(
                extracted if extracted is not None else Principle.objects.filter(number__in=[1, 5])
            )

    @factory.post_generation
    def cost_lines(bid, create, extracted, **kwargs):
        if not create or not bid.amount:
            return
        if extracted is not None:
            lines = extracted
        else:
            supplier = bid.amount // 2
            lines = [
                (CostCategory.LEAD, "Product manager", bid.amount - supplier),
                (CostCategory.SUPPLIER, "User research agency", supplier),
            ]
        for category, description, amount in lines:
            CostLine.objects.create(
                bid=bid, category=category, description=description, amount=amount
            )


def decided_bid(*, state: str = BidState.FUNDED, number: int | None = None, **fields) -> Bid:
    """A bid already submitted and decided, written directly (the services are tested apart)."""
    bid = BidFactory(**fields)
    number = number or (Bid.objects.filter(round=bid.round).exclude(number=None).count() + 1)
    slot = Bid.objects.filter(round=bid.round, lead=bid.lead).exclude(lead_slot=None).count() + 1
    now = timezone.now()
    Bid.objects.filter(pk=bid.pk).update(
        state=state,
        number=number,
        reference=f"{bid.round.reference_prefix}-{number:04d}",
        lead_slot=slot if state in COUNTED_STATES else None,
        submitted_at=now,
        submitted_by_email=bid.created_by_email,
        decided_at=now if state in (BidState.FUNDED, BidState.NOT_FUNDED) else None,
    )
    bid.refresh_from_db()
    if bid.round.results_published:
        # As recording the outcome does: the fund's public totals include it at once.
        fund_counts.recount(fund=bid.round.fund)
    return bid


def moderator_user(username: str = "moderator", **fields):
    """A member of staff in the Moderators group (made by migration), who may moderate."""
    user = get_user_model().objects.create_user(username, **fields)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def decision_for(bid: Bid, **fields) -> fund_services.Decision:
    """A decision as the panel records it: approved by the minister, with
    feedback on every criterion of the bid's round."""
    feedback = {c.pk: f"Feedback on {c.name}." for c in bid.round.criteria.all()}
    given = {
        "approver_name": "Sam Minister",
        "approver_role": "Minister for Local Government",
        "feedback": feedback,
        **fields,
    }
    return fund_services.Decision(**given)


def content_editor_user(username: str = "editor", **fields):
    """A member of staff in the Content editors group (made by migration)."""
    user = get_user_model().objects.create_user(username, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


class NewsPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsPost

    title = factory.Sequence(lambda n: f"Councils share what they learned, part {n}")
    slug = factory.Sequence(lambda n: f"councils-share-part-{n}")
    summary = "What councils found when they worked in the open."
    body = "Councils met to **share** what they had built."
    status = PublicationStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Show and tell {n}")
    slug = factory.Sequence(lambda n: f"show-and-tell-{n}")
    description = "Teams show what they built this sprint."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=2))
    attendance = Attendance.ONLINE
    organiser = "MHCLG Local Digital team"
    status = PublicationStatus.PUBLISHED


class ProgrammePageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammePage

    title = factory.Sequence(lambda n: f"Programme strand {n}")
    slug = factory.Sequence(lambda n: f"programme-strand-{n}")
    summary = "A strand of the programme."
    body = "## What it is\n\nHelp for councils.\n\n## Who it is for\n\nEvery council."
    status = PublicationStatus.PUBLISHED


class CoPublisherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoPublisher

    name = factory.Sequence(lambda n: f"Sector body {n}")
    kind = CoPublisherKind.SECTOR_BODY
    joined_on = datetime.date(2018, 7, 4)
