"""Weighted totals of assessors' scores.

Each criterion's score, counted from the bottom of the round's scale, is
multiplied by its weight and the products added up: with weights 40, 30 and
30 on a scale of 0 to 4, scores of 3, 2 and 4 give 3×40 + 2×30 + 4×30 = 300
out of a possible 400 (75%). Counting from the bottom of the scale means the
lowest score on every criterion is 0%, whatever the scale starts at (on a
scale of 1 to 5, 1 everywhere is nothing, not 20%). A total is given only for
an assessor who has scored every criterion: a partial total would look like
a low one.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from funding.models import Criterion, Round, Score


def assessor_name(user) -> str:
    """How an assessor is named beside their scores: their full name, else their username."""
    return user.get_full_name() or user.get_username()


@dataclass(frozen=True)
class WeightedTotal:
    points: int
    out_of: int

    @property
    def percentage(self) -> Decimal:
        """The total as a percentage of the most possible, to one decimal place."""
        exact = Decimal(self.points * 100) / Decimal(self.out_of)
        return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def __str__(self):
        return f"{self.points} out of {self.out_of} ({self.percentage}%)"


def weighted_total(
    *, scores: dict[int, int], criteria: Iterable[Criterion], round_: Round
) -> WeightedTotal | None:
    """The weighted total of `scores` (criterion id to score), or None if any criterion is unscored."""
    criteria = list(criteria)
    if not criteria or any(criterion.pk not in scores for criterion in criteria):
        return None
    low = round_.score_min
    points = sum((scores[criterion.pk] - low) * criterion.weight for criterion in criteria)
    out_of = sum((round_.score_max - low) * criterion.weight for criterion in criteria)
    return WeightedTotal(points=points, out_of=out_of)


def totals_by_assessor(
    *, scores: Iterable[Score], criteria: Iterable[Criterion], round_: Round
) -> dict:
    """Each assessor's weighted total (None while they have criteria left to score)."""
    criteria = list(criteria)
    by_assessor: dict = defaultdict(dict)
    for score in scores:
        by_assessor[score.assessor][score.criterion_id] = score.score
    return {
        assessor: weighted_total(scores=given, criteria=criteria, round_=round_)
        for assessor, given in by_assessor.items()
    }


def average_percentage(totals: Iterable[WeightedTotal | None]) -> Decimal | None:
    """The mean of the complete totals' percentages, or None if there are none."""
    complete = [total.percentage for total in totals if total is not None]
    if not complete:
        return None
    mean = sum(complete) / len(complete)
    return mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
