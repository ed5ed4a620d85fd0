"""Bulk data for the benchmark: signed organisations, each with a commitment."""

import itertools
import random

from django.db import transaction
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from localdigital.core.markdown import render_markdown
from signatories import counts as signatory_counts
from signatories import partner_listing
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


COUNCIL_TYPES = [
    OrganisationType.NON_METROPOLITAN_DISTRICT,
    OrganisationType.UNITARY_AUTHORITY,
    OrganisationType.METROPOLITAN_DISTRICT,
    OrganisationType.LONDON_BOROUGH,
]


def seed_signatories(count: int) -> None:
    existing = SignUp.objects.signed().filter(organisation__slug__startswith="bench-").count()
    if existing >= count:
        return
    rng = random.Random(2018)  # the same data every run
    with transaction.atomic():
        SignUp.objects.filter(organisation__slug__startswith="bench-").delete()
        Organisation.objects.filter(slug__startswith="bench-").delete()
        organisations = _organisations(count, rng)
        sign_ups = _signed_sign_ups(organisations)
        _commitments(sign_ups, rng)
        # Bulk inserts pass by the services that keep the public counts.
        signatory_counts.rebuild()
        partner_listing.rebuild()
    _analyze()


def _organisations(count: int, rng: random.Random) -> list[Organisation]:
    return Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench {n} Council",
            slug=f"bench-{n}",
            organisation_type=rng.choice(COUNCIL_TYPES),
            nation=Nation.ENGLAND,
            region=rng.choice(REGIONS),
            register_code=f"B{n:05d}",
            is_from_register=True,
            email_domains=f"bench{n}.gov.uk",
        )
        for n in range(count)
    )


def _signed_sign_ups(organisations: list[Organisation]) -> list[SignUp]:
    now = timezone.now()
    return SignUp.objects.bulk_create(
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


def _commitments(sign_ups: list[SignUp], rng: random.Random) -> None:
    principles = list(Principle.objects.all())
    service_areas = list(ServiceArea.objects.all())
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


def seed_fund(*, rounds: int, bids_per_round: int) -> None:
    """Published rounds of bids by the benchmark's councils, a third of them funded."""
    from funding import counts as fund_counts
    from funding.models import Bid, Fund, Round

    if Bid.objects.filter(round__slug__startswith="bench-").count() >= rounds * bids_per_round:
        return
    rng = random.Random(2019)
    councils = list(Organisation.objects.filter(slug__startswith="bench-").order_by("pk"))
    now = timezone.now()
    with transaction.atomic():
        Bid.objects.filter(round__slug__startswith="bench-").delete()
        Round.objects.filter(slug__startswith="bench-").delete()
        fund, _ = Fund.objects.get_or_create(
            slug="local-digital-fund",
            defaults={"name": "Local Digital Fund", "description": "The benchmark's fund."},
        )
        for number in range(rounds):
            round_ = Round.objects.create(
                fund=fund,
                name=f"Bench round {number}",
                slug=f"bench-{number}",
                reference_prefix=f"BR{number}",
                summary="A round of the benchmark.",
                opens_at=now - timezone.timedelta(days=400 + 30 * number),
                closes_at=now - timezone.timedelta(days=370 + 30 * number),
                results_published=True,
            )
            _round_bids(round_, number, bids_per_round, councils, rng)
        fund_counts.rebuild()
    _analyze()


def _round_bids(round_, number: int, count: int, councils: list, rng: random.Random) -> None:
    """`count` decided bids in the round, each with partners, principles and a cost line."""
    from funding.models import Bid, BidState, Phase

    principles = list(Principle.objects.all())
    service_areas = list(ServiceArea.objects.all())
    bids = Bid.objects.bulk_create(
        Bid(
            round=round_,
            lead=rng.choice(councils),
            state=BidState.FUNDED if n % 3 == 0 else BidState.NOT_FUNDED,
            number=n + 1,
            reference=f"BR{number}-{n + 1:04d}",
            lead_slot=n + 1,
            title=f"Shared service project {number}-{n}",
            summary="Councils build one service together.",
            service_area=rng.choice(service_areas),
            problem="Each council builds its own.",
            users="Residents and officers.",
            phase=rng.choice(Phase.values),
            amount=rng.randrange(50_000, 350_000, 1_000),
            created_by_email="officer@bench.gov.uk",
            submitted_by_email="officer@bench.gov.uk",
            submitted_at=round_.closes_at,
            round_opens_at=round_.opens_at,
            decided_at=timezone.now(),
        )
        for n in range(count)
    )
    _bid_relations(bids, councils, principles, rng)


def _bid_relations(bids: list, councils: list, principles: list, rng: random.Random) -> None:
    """Each bid's partners (two councils), principles (two) and one cost line."""
    from funding.models import Bid, CostCategory, CostLine

    Partners = Bid.partners.through
    Partners.objects.bulk_create(
        Partners(bid=bid, organisation=partner)
        for bid in bids
        for partner in rng.sample(councils, 2)
        if partner.pk != bid.lead_id
    )
    Principles = Bid.principles.through
    Principles.objects.bulk_create(
        Principles(bid=bid, principle=principle)
        for bid in bids
        for principle in rng.sample(principles, 2)
    )
    CostLine.objects.bulk_create(
        CostLine(bid=bid, category=CostCategory.LEAD, description="Project team", amount=bid.amount)
        for bid in bids
    )


def seed_updates(*, per_project: int) -> None:
    """`per_project` published updates on each funded benchmark project (written
    directly: the service's emails and announcements are not what is measured)."""
    from funding.models import Bid
    from sharing.models import ProjectUpdate, UpdateKind

    funded = Bid.objects.funded().filter(round__slug__startswith="bench-")
    if ProjectUpdate.objects.filter(bid__in=funded).count() >= funded.count() * per_project:
        return
    rng = random.Random(2021)
    now = timezone.now()
    body = "We tested the new service with **residents** this sprint.\n\n* what we learnt\n* what is next"
    with transaction.atomic():
        ProjectUpdate.objects.filter(bid__in=funded).delete()
        ProjectUpdate.objects.bulk_create(
            (
                ProjectUpdate(
                    bid_id=bid_id,
                    kind=rng.choice(UpdateKind.values),
                    title=f"Sprint {n + 1} of project {bid_id}",
                    body=body,
                    body_html=render_markdown(body),
                    author_email="officer@bench.gov.uk",
                    published_at=now - timezone.timedelta(hours=rng.randrange(1, 20_000)),
                    updated_at=now,
                )
                for bid_id in funded.values_list("pk", flat=True).iterator()
                for n in range(per_project)
            ),
            batch_size=5_000,
        )
    _analyze()


def _analyze() -> None:
    """Fresh planner statistics: after a bulk load they say the tables are
    empty until autovacuum gets to them, and the plans made from that are slow."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def seed_expressions(*, round_slug: str, count: int) -> None:
    """The round's expressions of interest, decided, each with two partners: its
    expression stage closed before it opened, as a real one would."""
    from funding.models import Expression, ExpressionState, Phase, Round

    round_ = Round.objects.get(slug=round_slug)
    if round_.expressions.count() >= count:
        return
    rng = random.Random(2018)
    councils = list(Organisation.objects.filter(slug__startswith="bench-").order_by("pk"))
    with transaction.atomic():
        round_.expressions.all().delete()
        Round.objects.filter(pk=round_.pk).update(
            expressions_open_at=round_.opens_at - timezone.timedelta(days=60),
            expressions_close_at=round_.opens_at - timezone.timedelta(days=30),
        )
        decided = round_.opens_at - timezone.timedelta(days=20)
        expressions = Expression.objects.bulk_create(
            Expression(
                round=round_,
                lead=rng.choice(councils),
                state=ExpressionState.INVITED if n % 5 == 0 else ExpressionState.DECLINED,
                number=n + 1,
                reference=f"{round_.reference_prefix}-EOI-{n + 1:04d}",
                title=f"Shared service idea {n}",
                problem="Each council builds its own.",
                phase=rng.choice(Phase.values),
                estimated_cost=rng.randrange(50_000, 350_000, 1_000),
                feedback="Thank you for your expression of interest.",
                submitted_by_email="officer@bench.gov.uk",
                submitted_at=decided - timezone.timedelta(days=15),
                decided_at=decided,
            )
            for n in range(count)
        )
        Partners = Expression.partners.through
        Partners.objects.bulk_create(
            Partners(expression=expression, organisation=partner)
            for expression in expressions
            for partner in rng.sample(councils, 2)
            if partner.pk != expression.lead_id
        )
    _analyze()
