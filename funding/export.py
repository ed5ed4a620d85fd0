"""A round's submitted bids with their scores, as a CSV download for the assessment panel.

One row per bid that was submitted (drafts never were, so they are left out),
described as it was submitted: the frozen copy, not the bid's row, which is
what the assessors read and scored. Every cell is defused, because titles,
names and justifications are typed by people outside the team and a
spreadsheet would run a cell starting with "=" as a formula.
"""

import csv
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import TextIO

from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.utils import timezone

from funding import scoring
from funding.answers import read_answers
from funding.models import Bid, BidState, Criterion, Round, Score
from localdigital.core.open_data import LIST_SEPARATOR, defuse


def may_export(user) -> bool:
    """The export shows bids and their scores, so it needs leave to read both."""
    return user.has_perm("funding.view_bid") and user.has_perm("funding.view_score")


def download(round_: Round, bids: QuerySet[Bid]) -> HttpResponse:
    """The CSV of `bids` (those of them submitted to `round_`), as a file to save."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name(round_)}"'
    write_round_bids(round_, bids, response)
    return response


def file_name(round_: Round) -> str:
    return f"{round_.slug}-bids-and-scores-{timezone.localdate():%Y-%m-%d}.csv"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return defuse(value)
    return str(value)


def _mean(values: list[int]) -> Decimal | None:
    if not values:
        return None
    mean = Decimal(sum(values)) / Decimal(len(values))
    return mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def submitted_bids(round_: Round, bids: QuerySet[Bid]) -> QuerySet[Bid]:
    """Those of `bids` in `round_` that were submitted, with what a row needs.

    A fresh queryset: the caller's may carry prefetches of its own.
    """
    return (
        Bid.objects.filter(pk__in=bids.values("pk"), round=round_, submission__isnull=False)
        .select_related("submission")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("assessor")))
        .order_by("number", "pk")
    )


def write_round_bids(round_: Round, bids: QuerySet[Bid], out: TextIO) -> None:
    """Write the CSV of `bids` (those of them submitted to `round_`) to `out`."""
    criteria = list(round_.criteria.all())
    rows = list(submitted_bids(round_, bids))
    assessors = sorted(
        {score.assessor for bid in rows for score in bid.scores.all()},
        key=lambda user: (scoring.assessor_name(user).lower(), user.pk),
    )
    out_of = sum(round_.score_max * criterion.weight for criterion in criteria)

    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        _cell(heading)
        for heading in [
            "reference",
            "title",
            "lead",
            "lead region",
            "partners",
            "phase",
            "amount (£)",
            "state",
            "submitted at",
            *(
                f"average score: {criterion.name} (weight {criterion.weight})"
                for criterion in criteria
            ),
            *(
                f"weighted total by {scoring.assessor_name(assessor)} (out of {out_of})"
                for assessor in assessors
            ),
            "average weighted score (%)",
            "assessors who scored every criterion",
        ]
    )
    for bid in rows:
        writer.writerow(_cell(value) for value in _row(bid, round_, criteria, assessors))


def _row(bid: Bid, round_: Round, criteria: list[Criterion], assessors: Iterable) -> list:
    answers = read_answers(bid.submission.answers)
    scores = list(bid.scores.all())
    totals = scoring.totals_by_assessor(scores=scores, criteria=criteria, round_=round_)
    totals_by_id = {assessor.pk: total for assessor, total in totals.items()}
    return [
        bid.reference,
        answers["title"],
        answers["lead"]["name"],
        answers["lead"]["region"],
        LIST_SEPARATOR.join(partner["name"] for partner in answers["partners"]),
        answers["phase"],
        answers["amount"],
        BidState(bid.state).label,
        timezone.localtime(bid.submitted_at).isoformat(timespec="seconds"),
        *(
            _mean([score.score for score in scores if score.criterion_id == criterion.pk])
            for criterion in criteria
        ),
        *(
            total.points if (total := totals_by_id.get(assessor.pk)) is not None else None
            for assessor in assessors
        ),
        scoring.average_percentage(totals.values()),
        sum(1 for total in totals.values() if total is not None),
    ]
