"""The case study's workflow, as data: an officer's proposal waits for staff,
who publish it or decline it (with a reason). A case study staff write
themselves starts proposed too, and they publish it with the same move."""

from localdigital.core.workflow import Actor, IllegalMove, Move, Workflow
from sharing.case_models import CaseStudy, CaseStudyState, CaseStudyStateChange

State = CaseStudyState

CASE_STUDY_WORKFLOW = Workflow(
    model=CaseStudy,
    history=CaseStudyStateChange,
    record_field="case_study",
    staff_permissions={Actor.MODERATOR: "sharing.change_casestudy"},
    moves=[
        Move("publish", frozenset({State.PROPOSED}), State.PUBLISHED, Actor.MODERATOR),
        Move("decline", frozenset({State.PROPOSED}), State.DECLINED, Actor.MODERATOR),
        Move("withdraw", frozenset({State.PUBLISHED}), State.PROPOSED, Actor.MODERATOR),
    ],
)

STAFF_MOVE_LABELS = {"publish": "Publish", "decline": "Decline", "withdraw": "Unpublish"}

__all__ = ["CASE_STUDY_WORKFLOW", "STAFF_MOVE_LABELS", "IllegalMove"]
