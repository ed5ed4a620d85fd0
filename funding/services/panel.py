"""The panel's record of a bid after its assessors have scored it: the score
it agreed per criterion, and the decision with its approval, award and feedback.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from funding import counts, emails, scoring
from funding.models import (
    AgreedScore,
    Bid,
    BidApproval,
    BidState,
    Criterion,
    CriterionFeedback,
)
from funding.services.assignment import refuse_if_conflicted
from funding.services.submission import officers_to_tell
from funding.workflow import move
from localdigital.core import content_version
from localdigital.core.outbox import queue_email


@dataclass
class AgreedCriterionScore:
    criterion: Criterion
    score: int
    note: str


def has_individual_scores(bid: Bid) -> bool:
    """Whether some assessor has scored the bid on every criterion: the panel
    agrees its scores after the individual ones, not instead of them."""
    criteria = list(bid.round.criteria.all())
    totals = scoring.totals_by_assessor(
        scores=bid.scores.select_related("assessor"), criteria=criteria, round_=bid.round
    )
    return any(total is not None for total in totals.values())


def bid_agree_scores(*, bid: Bid, by, scores: Iterable[AgreedCriterionScore]) -> None:
    """Record the panel's agreed scores, replacing any agreed before. Whoever
    may not score the bid for a conflict of interest may not agree its scores.

    Raises: ConflictOfInterest; ValidationError (codes not_in_assessment,
    no_individual_scores, wrong_round, note_missing, and the score's own).
    """
    refuse_if_conflicted(bid=bid, assessor=by)
    with transaction.atomic():
        current = Bid.objects.select_for_update().select_related("round").get(pk=bid.pk)
        if current.state != BidState.IN_ASSESSMENT:
            raise ValidationError(
                "Only a bid in assessment can be given agreed scores", code="not_in_assessment"
            )
        if not has_individual_scores(current):
            raise ValidationError(
                "Agree scores once an assessor has scored every criterion",
                code="no_individual_scores",
            )
        for given in scores:
            _save_agreed_score(current, given, by=by)


def _save_agreed_score(bid: Bid, given: AgreedCriterionScore, *, by) -> None:
    if given.criterion.round_id != bid.round_id:
        raise ValidationError("That criterion is not one of this round's", code="wrong_round")
    if not given.note.strip():
        raise ValidationError(
            "Give a note for the agreed score of %(criterion)s",
            code="note_missing",
            params={"criterion": given.criterion.name},
        )
    agreed = AgreedScore(bid=bid, criterion=given.criterion, score=given.score, agreed_by=by)
    agreed.clean()
    AgreedScore.objects.update_or_create(
        bid=bid,
        criterion=given.criterion,
        defaults={
            "score": given.score,
            "note": given.note.strip(),
            "agreed_by": by,
            "agreed_at": timezone.now(),
        },
    )


@dataclass
class Decision:
    """What a decision records besides the outcome.

    amount_awarded is for a funded bid only: None means the amount asked. An
    award above the amount asked is refused unless above_ask_confirmed (a
    panel may add, say, for a partner joining late; a slip of the keyboard
    should not).
    """

    approver_name: str
    approver_role: str
    feedback: dict[int, str] = field(default_factory=dict)
    amount_awarded: int | None = None
    above_ask_confirmed: bool = False


def checked_award(bid: Bid, decision: Decision) -> int:
    """The amount to award a funded bid. Raises: ValidationError (codes
    award_not_positive, award_above_ask)."""
    awarded = bid.amount if decision.amount_awarded is None else decision.amount_awarded
    if awarded is None or awarded < 1:
        raise ValidationError("The amount awarded must be at least £1", code="award_not_positive")
    if bid.amount is not None and awarded > bid.amount and not decision.above_ask_confirmed:
        raise ValidationError(
            "The amount awarded, £%(awarded)s, is more than the £%(asked)s asked for",
            code="award_above_ask",
            params={"awarded": f"{awarded:,}", "asked": f"{bid.amount:,}"},
        )
    return awarded


def check_decision(bid: Bid, decision: Decision, criteria: list[Criterion]) -> None:
    """Raises: ValidationError (codes approver_missing, feedback_missing)."""
    if not decision.approver_name.strip() or not decision.approver_role.strip():
        raise ValidationError(
            "Give the name and role of who approved the decision", code="approver_missing"
        )
    for criterion in criteria:
        if not decision.feedback.get(criterion.pk, "").strip():
            raise ValidationError(
                "Give feedback on %(criterion)s",
                code="feedback_missing",
                params={"criterion": criterion.name},
            )


def bid_decide(*, bid: Bid, funded: bool, by, decision: Decision, note: str = "") -> None:
    """Record the outcome, who approved it and the feedback; for a funded bid,
    the amount awarded. Emails the officers who made the bid.

    Raises: IllegalMove, MoveNotPermitted, ValidationError (see check_decision
    and checked_award).
    """
    criteria = list(bid.round.criteria.all())
    check_decision(bid, decision, criteria)
    fields = {"decided_at": timezone.now()}
    if funded:
        fields["amount_awarded"] = checked_award(bid, decision)
    with transaction.atomic():
        move(bid, "fund" if funded else "not_fund", by_user=by, note=note, fields=fields)
        _record_approval_and_feedback(bid, by, decision, criteria)
        # Public once its round's decisions are published (a tick on the round).
        content_version.bump()
        if bid.round.results_published:
            # Shown at once: the fund's public totals change with it.
            counts.recount(fund=bid.round.fund)
        subject, body = emails.outcome(bid, funded=funded)
        for address in officers_to_tell(bid):
            queue_email(to=address, subject=subject, body=body, reference=bid.reference)


def _record_approval_and_feedback(bid: Bid, by, decision: Decision, criteria) -> None:
    BidApproval.objects.update_or_create(
        bid=bid,
        defaults={
            "approver_name": decision.approver_name.strip(),
            "approver_role": decision.approver_role.strip(),
            "recorded_by": by,
            "recorded_at": timezone.now(),
        },
    )
    CriterionFeedback.objects.filter(bid=bid).delete()
    CriterionFeedback.objects.bulk_create(
        [
            CriterionFeedback(
                bid=bid, criterion=criterion, text=decision.feedback[criterion.pk].strip()
            )
            for criterion in criteria
        ]
    )
