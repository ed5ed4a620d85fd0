"""Helpers for the tests of expressions of interest: rounds with the stage,
expressions sent and decided through the real services."""

import datetime

from django.utils import timezone

from funding import services
from funding.models import Expression, Phase, Round
from signatories.models import Organisation
from tests.factories import RoundFactory, signed_council

FEEDBACK = "A clear problem shared by many councils. Show the users' needs in the full bid."


def days(n: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=n)


def eoi_round(**fields) -> Round:
    """An open round whose expressions of interest are open too."""
    fields.setdefault("expressions_open_at", days(-3))
    fields.setdefault("expressions_close_at", days(5))
    return RoundFactory(**fields)


def officer_of(council: Organisation, name: str = "priya.shah") -> str:
    return f"{name}@{council.domain_list[0]}"


def send(round_: Round, lead: Organisation | None = None, **answers) -> Expression:
    """An expression of interest sent by an officer of `lead` (a new council if not given)."""
    lead = lead or signed_council()
    email = answers.pop("email", None) or officer_of(lead)
    partners = answers.pop("partners", None)
    if partners is None:
        partners = [signed_council() for _ in range(round_.min_partners)]
    values = {
        "title": f"Shared pest control bookings for {lead.name}",
        "problem": "Residents phone each council to book, and wait days for a call back.",
        "phase": Phase.DISCOVERY,
        "estimated_cost": 60_000,
        **answers,
    }
    return services.expression_send(
        round_=round_,
        answers=services.ExpressionAnswers(lead=lead, partners=partners, **values),
        email=email,
    )


def decide(expression: Expression, *, invited: bool, feedback: str = FEEDBACK) -> Expression:
    services.expression_decide(expression=expression, invited=invited, by=None, feedback=feedback)
    expression.refresh_from_db()
    return expression


def into_the_past(round_: Round, *, published: bool = True) -> Round:
    """The round as one that ran and closed, its decisions published (written directly:
    the services refuse to send to a closed round, so it is open while they run)."""
    Round.objects.filter(pk=round_.pk).update(
        expressions_open_at=days(-120),
        expressions_close_at=days(-110),
        opens_at=days(-100),
        closes_at=days(-60),
        results_published=published,
    )
    round_.refresh_from_db()
    return round_


def published_expression(round_: Round, *, state: str, number: int, **fields) -> Expression:
    """A decided expression of a round that ran long ago, written directly (as
    factories write records in any state: the services would refuse a closed round)."""
    lead = fields.pop("lead", None) or signed_council()
    partners = fields.pop("partners", [])
    values = {
        "title": f"Shared project {number}",
        "problem": "Each council solves it alone.",
        "phase": Phase.DISCOVERY,
        "estimated_cost": 50_000,
        "feedback": FEEDBACK,
        **fields,
    }
    expression = Expression.objects.create(
        round=round_,
        lead=lead,
        state=state,
        number=number,
        reference=f"{round_.reference_prefix}-EOI-{number:04d}",
        submitted_by_email=officer_of(lead),
        submitted_at=round_.expressions_open_at,
        decided_at=round_.expressions_close_at,
        **values,
    )
    expression.partners.set(partners)
    return expression
