"""A round's bids in the panel's order, and where its budget draws the funding line.

Bids are ranked by their agreed weighted total (funding.scoring, applied to
the panel's agreed scores, never the assessors' own). Equal totals are put
in order of the amount they cost, smallest first, because the same money
then funds more of them; still equal, the earlier reference first. Walking
down the ranking, each bid's cost is added up: the line falls above the
first bid the budget cannot cover, and every bid after it is below the line
too, even a smaller one that would fit, so that the line follows the
ranking and nothing else. A bid costing exactly what is left is above it.
A bid's cost is the amount awarded, once it is funded, else the amount asked.
A bid without an agreed score on every criterion is not ranked: it is listed apart.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from funding.models import Bid, Criterion, Round
from funding.scoring import WeightedTotal, weighted_total

TIE_BREAK = (
    "Equal agreed scores are ranked by cost, smallest first (the same money funds more "
    "bids), then by reference."
)


@dataclass(frozen=True)
class RankedBid:
    position: int
    bid: Bid
    agreed: WeightedTotal
    cost: int
    cumulative: int
    above_line: bool


@dataclass(frozen=True)
class Ranking:
    ranked: list[RankedBid]
    # Bids with some criterion still to agree, by reference.
    unranked: list[Bid]
    budget: int | None

    @property
    def funded_by_budget(self) -> int:
        """How much the bids above the line cost together."""
        above = [row for row in self.ranked if row.above_line]
        return above[-1].cumulative if above else 0

    @property
    def line_after(self) -> int | None:
        """The position of the last bid above the line (0 if none is), or None without a budget."""
        if self.budget is None:
            return None
        return sum(1 for row in self.ranked if row.above_line)


def cost(bid: Bid) -> int:
    return bid.awarded if bid.awarded is not None else (bid.amount or 0)


def agreed_total(bid: Bid, criteria: list[Criterion], round_: Round) -> WeightedTotal | None:
    """The bid's weighted total of its prefetched agreed scores, if all are agreed."""
    agreed = {score.criterion_id: score.score for score in bid.agreed_scores.all()}
    return weighted_total(scores=agreed, criteria=criteria, round_=round_)


def rank(round_: Round, bids: Iterable[Bid]) -> Ranking:
    """The ranking of `bids` (the round's, with agreed scores prefetched)."""
    criteria = list(round_.criteria.all())
    scored, unranked = [], []
    for bid in bids:
        total = agreed_total(bid, criteria, round_)
        if total is None:
            unranked.append(bid)
        else:
            scored.append((bid, total))
    scored.sort(key=lambda pair: (-pair[1].points, cost(pair[0]), pair[0].number or 0))
    return Ranking(
        ranked=_with_line(scored, round_.budget),
        unranked=sorted(unranked, key=lambda bid: bid.number or 0),
        budget=round_.budget,
    )


def _with_line(scored: list[tuple[Bid, WeightedTotal]], budget: int | None) -> list[RankedBid]:
    rows, cumulative, fits = [], 0, budget is not None
    for position, (bid, total) in enumerate(scored, start=1):
        cumulative += cost(bid)
        fits = fits and cumulative <= budget
        rows.append(
            RankedBid(
                position=position,
                bid=bid,
                agreed=total,
                cost=cost(bid),
                cumulative=cumulative,
                above_line=fits,
            )
        )
    return rows
