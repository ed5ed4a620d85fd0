"""The bulletin's workflow, as data: an editor sends a draft; the worker
marks it sent once every follower of its topic has been queued."""

from localdigital.core.workflow import Actor, IllegalMove, Move, Workflow
from subscriptions.models import Bulletin, BulletinState, BulletinStateChange

State = BulletinState

BULLETIN_WORKFLOW = Workflow(
    model=Bulletin,
    history=BulletinStateChange,
    record_field="bulletin",
    staff_permissions={Actor.EDITOR: "subscriptions.send_bulletin"},
    moves=[
        Move("send", frozenset({State.DRAFT}), State.SENDING, Actor.EDITOR),
        Move("finish", frozenset({State.SENDING}), State.SENT, Actor.SYSTEM),
    ],
)

move = BULLETIN_WORKFLOW.move

__all__ = ["BULLETIN_WORKFLOW", "IllegalMove", "move"]
