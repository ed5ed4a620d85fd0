"""A demonstration fund for `make run`: one round open for bids, and one closed
round whose decisions are published, with funded and unfunded projects.

The bids are made by the demo signatories' officers (signatories.demo, which
must run first) and go through the real services, so every one has a frozen
copy, a reference, a history and the emails the services send. Two demo
assessors score them and record the outcomes; they have no password, so
nobody can sign in as them.

A bid can only be submitted to an open round, so the closed round is made
open, its bids are submitted and decided, and then its dates, and the times
recorded on its bids, are moved back into the past: the data then reads as a
round that ran a few months ago. Nothing else is written directly.

Each round is made, with its bids, in one transaction, and only if it does
not exist yet; running this again changes nothing.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from funding import services
from funding.models import (
    Bid,
    BidState,
    BidStateChange,
    BidSubmission,
    CostCategory,
    Criterion,
    Fund,
    LinkKind,
    Phase,
    ProjectLink,
    Round,
    RoundPhase,
    Score,
    Section,
)
from signatories.models import Organisation, SignUp, SignUpState

FUND_SLUG = "local-digital-fund"
FUND_DESCRIPTION = """\
The Local Digital Fund pays for councils to work together on digital projects
that any council could reuse. Each bid is led by a council that has signed the
Local Digital Declaration, with signed partner councils beside it.

Projects are funded one phase at a time: **discovery** to understand a problem
and the people who have it, **alpha** to try out ways of solving it, and
**beta** to build a working service. Everything a funded project makes is
published under an open licence, and its team writes sprint notes as it goes,
so that other councils can learn from it and reuse what it made.
"""

SCORING_GUIDE = """\
Score each criterion on its own, from what the bid says:

- **0**: the bid does not address it
- **1**: it is addressed, with little evidence
- **2**: it is addressed, with some evidence and gaps
- **3**: it is addressed well, with good evidence
- **4**: it is addressed in full, with strong evidence and no gaps
"""

GUIDANCE = """\
## Before you start

Only a council that has signed the Local Digital Declaration can lead a bid.
You need at least two partner councils that have signed it too, and each of
them must have agreed to take part before you name them.

## What we fund

We fund discovery, alpha and beta work on problems that many councils share.
Tell us which phase you are bidding for and how much you need, up to the
round's limit for that phase, and break the amount down between the lead
council, the partners and any suppliers.

## How bids are assessed

Assessors score every bid against the criteria listed on this page, on a scale
of 0 to 4, and give reasons for each score. Each criterion counts according to
its weight. The panel's recommendations go to the minister for approval.

## After you submit

You will get a reference by email straight away. You can withdraw your bid
until a decision is made. We will email you the outcome, and every bid is
listed with its outcome once the round's decisions are published.
"""

QUESTIONS_AND_ANSWERS = """\
## Can a county council lead a bid?

Yes. Any type of council that has signed the declaration can lead a bid.

## Can a charity or an NHS body be a partner?

They can work with you on the project, but the partners that count towards the
minimum of two must be councils that have signed the declaration.

## How many bids can one council lead?

Two in this round. A council can be a partner in as many bids as it likes.

## Can we bid for alpha without having done a discovery?

Yes, if you can show that you already understand the problem and the people
who have it, for example from research you did yourselves.

## Can we save our bid and come back to it?

Yes. Everything you enter is saved as you go. Sign in again with your email
address to carry on.
"""

CRITERIA = [
    (
        "Strategic fit",
        30,
        "Does the project serve the principles of the declaration, and could other councils "
        "reuse what it makes?",
    ),
    (
        "User need",
        25,
        "Is there evidence of a real problem for residents or staff, and of who has it?",
    ),
    (
        "Deliverability",
        25,
        "Does the team have the people, the plan and the partners' commitment to deliver "
        "in the time?",
    ),
    (
        "Value for money",
        20,
        "Are the costs reasonable for the work, and is the money spent where it matters?",
    ),
]
PHASE_CAPS = {Phase.DISCOVERY: 100_000, Phase.ALPHA: 180_000, Phase.BETA: 350_000}

ASSESSORS = [
    ("demo-assessor-1", "Jordan", "Reed"),
    ("demo-assessor-2", "Morgan", "Lee"),
]


@dataclass(frozen=True)
class DemoBid:
    lead: str  # register code
    partners: tuple[str, ...]
    title: str
    summary: str
    service_area: str  # slug
    principles: tuple[int, ...]
    phase: str
    amount: int
    # What becomes of it: SUBMITTED, IN_ASSESSMENT, FUNDED or NOT_FUNDED.
    outcome: str
    # One tuple of scores (in the order of CRITERIA) for each assessor who scored it.
    scores: tuple[tuple[int, ...], ...] = ()
    links: tuple[tuple[str, str, str], ...] = field(default=())


CLOSED_ROUND_BIDS = [
    DemoBid(
        lead="HCK",
        partners=("LDS", "CON"),
        title="Planning applications published as open data the day they arrive",
        summary=(
            "Three councils find out what people who watch planning applications need, and "
            "how each council's planning system could publish every application as open data "
            "in one shared format."
        ),
        service_area="planning-and-building-control",
        principles=(2, 5),
        phase=Phase.DISCOVERY,
        amount=95_000,
        outcome=BidState.FUNDED,
        scores=((4, 3, 3, 4), (3, 4, 3, 3)),
        links=(
            (
                LinkKind.SPRINT_NOTE,
                "Sprint 1: who looks at planning applications, and why",
                "https://example.org/planning-data/sprint-1",
            ),
            (
                LinkKind.OUTPUT,
                "Discovery report",
                "https://example.org/planning-data/discovery-report",
            ),
        ),
    ),
    DemoBid(
        lead="LDS",
        partners=("HCK", "EDH"),
        title="Blue badge applications that check the evidence as people apply",
        summary=(
            "An alpha of an online blue badge application that tells applicants straight away "
            "which evidence they need, so fewer applications are sent back."
        ),
        service_area="parking-roads-and-transport",
        principles=(1, 3),
        phase=Phase.ALPHA,
        amount=170_000,
        outcome=BidState.FUNDED,
        scores=((3, 4, 3, 3), (4, 4, 3, 2)),
        links=(
            (
                LinkKind.SPRINT_NOTE,
                "Sprint 3: testing the evidence checker with applicants",
                "https://example.org/blue-badge/sprint-3",
            ),
        ),
    ),
    DemoBid(
        lead="CON",
        partners=("HCK", "LDS"),
        title="Booking bulky waste collections online",
        summary=(
            "A discovery into why so many bulky waste bookings are still made by phone, and "
            "what an online booking service shared by councils would need to do."
        ),
        service_area="waste-and-recycling",
        principles=(1, 2),
        phase=Phase.DISCOVERY,
        amount=60_000,
        outcome=BidState.NOT_FUNDED,
        scores=((2, 2, 3, 2), (2, 1, 2, 3)),
    ),
    DemoBid(
        lead="EDH",
        partners=("CON", "LDS"),
        title="Licence renewals without paper forms",
        summary=(
            "A beta of an online service for renewing street trading and taxi licences, "
            "built once and run by each partner council."
        ),
        service_area="licences-permits-and-permissions",
        principles=(1,),
        phase=Phase.BETA,
        amount=320_000,
        outcome=BidState.NOT_FUNDED,
        scores=((2, 2, 1, 1), (1, 2, 2, 1)),
    ),
]

OPEN_ROUND_BIDS = [
    DemoBid(
        lead="HCK",
        partners=("LDS", "CON"),
        title="Reporting a housing repair online, and following it",
        summary=(
            "A discovery into how council tenants report repairs and find out what is "
            "happening to them, and what a shared online service would need to do."
        ),
        service_area="housing-and-homelessness",
        principles=(1, 3),
        phase=Phase.DISCOVERY,
        amount=80_000,
        outcome=BidState.SUBMITTED,
    ),
    DemoBid(
        lead="LDS",
        partners=("HCK", "EDH"),
        title="Planning enforcement cases in one shared tool",
        summary=(
            "An alpha of a case tool for planning enforcement officers, replacing the "
            "spreadsheets each partner council keeps today."
        ),
        service_area="planning-and-building-control",
        principles=(2, 5),
        phase=Phase.ALPHA,
        amount=150_000,
        outcome=BidState.IN_ASSESSMENT,
        scores=((3, 3, 2, 3),),
    ),
]


@dataclass(frozen=True)
class DemoRound:
    slug: str
    name: str
    reference_prefix: str
    summary: str
    results_published: bool
    bids: list[DemoBid]


CLOSED_ROUND = DemoRound(
    slug="round-1",
    name="Round 1",
    reference_prefix="R1",
    summary="Discovery, alpha and beta projects led by councils. Its decisions are published.",
    results_published=True,
    bids=CLOSED_ROUND_BIDS,
)
OPEN_ROUND = DemoRound(
    slug="round-2",
    name="Round 2",
    reference_prefix="R2",
    summary="Open for bids: discovery, alpha and beta projects led by councils.",
    results_published=False,
    bids=OPEN_ROUND_BIDS,
)


def create_demo_fund() -> int:
    """Create the demo fund and whatever of its rounds is missing; return how many bids were made."""
    fund, _ = Fund.objects.get_or_create(
        slug=FUND_SLUG,
        defaults={"name": "Local Digital Fund", "description": FUND_DESCRIPTION},
    )
    assessors = _demo_assessors()
    now = timezone.now()
    # Rounds open and close at midday UK time, as a real round would.
    midday = timezone.localtime(now).replace(hour=12, minute=0, second=0, microsecond=0)
    made = 0
    if not Round.objects.filter(slug=CLOSED_ROUND.slug).exists():
        with transaction.atomic():
            # Open while its bids are submitted; moved into the past below.
            round_ = _create_round(
                fund,
                CLOSED_ROUND,
                opens_at=midday - datetime.timedelta(days=120),
                closes_at=now + datetime.timedelta(hours=1),
            )
            bids = _create_bids(round_, CLOSED_ROUND.bids, assessors)
            _move_into_the_past(
                round_,
                bids,
                closes_at=midday - datetime.timedelta(days=75),
                decided_at=midday - datetime.timedelta(days=30),
            )
            made += len(bids)
    if not Round.objects.filter(slug=OPEN_ROUND.slug).exists():
        with transaction.atomic():
            round_ = _create_round(
                fund,
                OPEN_ROUND,
                opens_at=midday - datetime.timedelta(weeks=1),
                closes_at=midday + datetime.timedelta(weeks=3),
            )
            made += len(_create_bids(round_, OPEN_ROUND.bids, assessors))
    return made


def _demo_assessors() -> list:
    User = get_user_model()
    group = Group.objects.filter(name="Fund assessors").first()
    assessors = []
    for username, first_name, last_name in ASSESSORS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            if group is not None:
                user.groups.add(group)
        assessors.append(user)
    return assessors


def _create_round(fund: Fund, spec: DemoRound, *, opens_at, closes_at) -> Round:
    round_ = Round(
        fund=fund,
        name=spec.name,
        slug=spec.slug,
        reference_prefix=spec.reference_prefix,
        summary=spec.summary,
        opens_at=opens_at,
        closes_at=closes_at,
        min_partners=2,
        max_bids_per_lead=2,
        score_min=0,
        score_max=4,
        scoring_guide=SCORING_GUIDE,
        guidance=GUIDANCE,
        questions_and_answers=QUESTIONS_AND_ANSWERS,
        results_published=spec.results_published,
    )
    round_.full_clean()
    round_.save()
    for phase, cap in PHASE_CAPS.items():
        RoundPhase.objects.create(round=round_, phase=phase, cap=cap)
    for order, (name, weight, description) in enumerate(CRITERIA):
        Criterion.objects.create(
            round=round_, name=name, weight=weight, description=description, order=order
        )
    return round_


def _signed_council(code: str) -> Organisation | None:
    return (
        Organisation.objects.councils()
        .filter(register_code=code, sign_ups__state=SignUpState.SIGNED)
        .first()
    )


def _create_bids(round_: Round, specs: list[DemoBid], assessors: list) -> list[Bid]:
    made = []
    for spec in specs:
        lead = _signed_council(spec.lead)
        partners = [_signed_council(code) for code in spec.partners]
        if lead is None or None in partners:
            # The demo signatories were not loaded (or not all signed): skip it.
            continue
        made.append(_create_bid(round_, spec, lead, partners, assessors))
    return made


def _create_bid(
    round_: Round, spec: DemoBid, lead: Organisation, partners: list, assessors: list
) -> Bid:
    sign_up = SignUp.objects.get(organisation=lead, state=SignUpState.SIGNED)
    email = sign_up.officer_email
    bid = services.bid_start(round_=round_, lead=lead, email=email)
    for partner in partners:
        services.bid_add_partner(bid=bid, partner=partner)
    supplier = spec.amount * 2 // 5
    partner_share = spec.amount // 5
    for category, description, amount in [
        (
            CostCategory.LEAD,
            "Product manager and user researcher",
            spec.amount - supplier - 2 * partner_share,
        ),
        (CostCategory.PARTNER, f"Service designer time at {partners[0].name}", partner_share),
        (CostCategory.PARTNER, f"Service designer time at {partners[1].name}", partner_share),
        (CostCategory.SUPPLIER, "Developers and a delivery manager", supplier),
    ]:
        services.bid_add_cost_line(
            bid=bid, category=category, description=description, amount=amount
        )
    answers = {
        Section.PROJECT: {
            "title": spec.title,
            "summary": spec.summary,
            "service_area": ServiceArea.objects.get(slug=spec.service_area),
        },
        Section.PROBLEM: {
            "problem": (
                "Each of our councils solves this problem on its own, with paper forms, "
                "phone calls and spreadsheets. Residents wait, and staff re-type what they "
                "are sent."
            ),
            "users": (
                "Residents who use the service, often on a phone; the council staff who "
                "handle their requests; and the teams who report on the service."
            ),
        },
        Section.PARTNERS: {},
        Section.BUDGET: {"phase": spec.phase, "amount": spec.amount},
        Section.DELIVERY: {
            "delivery_plan": (
                "Two-week sprints over twelve weeks, with user research in every partner "
                "council and a show and tell at the end of each sprint."
            ),
            "team": (
                "A product manager and a user researcher from the lead council, a service "
                "designer from each partner, and a supplier's developers."
            ),
        },
        Section.PRINCIPLES: {
            "principles": list(Principle.objects.filter(number__in=spec.principles)),
            "principles_how": (
                "We start from the needs of the people who use the service, and we publish "
                "our research, code and sprint notes openly for other councils to reuse."
            ),
        },
        Section.ATTACHMENTS: {},
        Section.DECLARATIONS: {
            "open_licence": True,
            "sponsor_name": sign_up.approver_name,
            "sponsor_role": sign_up.approver_role,
            "sponsor_email": sign_up.approver_email,
        },
    }
    for section, values in answers.items():
        problems = services.bid_save_section(
            bid=bid, section=section, values=dict(values), completed=True
        )
        if problems:
            raise ValueError(f"Demo bid “{spec.title}”, {section}: {problems}")
    bid = services.bid_submit(bid=bid, email=email)
    if spec.outcome == BidState.SUBMITTED:
        return bid
    services.bid_start_assessment(bid=bid, by=assessors[0], note="Eligible: ready to score.")
    criteria = list(round_.criteria.all())
    for assessor, given in zip(assessors, spec.scores, strict=False):
        services.bid_score(
            bid=bid,
            assessor=assessor,
            scores=[
                services.CriterionScore(
                    criterion=criterion, score=score, justification=_justification(score)
                )
                for criterion, score in zip(criteria, given, strict=True)
            ],
        )
    if spec.outcome in (BidState.FUNDED, BidState.NOT_FUNDED):
        funded = spec.outcome == BidState.FUNDED
        services.bid_decide(
            bid=bid,
            funded=funded,
            by=assessors[0],
            note=(
                "Recommended by the panel; the minister approved the recommendation."
                if funded
                else "Scored below the line the panel could fund in this round."
            ),
        )
        for kind, title, url in spec.links:
            ProjectLink.objects.create(bid=bid, kind=kind, title=title, url=url)
    return bid


def _justification(score: int) -> str:
    return {
        0: "The bid does not address this.",
        1: "Mentioned, with little evidence behind it.",
        2: "Addressed, but the evidence has gaps.",
        3: "Addressed well, with good evidence from the partner councils.",
        4: "Addressed in full, with strong evidence and a clear plan.",
    }[score]


def _move_into_the_past(round_: Round, bids: list[Bid], *, closes_at, decided_at) -> None:
    """Make the round one that closed at `closes_at`, its bids submitted before then
    and decided at `decided_at`, keeping the order in which things happened."""
    Round.objects.filter(pk=round_.pk).update(closes_at=closes_at)
    for number, bid in enumerate(bids):
        submitted_at = closes_at - datetime.timedelta(days=2 * (len(bids) - number), hours=3)
        started_at = submitted_at - datetime.timedelta(days=21)
        assessed_at = closes_at + datetime.timedelta(days=5)
        moments = {
            BidState.DRAFT: started_at,
            BidState.SUBMITTED: submitted_at,
            BidState.IN_ASSESSMENT: assessed_at,
            BidState.FUNDED: decided_at,
            BidState.NOT_FUNDED: decided_at,
        }
        for change in BidStateChange.objects.filter(bid=bid):
            BidStateChange.objects.filter(pk=change.pk).update(at=moments[change.to_state])
        Bid.objects.filter(pk=bid.pk).update(
            created_at=started_at,
            updated_at=decided_at,
            submitted_at=submitted_at,
            decided_at=decided_at,
        )
        BidSubmission.objects.filter(bid=bid).update(submitted_at=submitted_at)
        Score.objects.filter(bid=bid).update(updated_at=assessed_at + datetime.timedelta(days=7))
        ProjectLink.objects.filter(bid=bid).update(
            added_at=decided_at + datetime.timedelta(days=20)
        )
