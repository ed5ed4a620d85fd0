"""The fund's totals, from summary rows: kept here, read by the public pages.

The fund's page, the home page, the projects list, the bids list and each
principle's page show how many bids are published, how many were funded, for
how much, and how many councils took part. Adding that up over 40,000 bids on
every request would cost more than the rest of the page, so the totals are
rows (funding.models.counts) and this module is the one place that writes
them. What the public sees changes only when a decision is recorded in a
round whose decisions are public, or when a round's decisions are published
(or unpublished): both recount here, in the same transaction. Both are rare
staff actions, so a full recount of the fund (a few aggregate queries) is
affordable there, and is right whatever happened before. `rebuild` makes
every row again, after a bulk load and in the test that checks the kept rows.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Count, Q, Sum

from declaration.models import Principle
from funding.models import Bid, Fund, FundCount, PrincipleProjectCount
from signatories.models import Organisation


def councils_involved(bids) -> int:
    """How many councils lead or partner at least one of the funded `bids`."""
    funded = bids.funded()
    partners = Bid.partners.through.objects.filter(bid__in=funded).values("organisation_id")
    return (
        Organisation.objects.councils()
        .filter(Q(pk__in=funded.values("lead_id")) | Q(pk__in=partners))
        .count()
    )


def recount(*, fund: Fund) -> None:
    """Count again the fund's published bids and projects, and every principle's projects."""
    with transaction.atomic():
        FundCount.objects.bulk_create([FundCount(fund=fund)], ignore_conflicts=True)
        row = FundCount.objects.select_for_update().get(fund=fund)
        bids = Bid.objects.filter(round__fund=fund)
        totals = bids.totals()
        row.published_bids = bids.published().count()
        row.projects = totals["projects"]
        row.awarded = totals["awarded"]
        row.councils = councils_involved(bids)
        row.save()
        _recount_principles()


def _recount_principles() -> None:
    principles = list(Principle.objects.order_by("pk"))
    PrincipleProjectCount.objects.bulk_create(
        [PrincipleProjectCount(principle=p) for p in principles], ignore_conflicts=True
    )
    rows = list(PrincipleProjectCount.objects.select_for_update().order_by("principle_id"))
    numbers = dict(
        Bid.principles.through.objects.filter(bid__in=Bid.objects.funded())
        .order_by()
        .values_list("principle_id")
        .annotate(number=Count("bid_id"))
        .values_list("principle_id", "number")
    )
    for row in rows:
        row.projects = numbers.get(row.principle_id, 0)
    PrincipleProjectCount.objects.bulk_update(rows, ["projects"])


def rebuild() -> None:
    """Make every row again from the bids: after a bulk load, or to check the kept ones."""
    with transaction.atomic():
        FundCount.objects.all().delete()
        PrincipleProjectCount.objects.all().delete()
        for fund in Fund.objects.order_by("pk"):
            recount(fund=fund)
        _recount_principles()


# Reading


def fund_totals(fund: Fund | None) -> dict[str, int]:
    """Published bids, projects funded, pounds awarded and councils involved, in one fund."""
    row = FundCount.objects.filter(fund=fund).first() if fund else None
    row = row or FundCount()
    return {
        "published_bids": row.published_bids,
        "projects": row.projects,
        "awarded": row.awarded,
        "councils": row.councils,
    }


def all_funds_totals() -> dict[str, int]:
    """The same, added up over every fund (the home page's figures)."""
    return FundCount.objects.aggregate(
        published_bids=Sum("published_bids", default=0),
        projects=Sum("projects", default=0),
        awarded=Sum("awarded", default=0),
    )


def projects_with(principle: Principle) -> int:
    """How many published funded projects serve the principle, from a principle
    read with select_related("project_count")."""
    try:
        return principle.project_count.projects
    except ObjectDoesNotExist:
        return 0
