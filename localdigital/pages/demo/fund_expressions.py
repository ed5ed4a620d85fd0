"""The demo's expressions of interest: the decided round had an expression
stage, so each of its bids began as an invited expression, and a few other
expressions were declined, with feedback.

Sent and decided through the real services while the stage is open (like the
bids, see demo.fund), then moved back to when such a stage ran, before the
round opened for bids.
"""

import datetime

from django.utils import timezone

from funding import services
from funding.models import Bid, Expression, ExpressionStateChange, Phase, Round
from signatories.models import Organisation, SignUp, SignUpState

# When the decided round's expressions of interest were open, and decided.
EXPRESSION_DATES = {
    "open": datetime.date(2022, 8, 1),
    "close": datetime.date(2022, 9, 1),
    "decided": datetime.date(2022, 9, 22),
}

INVITED_FEEDBACK = (
    "A problem many councils share, with partners ready to work on it. In the full bid, "
    "show the evidence of users' needs and how the partners will share the work."
)
# (lead's register code, partners' codes, project, problem, phase, estimated cost, feedback)
DECLINED = [
    (
        "HCK",
        ("LDS", "CON"),
        "A new intranet for council staff",
        "Staff cannot find policies on the current intranet.",
        Phase.BETA,
        300_000,
        "This is a problem inside one council rather than one councils share: the fund pays "
        "for work that many councils can reuse. Consider the GOV.UK Design System instead.",
    ),
    (
        "CON",
        ("HCK", "EDH"),
        "Chatbot for every council service",
        "Residents wait on the phone for answers.",
        Phase.ALPHA,
        180_000,
        "The problem is real, but the expression starts from a technology rather than from "
        "users' needs. A discovery into why residents phone would make a stronger bid.",
    ),
]


def _council(code: str) -> Organisation | None:
    return Organisation.objects.signed_current_councils().filter(register_code=code).first()


def _officer(lead: Organisation) -> str:
    return SignUp.objects.get(organisation=lead, state=SignUpState.SIGNED).officer_email


def _send(round_: Round, lead, partners, title, problem, phase, cost) -> Expression:
    answers = services.ExpressionAnswers(
        lead=lead,
        title=title,
        problem=problem,
        phase=phase,
        estimated_cost=cost,
        partners=partners,
    )
    return services.expression_send(round_=round_, answers=answers, email=_officer(lead))


def create_demo_expressions(round_: Round, bids: list, assessor) -> None:
    """An invited expression for each demo bid (`bids`: DemoBid specs), and the declined ones."""
    for spec in bids:
        lead, partners = _council(spec.lead), [_council(code) for code in spec.partners]
        if lead is None or None in partners:
            continue
        expression = _send(
            round_, lead, partners, spec.title, spec.problem, spec.phase, spec.amount
        )
        services.expression_decide(
            expression=expression, invited=True, by=assessor, feedback=INVITED_FEEDBACK
        )
    for code, partner_codes, title, problem, phase, cost, feedback in DECLINED:
        lead, partners = _council(code), [_council(c) for c in partner_codes]
        if lead is None or None in partners:
            continue
        expression = _send(round_, lead, partners, title, problem, phase, cost)
        services.expression_decide(
            expression=expression, invited=False, by=assessor, feedback=feedback
        )


def _uk_midday(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def link_and_move_into_the_past(round_: Round) -> None:
    """Link each invited expression to the bid made from it, and date the stage
    to when it ran."""
    opens, closes = _uk_midday(EXPRESSION_DATES["open"]), _uk_midday(EXPRESSION_DATES["close"])
    decided = _uk_midday(EXPRESSION_DATES["decided"])
    Round.objects.filter(pk=round_.pk).update(
        expressions_open_at=opens, expressions_close_at=closes
    )
    expressions = list(round_.expressions.order_by("number"))
    for number, expression in enumerate(expressions):
        sent = opens + datetime.timedelta(days=1 + number * 2, hours=2)
        bid = Bid.objects.filter(round=round_, lead=expression.lead, title=expression.title).first()
        Expression.objects.filter(pk=expression.pk).update(
            submitted_at=sent, decided_at=decided, updated_at=decided, bid=bid
        )
        changes = ExpressionStateChange.objects.filter(expression=expression)
        changes.filter(from_state="").update(at=sent)
        changes.exclude(from_state="").update(at=decided)
