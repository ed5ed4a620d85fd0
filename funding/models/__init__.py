"""The fund's models, by what they record. Every name is importable from here."""

from funding.models.assignments import (
    AssessorProfile,
    Assignment,
    Conflict,
    ConflictKind,
    DraftReminder,
    DraftReminderStage,
)
from funding.models.attachments import (
    Attachment,
    AttachmentKind,
    AttachmentStorage,
    attachment_path,
    attachment_storage,
    private_storage,
)
from funding.models.bids import (
    COUNTED_STATES,
    DECIDED_STATES,
    Bid,
    BidQuerySet,
    BidState,
    BidStateChange,
    BidSubmission,
    CostCategory,
    CostLine,
    Section,
    awarded_amount,
)
from funding.models.counts import FundCount, PrincipleProjectCount
from funding.models.expressions import (
    DECIDED_EXPRESSION_STATES,
    Expression,
    ExpressionQuerySet,
    ExpressionState,
    ExpressionStateChange,
)
from funding.models.outcomes import (
    BidComment,
    LinkKind,
    ProjectLink,
    Score,
)
from funding.models.panel import AgreedScore, BidApproval, CriterionFeedback, GrantPayment
from funding.models.rounds import (
    RESERVED_ROUND_SLUGS,
    Criterion,
    Fund,
    Phase,
    Round,
    RoundPhase,
    RoundQuerySet,
    validate_round_slug,
)
from funding.models.sign_in import (
    SignInLink,
)

__all__ = [
    "AssessorProfile",
    "Assignment",
    "Conflict",
    "ConflictKind",
    "DraftReminder",
    "DraftReminderStage",
    "AgreedScore",
    "BidApproval",
    "CriterionFeedback",
    "GrantPayment",
    "awarded_amount",
    "Attachment",
    "AttachmentKind",
    "AttachmentStorage",
    "Bid",
    "BidComment",
    "BidQuerySet",
    "BidState",
    "BidStateChange",
    "BidSubmission",
    "COUNTED_STATES",
    "CostCategory",
    "CostLine",
    "FundCount",
    "PrincipleProjectCount",
    "Criterion",
    "DECIDED_STATES",
    "DECIDED_EXPRESSION_STATES",
    "Expression",
    "ExpressionQuerySet",
    "ExpressionState",
    "ExpressionStateChange",
    "Fund",
    "LinkKind",
    "Phase",
    "ProjectLink",
    "RESERVED_ROUND_SLUGS",
    "Round",
    "RoundPhase",
    "RoundQuerySet",
    "Score",
    "Section",
    "SignInLink",
    "attachment_path",
    "attachment_storage",
    "private_storage",
    "validate_round_slug",
]
