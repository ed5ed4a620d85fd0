"""A principle's page: its text, with the commitments and funded projects tagged with it."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from declaration.models import Principle
from funding.models import Bid
from signatories.models import SignUp

# The most recent are listed; the projects page, filtered by the principle, has them all.
COMMITMENTS_SHOWN = 10


@require_safe
def principle_detail(request, slug):
    # All five are read in one query: the page links to the ones either side.
    principles = list(Principle.objects.in_order())
    position = next((i for i, p in enumerate(principles) if p.slug == slug), None)
    if position is None:
        raise Http404("No principle has that address.")
    commitments = (
        SignUp.objects.signed()
        .with_commitment()
        .filtered(principles=[slug])
        .select_related("organisation", "commitment", "commitment__service_area")
        .newest_first()
    )
    funded = (
        Bid.objects.funded()
        .filter(principles__slug=slug)
        .select_related("lead", "round")
        .order_by("-round__opens_at", "title", "pk")
    )
    return render(
        request,
        "declaration/principle.html",
        {
            "principle": principles[position],
            "previous_principle": principles[position - 1] if position > 0 else None,
            "next_principle": principles[position + 1] if position + 1 < len(principles) else None,
            "commitments": list(commitments[:COMMITMENTS_SHOWN]),
            "commitments_count": commitments.count(),
            "funded_projects": list(funded[:COMMITMENTS_SHOWN]),
            "funded_count": funded.count(),
        },
    )
