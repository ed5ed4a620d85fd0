"""Everything that changes a bid, signs an officer in, or records an
assessment. Each function is one transaction; the emails it owes go to the
outbox in that transaction and are sent after commit.

One module a job (sign-in links, drafts and their sections, submission and
withdrawal, assessment, the panel's agreed scores and decision); every public name is here too, so callers write
`from funding import services` and `services.bid_submit(...)`.
"""

from funding.services.assessment import (
    CriterionScore,
    bid_comment,
    bid_score,
    bid_start_assessment,
)
from funding.services.assignment import (
    ASSIGNABLE_STATES,
    ConflictOfInterest,
    assign_assessor,
    declare_conflict,
    refuse_if_conflicted,
    unassign_assessor,
)
from funding.services.drafts import (
    bid_add_attachment,
    bid_add_cost_line,
    bid_add_partner,
    bid_remove_attachment,
    bid_remove_cost_line,
    bid_remove_partner,
    bid_save_section,
    bid_start,
    locked_draft,
    officer_label,
)
from funding.services.eligibility import (
    eligibility_problems,
    is_signed_current_council,
    lead_bids_counted,
)
from funding.services.expressions import (
    ConflictedDecision,
    ExpressionAnswers,
    ExpressionNotAccepted,
    bid_start_from_expression,
    expression_decide,
    expression_send,
)
from funding.services.panel import (
    AgreedCriterionScore,
    Decision,
    bid_agree_scores,
    bid_decide,
    checked_award,
    has_individual_scores,
)
from funding.services.refusals import (
    BidIncomplete,
    BidNotEditable,
    LeadLimitReached,
    NotEligible,
    Reason,
    Refused,
    RoundClosed,
)
from funding.services.sign_in import (
    SIGN_IN_EMAILS_PER_HOUR,
    SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR,
    SIGN_IN_LINK_LIFETIME,
    sign_in_link_find,
    sign_in_link_minutes,
    sign_in_link_use,
    sign_in_request,
)
from funding.services.submission import bid_submit, bid_withdraw, officers_to_tell

__all__ = [
    "ASSIGNABLE_STATES",
    "SIGN_IN_EMAILS_PER_HOUR",
    "SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR",
    "SIGN_IN_LINK_LIFETIME",
    "BidIncomplete",
    "BidNotEditable",
    "ConflictOfInterest",
    "ConflictedDecision",
    "AgreedCriterionScore",
    "ExpressionAnswers",
    "ExpressionNotAccepted",
    "CriterionScore",
    "Decision",
    "LeadLimitReached",
    "NotEligible",
    "Reason",
    "Refused",
    "RoundClosed",
    "assign_assessor",
    "bid_add_attachment",
    "bid_add_cost_line",
    "bid_add_partner",
    "bid_agree_scores",
    "bid_comment",
    "bid_decide",
    "bid_remove_attachment",
    "bid_remove_cost_line",
    "bid_remove_partner",
    "bid_save_section",
    "bid_score",
    "bid_start",
    "bid_start_from_expression",
    "bid_start_assessment",
    "bid_submit",
    "bid_withdraw",
    "declare_conflict",
    "checked_award",
    "eligibility_problems",
    "has_individual_scores",
    "expression_decide",
    "expression_send",
    "is_signed_current_council",
    "lead_bids_counted",
    "locked_draft",
    "officer_label",
    "officers_to_tell",
    "refuse_if_conflicted",
    "sign_in_link_find",
    "sign_in_link_minutes",
    "sign_in_link_use",
    "sign_in_request",
    "unassign_assessor",
]
