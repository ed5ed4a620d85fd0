"""Public pages of case studies: every published one, filtered and paged;
one case study's page. Both the same for every visitor (public_page), each in
a fixed number of queries whatever the number of case studies."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from declaration.models import Principle, ServiceArea
from funding.models import Bid
from localdigital.core.lists import ListQuery, checkbox_items, page_title, paginate, select_items
from localdigital.core.titles import fitting_title
from sharing.case_models import CaseStudy
from signatories.models import Commitment, Organisation, SignUpState

SORTS = {"newest": "Newest first"}


def _filtered(case_studies, query: ListQuery):
    if principles := query.filters.get("principle"):
        tagged = CaseStudy.principles.through.objects.filter(principle__slug__in=principles)
        case_studies = case_studies.filter(pk__in=tagged.values("casestudy_id"))
    if areas := query.filters.get("service_area"):
        case_studies = case_studies.filter(service_area__slug__in=areas)
    if councils := query.filters.get("council"):
        joined = CaseStudy.councils.through.objects.filter(organisation__slug__in=councils)
        case_studies = case_studies.filter(pk__in=joined.values("casestudy_id"))
    return case_studies


def _councils_with_case_studies() -> list[tuple[str, str]]:
    """The council filter's choices: councils in a published case study."""
    told = CaseStudy.councils.through.objects.filter(casestudy__in=CaseStudy.objects.public())
    councils = Organisation.objects.filter(pk__in=told.values("organisation_id")).order_by("name")
    return list(councils.values_list("slug", "name"))


@require_safe
def case_study_list(request):
    principles = list(Principle.objects.in_order())
    areas = list(ServiceArea.objects.order_by("name"))
    councils = _councils_with_case_studies()
    query = ListQuery.from_request(
        request,
        sorts=SORTS,
        allowed={
            "principle": {p.slug for p in principles},
            "service_area": {a.slug for a in areas},
            "council": {slug for slug, _name in councils},
        },
    )
    results = _filtered(CaseStudy.objects.public(), query).for_listing().newest_first()
    page, pagination = paginate(request, results, query)
    council_items = [{"value": "", "text": "Any council"}] + [
        {"value": slug, "text": name, "selected": slug in query.filters["council"]}
        for slug, name in councils
    ]
    return render(
        request,
        "sharing/case_studies.html",
        {
            "page_title": page_title("Case studies", page),
            "query": query,
            "page": page,
            "pagination": pagination,
            "principle_items": checkbox_items(
                [(p.slug, f"{p.number}. {p.title}") for p in principles], query.filters["principle"]
            ),
            "service_area_items": checkbox_items(
                [(a.slug, a.name) for a in areas], query.filters["service_area"]
            ),
            "council_items": council_items,
            "sort_items": select_items(SORTS, query.sort),
        },
    )


def public_case_study(slug: str) -> CaseStudy | None:
    """The published case study, with all its page shows, in a fixed number of queries."""
    signed = Commitment.objects.filter(sign_up__state=SignUpState.SIGNED)
    return (
        CaseStudy.objects.public()
        .select_related("service_area")
        .prefetch_related(
            Prefetch("councils", Organisation.objects.order_by("name")),
            Prefetch("principles", Principle.objects.in_order()),
            "outcomes",
            Prefetch("funded_projects", Bid.objects.funded().select_related("lead")),
            Prefetch("declaration_projects", signed.select_related("sign_up__organisation")),
        )
        .filter(slug=slug)
        .first()
    )


@require_safe
def case_study_detail(request, slug):
    case_study = public_case_study(slug)
    if case_study is None:
        raise Http404("No published case study has this address.")
    return render(
        request,
        "sharing/case_study.html",
        {"page_title": fitting_title(case_study.title), "case_study": case_study},
    )
