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
    """The sign-up is not in a state from which this move may be made."""

    def __init__(self, sign_up: SignUp, move_name: str):
        self.sign_up = sign_up
        self.move_name = move_name
        state = SignUpState(sign_up.state).label.lower()
        super().__init__(f"A sign-up that is {state} cannot be moved by '{move_name}'.")


def allowed_moves(state: str) -> list[str]:
    return [move.name for move in MOVES.values() if state in move.sources]


def move(
    sign_up: SignUp, move_name: str, *, by_user=None, by_label: str = "", note: str = ""
) -> StateChange:
    """Make `move_name` on `sign_up`, or raise IllegalMove; record who, when and why.

    The row is locked and read again first, so two people acting at once (two
    moderators, or a moderator and the officer) cannot both move it.
    """
    chosen = MOVES[move_name]
    with transaction.atomic():
        current = SignUp.objects.select_for_update().get(pk=sign_up.pk)
        if current.state not in chosen.sources:
            sign_up.state = current.state
            raise IllegalMove(sign_up, move_name)
        change = StateChange.objects.create(
            sign_up=sign_up,
            from_state=current.state,
            to_state=chosen.target,
            by_user=by_user,
            by_label=by_label or (by_user.get_username() if by_user else chosen.actor.value),
            note=note,
            at=timezone.now(),
        )
        sign_up.state = chosen.target
        SignUp.objects.filter(pk=sign_up.pk).update(state=chosen.target, updated_at=change.at)
    return change
