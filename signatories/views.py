"""Public pages about signatories and their commitments, and their open data.

The lists take their search, filters, sort and page from the query string, so
they work as plain GET forms without JavaScript and every state has an
address. A value the page does not know (a filter nobody has, a page past the
end, a made-up sort) is ignored or brought into range: never an error.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_safe

from declaration.models import Principle, ServiceArea
from funding import open_data as fund_open_data
from signatories import coverage, open_data
from signatories.models import Nation, OrganisationType, SignUp

PAGE_SIZE = 20
# Longer searches are cut: no organisation's name is this long.
MAX_SEARCH_LENGTH = 200
# Page links either side of the current page, as GOV.UK's pagination pattern shows them.
PAGES_AROUND_CURRENT = 1

SIGNATORY_SORTS = {"name": "Name (A to Z)", "-signed": "Most recently signed"}
PROJECT_SORTS = {"-signed": "Most recent", "name": "Organisation name (A to Z)"}


def search_text(value: str) -> str:
    """What a search box sent, fit to look for: no NUL bytes, trimmed, not too long.

    PostgreSQL refuses a NUL byte anywhere in a query's text (SQLite does not),
    and no name has one, so it is dropped rather than searched for.
    """
    return value.replace("\x00", "").strip()[:MAX_SEARCH_LENGTH]


@dataclass
class ListQuery:
    """What a visitor asked a list for, with anything unknown dropped."""

    q: str = ""
    sort: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_request(
        cls, request: HttpRequest, *, sorts: dict[str, str], allowed: dict[str, set[str]]
    ) -> "ListQuery":
        sort = request.GET.get("sort", "")
        return cls(
            q=search_text(request.GET.get("q", "")),
            sort=sort if sort in sorts else next(iter(sorts)),
            filters={
                name: [value for value in dict.fromkeys(request.GET.getlist(name)) if value in ok]
                for name, ok in allowed.items()
            },
        )

    @property
    def is_narrowed(self) -> bool:
        return bool(self.q or any(self.filters.values()))

    def query_string(self, *, page: int = 1) -> str:
        """The address of this list at a page, with only the values that were kept."""
        pairs = [("q", self.q)] if self.q else []
        pairs += [(name, value) for name, values in self.filters.items() for value in values]
        pairs.append(("sort", self.sort))
        if page > 1:
            pairs.append(("page", str(page)))
        return "?" + urlencode(pairs)


def _page(request: HttpRequest, queryset, query: ListQuery) -> tuple[Page, dict | None]:
    paginator = Paginator(queryset, PAGE_SIZE)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    page = paginator.get_page(max(number, 1))
    return page, _pagination(page, query)


def _pagination(page: Page, query: ListQuery) -> dict | None:
    """The parameters of GOV.UK's pagination component, or None for a single page."""
    last = page.paginator.num_pages
    if last <= 1:
        return None
    current = page.number
    shown = {1, last, *range(current - PAGES_AROUND_CURRENT, current + PAGES_AROUND_CURRENT + 1)}
    items, previous_number = [], 0
    for number in sorted(n for n in shown if 1 <= n <= last):
        if number > previous_number + 1:
            items.append({"ellipsis": True})
        items.append(
            {
                "number": number,
                "href": query.query_string(page=number),
                "current": number == current,
            }
        )
        previous_number = number
    params = {"items": items, "landmarkLabel": "Results pages"}
    if page.has_previous():
        params["previous"] = {"href": query.query_string(page=current - 1)}
    if page.has_next():
        params["next"] = {"href": query.query_string(page=current + 1)}
    return params


def _checkbox_items(choices: list[tuple[str, str]], chosen: list[str]) -> list[dict]:
    return [{"value": value, "text": label, "checked": value in chosen} for value, label in choices]


def _select_items(sorts: dict[str, str], chosen: str) -> list[dict]:
    return [
        {"value": value, "text": label, "selected": value == chosen}
        for value, label in sorts.items()
    ]


def _page_title(title: str, page: Page) -> str:
    if page.paginator.num_pages > 1:
        return f"{title} (page {page.number} of {page.paginator.num_pages})"
    return title


@require_safe
def signatory_list(request):
    signed = SignUp.objects.signed()
    facets = signed.facets()
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
    page, pagination = _page(request, results, query)
    # Only the options some signatory has, plus any chosen, so that none leads nowhere.
    shown_types = facets["organisation_types"] | set(query.filters["type"])
    shown_nations = facets["nations"] | set(query.filters["nation"])
    return render(
        request,
        "signatories/list.html",
        {
            "page_title": _page_title("Signatories", page),
            "query": query,
            "page": page,
            "pagination": pagination,
            "total": signed.count(),
            "type_items": _checkbox_items(
                [c for c in OrganisationType.choices if c[0] in shown_types], query.filters["type"]
            ),
            "nation_items": _checkbox_items(
                [c for c in Nation.choices if c[0] in shown_nations], query.filters["nation"]
            ),
            "region_items": _checkbox_items(
                [(region, region) for region in sorted(facets["regions"])],
                query.filters["region"],
            ),
            "sort_items": _select_items(SIGNATORY_SORTS, query.sort),
        },
    )


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
            "page_title": sign_up.organisation.name,
            "sign_up": sign_up,
            "organisation": sign_up.organisation,
            "commitment": getattr(sign_up, "commitment", None),
        },
    )


@require_safe
def project_list(request):
    principles = list(Principle.objects.in_order())
    service_areas = list(ServiceArea.objects.all())
    query = ListQuery.from_request(
        request,
        sorts=PROJECT_SORTS,
        allowed={
            "principle": {principle.slug for principle in principles},
            "service_area": {area.slug for area in service_areas},
        },
    )
    results = (
        SignUp.objects.public()
        .with_commitment()
        .filtered(
            q=query.q,
            principles=query.filters["principle"],
            service_areas=query.filters["service_area"],
        )
        .sorted_by(query.sort)
    )
    page, pagination = _page(request, results, query)
    return render(
        request,
        "signatories/projects.html",
        {
            "page_title": _page_title("Declaration projects", page),
            "query": query,
            "page": page,
            "pagination": pagination,
            "principle_items": _checkbox_items(
                [(p.slug, f"{p.number}. {p.title}") for p in principles],
                query.filters["principle"],
            ),
            "service_area_items": _checkbox_items(
                [(area.slug, area.name) for area in service_areas],
                query.filters["service_area"],
            ),
            "sort_items": _select_items(PROJECT_SORTS, query.sort),
        },
    )


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
            "register_credit": open_data.REGISTER_CREDIT,
            "register_url": open_data.REGISTER_URL,
            "register_licence_url": open_data.REGISTER_LICENCE_URL,
        },
    )


@require_safe
def open_data_page(request):
    return render(
        request,
        "signatories/open_data.html",
        {
            "page_title": "Open data",
            "datasets": open_data.DATASETS,
            "fund_datasets": fund_open_data.DATASETS,
            "organisation_types": OrganisationType.choices,
            "licence_name": open_data.LICENCE_NAME,
            "licence_url": open_data.LICENCE_URL,
            "register_credit": open_data.REGISTER_CREDIT,
            "register_url": open_data.REGISTER_URL,
            "register_licence_url": open_data.REGISTER_LICENCE_URL,
        },
    )


@require_safe
def signatories_csv(request):
    return open_data.csv_response(
        open_data.SIGNATORIES, open_data.signatory_rows(), request=request
    )


@require_safe
def signatories_json(request):
    return open_data.json_response(
        open_data.SIGNATORIES, open_data.signatory_rows(), request=request
    )


@require_safe
def projects_csv(request):
    return open_data.csv_response(open_data.PROJECTS, open_data.project_rows(), request=request)


@require_safe
def projects_json(request):
    return open_data.json_response(open_data.PROJECTS, open_data.project_rows(), request=request)
