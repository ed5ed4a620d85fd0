"""The project update's workflow, as data: posted published; staff may hide it
(with a reason) and show it again."""

from localdigital.core.workflow import Actor, IllegalMove, Move, Workflow
from sharing.models import ProjectUpdate, UpdateState, UpdateStateChange

State = UpdateState

UPDATE_WORKFLOW = Workflow(
    model=ProjectUpdate,
    history=UpdateStateChange,
    record_field="update",
    staff_permissions={Actor.MODERATOR: "sharing.change_projectupdate"},
    moves=[
        Move("hide", frozenset({State.PUBLISHED}), State.HIDDEN, Actor.MODERATOR),
        Move("show", frozenset({State.HIDDEN}), State.PUBLISHED, Actor.MODERATOR),
    ],
)

MOVES = UPDATE_WORKFLOW.moves
move = UPDATE_WORKFLOW.move
STAFF_MOVE_LABELS = {"hide": "Hide", "show": "Show again"}

__all__ = ["MOVES", "STAFF_MOVE_LABELS", "UPDATE_WORKFLOW", "IllegalMove", "move"]
