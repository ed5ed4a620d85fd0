"""The expression of interest workflow, written as data, on the shared engine.

An officer sends an expression (its first state, recorded by `start`); staff
invite the lead to make a full bid, or decline, each with feedback the lead is
emailed. Both outcomes are final: an invited lead starts its bid from the
expression, a declined one waits for another round.
"""

from funding.models import Expression, ExpressionState, ExpressionStateChange
from localdigital.core.workflow import Actor, Move, Workflow

State = ExpressionState

EXPRESSION_WORKFLOW = Workflow(
    model=Expression,
    history=ExpressionStateChange,
    record_field="expression",
    # The fund assessors decide on expressions as on bids.
    staff_permissions={Actor.ASSESSOR: "funding.change_expression"},
    moves=[
        Move("invite", frozenset({State.SUBMITTED}), State.INVITED, Actor.ASSESSOR),
        Move("decline", frozenset({State.SUBMITTED}), State.DECLINED, Actor.ASSESSOR),
    ],
)

# What staff see on the buttons for the moves.
STAFF_MOVE_LABELS = {"invite": "Invite to bid", "decline": "Decline"}
