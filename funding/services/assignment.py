"""Assigning assessors to bids, and the conflicts of interest that stop them.

The rules of who is conflicted are in funding.assessors; this module writes:
an assignment, a declared conflict, and the automatic conflict recorded when
someone tries to assign an assessor a bid their organisation is on.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from funding import assessors
from funding.models import Assignment, Bid, BidState, Conflict, ConflictKind

# Bids that can still be given assessors: sent, and not yet decided or withdrawn.
ASSIGNABLE_STATES = [BidState.SUBMITTED, BidState.IN_ASSESSMENT]


class ConflictOfInterest(PermissionDenied):
    """The assessor is conflicted on the bid: they may not open or score it."""

    def __init__(self, *, bid: Bid, reason: str):
        super().__init__(f"Conflict of interest with {bid.reference}: {reason}")
        self.bid = bid
        self.reason = reason


def refuse_if_conflicted(*, bid: Bid, assessor) -> None:
    """Raises: ConflictOfInterest."""
    reason = assessors.conflict_reason(bid, assessor)
    if reason is not None:
        raise ConflictOfInterest(bid=bid, reason=reason)


def assign_assessor(*, bid: Bid, assessor, by) -> Assignment:
    """Ask `assessor` to assess `bid`.

    An assessor whose organisation leads or partners the bid is never
    assigned it: the conflict is recorded (for staff to see) and refused.

    Raises: ValidationError (codes not_assignable, not_an_assessor, conflicted,
    already_assigned).
    """
    _refuse_unassignable(bid, assessor)
    automatic = assessors.automatic_conflict(bid, assessor)
    if automatic is not None:
        Conflict.objects.get_or_create(
            bid=bid,
            assessor=assessor,
            defaults={"kind": ConflictKind.AUTOMATIC, "reason": automatic},
        )
        raise _conflicted(bid, assessor, automatic)
    recorded = assessors.conflict_reason(bid, assessor)
    if recorded is not None:
        raise _conflicted(bid, assessor, recorded)
    try:
        with transaction.atomic():
            return Assignment.objects.create(bid=bid, assessor=assessor, assigned_by=by)
    except IntegrityError:
        raise ValidationError(
            "%(name)s is assigned %(reference)s already.",
            code="already_assigned",
            params={"name": _name(assessor), "reference": bid.reference},
        ) from None


def unassign_assessor(*, bid: Bid, assignment_id: int):
    """Take an assessor off a bid; return who, or None if they were not on it."""
    assignment = (
        Assignment.objects.filter(bid=bid, pk=assignment_id).select_related("assessor").first()
    )
    if assignment is None:
        return None
    assignment.delete()
    return assignment.assessor


def declare_conflict(*, bid: Bid, assessor, reason: str) -> Conflict:
    """Record the conflict an assessor declares on a bid assigned to them.

    They are no longer its assessor: the bid list shows it needs another.

    Raises: ValidationError (codes reason_missing, not_assigned).
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError("Enter why you have a conflict of interest", code="reason_missing")
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().filter(bid=bid, assessor=assessor)
        if not assignment.exists():
            raise ValidationError(
                "%(reference)s is not one of your assessments.",
                code="not_assigned",
                params={"reference": bid.reference},
            )
        conflict, _ = Conflict.objects.update_or_create(
            bid=bid,
            assessor=assessor,
            defaults={"kind": ConflictKind.DECLARED, "reason": reason},
        )
        assignment.delete()
    return conflict


def _refuse_unassignable(bid: Bid, assessor) -> None:
    if bid.state not in ASSIGNABLE_STATES:
        raise ValidationError(
            "%(reference)s is %(state)s: only a sent bid still to be decided is given assessors.",
            code="not_assignable",
            params={
                "reference": bid.reference or "A draft",
                "state": BidState(bid.state).label.lower(),
            },
        )
    if not assessors.assessors().filter(pk=assessor.pk).exists():
        raise ValidationError(
            "%(name)s is not a fund assessor.",
            code="not_an_assessor",
            params={"name": _name(assessor)},
        )


def _conflicted(bid: Bid, assessor, reason: str) -> ValidationError:
    return ValidationError(
        "%(name)s cannot assess %(reference)s: %(reason)s",
        code="conflicted",
        params={"name": _name(assessor), "reference": bid.reference, "reason": reason},
    )


def _name(user) -> str:
    return user.get_full_name() or user.get_username()
