"""The partner finder: signed councils whose commitments share a service area
or a principle with yours, so that officers can form the partnerships bids need."""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from funding.officer_session import signed_in_email
from funding.officers import organisations_of
from localdigital.core.lists import ListQuery, page_title, paginate, search_text
from signatories.models import COUNCIL_TYPES, Commitment, Organisation, SignUp


def _matching_councils(yours: SignUp):
    """Signed councils, other than yours, whose commitments share your
    commitment's service area or one of its principles: both first, then the
    same service area, then principles alone; more principles shared first.

    Written so that each candidate costs one look-up: the rule of who may
    partner (a signed, current council) is applied to the organisation joined
    in, not as a subquery over every signed council, and the count of shared
    principles is worked out once a row, not once for each place that reads it.
    """
    commitment = yours.commitment
    principle_ids = [principle.pk for principle in commitment.principles.all()]
    tags = Commitment.principles.through.objects.filter(
        commitment_id=OuterRef("commitment__pk"), principle_id__in=principle_ids
    )
    shared = tags.order_by().values("commitment_id").annotate(count=Count("pk")).values("count")
    same_area = Q(commitment__service_area_id=commitment.service_area_id)
    today = timezone.localdate()
    return (
        SignUp.objects.public()
        .with_commitment()
        .filter(
            Q(organisation__start_date__isnull=True) | Q(organisation__start_date__lte=today),
            Q(organisation__end_date__isnull=True) | Q(organisation__end_date__gte=today),
            organisation__organisation_type__in=COUNCIL_TYPES,
        )
        .exclude(organisation_id=yours.organisation_id)
        .alias(shares_any=Exists(tags))
        .filter(same_area | Q(shares_any=True))
        .annotate(
            same_area=Case(When(same_area, then=1), default=0, output_field=IntegerField()),
            both=Case(
                When(same_area & Q(shares_any=True), then=1),
                default=0,
                output_field=IntegerField(),
            ),
            shared_principles=Coalesce(Subquery(shared, output_field=IntegerField()), 0),
        )
        .order_by("-both", "-same_area", "-shared_principles", "organisation__name", "pk")
    )


def _what_they_share(match: SignUp, yours: SignUp) -> dict:
    mine = {principle.pk for principle in yours.commitment.principles.all()}
    return {
        "sign_up": match,
        "service_area": match.commitment.service_area if match.same_area else None,
        "principles": [p for p in match.commitment.principles.all() if p.pk in mine],
    }


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
    page, pagination = paginate(request, _matching_councils(yours), query)
    return {
        "page_title": page_title("Find partner councils", page),
        "page": page,
        "pagination": pagination,
        "matches": [_what_they_share(match, yours) for match in page.object_list],
    }


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
