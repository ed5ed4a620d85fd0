"""The bid workflow, written as data, on the engine that sign-ups use too.

A draft is the officers' to edit; submitting freezes it. Assessors take it
into assessment and record the outcome. The lead's officers may withdraw it
until a decision is made.
"""

from funding.models import Bid, BidState, BidStateChange
from localdigital.core.workflow import Actor, IllegalMove, Move, MoveNotPermitted, Workflow

State = BidState

BID_WORKFLOW = Workflow(
    model=Bid,
    history=BidStateChange,
    record_field="bid",
    # Assessors' moves need the permission the Fund assessors group holds.
    staff_permissions={Actor.ASSESSOR: "funding.change_bid"},
    moves=[
        Move("submit", frozenset({State.DRAFT}), State.SUBMITTED, Actor.OFFICER),
        Move("start_assessment", frozenset({State.SUBMITTED}), State.IN_ASSESSMENT, Actor.ASSESSOR),
        Move("fund", frozenset({State.IN_ASSESSMENT}), State.FUNDED, Actor.ASSESSOR),
        Move("not_fund", frozenset({State.IN_ASSESSMENT}), State.NOT_FUNDED, Actor.ASSESSOR),
        Move(
            "withdraw",
            frozenset({State.DRAFT, State.SUBMITTED, State.IN_ASSESSMENT}),
            State.WITHDRAWN,
            Actor.OFFICER,
        ),
    ],
)

MOVES = BID_WORKFLOW.moves
move = BID_WORKFLOW.move
allowed_moves = BID_WORKFLOW.allowed_moves
fit_label = BID_WORKFLOW.fit_label


def may_withdraw(bid: Bid) -> bool:
    """Whether the table allows the "withdraw" move from the bid's state now.

    A draft may be withdrawn too: to its officers, that is deleting it.
    """
    return "withdraw" in allowed_moves(bid.state)


# What staff see on the buttons for the moves they make.
STAFF_MOVE_LABELS = {
    "start_assessment": "Start assessment",
    "fund": "Record as funded",
    "not_fund": "Record as not funded",
}

__all__ = [
    "MOVES",
    "STAFF_MOVE_LABELS",
    "IllegalMove",
    "MoveNotPermitted",
    "allowed_moves",
    "fit_label",
    "may_withdraw",
    "move",
]
