"""Public pages of the Local Digital Fund: the fund, its rounds, the published
bids and funded projects, the partner finder and the open data.

Everything here is read-only and public. The lists take their filters and
page from the query string, as the signatory lists do (and with the same
helpers), so they work as plain GET forms and every state has an address. Each
page runs the same number of queries whatever the amount of data.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from declaration.models import Principle, ServiceArea
from funding import counts, grants, open_data
from funding.models import Bid, BidQuerySet, BidState, Fund, LinkKind, Phase, ProjectLink, Round
from localdigital.core import open_data_files
from localdigital.core.lists import (
    ListQuery,
    checkbox_items,
    page_title,
    paginate,
    select_items,
)
from localdigital.core.open_data import csv_response
from localdigital.core.titles import fitting_title

BID_SORTS = {
    "round": "Newest round first",
    "-amount": "Largest amount first",
    "lead": "Lead council (A to Z)",
}
# One order only; named so that the pages' addresses say what they show.
PROJECT_SORTS = {"round": "Newest round first"}
OUTCOMES = [
    (BidState.FUNDED.value, BidState.FUNDED.label),
    (BidState.NOT_FUNDED.value, BidState.NOT_FUNDED.label),
]
OUTCOME_TAG_CLASSES = {BidState.FUNDED: "govuk-tag--green", BidState.NOT_FUNDED: "govuk-tag--grey"}
LINK_GROUPS = [(LinkKind.OUTPUT, "Outputs"), (LinkKind.SPRINT_NOTE, "Sprint notes")]
DEFAULT_FUND_NAME = "Local Digital Fund"


# Dates and times


@dataclass(frozen=True)
class RoundStatus:
    key: str
    text: str
    tag_classes: str


OPEN = RoundStatus("open", "Open", "govuk-tag--green")
OPENS_SOON = RoundStatus("opens-soon", "Opens soon", "govuk-tag--blue")
CLOSED = RoundStatus("closed", "Closed", "govuk-tag--grey")


def round_status(round_: Round, *, now: datetime.datetime) -> RoundStatus:
    if round_.is_open(now=now):
        return OPEN
    return CLOSED if round_.has_closed(now=now) else OPENS_SOON


# The fund and its rounds


@require_safe
def fund_index(request):
    # There is one fund; should staff add another, the page shows the first
    # by name, and its own rounds and totals only.
    fund = Fund.objects.order_by("name").first()
    rounds = list(fund.rounds.order_by("-opens_at", "-pk")) if fund else []
    now = timezone.now()
    return render(
        request,
        "fund/index.html",
        {
            "page_title": fund.name if fund else DEFAULT_FUND_NAME,
            "fund": fund,
            "rounds": [{"round": r, "status": round_status(r, now=now)} for r in rounds],
            # Kept by funding.counts whenever a published decision changes.
            "totals": counts.fund_totals(fund),
        },
    )


@require_safe
def round_detail(request, slug):
    round_ = (
        Round.objects.select_related("fund")
        .prefetch_related("phases", "criteria")
        .filter(slug=slug)
        .first()
    )
    if round_ is None:
        raise Http404("No round has this address.")
    phase_order = list(Phase.values)
    phases = sorted(round_.phases.all(), key=lambda p: phase_order.index(p.phase))
    criteria = list(round_.criteria.all())
    total_weight = sum(criterion.weight for criterion in criteria)
    return render(
        request,
        "fund/round.html",
        {
            "page_title": fitting_title(f"{round_.name}: {round_.fund.name}"),
            "round": round_,
            "status": round_status(round_, now=timezone.now()),
            "phases": phases,
            "criteria": [
                {"criterion": c, "share": round(100 * c.weight / total_weight)} for c in criteria
            ],
        },
    )


# Published bids and funded projects


def _filtered_bids(bids: BidQuerySet, query: ListQuery) -> BidQuerySet:
    """The bids that match a list's search and filters: any value of a
    filter matches, and every filter used must match."""
    if query.q:
        bids = bids.filter(
            Q(title__icontains=query.q)
            | Q(lead__name__icontains=query.q)
            | Q(reference__iexact=query.q)
        )
    if rounds := query.filters.get("round"):
        bids = bids.filter(round__slug__in=rounds)
    if phases := query.filters.get("phase"):
        bids = bids.filter(phase__in=phases)
    if outcomes := query.filters.get("outcome"):
        bids = bids.filter(state__in=outcomes)
    if principles := query.filters.get("principle"):
        # A subquery, not a join, so a bid with two chosen principles is listed once.
        tagged = Bid.principles.through.objects.filter(principle__slug__in=principles)
        bids = bids.filter(pk__in=tagged.values("bid_id"))
    if service_areas := query.filters.get("service_area"):
        bids = bids.filter(service_area__slug__in=service_areas)
    return bids


def _sorted_bids(bids: BidQuerySet, sort: str) -> BidQuerySet:
    # By the bid's copy of its round's opening, which the indexes hold (Bid.Meta).
    if sort == "-amount":
        return bids.order_by("-amount", "-round_opens_at", "number")
    if sort == "lead":
        return bids.order_by("lead__name", "-round_opens_at", "number")
    return bids.order_by("-round_opens_at", "-round_id", "number")


def _with_outcome(bids) -> list[dict]:
    return [{"bid": bid, "outcome_classes": OUTCOME_TAG_CLASSES.get(bid.state, "")} for bid in bids]


@require_safe
def bid_list(request):
    published = Bid.objects.published()
    rounds = list(Round.objects.published().order_by("-opens_at", "-pk"))
    principles = list(Principle.objects.in_order())
    # Only the service areas some published bid has, so that no choice leads nowhere.
    # Asked area by area (EXISTS), with the published rounds' keys (just
    # read) in place of a join to rounds: each area is then one index-only
    # probe of bid_decided_area_idx that stops at its first bid, not a read of
    # every published bid (18 ms to 0.3 ms over 40,000 bids).
    in_published_rounds = Bid.objects.decided().filter(round__in=rounds)
    service_areas = list(
        ServiceArea.objects.filter(Exists(in_published_rounds.filter(service_area=OuterRef("pk"))))
    )
    query = ListQuery.from_request(
        request,
        sorts=BID_SORTS,
        allowed={
            "round": {r.slug for r in rounds},
            "phase": set(Phase.values),
            "outcome": {value for value, _label in OUTCOMES},
            "principle": {p.slug for p in principles},
            "service_area": {area.slug for area in service_areas},
        },
    )
    results = _sorted_bids(_filtered_bids(published, query), query.sort).public()
    # Every published bid is counted in the summary rows; a narrowed list is
    # counted as far as the paginator's limit.
    known = None if query.is_narrowed else counts.all_funds_totals()["published_bids"]
    page, pagination = paginate(request, results, query, count=known)
    return render(
        request,
        "fund/bids.html",
        {
            "page_title": page_title("Bids to the fund", page),
            "query": query,
            "page": page,
            "bids": _with_outcome(page.object_list),
            "pagination": pagination,
            **_bid_filter_items(query, rounds, principles, service_areas),
        },
    )


def _bid_filter_items(query: ListQuery, rounds, principles, service_areas) -> dict:
    """The choices of the bid list's filters and sort, each marked if chosen."""
    return {
        "round_items": checkbox_items([(r.slug, r.name) for r in rounds], query.filters["round"]),
        "phase_items": checkbox_items(Phase.choices, query.filters["phase"]),
        "outcome_items": checkbox_items(OUTCOMES, query.filters["outcome"]),
        "principle_items": checkbox_items(
            [(p.slug, f"{p.number}. {p.title}") for p in principles],
            query.filters["principle"],
        ),
        "service_area_items": checkbox_items(
            [(area.slug, area.name) for area in service_areas], query.filters["service_area"]
        ),
        "sort_items": select_items(BID_SORTS, query.sort),
    }


@require_safe
def project_list(request):
    funded = Bid.objects.funded()
    query = ListQuery.from_request(request, sorts=PROJECT_SORTS, allowed={})
    results = (
        _sorted_bids(funded, query.sort)
        .select_related("round", "lead", "service_area")
        .prefetch_related("partners")
    )
    totals = counts.all_funds_totals()
    page, pagination = paginate(request, results, query, count=totals["projects"])
    return render(
        request,
        "fund/projects.html",
        {
            "page_title": page_title("Funded projects", page),
            "page": page,
            "pagination": pagination,
            "totals": totals,
        },
    )


def project_page_context(reference: str) -> dict:
    """What the funded project's page shows; Http404 if no funded project has
    the reference. Pages that add to it (its updates: sharing) start from here."""
    # Only funded projects have a page: a bid that was not funded is shown,
    # with its outcome, in the list of bids, and has nothing more to show.
    bid = (
        Bid.objects.funded()
        .select_related("round", "round__fund", "lead", "service_area")
        .prefetch_related(
            "partners",
            "principles",
            "payments",
            Prefetch("links", queryset=ProjectLink.objects.order_by("added_at", "pk")),
        )
        .filter(reference=reference)
        .first()
    )
    if bid is None:
        raise Http404("No funded project has this reference.")
    links = list(bid.links.all())
    return {
        "page_title": fitting_title(bid.title),
        "bid": bid,
        "link_groups": [
            {"kind": kind, "heading": heading, "links": [x for x in links if x.kind == kind]}
            for kind, heading in LINK_GROUPS
        ],
    }


@require_safe
def project_detail(request, reference):
    return render(request, "fund/project.html", project_page_context(reference))


# Open data


@require_safe
def bids_csv(request):
    return open_data_files.download(request, open_data.BIDS, "csv")


@require_safe
def bids_json(request):
    return open_data_files.download(request, open_data.BIDS, "json")


@require_safe
def projects_csv(request):
    return open_data_files.download(request, open_data.PROJECTS, "csv")


@require_safe
def projects_json(request):
    return open_data_files.download(request, open_data.PROJECTS, "json")


@require_safe
def grants_csv(request):
    return csv_response(grants.GRANTS, grants.grants(), request=request)


@require_safe
def grants_json(request):
    return grants.package_response(request)
