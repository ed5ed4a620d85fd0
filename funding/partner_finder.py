"""The partner finder: signed councils whose commitments share a service area
or a principle with yours, so that officers can form the partnerships bids need."""

import operator
from functools import reduce

from django.db.models import Case, IntegerField, Q, Value, When
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from funding.officer_session import signed_in_email
from funding.officers import organisations_of
from localdigital.core.lists import PAGE_SIZE, ListQuery, page_title, paginate, search_text
from signatories.models import Organisation, PartnerListing, SignUp
from signatories.models.partners import holds_principle


def _matching_councils(yours: SignUp):
    """Signed councils, other than yours, whose commitments share your
    commitment's service area or one of its principles: both first, then the
    same service area, then principles alone; more principles shared first.

    Ranked from the partner finder's own rows (signatories.models.partners):
    one narrow table, no join and no subquery for each candidate, so ranking
    every council that shares something costs a scan of small rows. Gives
    each match's sign-up key and whether it shares your service area.
    """
    commitment = yours.commitment
    holds = [
        Q(principles__contains=holds_principle(principle.pk))
        for principle in commitment.principles.all()
    ]
    shares_any = reduce(operator.or_, holds, Q(pk__in=[]))
    same_area = Q(service_area_id=commitment.service_area_id)
    today = timezone.localdate()
    shared = [Case(When(held, then=1), default=0, output_field=IntegerField()) for held in holds]
    return (
        PartnerListing.objects.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=today),
            Q(end_date__isnull=True) | Q(end_date__gte=today),
            same_area | shares_any,
        )
        .exclude(organisation_id=yours.organisation_id)
        .annotate(
            same_area=Case(When(same_area, then=1), default=0, output_field=IntegerField()),
            both=Case(When(same_area & shares_any, then=1), default=0, output_field=IntegerField()),
            shared_principles=sum(shared, Value(0)),
        )
        .order_by("-both", "-same_area", "-shared_principles", "name", "pk")
        .values_list("sign_up_id", "same_area")
    )


def _what_they_share(sign_up: SignUp, same_area: bool, yours: SignUp) -> dict:
    mine = {principle.pk for principle in yours.commitment.principles.all()}
    return {
        "sign_up": sign_up,
        "service_area": sign_up.commitment.service_area if same_area else None,
        "principles": [p for p in sign_up.commitment.principles.all() if p.pk in mine],
    }


def _matches(ranked: list[tuple[int, int]], yours: SignUp) -> list[dict]:
    """The page's matches in their rank, their sign-ups read by key."""
    sign_ups = SignUp.objects.public().in_bulk([sign_up_id for sign_up_id, _ in ranked])
    return [
        _what_they_share(sign_ups[sign_up_id], bool(same_area), yours)
        for sign_up_id, same_area in ranked
        if sign_up_id in sign_ups
    ]


# Organisations listed after a search for yours: enough to find it by part of its name.
PARTNER_SEARCH_RESULTS = 30


def _organisations_with_commitments():
    """Signed organisations with a public commitment: the ones a finder can start from."""
    return Organisation.objects.filter(
        pk__in=SignUp.objects.signed().with_commitment().values("organisation_id")
    )


def _chosen_organisation(request) -> tuple[bool, str]:
    """Whether an organisation was asked for, and which (by slug): an officer
    signed in to bid who asks for nothing starts from their own."""
    asked = "organisation" in request.GET
    chosen = search_text(request.GET.get("organisation", ""))
    if not asked and "q" not in request.GET and (email := signed_in_email(request)):
        chosen = organisations_of(email).values_list("slug", flat=True).first() or ""
    return asked, chosen


def _found(query_text: str) -> list[tuple[str, str]]:
    return list(
        _organisations_with_commitments()
        .search(query_text)
        .order_by("name", "pk")
        .values_list("slug", "name")[:PARTNER_SEARCH_RESULTS]
    )


def _matches_context(request, yours: SignUp, chosen: str) -> dict:
    # Only for the page links: they keep the organisation chosen.
    query = ListQuery(sort="best", filters={"organisation": [chosen]})
    ranked = _matching_councils(yours)
    page, pagination = paginate(request, ranked, query)
    page.object_list = _page_rows(ranked, page, yours)
    return {
        "page_title": page_title("Find partner councils", page),
        "page": page,
        "pagination": pagination,
        "matches": _matches(page.object_list, yours),
    }


def _page_rows(ranked, page, yours: SignUp) -> list[tuple[int, int]]:
    """The page's rows of the ranking, sorting as few councils as it can.

    Councils that share your service area rank before all the others, in the
    same order among themselves. So when there are enough of them to fill the
    page (one indexed count), only they are sorted, not every council that
    shares a principle as well.
    """
    start = (page.number - 1) * PAGE_SIZE
    same_area = ranked.filter(service_area_id=yours.commitment.service_area_id)
    if same_area.order_by()[: start + PAGE_SIZE].count() == start + PAGE_SIZE:
        return list(same_area[start : start + PAGE_SIZE])
    return list(page.object_list)


@require_safe
def partner_finder(request):
    """Find partners: first your organisation (searched for by name, so the page
    stays small however many have signed), then the councils that share
    something with its commitment."""
    asked, chosen = _chosen_organisation(request)
    query_text = search_text(request.GET.get("q", ""))[:100]
    yours = None
    if chosen:
        yours = SignUp.objects.public().with_commitment().filter(organisation__slug=chosen).first()
    error = "Select your organisation" if asked and yours is None else None
    # The list of organisations found was sent without one chosen.
    error_field = "found" if request.GET.get("choosing") and not asked else "organisation"
    if error_field == "found":
        error = "Select your organisation"
    found = _found(query_text) if query_text and yours is None else None
    if found == []:
        error = f"No signed organisation’s name includes ‘{query_text}’. Try part of it."
        error_field = "organisation"
    context = {
        "page_title": "Find partner councils",
        "error_title": bool(error),
        "error": error,
        "error_field": error_field,
        "query": query_text,
        "found": found,
        "max_found": PARTNER_SEARCH_RESULTS,
        "yours": yours,
    }
    if yours is not None:
        context.update(_matches_context(request, yours, chosen))
    return render(request, "fund/partners.html", context)
