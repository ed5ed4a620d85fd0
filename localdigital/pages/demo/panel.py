"""The demo round's panel: the scores it agreed after the assessors', and the
decision on each bid with who approved it, the feedback, the amount awarded
and the payments made since (demo.fund calls it for each decided bid).

An agreed score is the assessors' mean, rounded half up, so that the demo's
agreed scores follow its individual ones.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from funding import services
from funding.models import Bid, BidState, GrantPayment
from localdigital.pages.demo.fund_content import DemoBid

APPROVER = ("Rowan Hale", "Minister for Local Government")

FEEDBACK = {
    0: "The bid does not show how it meets this criterion.",
    1: "The bid touches on this, but gives little evidence for it.",
    2: "The bid addresses this, though the evidence has gaps the panel could not close.",
    3: "The bid addresses this well, with good evidence from the partner councils.",
    4: "The bid addresses this in full, with strong evidence and a clear plan.",
}


def _agreed(given: list[int]) -> int:
    mean = Decimal(sum(given)) / Decimal(len(given))
    return int(mean.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def agree_scores(bid: Bid, spec: DemoBid, by) -> dict[int, int]:
    """Record the panel's agreed scores; return them by criterion id."""
    agreed_scores = []
    for position, criterion in enumerate(bid.round.criteria.all()):
        given = [scores[position] for scores in spec.scores]
        agreed = _agreed(given)
        note = (
            f"The assessors gave {' and '.join(map(str, given))}; the panel agreed "
            f"{agreed} after discussing the evidence."
        )
        agreed_scores.append(
            services.AgreedCriterionScore(criterion=criterion, score=agreed, note=note)
        )
    services.bid_agree_scores(bid=bid, by=by, scores=agreed_scores)
    return {given.criterion.pk: given.score for given in agreed_scores}


def decide(bid: Bid, spec: DemoBid, by) -> None:
    """Record the outcome the spec gives, approved by the minister, with feedback."""
    agreed = agree_scores(bid, spec, by)
    funded = spec.outcome == BidState.FUNDED
    services.bid_decide(
        bid=bid,
        funded=funded,
        by=by,
        decision=services.Decision(
            approver_name=APPROVER[0],
            approver_role=APPROVER[1],
            feedback={criterion_id: FEEDBACK[score] for criterion_id, score in agreed.items()},
            amount_awarded=spec.awarded,
        ),
        note=(
            "Recommended by the panel; the minister approved the recommendation."
            if funded
            else "Scored below the line the panel could fund in this round."
        ),
    )


def record_grant(bid: Bid, spec: DemoBid, *, agreed_on: datetime.date) -> None:
    """The grant agreement and the payments the spec lists, once the bid is funded."""
    if spec.outcome != BidState.FUNDED:
        return
    Bid.objects.filter(pk=bid.pk).update(grant_agreed_on=agreed_on)
    GrantPayment.objects.bulk_create(
        [GrantPayment(bid=bid, paid_on=paid_on, amount=amount) for paid_on, amount in spec.payments]
    )
