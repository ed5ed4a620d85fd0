"""Who may lead a bid in a round: asked when a draft starts, and again of
some rules when it is submitted."""

from funding.models import Bid, Expression, Round
from funding.officers import organisations_of
from funding.services.refusals import Reason
from signatories.models import Organisation


def lead_bids_counted(*, round_: Round, lead: Organisation) -> int:
    return Bid.objects.counted().filter(round=round_, lead=lead).count()


def is_signed_current_council(organisation: Organisation) -> bool:
    return Organisation.objects.signed_current_councils().filter(pk=organisation.pk).exists()


def invited_to_bid(*, round_: Round, lead: Organisation) -> bool:
    """Whether the lead's expression of interest in the round was invited to a full bid."""
    return Expression.objects.invited().filter(round=round_, lead=lead).exists()


def eligibility_problems(*, round_: Round, lead: Organisation, email: str) -> list[Reason]:
    """Why `email` may not start a bid led by `lead` in `round_`; empty if they may.

    The reasons are those of services.NotEligible. A round with an expression
    of interest stage takes bids only from leads it invited.
    """
    found = []
    if not round_.is_open():
        found.append(("round_not_open", {"round": round_.name}))
    if not is_signed_current_council(lead):
        found.append(("lead_not_signed", {"lead": lead.name}))
    elif not organisations_of(email).filter(pk=lead.pk).exists():
        found.append(("address_not_of_lead", {"lead": lead.name}))
    if round_.has_expression_stage and not invited_to_bid(round_=round_, lead=lead):
        found.append(("not_invited", {"round": round_.name, "lead": lead.name}))
    limit = round_.max_bids_per_lead
    if lead_bids_counted(round_=round_, lead=lead) >= limit:
        found.append(("lead_limit", {"lead": lead.name, "limit": limit, "round": round_.name}))
    return found
