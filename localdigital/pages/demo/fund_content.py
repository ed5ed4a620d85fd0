"""What the demo fund says and holds: its texts, criteria, caps, assessors, and
the bids its two rounds are given (made by localdigital.pages.demo.fund)."""

import datetime
from dataclasses import dataclass, field

from funding.models import BidState, LinkKind, Phase

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

## How decisions are made

Once every bid has been scored, the panel recommends which bids to fund, as
far as the round's budget goes. The minister approves the recommendations, and
we publish every bid with its outcome.

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
    # The problem, and who has it, in the bid's own words (shown on a funded project's page).
    problem: str
    users: str
    # What becomes of it: SUBMITTED, IN_ASSESSMENT, FUNDED or NOT_FUNDED.
    outcome: str
    # One tuple of scores (in the order of CRITERIA) for each assessor who scored it.
    scores: tuple[tuple[int, ...], ...] = ()
    # (kind, title, file name of a sample document in static/public/demo/)
    links: tuple[tuple[str, str, str], ...] = field(default=())
    # If funded: the amount awarded (None: the amount asked) and the payments made.
    awarded: int | None = None
    payments: tuple[tuple[datetime.date, int], ...] = ()


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
        problem=(
            "Each of our councils publishes planning applications on its own portal, in its own "
            "way. People who follow applications copy them by hand, and often hear of one after "
            "the time to comment has begun."
        ),
        users=(
            "Residents living near a proposed development, civic societies and community groups "
            "who track applications, and the planning officers who answer their questions."
        ),
        outcome=BidState.FUNDED,
        scores=((4, 3, 3, 4), (3, 4, 3, 3)),
        payments=((datetime.date(2023, 4, 20), 47_500), (datetime.date(2023, 9, 14), 47_500)),
        links=(
            (
                LinkKind.SPRINT_NOTE,
                "Sprint 1: who looks at planning applications, and why",
                "planning-data-sprint-1.txt",
            ),
            (
                LinkKind.OUTPUT,
                "Discovery report",
                "planning-data-discovery-report.txt",
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
        problem=(
            "A third of blue badge applications reach us without the evidence they need. We write "
            "back, the applicant posts it, and a decision that should take days takes weeks."
        ),
        users=(
            "Disabled residents and the people who apply for them, often a family member; and the "
            "assessors in each council who decide the applications."
        ),
        outcome=BidState.FUNDED,
        scores=((3, 4, 3, 3), (4, 4, 3, 2)),
        # The panel funded the alpha without its second round of research.
        awarded=150_000,
        payments=((datetime.date(2023, 4, 20), 75_000),),
        links=(
            (
                LinkKind.SPRINT_NOTE,
                "Sprint 3: testing the evidence checker with applicants",
                "blue-badge-sprint-3.txt",
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
        problem=(
            "Most bulky waste collections are still booked by phone, at busy times for our "
            "contact centres, and about one booking in ten is missed or changed on the day."
        ),
        users=(
            "Residents clearing out a home, often moving house; contact centre staff; and the "
            "crews who collect the items."
        ),
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
        problem=(
            "Street traders and taxi drivers renew their licences on paper every year, telling us "
            "again what we already know. Officers re-type every form into the licensing system."
        ),
        users=(
            "Street traders and taxi drivers, many of them self-employed, who lose a day's work "
            "to renew; and the licensing officers who process renewals."
        ),
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
        problem=(
            "Tenants can only report a repair by phone, and cannot see what has happened to it "
            "after that. Half of the calls about repairs are people asking where theirs has got "
            "to."
        ),
        users=(
            "Council tenants, including older tenants and those who do not speak English as a "
            "first language; repairs call handlers; and the repairs teams."
        ),
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
        problem=(
            "Our enforcement officers keep their cases in spreadsheets, so nobody can see a "
            "case's history at a glance, and a resident who reports a breach hears nothing back."
        ),
        users=(
            "Planning enforcement officers and their managers, and residents who report a "
            "suspected breach of planning control."
        ),
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
    # What the round can award in all (draws the funding line in admin).
    budget: int | None = None


# When the closed round ran: the dates of the real round 6, with its decisions
# published in the spring.
CLOSED_ROUND_DATES = {
    "opens": datetime.date(2022, 10, 13),
    "closes": datetime.date(2022, 11, 24),
    "decided": datetime.date(2023, 3, 15),
}

CLOSED_ROUND = DemoRound(
    slug="round-6",
    name="Round 6",
    reference_prefix="R6",
    summary=(
        "Discovery, alpha and beta projects of up to £350,000, each led by a council with at "
        "least two partner councils. Its decisions are published."
    ),
    results_published=True,
    bids=CLOSED_ROUND_BIDS,
    budget=250_000,
)
OPEN_ROUND = DemoRound(
    slug="round-7",
    name="Round 7",
    reference_prefix="R7",
    summary=(
        "Open for bids: discovery, alpha and beta projects that councils run together, "
        "for problems that many councils share."
    ),
    results_published=False,
    bids=OPEN_ROUND_BIDS,
)


# What every demo bid says where its answers need no words of their own.
SHARED_ANSWERS = {
    "delivery_plan": (
        "Two-week sprints over twelve weeks, with user research in every partner "
        "council and a show and tell at the end of each sprint."
    ),
    "team": (
        "A product manager and a user researcher from the lead council, a service "
        "designer from each partner, and a supplier's developers."
    ),
    "principles_how": (
        "We start from the needs of the people who use the service, and we publish "
        "our research, code and sprint notes openly for other councils to reuse."
    ),
}
