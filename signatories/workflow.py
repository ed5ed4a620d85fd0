"""The sign-up workflow, written as data: which move goes from which states to
which, and who may make it. `move()` is the only way a sign-up changes state;
the engine in localdigital.core.workflow refuses any move this table does not allow
and records every one it makes.
"""

from localdigital.core.workflow import Actor, IllegalMove, Move, MoveNotPermitted, Workflow
from signatories.models import SignUp, SignUpState, StateChange

State = SignUpState

SIGN_UP_WORKFLOW = Workflow(
    model=SignUp,
    history=StateChange,
    record_field="sign_up",
    # Moderators' moves need the permission the Moderators group holds.
    staff_permissions={Actor.MODERATOR: "signatories.change_signup"},
    moves=[
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
    ],
)

MOVES = SIGN_UP_WORKFLOW.moves
move = SIGN_UP_WORKFLOW.move
allowed_moves = SIGN_UP_WORKFLOW.allowed_moves
fit_label = SIGN_UP_WORKFLOW.fit_label

__all__ = [
    "MOVES",
    "Actor",
    "IllegalMove",
    "MoveNotPermitted",
    "allowed_moves",
    "fit_label",
    "move",
]
