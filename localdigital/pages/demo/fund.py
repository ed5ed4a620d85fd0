"""A demonstration fund for `make run`: one round open for bids, and one closed
round whose decisions are published, with funded and unfunded projects.

The bids are made by the demo signatories' officers (demo.signatories, which
must run first) and go through the real services, so every one has a frozen
copy, a reference, a history and the emails the services send. Two demo
assessors score them and record the outcomes; they have no password, so
nobody can sign in as them.

A bid can only be submitted to an open round, so the closed round is made
open, its bids are submitted and decided, and then its dates, and the times
recorded on its bids, are moved back to when such a round ran (autumn 2022, as
the real round 6 did): the data then reads as a round decided years ago. Nothing else is written directly.

Each round is made, with its bids, in one transaction, and only if it does
not exist yet; running this again changes nothing.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from funding import services
from funding.models import (
    AgreedScore,
    Bid,
    BidApproval,
    BidState,
    BidStateChange,
    BidSubmission,
    CostCategory,
    Criterion,
    Fund,
    ProjectLink,
    Round,
    RoundPhase,
    Score,
    Section,
)
from localdigital.core.site_address import absolute_url
from localdigital.pages.demo import panel as demo_panel
from localdigital.pages.demo.fund_content import (
    ASSESSORS,
    CLOSED_ROUND,
    CLOSED_ROUND_DATES,
    CRITERIA,
    FUND_DESCRIPTION,
    FUND_SLUG,
    GUIDANCE,
    OPEN_ROUND,
    PHASE_CAPS,
    QUESTIONS_AND_ANSWERS,
    SCORING_GUIDE,
    SHARED_ANSWERS,
    DemoBid,
    DemoRound,
)
from localdigital.pages.demo.fund_expressions import (
    EXPRESSION_DATES,
    create_demo_expressions,
    link_and_move_into_the_past,
)
from signatories.models import Organisation, SignUp, SignUpState


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
                opens_at=_uk_midday(CLOSED_ROUND_DATES["opens"]),
                closes_at=now + datetime.timedelta(hours=1),
                expressions_open_at=_uk_midday(EXPRESSION_DATES["open"]),
            )
            # Its bids came from invited expressions of interest.
            create_demo_expressions(round_, CLOSED_ROUND.bids, assessors[0])
            bids = _create_bids(round_, CLOSED_ROUND.bids, assessors)
            # First, so that the stage closes before the round's new closing.
            link_and_move_into_the_past(round_)
            _move_into_the_past(
                round_,
                bids,
                closes_at=_uk_midday(CLOSED_ROUND_DATES["closes"]),
                decided_at=_uk_midday(CLOSED_ROUND_DATES["decided"]),
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
    _point_sample_links_at_this_site()
    return made


def _point_sample_links_at_this_site() -> None:
    """Links to the sample documents are made with SITE_URL, which follows
    `make run PORT=…`: when it has changed since the demo was loaded, they follow it."""
    prefix = f"{settings.STATIC_URL}demo/"
    for link in ProjectLink.objects.filter(url__contains=prefix):
        url = absolute_url(prefix + link.url.split(prefix, 1)[1])
        if link.url != url:
            ProjectLink.objects.filter(pk=link.pk).update(url=url)


def _uk_midday(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


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


def _create_round(
    fund: Fund, spec: DemoRound, *, opens_at, closes_at, expressions_open_at=None
) -> Round:
    round_ = Round(
        fund=fund,
        name=spec.name,
        slug=spec.slug,
        reference_prefix=spec.reference_prefix,
        summary=spec.summary,
        opens_at=opens_at,
        closes_at=closes_at,
        # With an expression stage, it takes expressions until shortly before bids close.
        expressions_open_at=expressions_open_at,
        expressions_close_at=closes_at - datetime.timedelta(minutes=30)
        if expressions_open_at
        else None,
        min_partners=2,
        max_bids_per_lead=2,
        score_min=0,
        score_max=4,
        scoring_guide=SCORING_GUIDE,
        guidance=GUIDANCE,
        questions_and_answers=QUESTIONS_AND_ANSWERS,
        results_published=spec.results_published,
        budget=spec.budget,
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
    return Organisation.objects.signed_current_councils().filter(register_code=code).first()


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
    for category, description, amount in _cost_lines(spec, partners):
        services.bid_add_cost_line(
            bid=bid, category=category, description=description, amount=amount
        )
    for section, values in _answers(spec, sign_up).items():
        problems = services.bid_save_section(
            bid=bid, section=section, values=dict(values), completed=True
        )
        if problems:
            raise ValueError(f"Demo bid “{spec.title}”, {section}: {problems}")
    bid = services.bid_submit(bid=bid, email=email)
    if spec.outcome != BidState.SUBMITTED:
        _assess(bid, spec, assessors)
    return bid


def _cost_lines(spec: DemoBid, partners: list) -> list[tuple[str, str, int]]:
    """The amount asked for, shared out: two fifths to a supplier, a fifth to each partner."""
    supplier = spec.amount * 2 // 5
    partner_share = spec.amount // 5
    return [
        (
            CostCategory.LEAD,
            "Product manager and user researcher",
            spec.amount - supplier - 2 * partner_share,
        ),
        (CostCategory.PARTNER, f"Service designer time at {partners[0].name}", partner_share),
        (CostCategory.PARTNER, f"Service designer time at {partners[1].name}", partner_share),
        (CostCategory.SUPPLIER, "Developers and a delivery manager", supplier),
    ]


def _answers(spec: DemoBid, sign_up: SignUp) -> dict:
    """Every section's answers: the spec's own, and words every demo bid shares."""
    return {
        Section.PROJECT: {
            "title": spec.title,
            "summary": spec.summary,
            "service_area": ServiceArea.objects.get(slug=spec.service_area),
        },
        Section.PROBLEM: {"problem": spec.problem, "users": spec.users},
        Section.PARTNERS: {},
        Section.BUDGET: {"phase": spec.phase, "amount": spec.amount},
        Section.DELIVERY: {
            "delivery_plan": SHARED_ANSWERS["delivery_plan"],
            "team": SHARED_ANSWERS["team"],
        },
        Section.PRINCIPLES: {
            "principles": list(Principle.objects.filter(number__in=spec.principles)),
            "principles_how": SHARED_ANSWERS["principles_how"],
        },
        Section.ATTACHMENTS: {},
        Section.DECLARATIONS: {
            "open_licence": True,
            "sponsor_name": sign_up.approver_name,
            "sponsor_role": sign_up.approver_role,
            "sponsor_email": sign_up.approver_email,
        },
    }


def _assess(bid: Bid, spec: DemoBid, assessors: list) -> None:
    """Take the bid into assessment, score it, and record its outcome if it has one."""
    services.bid_start_assessment(bid=bid, by=assessors[0], note="Eligible: ready to score.")
    criteria = list(bid.round.criteria.all())
    for assessor, given in zip(assessors, spec.scores, strict=False):
        services.assign_assessor(bid=bid, assessor=assessor, by=None)
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
    if spec.outcome not in (BidState.FUNDED, BidState.NOT_FUNDED):
        return
    demo_panel.decide(bid, spec, assessors[0])
    demo_panel.record_grant(bid, spec, agreed_on=CLOSED_ROUND_DATES["decided"])
    for kind, title, document in spec.links:
        # A sample document the demo ships (static/public/demo/), at its plain
        # name: the hashed one would change with every edit to the file.
        url = absolute_url(f"{settings.STATIC_URL}demo/{document}")  # SITE_URL may move: see below
        ProjectLink.objects.create(bid=bid, kind=kind, title=title, url=url)


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
        AgreedScore.objects.filter(bid=bid).update(
            agreed_at=assessed_at + datetime.timedelta(days=14)
        )
        BidApproval.objects.filter(bid=bid).update(recorded_at=decided_at)
        ProjectLink.objects.filter(bid=bid).update(
            added_at=decided_at + datetime.timedelta(days=20)
        )
