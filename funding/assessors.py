"""Who may assess which bid: the rules of assignment and conflicts of interest.

An assessor sees only the bids assigned to them; fund managers (and
superusers) see every bid. An assessor is conflicted on a bid when their
organisation leads it or partners it (automatic: they can never be assigned
it), or when a conflict with it is recorded (declared by them, or recorded
when someone tried to assign them a bid of their organisation's). A
conflicted assessor may neither open nor score the bid, whoever they are.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from funding.models import AssessorProfile, Assignment, Bid, Conflict

SEE_EVERY_BID = "funding.see_every_bid"
ASSESS = "funding.add_score"


def sees_every_bid(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(SEE_EVERY_BID))


def visible_bids(bids: QuerySet[Bid], user) -> QuerySet[Bid]:
    """The bids of `bids` that `user` may see in admin: all, or those assigned to them."""
    if sees_every_bid(user):
        return bids
    assigned = Assignment.objects.filter(bid=OuterRef("pk"), assessor=user)
    return bids.filter(Exists(assigned))


def assessors() -> QuerySet:
    """Active accounts that may score bids, by name: those who can be assigned one."""
    User = get_user_model()
    may_score = Q(groups__permissions__codename="add_score") | Q(
        user_permissions__codename="add_score"
    )
    scorers = User.objects.filter(may_score, is_active=True).values("pk")
    return User.objects.filter(pk__in=scorers).order_by("first_name", "last_name", "username")


def organisation_of(user):
    profile = AssessorProfile.objects.filter(user=user).select_related("organisation").first()
    return profile.organisation if profile is not None else None


def automatic_conflict(bid: Bid, user) -> str | None:
    """Why `user`'s organisation makes them conflicted on `bid`, if it does."""
    return _organisation_on(bid, user, noun="bid")


def expression_conflict(expression, user) -> str | None:
    """Why `user` may not decide on an expression of interest, if they may not:
    the same rule as a bid's automatic conflict, as the expression becomes the bid."""
    return _organisation_on(expression, user, noun="expression of interest")


def _organisation_on(proposal, user, *, noun: str) -> str | None:
    """Why `user`'s organisation leads or partners `proposal` (a bid or an
    expression of interest, each with a lead and partners), if it does."""
    organisation = organisation_of(user)
    if organisation is None:
        return None
    if organisation.pk == proposal.lead_id:
        return f"Their organisation, {organisation.name}, leads the {noun}."
    if proposal.partners.filter(pk=organisation.pk).exists():
        return f"Their organisation, {organisation.name}, is a partner in the {noun}."
    return None


def conflict_reason(bid: Bid, user) -> str | None:
    """Why `user` may not open or score `bid`, if they may not."""
    recorded = Conflict.objects.filter(bid=bid, assessor=user).first()
    if recorded is not None:
        return recorded.reason
    return automatic_conflict(bid, user)


def is_assigned(bid: Bid, user) -> bool:
    return Assignment.objects.filter(bid=bid, assessor=user).exists()
