"""The service performance figures the Service Standard asks a service to publish,
worked out from the records: how many sign-ups are started and completed, how
long moderators take to review one against the 3-working-day target, how long
senior sign-off takes, how many bids each round receives, and how satisfied
people are.

Each figure is written for each of the last 12 months (in UK time) and for the
12 months together. The worker works them out every hour and keeps them in a
PerformanceReport, which the public page and its open data read.
"""

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from funding.models import COUNTED_STATES, BidState, Round
from localdigital.core import content_version
from localdigital.core.working_days import working_days_between
from localdigital.pages.models import SATISFIED_ANSWERS, Feedback, PerformanceReport
from signatories.models import SignUp, SignUpState, StateChange
from signatories.services import REVIEW_WORKING_DAYS

MONTHS = 12


def month_starts(*, now: datetime.datetime) -> list[datetime.date]:
    """The first day of each of the last MONTHS months in UK time, oldest first."""
    first = timezone.localtime(now).date().replace(day=1)
    starts = [first]
    for _ in range(MONTHS - 1):
        starts.append((starts[-1] - datetime.timedelta(days=1)).replace(day=1))
    return starts[::-1]


def _month(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


def percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile: the smallest value with `share` of them at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def _periods(changes: Iterable[tuple[int, str, datetime.datetime]], state: str):
    """Each time a sign-up spent in `state`: (entered, left, the state it went to)."""
    entered, current = None, None
    for sign_up_id, to_state, at in changes:
        if current != sign_up_id:
            current, entered = sign_up_id, None
        if entered is not None:
            yield entered, at, to_state
            entered = None
        if to_state == state:
            entered = at


def _state_changes():
    return (
        StateChange.objects.order_by("sign_up_id", "at", "pk")
        .values_list("sign_up_id", "to_state", "at")
        .iterator(chunk_size=5000)
    )


def _reviews(months: set[datetime.date]) -> dict[datetime.date, list[int]]:
    """Working days each review took, by the month it ended in."""
    taken = defaultdict(list)
    for entered, left, _ in _periods(_state_changes(), SignUpState.AWAITING_REVIEW):
        if _month(left) in months:
            days = working_days_between(
                timezone.localtime(entered).date(), timezone.localtime(left).date()
            )
            taken[_month(left)].append(days)
    return taken


def _sign_offs(months: set[datetime.date]) -> dict[datetime.date, list[float]]:
    """Days each senior sign-off took, from approval to signing, by the month it was signed."""
    taken = defaultdict(list)
    for entered, left, to_state in _periods(_state_changes(), SignUpState.AWAITING_SIGN_OFF):
        if to_state == SignUpState.SIGNED and _month(left) in months:
            taken[_month(left)].append(round((left - entered).total_seconds() / 86400, 1))
    return taken


def _sign_ups(since: datetime.datetime) -> dict[datetime.date, list[bool]]:
    """Whether each sign-up started since `since` was signed, by the month it was started."""
    started = defaultdict(list)
    rows = SignUp.objects.filter(created_at__gte=since).values_list("created_at", "signed_at")
    for created_at, signed_at in rows.iterator(chunk_size=5000):
        started[_month(created_at)].append(signed_at is not None)
    return started


def _feedback(since: datetime.datetime) -> dict[datetime.date, list[bool]]:
    """Whether each answer since `since` was satisfied, by the month it was given."""
    answers = defaultdict(list)
    rows = Feedback.objects.filter(received_at__gte=since).values_list(
        "received_at", "satisfaction"
    )
    for received_at, satisfaction in rows.iterator(chunk_size=5000):
        answers[_month(received_at)].append(satisfaction in SATISFIED_ANSWERS)
    return answers


def _row(label, *, started, reviews, sign_offs, answers) -> dict:
    return {
        "period": label,
        "sign_ups_started": len(started),
        "sign_ups_completed": sum(started),
        "completion_rate_percent": percent(sum(started), len(started)),
        "reviews": len(reviews),
        "review_median_working_days": percentile(reviews, 0.5),
        "review_90th_percentile_working_days": percentile(reviews, 0.9),
        "reviews_within_target_percent": percent(
            sum(days <= REVIEW_WORKING_DAYS for days in reviews), len(reviews)
        ),
        "sign_offs": len(sign_offs),
        "sign_off_median_days": percentile(sign_offs, 0.5),
        "sign_off_90th_percentile_days": percentile(sign_offs, 0.9),
        "feedback_responses": len(answers),
        "satisfied_percent": percent(sum(answers), len(answers)),
    }


def _rounds(now: datetime.datetime) -> list[dict]:
    rounds = (
        Round.objects.filter(opens_at__lte=now)
        .select_related("fund")
        .annotate(
            submitted=Count("bids", filter=Q(bids__state__in=COUNTED_STATES)),
            funded=Count("bids", filter=Q(bids__state=BidState.FUNDED)),
        )
        .order_by("-opens_at")
    )
    return [
        {
            "fund": round_.fund.name,
            "round": round_.name,
            "closes": timezone.localtime(round_.closes_at).date().isoformat(),
            "bids_submitted": round_.submitted,
            # Decisions are public only once the round's results are.
            "bids_funded": round_.funded if round_.results_published else None,
        }
        for round_ in rounds
    ]


def work_out(*, now: datetime.datetime | None = None) -> dict:
    """Every figure, from the records as they are now."""
    now = now or timezone.now()
    starts = month_starts(now=now)
    months = set(starts)
    since = timezone.make_aware(datetime.datetime.combine(starts[0], datetime.time()))
    parts = {
        "started": _sign_ups(since),
        "reviews": _reviews(months),
        "sign_offs": _sign_offs(months),
        "answers": _feedback(since),
    }
    rows = [
        _row(start.strftime("%B %Y"), **{name: part[start] for name, part in parts.items()})
        for start in starts
    ]
    whole = {name: [x for start in starts for x in part[start]] for name, part in parts.items()}
    return {
        "target_working_days": REVIEW_WORKING_DAYS,
        "months": rows,
        "last_12_months": _row("The last 12 months", **whole),
        "rounds": _rounds(now),
    }


def record(*, now: datetime.datetime | None = None) -> PerformanceReport:
    """Work the figures out and keep them; the public pages change only if they did."""
    now = now or timezone.now()
    figures = work_out(now=now)
    with transaction.atomic():
        latest = PerformanceReport.objects.select_for_update().first()
        if latest is None or latest.figures != figures:
            content_version.bump()
        PerformanceReport.objects.all().delete()
        return PerformanceReport.objects.create(figures=figures, worked_out_at=now)


def latest() -> PerformanceReport | None:
    """The figures last worked out; None on a new site, until the worker first does."""
    return PerformanceReport.objects.first()
