"""Helpers for the tests of the panel: agreed scores written as the panel
records them, for bids of one round."""

from funding import services
from funding.models import Bid


def agree(bid: Bid, by, scores: list[int]) -> None:
    """Record the panel's agreed scores for the bid, one per criterion in order."""
    services.bid_agree_scores(
        bid=bid,
        by=by,
        scores=[
            services.AgreedCriterionScore(criterion=criterion, score=score, note=f"Agreed {score}")
            for criterion, score in zip(bid.round.criteria.all(), scores, strict=True)
        ],
    )
