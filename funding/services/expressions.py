"""Sending an expression of interest, deciding on it, and starting the full
bid from an invited one. Each function is one transaction; the emails it owes
go to the outbox in that transaction."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from funding import assessors, expression_emails
from funding.expression_workflow import EXPRESSION_WORKFLOW
from funding.models import Bid, Expression, ExpressionState, Round
from funding.officers import organisations_of
from funding.services.drafts import officer_label
from funding.services.eligibility import eligibility_problems, is_signed_current_council
from funding.services.refusals import NotEligible, Refused
from funding.workflow import BID_WORKFLOW
from localdigital.core import content_version
from localdigital.core.outbox import queue_email
from signatories.models import Organisation


class ExpressionNotAccepted(Refused):
    """The expression cannot be sent. Its reasons, each (code, values):
    ("expressions_not_open", {"round"}), ("lead_not_signed", {"lead"}),
    ("address_not_of_lead", {"lead"}), ("partner_not_signed", {"partner"})."""


@dataclass
class ExpressionAnswers:
    lead: Organisation
    title: str
    problem: str
    phase: str
    estimated_cost: int
    partners: list[Organisation] = field(default_factory=list)


def expression_problems(*, round_: Round, answers: ExpressionAnswers, email: str) -> list:
    """Why `email` may not send these answers to `round_`; empty if they may."""
    found = []
    if not round_.takes_expressions():
        found.append(("expressions_not_open", {"round": round_.name}))
    lead = answers.lead
    if not is_signed_current_council(lead):
        found.append(("lead_not_signed", {"lead": lead.name}))
    elif not organisations_of(email).filter(pk=lead.pk).exists():
        found.append(("address_not_of_lead", {"lead": lead.name}))
    for partner in answers.partners:
        if partner.pk == lead.pk or not is_signed_current_council(partner):
            found.append(("partner_not_signed", {"partner": partner.name}))
    return found


def expression_send(*, round_: Round, answers: ExpressionAnswers, email: str) -> Expression:
    """Send an expression of interest, numbered in its round, and email a receipt.

    Raises: ExpressionNotAccepted.
    """
    with transaction.atomic():
        # One at a time to a round, so that numbers follow on without gaps.
        round_ = (
            Round.objects.select_for_update(no_key=True).select_related("fund").get(pk=round_.pk)
        )
        if problems := expression_problems(round_=round_, answers=answers, email=email):
            raise ExpressionNotAccepted(problems)
        most = round_.expressions.aggregate(most=Max("number"))["most"] or 0
        expression = Expression.objects.create(
            round=round_,
            lead=answers.lead,
            number=most + 1,
            reference=f"{round_.reference_prefix}-EOI-{most + 1:04d}",
            title=answers.title,
            problem=answers.problem,
            phase=answers.phase,
            estimated_cost=answers.estimated_cost,
            submitted_by_email=email,
            submitted_at=timezone.now(),
        )
        expression.partners.set(answers.partners)
        EXPRESSION_WORKFLOW.start(expression, by_label=officer_label(email), note="Expression sent")
        subject, body = expression_emails.received(expression)
        queue_email(to=email, subject=subject, body=body, reference=expression.reference)
    return expression


class ConflictedDecision(PermissionDenied):
    """The member of staff's organisation leads or partners the expression:
    they may not decide on it, as they could not assess the bid it becomes."""

    def __init__(self, *, expression: Expression, reason: str):
        super().__init__(f"Conflict of interest with {expression.reference}: {reason}")
        self.expression = expression
        self.reason = reason


def expression_decide(*, expression: Expression, invited: bool, by, feedback: str) -> None:
    """Invite the lead to a full bid, or decline, and email the lead's officer
    the outcome with the feedback.

    Raises: ConflictedDecision; ValidationError (code feedback_missing),
    IllegalMove, MoveNotPermitted.
    """
    if (reason := assessors.expression_conflict(expression, by)) is not None:
        raise ConflictedDecision(expression=expression, reason=reason)
    feedback = feedback.strip()
    if not feedback:
        raise ValidationError("Enter feedback for the lead council", code="feedback_missing")
    with transaction.atomic():
        EXPRESSION_WORKFLOW.move(
            expression,
            "invite" if invited else "decline",
            by_user=by,
            note=feedback,
            fields={"feedback": feedback, "decided_at": timezone.now()},
        )
        # Shown with its outcome once the round's decisions are published.
        content_version.bump()
        subject, body = expression_emails.outcome(expression, invited=invited)
        queue_email(
            to=expression.submitted_by_email,
            subject=subject,
            body=body,
            reference=expression.reference,
        )


def bid_start_from_expression(*, expression: Expression, email: str) -> Bid:
    """The draft bid started from an invited expression, filled in from its
    answers and linked to it; the one already started, if there is one.

    Raises: NotEligible (not_invited, and the problems of eligibility_problems).
    """
    with transaction.atomic():
        current = (
            Expression.objects.select_for_update(of=("self",))
            .select_related("round", "lead", "bid")
            .get(pk=expression.pk)
        )
        if current.bid is not None:
            return current.bid
        if current.state != ExpressionState.INVITED:
            raise NotEligible(
                [("not_invited", {"round": current.round.name, "lead": current.lead.name})]
            )
        if problems := eligibility_problems(round_=current.round, lead=current.lead, email=email):
            raise NotEligible(problems)
        bid = Bid.objects.create(
            round=current.round,
            lead=current.lead,
            created_by_email=email,
            title=current.title,
            problem=current.problem,
            phase=current.phase,
            amount=current.estimated_cost,
        )
        bid.partners.set(current.partners.all())
        BID_WORKFLOW.start(
            bid,
            by_label=officer_label(email),
            note=f"Bid started from expression of interest {current.reference}",
        )
        Expression.objects.filter(pk=current.pk).update(bid=bid)
    return bid
