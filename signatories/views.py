"""Public pages about signatories and their commitments, and their open data files.

The lists read their search, filters, sort and page with localdigital.core.lists.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from declaration.models import Principle, ServiceArea
from localdigital.core import open_data as shared_open_data
from localdigital.core import open_data_files
from localdigital.core.lists import (
    ListQuery,
    checkbox_items,
    page_title,
    paginate,
    select_items,
)
from localdigital.core.titles import fitting_title
from signatories import counts, coverage, open_data
from signatories.models import NOT_REPORTED, Delivery, Nation, OrganisationType, SignUp

SIGNATORY_SORTS = {"name": "Name (A to Z)", "-signed": "Most recently signed"}
PROJECT_SORTS = {"-signed": "Most recent", "name": "Organisation name (A to Z)"}
# The projects list's delivery filter: each answer of a report, or none yet.
DELIVERY_CHOICES = {**dict(Delivery.choices), NOT_REPORTED: "Not reported yet"}


@require_safe
def signatory_list(request):
    signed = SignUp.objects.signed()
    # The total, the filters' choices and a filtered list's length all come
    # from the summary rows: only a search is counted, and only so far.
    kept = counts.Snapshot()
    facets = kept.facets()
    query = ListQuery.from_request(
        request,
        sorts=SIGNATORY_SORTS,
        allowed={
            "type": set(OrganisationType.values),
            "nation": set(Nation.values),
            "region": facets["regions"],
        },
    )
    results = (
        signed.select_related("organisation")
        .filtered(
            q=query.q,
            organisation_types=query.filters["type"],
            nations=query.filters["nation"],
            regions=query.filters["region"],
        )
        .sorted_by(query.sort)
    )
    known = None
    if not query.q:
        known = kept.signed_count(
            organisation_types=query.filters["type"],
            nations=query.filters["nation"],
            regions=query.filters["region"],
        )
    page, pagination = paginate(request, results, query, count=known)
    return render(
        request,
        "signatories/list.html",
        {
            "page_title": page_title("Signatories", page),
            "query": query,
            "page": page,
            "pagination": pagination,
            "total": kept.signatories,
            **_signatory_filter_items(query, facets),
        },
    )


def _signatory_filter_items(query: ListQuery, facets: dict) -> dict:
    """The filters' choices: only those some signatory has, plus any chosen,
    so that none leads nowhere."""
    shown_types = facets["organisation_types"] | set(query.filters["type"])
    shown_nations = facets["nations"] | set(query.filters["nation"])
    return {
        "type_items": checkbox_items(
            [c for c in OrganisationType.choices if c[0] in shown_types], query.filters["type"]
        ),
        "nation_items": checkbox_items(
            [c for c in Nation.choices if c[0] in shown_nations], query.filters["nation"]
        ),
        "region_items": checkbox_items(
            [(region, region) for region in sorted(facets["regions"])],
            query.filters["region"],
        ),
        "sort_items": select_items(SIGNATORY_SORTS, query.sort),
    }


@require_safe
def signatory_detail(request, slug):
    sign_up = SignUp.objects.public().filter(organisation__slug=slug).first()
    if sign_up is None:
        if SignUp.objects.removed().filter(organisation__slug=slug).exists():
            return render(request, "errors/410.html", status=410)
        raise Http404("No organisation with that address has signed.")
    return render(
        request,
        "signatories/detail.html",
        {
            "page_title": fitting_title(sign_up.organisation.name),
            "sign_up": sign_up,
            "organisation": sign_up.organisation,
            "commitment": getattr(sign_up, "commitment", None),
        },
    )


def _project_filters(query: ListQuery) -> dict:
    return {
        "principles": query.filters["principle"],
        "service_areas": query.filters["service_area"],
        "deliveries": query.filters["delivery"],
    }


@require_safe
def project_list(request):
    principles = list(Principle.objects.in_order().select_related("commitment_count"))
    service_areas = list(ServiceArea.objects.all())
    query = ListQuery.from_request(
        request,
        sorts=PROJECT_SORTS,
        allowed={
            "principle": {principle.slug for principle in principles},
            "service_area": {area.slug for area in service_areas},
            "delivery": set(DELIVERY_CHOICES),
        },
    )
    results = (
        SignUp.objects.public()
        .with_commitment()
        .filtered(q=query.q, **_project_filters(query))
        .sorted_by(query.sort)
    )
    page, pagination = paginate(
        request, results, query, count=_known_project_count(query, principles)
    )
    return render(
        request,
        "signatories/projects.html",
        {
            "page_title": page_title("Declaration projects", page),
            "query": query,
            "page": page,
            "pagination": pagination,
            "principle_items": checkbox_items(
                [(p.slug, f"{p.number}. {p.title}") for p in principles],
                query.filters["principle"],
            ),
            "service_area_items": checkbox_items(
                [(area.slug, area.name) for area in service_areas],
                query.filters["service_area"],
            ),
            "delivery_items": checkbox_items(
                list(DELIVERY_CHOICES.items()), query.filters["delivery"]
            ),
            "sort_items": select_items(PROJECT_SORTS, query.sort),
        },
    )


def _known_project_count(query: ListQuery, principles: list[Principle]) -> int | None:
    """The projects list's length from the summary rows, where they know it:
    every project, or those of one principle."""
    narrowed = query.q or query.filters["service_area"] or query.filters["delivery"]
    if narrowed or len(query.filters["principle"]) > 1:
        return None
    if not query.filters["principle"]:
        return counts.totals()["commitments"]
    chosen = next(p for p in principles if p.slug == query.filters["principle"][0])
    return counts.commitments_with(chosen)


@require_safe
def coverage_page(request):
    counts = coverage.council_coverage()
    return render(
        request,
        "signatories/coverage.html",
        {
            "page_title": "Which councils have signed",
            "coverage": counts,
            "type_chart": coverage.bar_chart(counts.by_type, title="Councils signed, by type"),
            "region_chart": coverage.bar_chart(
                counts.by_region, title="Councils signed, by region"
            ),
            "register_credit": shared_open_data.REGISTER_CREDIT,
            "register_url": shared_open_data.REGISTER_URL,
            "register_licence_url": shared_open_data.REGISTER_LICENCE_URL,
        },
    )


@require_safe
def signatories_csv(request):
    return open_data_files.download(request, open_data.SIGNATORIES, "csv")


@require_safe
def signatories_json(request):
    return open_data_files.download(request, open_data.SIGNATORIES, "json")


@require_safe
def projects_csv(request):
    return open_data_files.download(request, open_data.PROJECTS, "csv")


@require_safe
def projects_json(request):
    return open_data_files.download(request, open_data.PROJECTS, "json")
