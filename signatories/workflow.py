"""The sign-up workflow, written as data: which move goes from which states to
which, and who may make it. `move()` is the only way a sign-up changes state;
it refuses any move the table does not allow and records every one it makes.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db import transaction
from django.utils import timezone

from signatories.models import SignUp, SignUpState, StateChange

State = SignUpState


class Actor(StrEnum):
    OFFICER = "officer"
    APPROVER = "approver"
    MODERATOR = "moderator"
    SYSTEM = "system"


@dataclass(frozen=True)
class Move:
    name: str
    sources: frozenset[str]
    target: str
    actor: Actor


MOVES = {
    move.name: move
    for move in [
        Move(
            "confirm_email",
            frozenset({State.AWAITING_CONFIRMATION}),
            State.AWAITING_REVIEW,
            Actor.OFFICER,
        ),
        Move(
            "approve", frozenset({State.AWAITING_REVIEW}), State.AWAITING_SIGN_OFF, Actor.MODERATOR
        ),
        Move(
            "request_changes",
            frozenset({State.AWAITING_REVIEW}),
            State.CHANGES_REQUESTED,
            Actor.MODERATOR,
        ),
        Move(
            "resubmit", frozenset({State.CHANGES_REQUESTED}), State.AWAITING_REVIEW, Actor.OFFICER
        ),
        Move(
            "reject",
            frozenset({State.AWAITING_REVIEW, State.CHANGES_REQUESTED, State.AWAITING_SIGN_OFF}),
            State.REJECTED,
            Actor.MODERATOR,
        ),
        Move("sign", frozenset({State.AWAITING_SIGN_OFF}), State.SIGNED, Actor.APPROVER),
        Move("remove", frozenset({State.SIGNED}), State.REMOVED, Actor.MODERATOR),
    ]
}


class IllegalMove(Exception):
    """The sign-up is not in a state from which this move may be made, or it
    has moved since the caller read it (`stale`)."""

    def __init__(self, sign_up: SignUp, move_name: str, *, stale: bool = False):
        self.sign_up = sign_up
        self.move_name = move_name
        self.stale = stale
        state = SignUpState(sign_up.state).label.lower()
        if stale:
            message = (
                f"The sign-up became {state} after it was read, so '{move_name}' was not made."
            )
        else:
            message = f"A sign-up that is {state} cannot be moved by '{move_name}'."
        super().__init__(message)


def fit_label(label: str) -> str:
    """`label` cut to fit StateChange.by_label.

    Labels are built from names people type ("<name> (officer)"), which may
    be as long as the name fields allow; PostgreSQL would refuse the overflow.
    """
    limit = StateChange._meta.get_field("by_label").max_length
    return label if len(label) <= limit else label[: limit - 1] + "…"


def allowed_moves(state: str) -> list[str]:
    return [move.name for move in MOVES.values() if state in move.sources]


def move(
    sign_up: SignUp,
    move_name: str,
    *,
    by_user=None,
    by_label: str = "",
    note: str = "",
    fields: dict | None = None,
) -> StateChange:
    """Make `move_name` on `sign_up`, or raise IllegalMove; record who, when and why.

    The row is locked and read again first, so two people acting at once (two
    moderators, or a moderator and the officer) cannot both move it. The move
    is also refused when the state saved differs from the state of the copy in
    hand: whoever decided on the move decided on a sign-up that has changed
    since (one moderator approved it while another was rejecting it as it was).

    `fields` are written in the same UPDATE as the new state, for values the
    database requires of that state (a signed sign-up must have `signed_at`:
    set afterwards, the CHECK constraint would already have refused the move).
    """
    chosen = MOVES[move_name]
    with transaction.atomic():
        current = SignUp.objects.select_for_update().get(pk=sign_up.pk)
        if current.state not in chosen.sources or current.state != sign_up.state:
            stale = current.state != sign_up.state
            sign_up.state = current.state
            raise IllegalMove(sign_up, move_name, stale=stale)
        change = StateChange.objects.create(
            sign_up=sign_up,
            from_state=current.state,
            to_state=chosen.target,
            by_user=by_user,
            by_label=fit_label(
                by_label or (by_user.get_username() if by_user else chosen.actor.value)
            ),
            note=note,
            at=timezone.now(),
        )
        fields = fields or {}
        SignUp.objects.filter(pk=sign_up.pk).update(
            state=chosen.target, updated_at=change.at, **fields
        )
        sign_up.state = chosen.target
        for name, value in fields.items():
            setattr(sign_up, name, value)
    return change
