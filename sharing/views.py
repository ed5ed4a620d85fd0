"""Public pages of project updates: every update, filtered and paged; one
update's page. Both the same for every visitor (public_page), each in a fixed
number of queries whatever the number of updates."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from declaration.models import Principle, ServiceArea
from funding.models import Bid, Phase
from funding.uploads import describe_size
from localdigital.core.lists import ListQuery, checkbox_items, page_title, paginate, select_items
from localdigital.core.titles import fitting_title
from sharing.models import ProjectUpdate
from signatories.models import Organisation

# One order only; named so that the pages' addresses say what they show.
SORTS = {"newest": "Newest first"}


def _councils_with_projects():
    """Councils that lead or partner a funded project: the council filter's choices."""
    funded = Bid.objects.funded()
    return Organisation.objects.filter(
        Q(pk__in=funded.values("lead_id")) | Q(pk__in=funded.values("partners"))
    ).order_by("name")


def _filtered(updates, query: ListQuery):
    bids = Bid.objects.funded()
    if principles := query.filters.get("principle"):
        tagged = Bid.principles.through.objects.filter(principle__slug__in=principles)
        bids = bids.filter(pk__in=tagged.values("bid_id"))
    if areas := query.filters.get("service_area"):
        bids = bids.filter(service_area__slug__in=areas)
    if phases := query.filters.get("phase"):
        bids = bids.filter(phase__in=phases)
    if councils := query.filters.get("council"):
        joined = Bid.partners.through.objects.filter(organisation__slug__in=councils)
        bids = bids.filter(Q(lead__slug__in=councils) | Q(pk__in=joined.values("bid_id")))
    if query.is_narrowed:
        updates = updates.filter(bid__in=bids)
    return updates


@require_safe
def update_list(request):
    principles = list(Principle.objects.in_order())
    areas = list(ServiceArea.objects.order_by("name"))
    councils = list(_councils_with_projects().values_list("slug", "name"))
    query = ListQuery.from_request(
        request,
        sorts=SORTS,
        allowed={
            "principle": {p.slug for p in principles},
            "service_area": {a.slug for a in areas},
            "phase": set(Phase.values),
            "council": {slug for slug, _name in councils},
        },
    )
    results = _filtered(ProjectUpdate.objects.public(), query).for_listing().newest_first()
    page, pagination = paginate(request, results, query)
    return render(
        request,
        "sharing/updates.html",
        {
            "page_title": page_title("Project updates", page),
            "query": query,
            "page": page,
            "pagination": pagination,
            "principle_items": checkbox_items(
                [(p.slug, f"{p.number}. {p.title}") for p in principles], query.filters["principle"]
            ),
            "service_area_items": checkbox_items(
                [(a.slug, a.name) for a in areas], query.filters["service_area"]
            ),
            "phase_items": checkbox_items(Phase.choices, query.filters["phase"]),
            "council_items": [
                {"value": "", "text": "Any council"},
                *(
                    {"value": slug, "text": name, "selected": slug in query.filters["council"]}
                    for slug, name in councils
                ),
            ],
            "sort_items": select_items(SORTS, query.sort),
        },
    )


@require_safe
def update_detail(request, pk):
    update = (
        ProjectUpdate.objects.public()
        .select_related("bid", "bid__lead", "bid__round")
        .prefetch_related("documents")
        .filter(pk=pk)
        .first()
    )
    if update is None:
        raise Http404("No published update has this number.")
    return render(
        request,
        "sharing/update.html",
        {
            "page_title": fitting_title(update.title),
            "update": update,
            "documents": [
                {"document": document, "size": describe_size(document.size)}
                for document in update.documents.all()
            ],
        },
    )
