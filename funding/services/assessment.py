"""What assessors record about a submitted bid: that its assessment has
started, their scores and comments. The panel's agreed scores and the
outcome are funding.services.panel's."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from funding.models import Bid, BidComment, BidState, Criterion, Score
from funding.services.assignment import refuse_if_conflicted
from funding.workflow import move


def bid_start_assessment(*, bid: Bid, by, note: str = "") -> None:
    """Raises: IllegalMove, MoveNotPermitted."""
    move(bid, "start_assessment", by_user=by, note=note)


@dataclass
class CriterionScore:
    criterion: Criterion
    score: int
    justification: str


def bid_score(*, bid: Bid, assessor, scores: Iterable[CriterionScore]) -> None:
    """Save one assessor's scores, replacing any they gave before.

    Only bids in assessment are scored; the scale is the round's and every
    score needs a written justification.

    Raises: ConflictOfInterest; ValidationError (codes not_in_assessment,
    wrong_round, justification_missing, and the score's own).
    """
    refuse_if_conflicted(bid=bid, assessor=assessor)
    with transaction.atomic():
        current = Bid.objects.select_for_update().get(pk=bid.pk)
        if current.state != BidState.IN_ASSESSMENT:
            raise ValidationError(
                "Only a bid in assessment can be scored", code="not_in_assessment"
            )
        for given in scores:
            if given.criterion.round_id != current.round_id:
                raise ValidationError(
                    "That criterion is not one of this round's", code="wrong_round"
                )
            if not given.justification.strip():
                raise ValidationError(
                    "Give a justification for the score of %(criterion)s",
                    code="justification_missing",
                    params={"criterion": given.criterion.name},
                )
            score = Score(
                bid=current,
                criterion=given.criterion,
                assessor=assessor,
                score=given.score,
                justification=given.justification.strip(),
            )
            score.clean()
            Score.objects.update_or_create(
                bid=current,
                criterion=given.criterion,
                assessor=assessor,
                defaults={"score": score.score, "justification": score.justification},
            )


def bid_comment(*, bid: Bid, author, text: str) -> BidComment:
    """Raises: ValidationError (code comment_missing)."""
    if not text.strip():
        raise ValidationError("Enter a comment", code="comment_missing")
    return BidComment.objects.create(bid=bid, author=author, text=text.strip())
